// One screenshot per component as a smoke check (a sane size, something
// drawn). With QPANEL_GALLERY_DIR set, also writes a gallery of every
// component in the light and dark palettes, for people to look at.
#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <algorithm>
#include <functional>

#include "common/darkpalette.h"
#include "common/eventloop.h"
#include "core/reactive.h"
#include "core/scheduler.h"
#include "widgets/button.h"
#include "widgets/checkbox.h"
#include "widgets/floatslider.h"
#include "widgets/intslider.h"
#include "widgets/layouts/card.h"
#include "widgets/layouts/column.h"
#include "widgets/layouts/row.h"
#include "widgets/layouts/spacer.h"
#include "widgets/layouts/tabs.h"
#include "widgets/loadingspinner.h"
#include "widgets/panes/image.h"
#include "widgets/panes/markdown.h"
#include "widgets/panes/reactivepane.h"
#include "widgets/panes/str.h"
#include "widgets/progress.h"
#include "widgets/select.h"
#include "widgets/statictext.h"
#include "widgets/textareainput.h"
#include "widgets/textinput.h"
#include "widgets/toggle.h"

using namespace std::chrono_literals;

namespace {

QByteArray samplePng() {
    QImage image(240, 100, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 240, 100);
    gradient.setColorAt(0, QColor("#0072b5"));
    gradient.setColorAt(1, QColor("#5cb85c"));
    p.fillRect(image.rect(), gradient);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

struct Sample {
    const char* name;
    std::function<qpanel::Component*()> make;
};

void PrintTo(const Sample& sample, std::ostream* os) {
    *os << sample.name;
}

const QList<Sample>& samples() {
    static const QList<Sample> list{
        {"Button",
         [] {
             auto* row = new qpanel::Row;
             for (const char* type :
                  {"default", "primary", "success", "warning", "danger", "light"})
                 row->append(new qpanel::Button({{"name", QString(type)}, {"button_type", type}}));
             row->append(new qpanel::Button(
                 {{"name", "disabled"}, {"button_type", "primary"}, {"disabled", true}}));
             return row;
         }},
        {"Toggle",
         [] {
             return new qpanel::Row(
                 {new qpanel::Toggle({{"name", "Off"}}),
                  new qpanel::Toggle({{"name", "On"}, {"value", true}}),
                  new qpanel::Toggle(
                      {{"name", "Primary on"}, {"value", true}, {"button_type", "primary"}})});
         }},
        {"Checkbox",
         [] {
             return new qpanel::Row({new qpanel::Checkbox({{"name", "Checked"}, {"value", true}}),
                                     new qpanel::Checkbox({{"name", "Unchecked"}})});
         }},
        {"TextInput",
         [] {
             return new qpanel::Row(
                 {new qpanel::TextInput({{"name", "Name"}, {"value", "Ada"}}),
                  new qpanel::TextInput({{"name", "City"}, {"placeholder", "Type a city…"}})});
         }},
        {"TextAreaInput",
         [] {
             return new qpanel::TextAreaInput(
                 {{"name", "Notes"}, {"placeholder", "Write notes…"}, {"rows", 3}});
         }},
        {"IntSlider",
         [] {
             return new qpanel::IntSlider(
                 {{"name", "Index"}, {"start", 0}, {"end", 10}, {"value", 4}});
         }},
        {"FloatSlider",
         [] {
             return new qpanel::FloatSlider(
                 {{"name", "Gain"}, {"start", 0.0}, {"end", 2.0}, {"step", 0.05}, {"value", 1.25}});
         }},
        {"Select",
         [] {
             return new qpanel::Select({{"name", "Colour"},
                                        {"options", QStringList{"Red", "Green", "Blue"}},
                                        {"value", "Green"}});
         }},
        {"StaticText",
         [] {
             return new qpanel::StaticText({{"name", "Status"}, {"value", "Running 3"}});
         }},
        {"Progress",
         [] {
             return new qpanel::Column({new qpanel::Progress({{"value", 65}}),
                                        new qpanel::Progress({{"value", 20}, {"max", 40}})});
         }},
        {"LoadingSpinner",
         [] {
             return new qpanel::Row(
                 {new qpanel::LoadingSpinner({{"value", true}}),
                  new qpanel::LoadingSpinner(
                      {{"value", true}, {"size", 24}, {"color", "#dc3545"}, {"name", "Loading…"}}),
                  new qpanel::LoadingSpinner({{"value", false}, {"size", 24}})});
         }},
        {"Markdown",
         [] {
             return new qpanel::Markdown(
                 QStringLiteral("## Markdown pane\nSome **bold**, *italic* and `code`, a "
                                "[link](https://panel.holoviz.org).\n\n"
                                "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |"));
         }},
        {"Str",
         [] {
             return new qpanel::Str(QVariant(QStringLiteral("Str pane: {'a': 1, 'b': [1, 2]}")));
         }},
        {"Image", [] { return new qpanel::PNG(samplePng()); }},
        {"ImageError", [] { return new qpanel::JPG(QByteArray("not an image")); }},
        {"ReactivePane",
         [] {
             auto* r = qpanel::bind([]() -> QCoro::Task<QVariant> {
                 co_await qpanel::sleep(1h);
                 co_return QVariant();
             });
             auto* pane = new qpanel::ReactivePane(r);
             pane->set("width", 240);
             return new qpanel::Column({pane});
         }},
        {"LoadingOverlay",
         [] {
             auto* input = new qpanel::TextInput({{"name", "Loading"}, {"value", "busy"}});
             input->set("loading", true);
             return input;
         }},
        {"Card",
         [] {
             return new qpanel::Card(
                 {"Card **body** text", new qpanel::Button({{"name", "Inside"}})},
                 {{"title", "Card title"}});
         }},
        {"Tabs",
         [] {
             return new qpanel::Tabs({{"First", "First tab's *content*"}, {"Second", "Second"}});
         }},
        {"Spacer",
         [] {
             return new qpanel::Row({new qpanel::Button({{"name", "Left"}}),
                                     new qpanel::Spacer({{"width", 60}}),
                                     new qpanel::Button({{"name", "Right"}})});
         }},
    };
    return list;
}

/// Pixels that differ clearly from the window background.
int drawnPixels(const QImage& image, const QColor& background) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - background.red()) + qAbs(c.green() - background.green()) +
                    qAbs(c.blue() - background.blue()) >
                60)
                ++count;
        }
    return count;
}

int heightAt(QWidget* view, int width) {
    const int wanted = view->hasHeightForWidth() ? view->heightForWidth(width) : 0;
    return std::max({wanted, view->sizeHint().height(), view->minimumSizeHint().height(), 8});
}

QImage shoot(qpanel::Component* component, int width) {
    QWidget* view = component->view();
    view->setAutoFillBackground(true);
    view->resize(width, heightAt(view, width));
    view->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(view));
    view->resize(width, heightAt(view, width));
    QCoreApplication::processEvents();
    return view->grab().toImage();
}

void writeGallery(const QString& dir, const QString& theme) {
    QWidget page;
    page.setAutoFillBackground(true);
    auto* grid = new QGridLayout(&page);
    grid->setContentsMargins(16, 16, 16, 16);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(12);
    QList<qpanel::Component*> made;
    int row = 0;
    for (const Sample& sample : samples()) {
        auto* title = new QLabel(QString::fromLatin1(sample.name));
        title->setStyleSheet("color: palette(mid); font-weight: bold;");
        grid->addWidget(title, row, 0, Qt::AlignTop | Qt::AlignRight);
        qpanel::Component* component = sample.make();
        made.append(component);
        grid->addWidget(component->view(), row++, 1);
    }
    page.resize(820, heightAt(&page, 820));
    page.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&page));
    QCoreApplication::processEvents();
    page.grab().save(QDir(dir).filePath(QString("gallery-%1.png").arg(theme)));
    qDeleteAll(made);
}

}  // namespace

class Screenshot : public ::testing::TestWithParam<Sample> {
protected:
    static void SetUpTestSuite() { QApplication::setStyle(QStyleFactory::create("Fusion")); }
};

TEST_P(Screenshot, ComponentDrawsSomethingAtASaneSize) {
    std::unique_ptr<qpanel::Component> component(GetParam().make());
    const QImage shot = shoot(component.get(), 480);
    EXPECT_GE(shot.width(), 100);
    EXPECT_GE(shot.height(), 8);
    EXPECT_LE(shot.height(), 600);
    const QColor background = component->view()->palette().color(QPalette::Window);
    EXPECT_GT(drawnPixels(shot, background), 40) << "nothing visible drawn for " << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(Components, Screenshot, ::testing::ValuesIn(samples()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Gallery, WritesLightAndDarkPngsWhenAsked) {
    const QString dir = qEnvironmentVariable("QPANEL_GALLERY_DIR");
    if (dir.isEmpty()) GTEST_SKIP() << "set QPANEL_GALLERY_DIR to write the gallery";
    QApplication::setStyle(QStyleFactory::create("Fusion"));
    const QPalette light = QApplication::style()->standardPalette();
    QApplication::setPalette(light);
    writeGallery(dir, "light");
    QApplication::setPalette(qpanel::test::darkPalette());
    writeGallery(dir, "dark");
    QApplication::setPalette(light);
    EXPECT_TRUE(QFile::exists(QDir(dir).filePath("gallery-dark.png")));
}
