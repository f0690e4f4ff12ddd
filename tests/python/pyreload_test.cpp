// Reloading a Python app 100 times while ~1000 of its tasks are in flight —
// clicks sleeping, tasks awaiting futures nobody resolves, executor jobs,
// periodic callbacks, a locked watcher streaming into a chart, a bound async
// function: no crash, every task of the closed app ends (cancelled at its
// await, its finally run), nothing resumes into a destroyed widget, Python's
// objects do not pile up, and a new app works afterwards.
#include <QTest>

#include "common/eventloop.h"
#include "core/runtime.h"
#include "pyappworks.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

namespace {

// Per load: 400 clicks, 400 tasks awaiting never-resolved futures, 200
// executor jobs, 100 watcher tasks (with the lock), 20 periodic callbacks and
// a bound async function. sys.qpanel_probe counts, across apps, the tasks
// started and the ones that ended (finished or cancelled).
const char* const busyApp = R"PY(
import asyncio, sys, time
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure

probe = sys.__dict__.setdefault('qpanel_probe', {'started': 0, 'ended': 0})
loop = asyncio.get_running_loop()
button = pn.widgets.Button(name='Load')
level = pn.widgets.IntSlider(name='Level', start=0, end=1000)
out = pn.widgets.StaticText(name='Out')
source = ColumnDataSource(data={'x': [0], 'y': [0]})
chart = figure(title='load')
chart.line('x', 'y', source=source)

def counted(coroutine_function):
    async def run(*args):
        probe['started'] += 1
        try:
            await coroutine_function(*args)
        finally:
            probe['ended'] += 1
    return run

@counted
async def clicked(event):
    await asyncio.sleep((event.new % 50) / 1000)
    out.value = 'click %d' % event.new
    await asyncio.sleep(1)
    out.value = 'late click'

@counted
async def waiting(n):
    await loop.create_future()
    out.value = 'never'

@counted
async def job(n):
    await loop.run_in_executor(None, time.sleep, 0.0002)
    out.value = 'job %d' % n
    await asyncio.sleep(1)
    out.value = 'late job'

@pn.io.with_lock
@counted
async def streamed(event):
    await asyncio.sleep(0.001)
    source.stream({'x': [event.new], 'y': [event.new % 7]}, rollover=100)

@counted
async def tick():
    await asyncio.sleep(0.003)
    out.value = 'tick'

async def describe(value):
    await asyncio.sleep(0.02)
    return 'level %d' % value

button.on_click(clicked)
level.param.watch(streamed, 'value')
for i in range(400):
    button.clicks += 1
# Held, as asyncio asks: a task nobody references may be collected pending.
waiters = [asyncio.ensure_future(waiting(i)) for i in range(400)]
for i in range(200):
    pn.state.execute(lambda i=i: job(i))
for i in range(1, 101):
    level.value = i
for i in range(20):
    pn.state.add_periodic_callback(tick, period=5)
pn.Column(button, level, out, pn.bind(describe, level), pn.pane.Bokeh(chart)).servable()
)PY";

struct Probe {
    long long started = 0, ended = 0, asyncioTasks = 0, pythonObjects = 0, wrappers = 0;
};

Probe probe() {
    pybind11::gil_scoped_acquire gil;
    namespace py = pybind11;
    py::module_ gc = py::module_::import("gc");
    gc.attr("collect")();
    Probe p;
    py::object counts = py::module_::import("sys").attr("__dict__").attr("get")("qpanel_probe");
    if (!counts.is_none()) {
        p.started = counts["started"].cast<long long>();
        p.ended = counts["ended"].cast<long long>();
    }
    p.asyncioTasks = py::len(py::module_::import("asyncio").attr("all_tasks")());
    p.pythonObjects = py::len(gc.attr("get_objects")());
    p.wrappers = py::len(py::module_::import("panel").attr("_wrappers"));
    return p;
}

/// Returns once every job queued on the loop's default executor has
/// finished: as many jobs as workers, each waiting for all the others, can
/// only run together once the queue before them is done.
void drainDefaultExecutor() {
    pybind11::gil_scoped_acquire gil;
    pybind11::exec(R"PY(
import sys, threading
executor = sys.modules['_qpanel_asyncio']._loop._default_executor
if executor is not None:
    barrier = threading.Barrier(executor._max_workers)
    for f in [executor.submit(barrier.wait) for _ in range(executor._max_workers)]:
        f.result()
)PY");
}

TEST(PyReload, HundredReloadsWithAThousandTasksInFlightLeaveNothingBehind) {
    int reportsOfClosedApps = 0;
    QObject context;
    QObject::connect(&Runtime::instance(), &Runtime::errorReported, &context,
                     [&](const qpanel::ErrorReport&) { ++reportsOfClosedApps; });
    const int reloads = qEnvironmentVariableIntValue("QPANEL_RELOADS") > 0
                            ? qEnvironmentVariableIntValue("QPANEL_RELOADS")
                            : 100;
    long long peakInFlight = 0;
    long long objectsAfterWarmUp = 0;
    for (int reload = 0; reload < reloads; ++reload) {
        {
            PySession app;
            ASSERT_TRUE(app.run(busyApp, "/pyreload/busy_app.py")) << app.firstError();
            // Let a little of everything happen (sleeps end, jobs return,
            // ticks run) before the reload closes the app mid-flight.
            QTest::qWait(reload % 5 == 0 ? 40 : 5);
            const Probe now = probe();
            peakInFlight = std::max(peakInFlight, now.started - now.ended);
            ASSERT_TRUE(app.errors.isEmpty())
                << "reload " << reload << ": " << app.firstError() << "\n"
                << app.stacks.value(0).toStdString();
            reportsOfClosedApps = 0;  // what follows the close must not report
        }
        const Probe closed = probe();
        ASSERT_EQ(closed.started, closed.ended) << "reload " << reload << ": a task did not end";
        ASSERT_EQ(closed.asyncioTasks, 0) << "reload " << reload;
        if (reload == 9) objectsAfterWarmUp = closed.pythonObjects;
    }
    EXPECT_GE(peakInFlight, 1000) << "the load was lighter than intended";
    // Executor jobs still sleeping finish on their own; their results must
    // not resume anything of the closed apps.
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_TRUE(waitUntil([] { return Runtime::instance().tasks().count() == 0; }, 10s))
        << Runtime::instance().tasks().count() << " tasks left, e.g. "
        << Runtime::instance().tasks().snapshot().value(0).origin.toStdString();
    drainDefaultExecutor();  // the jobs' results are posted to the loop now
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_EQ(reportsOfClosedApps, 0) << "something resumed into a closed app";
    const Probe end = probe();
    EXPECT_EQ(end.wrappers, 0) << "Python wrappers of closed apps' components are alive";
    if (reloads >= 20) {
        // 90 more loads of ~1000 tasks each: a leak of one object per task
        // would add ~90,000; allow noise (caches, interned strings).
        EXPECT_LT(end.pythonObjects - objectsAfterWarmUp, 5000)
            << "Python objects grew from " << objectsAfterWarmUp << " to " << end.pythonObjects;
    }
    EXPECT_TRUE(qpanel::test::aNewPythonAppStillWorks());
}

}  // namespace
