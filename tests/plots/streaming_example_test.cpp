// The seed's streaming example in C++: a button whose async callback, wrapped
// with the document lock, waits 1 s and streams five points into the chart.
#include "common/eventloop.h"
#include "core/callback.h"
#include "core/scheduler.h"
#include "plots/chartview.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <gtest/gtest.h>

#include <random>

using namespace std::chrono_literals;
using qpanel::ChartView;
using qpanel::ColumnDataSource;
using qpanel::Document;
using qpanel::Figure;
using qpanel::test::waitUntil;

TEST(StreamingExample, EachClickStreamsFivePointsAfterOneSecondUnderTheLock) {
    Document doc;
    Document::Scope scope(&doc);
    QWidget window;
    auto* button = new QPushButton("Click me!");
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    Figure fig({.width = 500, .height = 300});
    fig.line({.x = "x", .y = "y", .source = &cds});
    auto* chart = new ChartView(&fig);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(button);
    layout->addWidget(chart);
    window.show();

    std::mt19937 rng(1);
    std::normal_distribution<double> randn;
    auto stream = doc.withLock([&cds, &rng, &randn]() -> QCoro::Task<> {
        co_await qpanel::sleep(1s);
        const auto x = cds.column("x"), y = cds.column("y");
        std::vector<double> xs, ys;
        double acc = y.back();
        for (int i = 1; i <= 5; ++i) xs.push_back(x.back() + i), ys.push_back(acc += randn(rng));
        cds.stream({{"x", xs}, {"y", ys}});
    });
    qpanel::Callback<> onClick = stream;
    QObject::connect(button, &QPushButton::clicked, &window, [&] {
        qpanel::invoke(onClick, qpanel::InvokeContext{"Button 'Click me!'", &doc, {}});
    });

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(button, Qt::LeftButton);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(cds.rowCount(), 1) << "nothing changes before the sleep ends";
    ASSERT_TRUE(waitUntil([&] { return cds.rowCount() == 11; }, 5s));
    EXPECT_GE(clock.elapsed(), 1000);
    EXPECT_EQ(cds.column("x"), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    ASSERT_TRUE(waitUntil([&] { return chart->lastFramePoints() == 11; }));
}
