// What a real X server shows of a chart, compared with a fresh render of it.
// QWidget::grab() repaints everything into a new pixmap, so stale regions of
// the window (items that changed without telling the scene) are invisible to
// it; QScreen::grabWindow on xcb reads the X server's copy of the window.
// ctest runs this binary under `xvfb-run -a` (tests/common/run-under-xvfb.sh).
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QImage>
#include <QScreen>
#include <QVBoxLayout>
#include <QWidget>
#include <cmath>

#include "common/eventloop.h"
#include "core/scheduler.h"
#include "plots/chartpane.h"
#include "plots/chartview.h"

using qpanel::ChartPane;
using qpanel::ColumnDataSource;
using qpanel::Document;
using qpanel::Figure;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::LoopTicker;
using qpanel::test::waitUntil;

namespace {

/// Pixels whose colour differs clearly (antialiasing noise stays under the
/// threshold; a line drawn somewhere else does not).
int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return a.width() * a.height();
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
            const int d = std::max({std::abs(p.red() - q.red()), std::abs(p.green() - q.green()),
                                    std::abs(p.blue() - q.blue())});
            if (d > 60) ++n;
        }
    return n;
}

QImage onScreen(QWidget& window) {
    return window.screen()
        ->grabWindow(window.winId())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

QImage freshRender(QWidget& window) {
    return window.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

std::vector<double> wave(int first, int count) {
    std::vector<double> v;
    for (int i = first; i < first + count; ++i) v.push_back(std::sin(i / 15.0) * 10 + i * 0.05);
    return v;
}

std::vector<double> iota(int first, int count) {
    std::vector<double> v;
    for (int i = first; i < first + count; ++i) v.push_back(i);
    return v;
}

class ChartOnScreen : public ::testing::Test {
protected:
    void SetUp() override {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            GTEST_SKIP() << "needs a real X server (Qt platform xcb, got '"
                         << QGuiApplication::platformName().toStdString()
                         << "'): ctest runs this under xvfb-run, which was not found "
                            "(Debian: apt-get install xvfb xauth)";
    }

    /// Shows `fig` as the app does: the window is up, then the pane's view
    /// arrives and is laid out and painted before the chart's first frame
    /// (queued when the view was made) runs.
    void show(Figure* fig) {
        auto* layout = new QVBoxLayout(&window_);
        window_.resize(900, 320);
        window_.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window_));
        pane_ = std::make_unique<ChartPane>(fig);
        layout->addWidget(pane_->view());
        layout->activate();
        pane_->view()->show();
        window_.repaint();
        ASSERT_NE(pane_->chartView(), nullptr);
        ASSERT_TRUE(waitUntil([&] { return pane_->chartView()->frames() >= 1; }));
    }

    /// Lets the posted layout and paint events run (the axes relayout a few
    /// loop passes after a frame), then waits for the X server to agree with a
    /// fresh render. A stale region never does; `what` names the moment.
    void expectScreenMatchesFreshRender(const char* what) {
        LoopTicker ticker;
        ASSERT_TRUE(waitUntil([&] { return ticker.ticks() >= 20; }));
        int differing = -1;
        const bool agrees = waitUntil(
            [&] {
                differing = differingPixels(onScreen(window_), freshRender(window_));
                return differing <= 20;
            },
            std::chrono::seconds(3));
        if (!agrees && !qEnvironmentVariableIsEmpty("QPANEL_SAVE_SCREENSHOTS")) {
            onScreen(window_).save("/tmp/chart-onscreen.png");
            freshRender(window_).save("/tmp/chart-fresh.png");
        }
        EXPECT_TRUE(agrees) << what << ": " << differing
                            << " pixels on screen differ from a fresh render of the window "
                               "(stale regions: ghost copies of the line)";
    }

    Document doc_;
    Document::Scope scope_{&doc_};
    QWidget window_;
    std::unique_ptr<ChartPane> pane_;  // after window_: its view lives in the window
};

}  // namespace

TEST_F(ChartOnScreen, AStaticChartShowsWhatAFreshRenderShowsAfterFirstShow) {
    ColumnDataSource cds({{"x", iota(0, 200)}, {"y", wave(0, 200)}});
    Figure fig({.title = "Static", .width = 600, .height = 300});
    fig.line({.x = "x", .y = "y", .source = &cds, .lineWidth = 2});
    show(&fig);
    expectScreenMatchesFreshRender("after first show");
}

TEST_F(ChartOnScreen, AStreamingChartStaysCurrentOnScreenThroughStreamsAndAResize) {
    ColumnDataSource cds({{"x", iota(0, 50)}, {"y", wave(0, 50)}});
    Figure fig({.title = "Streaming", .width = 600, .height = 300});
    fig.line({.x = "x", .y = "y", .source = &cds, .lineWidth = 2});
    show(&fig);
    // Each batch widens the axes (and their labels), moving the plot area.
    for (int batch = 1; batch <= 3; ++batch) {
        const int framesBefore = pane_->chartView()->frames();
        bool done = false;
        Runtime::instance().spawn(
            [&, batch]() -> QCoro::Task<> {
                auto guard = co_await doc_.lock();
                cds.stream({{"x", iota(batch * 500, 50)}, {"y", wave(batch * 500, 50)}});
                done = true;
            },
            SpawnOptions{{}, &doc_});
        ASSERT_TRUE(waitUntil([&] { return done && pane_->chartView()->frames() > framesBefore; }));
        expectScreenMatchesFreshRender("after a streamed batch");
    }
    window_.resize(700, 360);
    expectScreenMatchesFreshRender("after a resize");
}
