// Two-way sync: user input sets the param once (watchers fire once, no echo);
// programmatic sets update what the view shows.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTest>
#include <thread>

#include "common/eventloop.h"
#include "widgets/button.h"
#include "widgets/checkbox.h"
#include "widgets/floatslider.h"
#include "widgets/intslider.h"
#include "widgets/labeledview.h"
#include "widgets/loadingoverlay.h"
#include "widgets/progress.h"
#include "widgets/select.h"
#include "widgets/statictext.h"
#include "widgets/textareainput.h"
#include "widgets/textinput.h"
#include "widgets/toggle.h"

using qpanel::Event;

namespace {
/// Counts watcher calls on one param and remembers the last new value.
struct Recorder {
    int calls = 0;
    QVariant last;
    Recorder(qpanel::Parameterized* object, const QString& name) {
        object->watch({name}, [this](const Event& e) {
            ++calls;
            last = e.newValue;
        });
    }
};

template <typename T>
T* control(qpanel::Component* component) {
    T* found = qobject_cast<T*>(component->view());
    return found ? found : component->view()->findChild<T*>();
}

/// Shows a view in its own window so it gets focus and key events.
void showForInput(QWidget* view) {
    view->resize(300, view->sizeHint().height());
    view->show();
    view->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view));
}
}  // namespace

TEST(Button, ClickIncrementsClicksAndFiresOnClickOnce) {
    qpanel::Button button({{"name", "Go"}, {"button_type", "primary"}});
    Recorder clicks(&button, "clicks");
    QList<int> seen;
    button.onClick([&](const Event& e) { seen.append(e.newValue.toInt()); });
    auto* push = control<QPushButton>(&button);
    EXPECT_EQ(push->text(), "Go");
    QTest::mouseClick(push, Qt::LeftButton);
    QTest::mouseClick(push, Qt::LeftButton);
    EXPECT_EQ(button.get("clicks").toInt(), 2);
    EXPECT_EQ(clicks.calls, 2);
    EXPECT_EQ(seen, (QList<int>{1, 2}));
}

TEST(Button, SettingClicksFromCodeCountsAsAClick) {
    qpanel::Button button;
    int fired = 0;
    button.onClick([&](const Event&) { ++fired; });
    button.set("clicks", button.get("clicks").toInt() + 1);
    button.click();
    EXPECT_EQ(fired, 2);
}

TEST(Button, ProgrammaticSetsUpdateTheView) {
    qpanel::Button button({{"name", "Go"}});
    auto* push = control<QPushButton>(&button);
    button.set("name", "Stop");
    button.set("disabled", true);
    EXPECT_EQ(push->text(), "Stop");
    EXPECT_FALSE(push->isEnabled());
    button.set("button_type", "danger");
    EXPECT_TRUE(push->styleSheet().contains("#dc3545"));
    EXPECT_THROW(button.set("button_type", "purple"), qpanel::ParamError);
}

TEST(Button, DisabledButtonIgnoresClicks) {
    qpanel::Button button({{"disabled", true}});
    QTest::mouseClick(control<QPushButton>(&button), Qt::LeftButton);
    EXPECT_EQ(button.get("clicks").toInt(), 0);
}

TEST(Toggle, ClickTogglesValueBothWays) {
    qpanel::Toggle toggle({{"name", "Live"}});
    Recorder value(&toggle, "value");
    auto* push = control<QPushButton>(&toggle);
    QTest::mouseClick(push, Qt::LeftButton);
    EXPECT_TRUE(toggle.get("value").toBool());
    EXPECT_EQ(value.calls, 1);
    toggle.set("value", false);
    EXPECT_FALSE(push->isChecked());
    EXPECT_EQ(value.calls, 2) << "the echo from the view must not fire again";
}

TEST(Checkbox, SpaceKeyTogglesAndSetUpdatesBox) {
    qpanel::Checkbox checkbox({{"name", "Agree"}});
    Recorder value(&checkbox, "value");
    auto* box = control<QCheckBox>(&checkbox);
    EXPECT_EQ(box->text(), "Agree");
    showForInput(checkbox.view());
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    EXPECT_TRUE(checkbox.get("value").toBool());
    EXPECT_EQ(value.calls, 1);
    checkbox.set("value", false);
    EXPECT_FALSE(box->isChecked());
    EXPECT_EQ(value.calls, 2);
}

TEST(TextInput, TypingUpdatesValueInputAndEnterCommitsValueOnce) {
    qpanel::TextInput input({{"name", "City"}, {"placeholder", "Type a city"}});
    Recorder value(&input, "value");
    Recorder typed(&input, "value_input");
    auto* edit = control<QLineEdit>(&input);
    EXPECT_EQ(edit->placeholderText(), "Type a city");
    showForInput(input.view());
    edit->setFocus();
    QTest::keyClicks(edit, "Oslo");
    EXPECT_EQ(input.get("value_input").toString(), "Oslo");
    EXPECT_EQ(typed.calls, 4);
    EXPECT_EQ(value.calls, 0) << "value commits on Enter, like Panel";
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(input.get("value").toString(), "Oslo");
    EXPECT_EQ(value.calls, 1);
    input.set("value", "Bergen");
    EXPECT_EQ(edit->text(), "Bergen");
    EXPECT_EQ(input.get("value_input").toString(), "Bergen");
    EXPECT_EQ(value.calls, 2);
}

TEST(TextAreaInput, FocusLossCommitsValueAndPlaceholderShows) {
    qpanel::TextAreaInput area({{"placeholder", "Notes"}});
    Recorder value(&area, "value");
    auto* edit = control<QPlainTextEdit>(&area);
    EXPECT_EQ(edit->placeholderText(), "Notes");
    showForInput(area.view());
    edit->setFocus();
    QTest::keyClicks(edit, "hi");
    EXPECT_EQ(area.get("value_input").toString(), "hi");
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(area.get("value").toString(), "hi");
    EXPECT_EQ(value.calls, 1);
    area.set("value", "a\nb");
    EXPECT_EQ(edit->toPlainText(), "a\nb");
}

TEST(IntSlider, KeysStepTheValueAndFireWatchersOnce) {
    qpanel::IntSlider slider({{"name", "Index"}, {"start", 0}, {"end", 10}, {"value", 3}});
    Recorder value(&slider, "value");
    auto* qslider = control<QSlider>(&slider);
    showForInput(slider.view());
    qslider->setFocus();
    QTest::keyClick(qslider, Qt::Key_Right);
    EXPECT_EQ(slider.get("value").toInt(), 4);
    EXPECT_EQ(value.calls, 1);
    QTest::keyClick(qslider, Qt::Key_End);
    EXPECT_EQ(slider.get("value").toInt(), 10);
    EXPECT_EQ(value.calls, 2);
    auto* caption = static_cast<qpanel::LabeledView*>(slider.view())->caption();
    EXPECT_TRUE(caption->text().contains("Index")) << caption->text().toStdString();
    EXPECT_TRUE(caption->text().contains("<b>10</b>"));
}

TEST(IntSlider, ProgrammaticSetMovesHandleAndCaption) {
    qpanel::IntSlider slider({{"start", 2}, {"end", 20}, {"step", 2}});
    auto* qslider = control<QSlider>(&slider);
    EXPECT_EQ(slider.get("value").toInt(), 2) << "value follows start";
    slider.set("value", 8);
    EXPECT_EQ(qslider->value(), 3);
    EXPECT_EQ(slider.valueText(), "8");
    EXPECT_THROW(slider.set("value", 21), qpanel::ParamError);
    EXPECT_EQ(slider.get("value").toInt(), 8);
    slider.set("end", 6);
    EXPECT_EQ(slider.get("value").toInt(), 6) << "a bound moved past the value pulls it along";
}

TEST(FloatSlider, StepsAreSnappedAndShownWithTheStepsDecimals) {
    qpanel::FloatSlider slider({{"start", 0.0}, {"end", 1.0}, {"step", 0.1}});
    auto* qslider = control<QSlider>(&slider);
    showForInput(slider.view());
    qslider->setFocus();
    for (int i = 0; i < 3; ++i) QTest::keyClick(qslider, Qt::Key_Up);
    EXPECT_EQ(slider.get("value").toDouble(), 0.3);
    EXPECT_EQ(slider.valueText(), "0.3");
    slider.set("value", 0.75);
    EXPECT_EQ(slider.valueText(), "0.8");
}

TEST(Select, ChoosingAnOptionSetsValueOnce) {
    qpanel::Select select({{"name", "Colour"}, {"options", QStringList{"red", "green", "blue"}}});
    EXPECT_EQ(select.get("value").toString(), "red") << "the first option by default";
    Recorder value(&select, "value");
    auto* combo = control<QComboBox>(&select);
    EXPECT_EQ(combo->count(), 3);
    combo->setCurrentIndex(2);
    EXPECT_EQ(select.get("value").toString(), "blue");
    EXPECT_EQ(value.calls, 1);
    select.set("value", "green");
    EXPECT_EQ(combo->currentText(), "green");
    EXPECT_THROW(select.set("value", "pink"), qpanel::ParamError);
    select.set("options", QVariantList{1, 2});
    EXPECT_EQ(select.get("value").toInt(), 1);
    EXPECT_EQ(combo->currentText(), "1");
}

TEST(StaticText, ShowsNameColonValue) {
    qpanel::StaticText text({{"name", "Status"}, {"value", "idle"}});
    EXPECT_EQ(text.text(), "Status: idle");
    auto* label = control<QLabel>(&text);
    text.set("value", "<busy>");
    EXPECT_EQ(label->text(), "<b>Status:</b> &lt;busy&gt;");
}

TEST(Progress, ValueMaxAndIndeterminate) {
    qpanel::Progress progress;
    auto* bar = control<QProgressBar>(&progress);
    EXPECT_TRUE(progress.indeterminate());
    EXPECT_EQ(bar->maximum(), 0);
    progress.update({{"max", 10}, {"value", 4}});
    EXPECT_EQ(bar->maximum(), 10);
    EXPECT_EQ(bar->value(), 4);
    EXPECT_THROW(progress.set("value", 11), qpanel::ParamError);
}

TEST(Component, LoadingShowsAnOverlayOverTheView) {
    qpanel::TextInput input;
    QWidget* view = input.view();
    view->resize(200, 60);
    EXPECT_EQ(view->findChild<qpanel::LoadingOverlay*>(), nullptr);
    input.set("loading", true);
    auto* overlay = view->findChild<qpanel::LoadingOverlay*>();
    ASSERT_NE(overlay, nullptr);
    EXPECT_TRUE(overlay->isActive());
    EXPECT_EQ(overlay->geometry(), view->rect());
    input.set("loading", false);
    EXPECT_FALSE(overlay->isActive());
}

TEST(Component, ConfigureAppliesParamsInDeclarationOrderAndNamesBadOnes) {
    qpanel::IntSlider slider({{"value", 50}, {"end", 100}, {"start", 10}});
    EXPECT_EQ(slider.get("value").toInt(), 50);
    try {
        qpanel::IntSlider bad({{"colour", 1}});
        FAIL() << "unknown param accepted";
    } catch (const qpanel::ParamError& e) {
        EXPECT_TRUE(QString(e.what()).contains("colour"));
    }
}

TEST(Component, SetsFromAWorkerThreadReachTheViewInOrder) {
    qpanel::StaticText text;
    auto* label = control<QLabel>(&text);
    // What the label shows after each change reaches the GUI thread (this
    // slot is connected after the view's own, so it sees the synced text).
    QStringList shown;
    QObject::connect(&text, &qpanel::Parameterized::paramChanged, label, [&](const QString& name) {
        if (name == QLatin1String("value")) shown << label->text();
    });
    std::thread worker([&] {
        for (int i = 1; i <= 50; ++i) text.set("value", QString::number(i));
    });
    worker.join();
    ASSERT_TRUE(qpanel::test::waitUntil([&] { return shown.size() >= 50; }))
        << shown.join(' ').toStdString();
    QStringList expected;
    for (int i = 1; i <= 50; ++i) expected << QString::number(i);
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // and nothing more arrives
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(label->text(), "50");
}

TEST(Component, ViewIsRecreatedAfterAParentDeletedIt) {
    qpanel::Button button({{"name", "Again"}});
    {
        QWidget parent;
        button.view()->setParent(&parent);
    }
    EXPECT_EQ(button.existingView(), nullptr);
    EXPECT_EQ(control<QPushButton>(&button)->text(), "Again");
}
