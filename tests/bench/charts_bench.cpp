// Streaming-chart frame cost with its peers in the same run (issue: plots):
// append a batch and render (grab() at 800x400, offscreen) for windows of
// 1k..10M points, for qpanel's ChartView, QCustomPlot 2.1, and plain Qt Charts
// `QLineSeries::replace` of the whole window, and pyqtgraph (a /usr/bin/python3
// subprocess, with and without its peak downsampling); plus ingest rate.
// Run: build/bin/bench_charts   (docs/PERFORMANCE.md has the figures)
#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QValueAxis>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <random>

#include "guibench.h"
#include "peers.h"
#include "plots/chartview.h"

namespace {

constexpr int kWidth = 800;
constexpr int kHeight = 400;
constexpr int kBatch = 1000;

/// ms per frame by renderer and window, for the side-by-side summary.
std::map<std::string, std::map<qint64, double>> frameMs;

/// Times the benchmark loop `body` and records ms per iteration.
template <typename Body>
void timedLoop(benchmark::State& state, const char* renderer, Body&& body) {
    const auto start = std::chrono::steady_clock::now();
    for (auto _ : state) body();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (state.iterations() > 0) frameMs[renderer][state.range(0)] = ms / double(state.iterations());
}

/// pyqtgraph's ms per frame (`mode` "frame" or "frame_peak"), from the peer
/// script run once for every window qpanel was measured at.
std::optional<double> pyqtgraphMs(const char* mode, qint64 window) {
    QStringList args{QStringLiteral("frame")};
    for (const auto& [size, ms] : frameMs["qpanel"]) args << QString::number(size);
    return qpanel::bench::peerFigure(QStringLiteral("pyqtgraph_peer.py"), args,
                                     QStringLiteral("%1_%2").arg(QLatin1String(mode)).arg(window));
}

void printPeer(std::optional<double> peerMs, double oursMs, int width) {
    if (peerMs && *peerMs > 0)
        std::printf(" %*.3f %7.2fx", width, *peerMs, oursMs / *peerMs);
    else
        std::printf(" %*s %8s", width, "-", "-");
}

void printSummary() {
    const auto& ours = frameMs["qpanel"];
    if (ours.empty()) return;
    std::printf("\nframe time (append %d points + render 800x400 + grab), ms, same run:\n", kBatch);
    std::printf("%9s %9s %11s %8s %11s %8s %11s %8s %11s %8s\n", "window", "qpanel", "QCustomPlot",
                "ratio", "pyqtgraph", "ratio", "pg peak", "ratio", "QtCh repl", "ratio");
    for (const auto& [window, ms] : ours) {
        auto peer = [&](const char* name) -> std::optional<double> {
            const auto& m = frameMs[name];
            auto it = m.find(window);
            if (it == m.end()) return std::nullopt;
            return it->second;
        };
        std::printf("%9lld %9.3f", static_cast<long long>(window), ms);
        printPeer(peer("qcustomplot"), ms, 11);
        printPeer(pyqtgraphMs("frame", window), ms, 11);
        printPeer(pyqtgraphMs("frame_peak", window), ms, 11);
        printPeer(peer("qtcharts"), ms, 11);
        std::printf("\n");
    }
    std::printf(
        "(ratio = qpanel / peer: below 1 means qpanel is faster; pyqtgraph: its defaults, "
        "and 'peak' = setDownsampling(auto=True, mode='peak') + setClipToView(True); it runs "
        "as /usr/bin/python3 tests/bench/peers/pyqtgraph_peer.py, needs python3-pyqtgraph "
        "and python3-pyqt6, and QPANEL_BENCH_PEERS=0 skips it)\n");
}

/// A random walk, continued batch after batch.
struct Walk {
    std::mt19937 rng{42};
    std::normal_distribution<double> step{0, 1};
    double t = 0, v = 0;
    void next(std::vector<double>& ts, std::vector<double>& vs, qint64 n) {
        ts.resize(std::size_t(n));
        vs.resize(std::size_t(n));
        for (qint64 i = 0; i < n; ++i)
            ts[std::size_t(i)] = t++, vs[std::size_t(i)] = v += step(rng);
    }
};

void BM_QpanelFrame(benchmark::State& state) {
    const qint64 window = state.range(0);
    qpanel::Document doc;
    qpanel::Document::Scope scope(&doc);
    Walk walk;
    std::vector<double> ts, vs;
    walk.next(ts, vs, window);
    qpanel::ColumnDataSource cds({{"t", ts}, {"v", vs}});
    qpanel::Figure fig({.width = kWidth, .height = kHeight});
    fig.line({.x = "t", .y = "v", .source = &cds});
    qpanel::ChartView view(&fig);
    view.resize(kWidth, kHeight);
    view.show();
    view.renderImage();
    timedLoop(state, "qpanel", [&] {
        walk.next(ts, vs, kBatch);
        doc.runLocked([&] { cds.stream({{"t", ts}, {"v", vs}}, window); });
        benchmark::DoNotOptimize(view.grabFrame());
    });
    state.counters["points_drawn"] = view.lastFramePoints();
}

void BM_QCustomPlotFrame(benchmark::State& state) {
    const qint64 window = state.range(0);
    QCustomPlot plot;
    plot.resize(kWidth, kHeight);
    plot.show();
    QCPGraph* graph = plot.addGraph();
    Walk walk;
    std::vector<double> ts, vs;
    walk.next(ts, vs, window);
    QVector<double> keys(ts.begin(), ts.end()), values(vs.begin(), vs.end());
    graph->setData(keys, values, true);
    timedLoop(state, "qcustomplot", [&] {
        walk.next(ts, vs, kBatch);
        QVector<double> k(ts.begin(), ts.end()), v(vs.begin(), vs.end());
        graph->addData(k, v, true);
        graph->data()->removeBefore(walk.t - double(window));
        plot.rescaleAxes();
        plot.replot(QCustomPlot::rpImmediateRefresh);
        benchmark::DoNotOptimize(plot.grab());
    });
}

void BM_QtChartsReplaceFrame(benchmark::State& state) {
    const qint64 window = state.range(0);
    QChart* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* series = new QLineSeries;
    chart->addSeries(series);
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QChartView view(chart);
    view.resize(kWidth, kHeight);
    view.show();
    Walk walk;
    std::vector<double> ts, vs;
    walk.next(ts, vs, window);
    QList<QPointF> points;
    points.reserve(window + kBatch);
    for (qint64 i = 0; i < window; ++i)
        points.append(QPointF(ts[std::size_t(i)], vs[std::size_t(i)]));
    timedLoop(state, "qtcharts", [&] {
        walk.next(ts, vs, kBatch);
        for (int i = 0; i < kBatch; ++i)
            points.append(QPointF(ts[std::size_t(i)], vs[std::size_t(i)]));
        points.remove(0, points.size() - window);
        double lo = points.front().y(), hi = lo;
        for (const QPointF& p : points) lo = std::min(lo, p.y()), hi = std::max(hi, p.y());
        series->replace(points);
        x->setRange(points.front().x(), points.back().x());
        y->setRange(lo, hi);
        benchmark::DoNotOptimize(view.grab());
    });
}

/// Points per second into a source with 10M-row rollover, no rendering.
void BM_QpanelIngest(benchmark::State& state) {
    qpanel::Document doc;
    qpanel::Document::Scope scope(&doc);
    qpanel::ColumnDataSource cds({{"t", {}}, {"v", {}}});
    Walk walk;
    std::vector<double> ts, vs;
    const qint64 batch = state.range(0);
    for (auto _ : state) {
        walk.next(ts, vs, batch);
        doc.runLocked([&] { cds.stream({{"t", ts}, {"v", vs}}, 10'000'000); });
    }
    state.SetItemsProcessed(state.iterations() * batch);
}

void windows(benchmark::internal::Benchmark* b, qint64 largest) {
    for (qint64 n : {1'000LL, 10'000LL, 100'000LL, 1'000'000LL, 10'000'000LL})
        if (n <= largest) b->Arg(n);
    b->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
}

}  // namespace

BENCHMARK(BM_QpanelFrame)->Apply([](auto* b) { windows(b, 10'000'000); });
BENCHMARK(BM_QCustomPlotFrame)->Apply([](auto* b) { windows(b, 10'000'000); });
// Beyond 1M points a whole-window replace takes many seconds per frame.
BENCHMARK(BM_QtChartsReplaceFrame)->Apply([](auto* b) { windows(b, 1'000'000); });
BENCHMARK(BM_QpanelIngest)->Arg(10'000)->Arg(100'000)->UseRealTime()->MinTime(1.0);

int main(int argc, char** argv) {
    return runGuiBenchmarks(argc, argv, printSummary);
}
