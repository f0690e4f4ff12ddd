// Runtime figures with their peers from the same run (issue: foundation):
//   spawn + yield + finish per task at 1k..1M concurrent tasks  vs asyncio
//   100k concurrent sleeps with random deadlines                 vs asyncio
//   param set -> one watcher                                     vs param
// Run: build/bin/bench_runtime   (docs/PERFORMANCE.md has the figures)
#include <benchmark/benchmark.h>

#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <random>

#include "core/param.h"
#include "core/runtime.h"
#include "core/scheduler.h"
#include "peers.h"

using namespace std::chrono_literals;
using qpanel::bench::peerFigure;

namespace {

void setPeerCounters(benchmark::State& state, double ours, const char* peerName,
                     std::optional<double> peer) {
    if (!peer) return;
    state.counters[peerName] = *peer;
    state.counters["speedup"] = *peer / ours;
}

/// Spawns `n` tasks that each yield once and finish; returns when all have.
void spawnYieldFinish(int n) {
    auto& runtime = qpanel::Runtime::instance();
    int done = 0;
    QEventLoop loop;
    for (int i = 0; i < n; ++i) {
        runtime.spawn([&done, &loop, n]() -> QCoro::Task<> {
            co_await qpanel::yield();
            if (++done == n) loop.quit();
        });
    }
    loop.exec();
}

/// Per-task figure from a direct timing (used for the ratio column).
double measureSpawnYieldFinish(int n) {
    const auto start = std::chrono::steady_clock::now();
    spawnYieldFinish(n);
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
               .count() /
           n;
}

void BM_SpawnYieldFinishVsAsyncio(benchmark::State& state) {
    const int n = int(state.range(0));
    double best = 1e300;
    for (auto _ : state) best = std::min(best, measureSpawnYieldFinish(n));
    state.counters["us_per_task"] = best;
    setPeerCounters(
        state, best, "asyncio_us",
        peerFigure(QStringLiteral("asyncio_peer.py"),
                   {QStringLiteral("spawn"), QStringLiteral("1000"), QStringLiteral("10000"),
                    QStringLiteral("100000"), QStringLiteral("1000000")},
                   QStringLiteral("spawn_%1").arg(n)));
}

void BM_RandomSleeps(benchmark::State& state) {
    const int n = int(state.range(0));
    constexpr int kMaxMs = 100;
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> delayMs(0, kMaxMs);
    std::vector<std::chrono::microseconds> delays(std::size_t(n), 0us);
    for (auto& d : delays) d = std::chrono::microseconds(qint64(delayMs(rng) * 1000));
    double bestMs = 1e300;
    for (auto _ : state) {
        int done = 0;
        QEventLoop loop;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) {
            qpanel::Runtime::instance().spawn(
                [&done, &loop, n, d = delays[std::size_t(i)]]() -> QCoro::Task<> {
                    co_await qpanel::sleep(d);
                    if (++done == n) loop.quit();
                });
        }
        loop.exec();
        bestMs = std::min(bestMs, std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
    }
    state.counters["total_ms"] = bestMs;
    state.counters["overhead_us_per_task"] = (bestMs - kMaxMs) * 1000.0 / n;
    const QStringList args{QStringLiteral("sleeps"), QString::number(n), QString::number(kMaxMs)};
    if (auto peer = peerFigure(QStringLiteral("asyncio_peer.py"), args,
                               QStringLiteral("sleeps_%1").arg(n))) {
        state.counters["asyncio_total_ms"] = *peer;
    }
    if (auto peer = peerFigure(QStringLiteral("asyncio_peer.py"), args,
                               QStringLiteral("sleeps_overhead_%1").arg(n))) {
        state.counters["asyncio_overhead_us"] = *peer;
        state.counters["speedup"] = *peer / ((bestMs - kMaxMs) * 1000.0 / n);
    }
}

void BM_ParamSetOneWatcher(benchmark::State& state) {
    qpanel::Parameterized widget(QStringLiteral("IntSlider"));
    widget.declare({QStringLiteral("value"), QMetaType::fromType<int>(), 0});
    long long sum = 0;
    widget.watch({QStringLiteral("value")},
                 [&sum](const qpanel::Event& e) { sum += e.newValue.toInt(); });
    int i = 0;
    const QString name = QStringLiteral("value");
    const auto start = std::chrono::steady_clock::now();
    for (auto _ : state) widget.set(name, ++i);
    const double usPerSet =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        double(state.iterations());
    benchmark::DoNotOptimize(sum);
    state.counters["us_per_set"] = usPerSet;
    setPeerCounters(state, usPerSet, "param_us",
                    peerFigure(QStringLiteral("param_peer.py"), {QStringLiteral("200000")},
                               QStringLiteral("param_set")));
}

}  // namespace

// Best of many runs for small counts (one run of 1k tasks is ~0.2 ms and the
// first ones pay for warming caches and growing the scheduler's tables).
BENCHMARK(BM_SpawnYieldFinishVsAsyncio)
    ->Arg(1000)
    ->Iterations(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SpawnYieldFinishVsAsyncio)
    ->Arg(10000)
    ->Iterations(200)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SpawnYieldFinishVsAsyncio)
    ->Arg(100000)
    ->Iterations(20)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SpawnYieldFinishVsAsyncio)
    ->Arg(1000000)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RandomSleeps)
    ->Arg(100000)
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RandomSleeps)
    ->Arg(1000000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ParamSetOneWatcher);
