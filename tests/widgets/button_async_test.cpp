// Example 1 of Panel's async guide ("Use Asynchronous Callbacks") as a test: an async onClick
// handler; quick clicks run as concurrent tasks while the event loop keeps ticking.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTest>

#include "common/eventloop.h"
#include "core/scheduler.h"
#include "widgets/button.h"
#include "widgets/layouts/row.h"
#include "widgets/statictext.h"

using namespace std::chrono_literals;

TEST(ButtonAsync, ThreeQuickClicksRunThreeConcurrentTasks) {
    auto* document = new qpanel::Document;
    qpanel::Document::Scope scope(document);
    auto* button = new qpanel::Button({{"name", "Click me!"}}, document);
    auto* text = new qpanel::StaticText({}, document);
    auto* row = new qpanel::Row({button, text}, {}, document);

    button->onClick([text = QPointer(text)](const qpanel::Event& event) -> QCoro::Task<> {
        const int n = event.newValue.toInt();
        text->set("value", QString("Running %1").arg(n));
        co_await qpanel::sleep(300ms);
        if (text) text->set("value", QString("Finished %1").arg(n));
    });

    QStringList shown;
    auto* label = row->view()->findChild<QLabel*>();
    QObject::connect(text, &qpanel::Parameterized::paramChanged, text,
                     [&](const QString&) { shown.append(label->text()); });
    auto* push = row->view()->findChild<QPushButton*>();
    auto& tasks = qpanel::Runtime::instance().tasks();

    qpanel::test::LoopTicker ticker;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 3; ++i) QTest::mouseClick(push, Qt::LeftButton);
    EXPECT_EQ(label->text(), "Running 3") << "the text updates at once, before any await ends";
    EXPECT_EQ(tasks.countOwnedBy(document), 3);

    ASSERT_TRUE(qpanel::test::waitUntil([&] { return tasks.countOwnedBy(document) == 0; }));
    EXPECT_LT(clock.elapsed(), 800)
        << "three 300 ms handlers ran concurrently, not one after another";
    EXPECT_EQ(shown, (QStringList{"Running 1", "Running 2", "Running 3", "Finished 1", "Finished 2",
                                  "Finished 3"}));
    EXPECT_GT(ticker.ticks(), 10) << "the event loop kept ticking while the tasks slept";
    delete document;
}

TEST(ButtonAsync, EachFinishedShowsAsItsOwnTaskEnds) {
    auto* document = new qpanel::Document;
    qpanel::Document::Scope scope(document);
    auto* button = new qpanel::Button({}, document);
    auto* text = new qpanel::StaticText({}, document);
    // Later clicks sleep less, so they finish first: the text follows the tasks, not the clicks.
    button->onClick([text = QPointer(text)](const qpanel::Event& event) -> QCoro::Task<> {
        const int n = event.newValue.toInt();
        text->set("value", QString("Running %1").arg(n));
        co_await qpanel::sleep(std::chrono::milliseconds(400 - 100 * n));
        if (text) text->set("value", QString("Finished %1").arg(n));
    });
    QStringList shown;
    QObject::connect(text, &qpanel::Parameterized::paramChanged, text,
                     [&](const QString&, const QVariant& v) { shown.append(v.toString()); });
    for (int i = 0; i < 3; ++i) button->click();
    ASSERT_TRUE(qpanel::test::waitUntil([&] { return shown.size() == 6; }));
    EXPECT_EQ(shown.mid(3), (QStringList{"Finished 3", "Finished 2", "Finished 1"}));
    delete document;
}

TEST(ButtonAsync, DeletingTheDocumentCancelsHandlersInFlight) {
    auto* document = new qpanel::Document;
    qpanel::Document::Scope scope(document);
    auto* button = new qpanel::Button({}, document);
    bool resumed = false;
    button->onClick([&resumed](const qpanel::Event&) -> QCoro::Task<> {
        co_await qpanel::sleep(200ms);
        resumed = true;
    });
    button->click();
    delete document;
    EXPECT_TRUE(qpanel::test::waitUntil([] { return !qpanel::Runtime::instance().busy(); }, 1s));
    EXPECT_FALSE(resumed);
}
