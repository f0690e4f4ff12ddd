// qpanel's asyncio loop (app/python/loop) vs asyncio's default loop and
// uvloop, same run: the peers are /usr/bin/python3 subprocesses running the
// same Python functions (peers/asyncio_peer.py, aiohttp_peer.py,
// uvloop_peer.py); here they run in the embedded interpreter on Qt's loop,
// and, as one more peer, on asyncio's default loop in that interpreter.
// See docs/PERFORMANCE.md.

// Python.h (through pybind11) before Qt, whose `slots` macro breaks
// CPython's object.h.
// clang-format off
#include "arenacache.h"
#include "asyncioloop.h"
#include <pybind11/embed.h>
#include "peers.h"
// clang-format on

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <algorithm>
#include <optional>

namespace py = pybind11;
using qpanel::bench::peerFigure;

namespace {

/// Runs coroutine `fn(n)` of module `module` as an app's task on qpanel's loop and
/// returns its result (a float), spinning Qt's loop with the GIL released.
double runOnQpanel(const char* module, const char* fn, int n) {
    py::object coroutine = py::module_::import(module).attr(fn)(n);
    // In an app's Context, as a user's tasks run: the tasks it spawns are
    // that app's (owned, counted for idle, cancelled on close).
    static py::object& app = *new py::object(qpanel::python::asyncioOwnerContext(py::str("bench")));
    py::object task = app.attr("run")(
        py::module_::import("asyncio").attr("get_running_loop")().attr("create_task"), coroutine);
    // A plain QEventLoop quit by the task's done callback: QTest::qWaitFor
    // sleeps 10 ms between its passes, which would be measured.
    QEventLoop loop;
    task.attr("add_done_callback")(py::cpp_function([&loop](py::object) { loop.quit(); }));
    {
        py::gil_scoped_release released;
        loop.exec();
    }
    return task.attr("result")().cast<double>();
}

/// The same function on asyncio's default loop in this interpreter (the
/// peer's loop on qpanel's libpython: separates the loop from the build of
/// Python, /usr/bin/python3 being statically linked).
double runOnEmbeddedAsyncio(const char* module, const char* fn, int n) {
    return py::module_::import("asyncio_peer")
        .attr("run_on_default_loop")(py::module_::import(module).attr(fn), n)
        .cast<double>();
}

void setPeer(benchmark::State& state, const char* name, std::optional<double> peer, double ours,
             bool higherIsBetter) {
    if (!peer) return;
    state.counters[name] = *peer;
    state.counters[std::string("x_") + name] = higherIsBetter ? ours / *peer : *peer / ours;
}

QStringList sizes(const char* mode, const QStringList& ns) {
    return QStringList{mode} + ns;
}

void BM_PyTaskSpawnSleep0Finish(benchmark::State& state) {
    const int n = int(state.range(0));
    double best = 1e300, bestCpu = 1e300, embeddedCpu = 1e300;
    for (auto _ : state) {
        best = std::min(best, runOnQpanel("asyncio_peer", "spawn_yield_finish", n));
        bestCpu = std::min(bestCpu, runOnQpanel("asyncio_peer", "spawn_yield_finish_cpu", n));
        embeddedCpu = std::min(embeddedCpu,
                               runOnEmbeddedAsyncio("asyncio_peer", "spawn_yield_finish_cpu", n));
    }
    const double us = best / n * 1e6, cpuUs = bestCpu / n * 1e6;
    state.counters["us_per_task"] = us;
    state.counters["cpu_us_per_task"] = cpuUs;
    setPeer(state, "embedded_asyncio_cpu_us", embeddedCpu / n * 1e6, cpuUs, false);
    const QStringList args = sizes("spawn", {"1000", "10000", "100000"});
    const QString key = QStringLiteral("spawn_%1").arg(n);
    const QString cpuKey = QStringLiteral("spawn_cpu_%1").arg(n);
    setPeer(state, "asyncio_us", peerFigure(QStringLiteral("asyncio_peer.py"), args, key), us,
            false);
    setPeer(state, "uvloop_us", peerFigure(QStringLiteral("uvloop_peer.py"), args, key), us, false);
    setPeer(state, "asyncio_cpu_us", peerFigure(QStringLiteral("asyncio_peer.py"), args, cpuKey),
            cpuUs, false);
    setPeer(state, "uvloop_cpu_us", peerFigure(QStringLiteral("uvloop_peer.py"), args, cpuKey),
            cpuUs, false);
}

void BM_AiohttpGetsPerSecond(benchmark::State& state) {
    const int n = int(state.range(0));
    double best = 0, bestCpu = 0, embeddedCpu = 0;
    for (auto _ : state) {
        best = std::max(best, runOnQpanel("aiohttp_peer", "gets_per_second", n));
        bestCpu = std::max(bestCpu, runOnQpanel("aiohttp_peer", "gets_per_cpu_second", n));
        embeddedCpu =
            std::max(embeddedCpu, runOnEmbeddedAsyncio("aiohttp_peer", "gets_per_cpu_second", n));
    }
    state.counters["gets_per_s"] = best;
    state.counters["gets_per_cpu_s"] = bestCpu;
    setPeer(state, "embedded_asyncio_cpu_gets", embeddedCpu, bestCpu, true);
    const QStringList args = sizes("gets", {QString::number(n)});
    const QString key = QStringLiteral("gets_%1").arg(n);
    const QString cpuKey = QStringLiteral("gets_cpu_%1").arg(n);
    setPeer(state, "asyncio_gets", peerFigure(QStringLiteral("aiohttp_peer.py"), args, key), best,
            true);
    setPeer(state, "uvloop_gets", peerFigure(QStringLiteral("uvloop_peer.py"), args, key), best,
            true);
    setPeer(state, "asyncio_cpu_gets", peerFigure(QStringLiteral("aiohttp_peer.py"), args, cpuKey),
            bestCpu, true);
    setPeer(state, "uvloop_cpu_gets", peerFigure(QStringLiteral("uvloop_peer.py"), args, cpuKey),
            bestCpu, true);
}

// Best of the iterations, as the peers take the best of their runs.
BENCHMARK(BM_PyTaskSpawnSleep0Finish)
    ->Arg(1000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PyTaskSpawnSleep0Finish)
    ->Arg(10000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PyTaskSpawnSleep0Finish)
    ->Arg(100000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_AiohttpGetsPerSecond)
    ->Arg(1000)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // As the app's interpreter (python/interpreter.cpp) is set up.
    qpanel::python::installArenaCache();
    py::scoped_interpreter interpreter;
    py::module_::import("sys").attr("path").attr("insert")(0, QPANEL_BENCH_PEERS_DIR);
    qpanel::python::installAsyncioLoop();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    qpanel::python::shutdownAsyncioLoop();
    return 0;
}
