// Script-level figures with their peers from the same run (issue: scripts):
//   a JS async callback run as a task (spawn + await + finish)   vs asyncio
//   a JS param watcher dispatch (slider.value = i)                vs param
//   loading an app: cold transpiler, cached, warm reload after an edit
// Run: build/bin/bench_script   (docs/PERFORMANCE.md has the figures)
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QEventLoop>
#include <QTemporaryDir>
#include <chrono>

#include "bridge/scriptsession.h"
#include "guibench.h"
#include "peers.h"

using qpanel::bench::peerFigure;

namespace {

using Clock = std::chrono::steady_clock;
double usSince(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

QTemporaryDir& cacheDir() {
    static QTemporaryDir dir;
    return dir;
}
qpanel::Transpiler& transpiler() {
    static qpanel::Transpiler instance(qpanel::Transpiler::Options{cacheDir().path(), true});
    return instance;
}

void BM_JsAsyncCallbackTask(benchmark::State& state) {
    const int n = int(state.range(0));
    qpanel::ScriptSession session(&transpiler());
    session.run(QStringLiteral("var done = 0;\n"
                               "async function work() { await pn.sleep(0); done++; }\n"),
                QStringLiteral("/bench/tasks.js"));
    const QJSValue work = session.host().engine()->globalObject().property("work");
    double best = 1e300;
    for (auto _ : state) {
        const auto start = Clock::now();
        for (int i = 0; i < n; ++i) session.native().execute(work, false);  // one task each
        QEventLoop loop;
        while (qpanel::Runtime::instance().busy())
            loop.processEvents(QEventLoop::WaitForMoreEvents);
        best = std::min(best, usSince(start) / n);
    }
    state.counters["us_per_task"] = best;
    if (auto peer = peerFigure(QStringLiteral("asyncio_peer.py"),
                               {QStringLiteral("spawn"), QString::number(n)},
                               QStringLiteral("spawn_%1").arg(n))) {
        state.counters["asyncio_us"] = *peer;
        state.counters["speedup"] = *peer / best;
    }
}

/// The engine's floor for the row above: one promise settled and one
/// reaction run, all in JS (no task, no timer, no native crossing).
void BM_JsPromiseReaction(benchmark::State& state) {
    qpanel::ScriptSession session(&transpiler());
    session.run(
        QStringLiteral(
            "var done = 0;\n"
            "function bump() { done++; }\n"
            "function burst(n) { for (let i = 0; i < n; i++) Promise.resolve(i).then(bump); }\n"),
        QStringLiteral("/bench/promises.js"));
    const QJSValue burst = session.host().engine()->globalObject().property("burst");
    const QJSValue drain = session.host().hostObject().property("drainMicrotasks");
    constexpr int kPromises = 1000;
    double best = 1e300;
    for (auto _ : state) {
        const auto start = Clock::now();
        burst.call({kPromises});
        drain.call();
        best = std::min(best, usSince(start) / kPromises);
    }
    state.counters["us_per_promise"] = best;
}

void BM_JsParamWatcher(benchmark::State& state) {
    qpanel::ScriptSession session(&transpiler());
    session.run(
        QStringLiteral("var sum = 0;\n"
                       "const slider = pn.widgets.IntSlider({start: 0, end: 1000000000});\n"
                       "slider.param.watch((e) => { sum += e.new; }, 'value');\n"
                       "function setMany(n) { for (let i = 1; i <= n; i++) slider.value = i; }\n"),
        QStringLiteral("/bench/watch.js"));
    const QJSValue setMany = session.host().engine()->globalObject().property("setMany");
    constexpr int kSets = 2000;
    double best = 1e300;
    for (auto _ : state) {
        const auto start = Clock::now();
        setMany.call({kSets});
        QEventLoop loop;
        while (qpanel::Runtime::instance().busy())
            loop.processEvents(QEventLoop::WaitForMoreEvents);
        best = std::min(best, usSince(start) / kSets);
    }
    state.counters["us_per_set"] = best;
    if (auto peer = peerFigure(QStringLiteral("param_peer.py"), {QStringLiteral("200000")},
                               QStringLiteral("param_set"))) {
        state.counters["param_us"] = *peer;
        state.counters["speedup"] = *peer / best;
    }
}

const char* kApp =
    "const button = pn.widgets.Button({name: 'Click me!'});\n"
    "const text = pn.widgets.StaticText();\n"
    "async function run_async(event) {\n"
    "  text.value = `Running ${event.new}`;\n"
    "  await pn.sleep(2000);\n"
    "  text.value = `Finished ${event.new}`;\n"
    "}\n"
    "button.on_click(run_async);\n"
    "pn.Row(button, text).servable();\n";

/// Load = transpile + evaluate + build components, in a new session.
double loadMs(qpanel::Transpiler& t, const QString& source) {
    const auto start = Clock::now();
    qpanel::ScriptSession session(&t);
    session.run(source, QStringLiteral("/bench/app.js"));
    return usSince(start) / 1000.0;
}

void BM_LoadPath(benchmark::State& state) {
    for (auto _ : state) {
        QTemporaryDir cache;
        const auto start = Clock::now();
        qpanel::Transpiler cold(qpanel::Transpiler::Options{cache.path(), true});
        const double coldMs = loadMs(cold, QString::fromUtf8(kApp));
        (void)start;
        const double cachedMs = loadMs(cold, QString::fromUtf8(kApp));
        qpanel::Transpiler fresh(
            qpanel::Transpiler::Options{cache.path(), true});  // new process, warm disk cache
        const double diskCachedMs = loadMs(fresh, QString::fromUtf8(kApp));
        const double warmEditMs =
            loadMs(cold, QString::fromUtf8(kApp) + QStringLiteral("// edited\n"));
        state.counters["cold_ms"] = coldMs;
        state.counters["cached_ms"] = cachedMs;
        state.counters["disk_cache_new_transpiler_ms"] = diskCachedMs;
        state.counters["warm_reload_after_edit_ms"] = warmEditMs;
    }
}

}  // namespace

BENCHMARK(BM_JsAsyncCallbackTask)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_JsPromiseReaction)->Iterations(20)->UseRealTime();
BENCHMARK(BM_JsParamWatcher)->Iterations(20)->UseRealTime();
BENCHMARK(BM_LoadPath)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv) {
    return runGuiBenchmarks(argc, argv);
}
