// Python app scripts (app/python, embedded CPython) with peers from the same run:
//   `slider.value = i` -> one Python watcher      vs the param library's own
//   numpy chunks into a 10M-row rolling cds.stream vs numpy concatenate+slice
// The timed loops are the peers' own functions (peers/param_peer.py,
// ingest_peer.py), imported by the app script in qpanel's interpreter and
// run by /usr/bin/python3 as the peers. See docs/PERFORMANCE.md.
// clang-format off
#include "python/pybind.h"
#include "python/pyconvert.h"
// clang-format on

#include <benchmark/benchmark.h>

#include <QApplication>
#include <cstdio>

#include "guibench.h"
#include "peers.h"
#include "python/pythonsession.h"
#include "widgets/component.h"

namespace py = pybind11;
using qpanel::bench::peerFigure;

namespace {

// A hidden TextInput's watcher runs a command as a callback of the app
// (holding the document lock, as Panel's sync callbacks do) and keeps its
// value in `_result`.
constexpr const char* kPrelude =
    "import sys\n"
    "sys.path.insert(0, r'" QPANEL_BENCH_PEERS_DIR
    "')\n"
    "import panel as pn\n"
    "_cmd = pn.widgets.TextInput()\n"
    "def _run(e):\n"
    "    global _result\n"
    "    if e.new:\n"
    "        _result = eval(e.new, globals())\n"
    "_cmd.param.watch(_run, 'value')\n";

struct App {
    qpanel::PythonSession session;
    explicit App(const std::string& body) {
        QObject::connect(&session, &qpanel::PythonSession::errorReported, &session,
                         [](const qpanel::ScriptError& e, const QString& stack, qpanel::ErrorEcho) {
                             std::fprintf(stderr, "%s\n%s\n", qPrintable(e.toString()),
                                          qPrintable(stack));
                             std::abort();  // a benchmark of a broken script measures nothing
                         });
        session.setScriptTimeLimit(std::chrono::minutes(10));
        if (!session.run(QString::fromStdString(kPrelude + body),
                         QStringLiteral("/bench/pyapp.py")))
            std::abort();
    }
    /// Evaluates `expression` as a callback of the app; its value.
    template <typename T>
    T call(const std::string& expression) {
        qpanel::Component* cmd = nullptr;
        {
            py::gil_scoped_acquire gil;
            cmd = (*session.globals())["_cmd"]
                      .attr("_c")
                      .cast<qpanel::python::ComponentRef&>()
                      .component.data();
        }
        cmd->set(QStringLiteral("value"), QString());
        cmd->set(QStringLiteral("value"), QString::fromStdString(expression));
        py::gil_scoped_acquire gil;
        return (*session.globals())["_result"].cast<T>();
    }
};

/// Arg 0: an IntSlider vs param.Integer; 1: a FloatSlider vs param.Number.
void BM_PyWatcher(benchmark::State& state) {
    const bool number = state.range(0) == 1;
    App app(number ? "slider = pn.widgets.FloatSlider(start=0, end=1e12)\n"
                   : "slider = pn.widgets.IntSlider(start=0, end=10**9)\n");
    constexpr int kSets = 200000;
    const std::string sets = "__import__('param_peer').time_sets(slider, " + std::to_string(kSets) +
                             ", runs=1, clock=__import__('time').";
    double best = 1e300, bestCpu = 1e300;
    for (auto _ : state) {
        best = std::min(best, app.call<double>(sets + "perf_counter)") * 1e9);
        bestCpu = std::min(bestCpu, app.call<double>(sets + "process_time)") * 1e9);
    }
    state.counters["ns_per_set"] = best;
    state.counters["cpu_ns_per_set"] = bestCpu;
    const QStringList args{QString::number(kSets)};
    const QString kind = number ? QStringLiteral("number_") : QString();
    if (auto peer = peerFigure(QStringLiteral("param_peer.py"), args,
                               QStringLiteral("param_%1set").arg(kind))) {
        state.counters["param_ns"] = *peer * 1000;
        state.counters["speedup"] = *peer * 1000 / best;
    }
    if (auto peer = peerFigure(QStringLiteral("param_peer.py"), args,
                               QStringLiteral("param_%1cpu_set").arg(kind))) {
        state.counters["param_cpu_ns"] = *peer * 1000;
        state.counters["cpu_speedup"] = *peer * 1000 / bestCpu;
    }
}

constexpr int kRollover = 10'000'000;

/// Arg 0: float64 chunks; 1: int64 chunks (one numpy astype per chunk).
/// 2x the rollover in 100k-row chunks: the second half rolls.
void BM_PyNumpyIngest(benchmark::State& state) {
    const char* dtype = state.range(0) == 1 ? "int64" : "float64";
    const int total = int(state.range(1)), chunk = 100'000;
    App app(std::string("from bokeh.models import ColumnDataSource\n"
                        "from ingest_peer import make_chunks, time_ingest\n"
                        "import numpy as np\n"
                        "def ingest():\n"
                        "    cds = ColumnDataSource({'x': [], 'y': []})\n"
                        "    stream = lambda x, y: cds.stream({'x': x, 'y': y}, rollover=") +
            std::to_string(kRollover) +
            ")\n"
            "    seconds = time_ingest(stream, chunks)\n"
            "    x = cds.data['x']\n"
            "    assert len(x) == min(" +
            std::to_string(total) + ", " + std::to_string(kRollover) +
            "), len(x)\n"
            "    assert x[-1] == " +
            std::to_string(total - 1) +
            ", x[-1]\n"
            "    y = cds.data['y']\n"
            "    assert y[-1] == x[-1] % 1000 and y[0] == x[0] % 1000, (y[0], y[-1])\n"
            // Bokeh's stream onto a list column is np.append: a float64 array.
            "    assert type(x).__name__ == 'ndarray' and x.dtype.name == 'float64', x.dtype\n"
            "    return seconds\n"
            "def readback():\n"
            "    cds = ColumnDataSource({'x': np.arange(3), 'y': np.array([.5, 1.5, 2.5])})\n"
            "    cds.stream({'x': np.arange(3, 5), 'y': np.array([3.5, 4.5])}, rollover=4)\n"
            "    return repr((cds.data['x'], cds.data['y']))\n"
            "chunks = make_chunks(" +
            std::to_string(total) + ", " + std::to_string(chunk) + ", '" + dtype + "')\n");
    double best = 1e300;
    for (auto _ : state) best = std::min(best, app.call<double>("ingest()"));
    state.SetLabel(app.call<std::string>("readback()"));
    const double rowsPerS = total / best;
    state.counters["M_rows_per_s"] = rowsPerS / 1e6;
    const QStringList args{QString::number(total), QString::number(chunk),
                           QString::number(kRollover)};
    if (auto peer = peerFigure(QStringLiteral("ingest_peer.py"), args,
                               QStringLiteral("concat_rows_per_s"))) {
        state.counters["concat_M_rows_per_s"] = *peer / 1e6;
        state.counters["x_concat"] = rowsPerS / *peer;
    }
    if (auto peer =
            peerFigure(QStringLiteral("ingest_peer.py"), args, QStringLiteral("ring_rows_per_s"))) {
        state.counters["ring_M_rows_per_s"] = *peer / 1e6;
        state.counters["x_ring"] = rowsPerS / *peer;
    }
}

BENCHMARK(BM_PyWatcher)->Arg(0)->Arg(1)->Iterations(3)->UseRealTime();
BENCHMARK(BM_PyNumpyIngest)
    ->Args({0, 2 * kRollover})
    ->Args({1, 2 * kRollover})
    ->Args({0, 1'000'000})  // the smoke sizes
    ->Args({1, 1'000'000})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    return runGuiBenchmarks(argc, argv);
}
