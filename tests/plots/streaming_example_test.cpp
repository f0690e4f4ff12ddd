// The streaming example of Panel's async guide ("Use Asynchronous
// Callbacks", Panel 1.4) in C++ against qpanel's widgets: a Button
// whose clicks param is watched by an async callback wrapped with the
// document lock, which waits 1 s and streams five points into the chart.
#include <gtest/gtest.h>

#include <QPushButton>
#include <random>

#include "common/eventloop.h"
#include "core/scheduler.h"
#include "plots/chartpane.h"
#include "plots/chartview.h"
#include "widgets/button.h"
#include "widgets/layouts/row.h"

using namespace std::chrono_literals;
using qpanel::ColumnDataSource;
using qpanel::Document;
using qpanel::Figure;
using qpanel::test::waitUntil;

TEST(StreamingExample, EachClickStreamsFivePointsAfterOneSecondUnderTheLock) {
    Document doc;
    Document::Scope scope(&doc);
    auto* button = new qpanel::Button({{"name", "Click me!"}});
    Figure fig({.width = 500, .height = 300});
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    fig.line({.x = "x", .y = "y", .source = &cds});
    auto* pane = new qpanel::ChartPane(&fig);

    std::mt19937 rng(1);
    std::normal_distribution<double> randn;
    auto stream = doc.withLock([&cds, &rng, &randn](const qpanel::Event&) -> QCoro::Task<> {
        co_await qpanel::sleep(1s);
        const auto x = cds.column("x"), y = cds.column("y");
        std::vector<double> xs, ys;
        double acc = y.back();
        for (int i = 1; i <= 5; ++i) xs.push_back(x.back() + i), ys.push_back(acc += randn(rng));
        cds.stream({{"x", xs}, {"y", ys}});
    });
    // Equivalent to on_click, but shown with param.watch as in Panel's guide.
    button->watch({"clicks"}, stream);

    qpanel::Row row({button, pane});
    QWidget* window = row.view();
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    auto* push = window->findChild<QPushButton*>();
    ASSERT_NE(push, nullptr);

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(push, Qt::LeftButton);
    QTest::mouseClick(push, Qt::LeftButton);
    EXPECT_EQ(button->value<int>("clicks"), 2);
    EXPECT_EQ(cds.rowCount(), 1) << "nothing changes before the sleep ends";
    ASSERT_TRUE(waitUntil([&] { return cds.rowCount() == 6; }, 5s));
    EXPECT_GE(clock.elapsed(), 1000);
    // The second click's section waits for the lock, then adds five more.
    ASSERT_TRUE(waitUntil([&] { return cds.rowCount() == 11; }, 5s));
    EXPECT_EQ(cds.column("x"), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    ASSERT_NE(pane->chartView(), nullptr);
    ASSERT_TRUE(waitUntil([&] { return pane->chartView()->lastFramePoints() == 11; }));
}

TEST(ChartPane, ShowsItsFigureAndRefusesOtherObjects) {
    Document doc;
    Document::Scope scope(&doc);
    Figure a({.title = "A"}), b({.title = "B"});
    qpanel::ChartPane pane(&a);
    pane.view();
    ASSERT_NE(pane.chartView(), nullptr);
    EXPECT_EQ(pane.chartView()->figure(), &a);
    pane.set("object", QVariant::fromValue<QObject*>(&b));
    EXPECT_EQ(pane.chartView()->figure(), &b);
    try {
        pane.set("object", QStringLiteral("not a figure"));
        FAIL();
    } catch (const qpanel::ParamError& e) {
        EXPECT_TRUE(QString::fromUtf8(e.what()).startsWith("Chart.object: expected a figure"));
    }
    EXPECT_EQ(pane.figure(), &b);
}
