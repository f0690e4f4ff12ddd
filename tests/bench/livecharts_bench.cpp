// The 16-live-charts figure (issue 15): a window of 16 charts of 300×160,
// each fed 10 points every 16 ms into a 2,000-point rolling window
// (`stream` with rollover, under the document lock, as a periodic callback
// would), for 5 s. Prints the feeds done against those due, the event
// loop's longest stall and the frames rendered. A timed harness, not Google
// Benchmark: the figure is one run's worst case. See docs/PERFORMANCE.md.
//
//   bench_livecharts [--seconds S] [--fixed-ranges]   (offscreen unless QT_QPA_PLATFORM is set)
//
// --fixed-ranges gives every chart fixed axes: no range change per frame, so
// Qt Charts does not relay its tick labels (the A/B for where the time goes).
//   xvfb-run -a env QT_QPA_PLATFORM=xcb bench_livecharts
#include <QAbstractScrollArea>
#include <QApplication>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/document.h"
#include "plots/chartview.h"

namespace {

constexpr int kCharts = 16;
constexpr int kPointsPerFeed = 10;
constexpr int kFeedPeriodMs = 16;
constexpr int kRollover = 2000;

/// Counts the paints of a chart's canvas (what reaches the screen).
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return false;
    }
};

struct LiveChart {
    std::unique_ptr<qpanel::ColumnDataSource> source;
    std::unique_ptr<qpanel::Figure> figure;
    qpanel::ChartView* view = nullptr;
    QTimer feed;
    int feeds = 0;
    double t = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    double seconds = 5;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--seconds")); i > 0 && i + 1 < args.size())
        seconds = args[i + 1].toDouble();
    const bool fixedRanges = args.contains(QStringLiteral("--fixed-ranges"));

    qpanel::Document doc;
    qpanel::Document::Scope scope(&doc);
    QWidget window;
    auto* grid = new QGridLayout(&window);
    grid->setSpacing(2);
    std::vector<std::unique_ptr<LiveChart>> charts;
    PaintCounter paints;
    for (int i = 0; i < kCharts; ++i) {
        auto chart = std::make_unique<LiveChart>();
        chart->source = std::make_unique<qpanel::ColumnDataSource>(
            qpanel::ColumnDataSource::Columns{{"t", {}}, {"v", {}}});
        qpanel::FigureOptions options{
            .title = QStringLiteral("sensor %1").arg(i + 1), .width = 300, .height = 160};
        if (fixedRanges) {
            options.xRange = qpanel::RangeSpec::fixed(0, 1e9);
            options.yRange = qpanel::RangeSpec::fixed(-2, 2);
        }
        chart->figure = std::make_unique<qpanel::Figure>(options);
        chart->figure->line({.x = "t", .y = "v", .source = chart->source.get()});
        chart->view = new qpanel::ChartView(chart->figure.get());
        chart->view->setFixedSize(300, 160);
        if (auto* area = qobject_cast<QAbstractScrollArea*>(chart->view->canvas()))
            area->viewport()->installEventFilter(&paints);
        grid->addWidget(chart->view, i / 4, i % 4);
        charts.push_back(std::move(chart));
    }
    window.show();

    // The loop's pulse: the longest wait between two 1 ms ticks, and how
    // many waits were longer than a 60 Hz frame.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = -1, longestGap = 0;
    int longGaps = 0;
    std::vector<qint64> gaps;
    QTimer pulse;
    pulse.setTimerType(Qt::PreciseTimer);
    pulse.setInterval(1);
    QObject::connect(&pulse, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0) {
            longestGap = std::max(longestGap, now - lastTick);
            longGaps += now - lastTick > 16'000'000;
            gaps.push_back(now - lastTick);
        }
        lastTick = now;
    });
    int framesBefore = 0;
    int paintsBefore = 0;
    qint64 started = 0;
    // Start once the window is up (its first layout and paint are not the figure).
    QTimer::singleShot(200, [&] {
        for (const auto& chart : charts) framesBefore += chart->view->frames();
        paintsBefore = paints.paints;
        started = clock.nsecsElapsed();
        lastTick = -1;
        longestGap = 0;
        longGaps = 0;
        gaps.clear();
        pulse.start();
        for (const auto& chart : charts) {
            LiveChart* c = chart.get();
            c->feed.setTimerType(Qt::PreciseTimer);
            c->feed.setInterval(kFeedPeriodMs);
            QObject::connect(&c->feed, &QTimer::timeout, [c, &doc] {
                std::vector<double> t(kPointsPerFeed), v(kPointsPerFeed);
                for (int k = 0; k < kPointsPerFeed; ++k) {
                    t[std::size_t(k)] = c->t++;
                    v[std::size_t(k)] = std::sin(c->t / 50.0) + 0.1 * std::sin(c->t * 1.7);
                }
                doc.runLocked([&] { c->source->stream({{"t", t}, {"v", v}}, kRollover); });
                ++c->feeds;
            });
            c->feed.start();
        }
        QTimer::singleShot(int(seconds * 1000), &app, &QApplication::quit);
    });
    app.exec();

    const double elapsed = (clock.nsecsElapsed() - started) / 1e9;
    const int due = int(elapsed * 1000 / kFeedPeriodMs);
    int fewest = due, most = 0, frames = -framesBefore;
    for (const auto& chart : charts) {
        fewest = std::min(fewest, chart->feeds);
        most = std::max(most, chart->feeds);
        frames += chart->view->frames();
    }
    std::printf(
        "live charts: %d charts of 300x160, %d points every %d ms each, rollover %d, "
        "%.2f s, platform %s%s\n",
        kCharts, kPointsPerFeed, kFeedPeriodMs, kRollover, elapsed,
        qPrintable(QGuiApplication::platformName()), fixedRanges ? ", fixed ranges" : "");
    std::printf("feeds per chart: %d-%d of %d due (%.0f%%)\n", fewest, most, due,
                100.0 * fewest / std::max(due, 1));
    std::sort(gaps.begin(), gaps.end());
    const auto percentile = [&](double p) {
        return gaps.empty() ? 0.0 : gaps[std::size_t(p * double(gaps.size() - 1))] / 1e6;
    };
    std::printf(
        "longest stall: %.1f ms between 1 ms ticks (median %.1f, 99th percentile "
        "%.1f); %d waits over 16 ms\n",
        longestGap / 1e6, percentile(0.5), percentile(0.99), longGaps);
    std::printf("frames built: %d (%.0f per chart per second); canvas paints: %d\n", frames,
                frames / elapsed / kCharts, paints.paints - paintsBefore);
    return 0;
}
