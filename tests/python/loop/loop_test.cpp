// qpanel's asyncio loop: what the conformance suite cannot compare with
// CPython's loop — that Qt drives it, where its timers live, threads, errors
// and one app's teardown.
// Python (in the fixture) before Qt.
// clang-format off
#include "pyloopfixture.h"
#include "arenacache.h"
#include "core/scheduler.h"
// clang-format on

#include <QTimer>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace {

using namespace qpanel::test;
using namespace std::chrono_literals;

py::object loop() {
    return py::module_::import("asyncio").attr("get_running_loop")();
}

TEST(AsyncioLoop, IsTheRunningLoopInCallbacksCalledFromQt) {
    py::dict scope = runPython(R"(
seen = []
def from_qt():
    running = asyncio.get_running_loop()
    seen.append((type(running).__name__, running.is_running(), asyncio.get_event_loop() is running))
)");
    py::object fromQt = scope["from_qt"];
    QTimer::singleShot(0, [fromQt] {
        py::gil_scoped_acquire gil;
        fromQt();
    });
    ASSERT_TRUE(waitUntilPy([&] { return py::len(scope["seen"]) == 1; }));
    auto [name, running, same] =
        scope["seen"].cast<py::list>()[0].cast<std::tuple<std::string, bool, bool>>();
    EXPECT_EQ(name, "QtEventLoop");
    EXPECT_TRUE(running);
    EXPECT_TRUE(same);
}

TEST(AsyncioLoop, RunUntilCompleteAndRunForeverSayTheLoopIsQts) {
    py::dict scope = runPython(R"(
errors = []
async def nothing():
    pass
for call in (lambda l: l.run_until_complete(nothing()), lambda l: l.run_forever(),
             lambda l: asyncio.run(nothing())):
    try:
        call(asyncio.get_event_loop())
    except RuntimeError as e:
        errors.append(str(e))
)");
    py::list errors = scope["errors"];
    ASSERT_EQ(py::len(errors), 3u);
    EXPECT_NE(errors[0].cast<std::string>().find("driven by the Qt event loop"), std::string::npos);
    EXPECT_NE(errors[0].cast<std::string>().find("run_until_complete()"), std::string::npos);
    EXPECT_NE(errors[1].cast<std::string>().find("run_forever()"), std::string::npos);
    EXPECT_NE(errors[2].cast<std::string>().find("running event loop"), std::string::npos);
}

TEST(AsyncioLoop, TimersAreSleepersOnCoresScheduler) {
    auto& scheduler = qpanel::Scheduler::current();
    const std::size_t before = scheduler.pendingSleepers();
    py::object handles = py::list();
    for (int i = 0; i < 1000; ++i)
        handles.attr("append")(loop().attr("call_later")(3600, py::cpp_function([] {})));
    EXPECT_EQ(scheduler.pendingSleepers(), before + 1000);
    for (py::handle h : handles) h.attr("cancel")();
    EXPECT_EQ(scheduler.pendingSleepers(), before);
}

TEST(AsyncioLoop, CallLaterFiresInDeadlineOrderAfterTheDelay) {
    py::dict scope = runPython(R"(
import time
order = []
loop = asyncio.get_running_loop()
start = time.monotonic()
for delay in (0.03, 0.01, 0.02, 0.0):
    loop.call_later(delay, lambda d=delay: order.append((d, time.monotonic() - start)))
)");
    ASSERT_TRUE(waitUntilPy([&] { return py::len(scope["order"]) == 4; }));
    double previous = -1;
    std::vector<double> delays;
    for (py::handle entry : scope["order"].cast<py::list>()) {
        auto [delay, elapsed] = entry.cast<std::tuple<double, double>>();
        delays.push_back(delay);
        EXPECT_GE(elapsed, delay) << "fired early";
        EXPECT_GE(elapsed, previous);
        previous = elapsed;
    }
    EXPECT_EQ(delays, (std::vector<double>{0.0, 0.01, 0.02, 0.03}));
}

TEST(AsyncioLoop, CallSoonThreadsafeFromAThreadWithoutTheLoopRunsOnTheGuiThread) {
    py::dict scope = runPython(R"(
import threading
ran_on = []
def record():
    ran_on.append(threading.get_ident() == threading.main_thread().ident)
)");
    py::object record = scope["record"];
    py::object theLoop = loop();
    std::thread worker;
    {
        py::gil_scoped_release released;
        worker = std::thread([&] {
            py::gil_scoped_acquire gil;
            theLoop.attr("call_soon_threadsafe")(record);
        });
    }
    {
        py::gil_scoped_release released;
        worker.join();
    }
    ASSERT_TRUE(waitUntilPy([&] { return py::len(scope["ran_on"]) == 1; }));
    EXPECT_TRUE(scope["ran_on"].cast<py::list>()[0].cast<bool>());
}

TEST(AsyncioLoop, CallSoonFromAnotherThreadIsRefusedByName) {
    py::dict scope = runPython(R"(
import threading
error = []
def worker(loop):
    try:
        loop.call_soon(print)
    except RuntimeError as e:
        error.append(str(e))
t = threading.Thread(target=worker, args=(asyncio.get_running_loop(),))
t.start()
)");
    ASSERT_TRUE(waitUntilPy([&] { return py::len(scope["error"]) == 1; }));
    EXPECT_NE(scope["error"].cast<py::list>()[0].cast<std::string>().find("call_soon_threadsafe"),
              std::string::npos);
}

TEST(AsyncioLoop, CallbackErrorsReachTheReportHookWithTheTraceback) {
    py::dict scope = runPython(R"(
reports = []
def fails():
    raise ValueError("boom in a callback")
asyncio.get_running_loop().call_soon(fails)
)");
    py::object reports = scope["reports"];
    qpanel::python::setAsyncioReportHook(
        py::cpp_function([reports](py::str text, py::object) { reports.attr("append")(text); }));
    const bool reported = waitUntilPy([&] { return py::len(reports) == 1; });
    qpanel::python::setAsyncioReportHook(py::none());
    ASSERT_TRUE(reported);
    const std::string text = reports.cast<py::list>()[0].cast<std::string>();
    EXPECT_NE(text.find("Exception in callback fails()"), std::string::npos) << text;
    EXPECT_NE(text.find("ValueError: boom in a callback"), std::string::npos) << text;
    EXPECT_NE(text.find("line 6, in fails"), std::string::npos) << text;
}

TEST(AsyncioLoop, ClosingAnAppUnwindsItsTasksAtOnceAndDropsItsCallbacks) {
    py::object context = qpanel::python::asyncioOwnerContext(py::str("app A"));
    py::object other = qpanel::python::asyncioOwnerContext(py::str("app B"));
    py::dict scope = runPython(R"(
import concurrent.futures, socket, threading
log = []
gate = threading.Event()
def blocking():
    gate.wait(10)
    return "late result"
started = []
async def worker(name):
    started.append(name)
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled at its await")
        raise
    finally:
        log.append(f"{name} finally")
async def executor_user():
    started.append("executor")
    result = await asyncio.get_running_loop().run_in_executor(None, blocking)
    log.append(f"executor result {result} resumed")
def start():
    loop = asyncio.get_running_loop()
    loop.create_task(worker("A1"))
    loop.create_task(worker("A2"))
    loop.create_task(executor_user())
    loop.call_later(0.05, log.append, "A timer")
    fut = loop.run_in_executor(None, blocking)
    fut.add_done_callback(lambda f: log.append("A done callback"))
    a, b = socket.socketpair()
    a.setblocking(False)
    loop.add_reader(a.fileno(), log.append, "A reader")
    return a, b
def start_b():
    asyncio.get_running_loop().call_later(0.05, log.append, "B timer")
)");
    py::object sockets = context.attr("run")(scope["start"]);
    other.attr("run")(scope["start_b"]);
    ASSERT_TRUE(waitUntilPy([&] { return py::len(scope["started"]) == 3; }));
    const int cancelled = qpanel::python::closeAsyncioLoopResources(context);
    EXPECT_EQ(cancelled, 3);
    py::list log = scope["log"];
    // Unwound before closeAsyncioLoopResources returned.
    std::vector<std::string> entries = log.cast<std::vector<std::string>>();
    EXPECT_EQ(entries, (std::vector<std::string>{"A1 cancelled at its await", "A1 finally",
                                                 "A2 cancelled at its await", "A2 finally"}));
    // Now the executor job finishes, the socket becomes readable, the timers
    // are due: only app B's timer may run.
    scope["gate"].attr("set")();
    sockets.cast<py::tuple>()[1].attr("send")(py::bytes("x"));
    ASSERT_TRUE(waitUntilPy([&] { return py::len(log) == 5; }));
    waitUntilPy([&] { return false; }, 100ms);
    entries = log.cast<std::vector<std::string>>();
    ASSERT_EQ(entries.size(), 5u) << entries.back();
    EXPECT_EQ(entries[4], "B timer");
    for (py::handle s : sockets.cast<py::tuple>()) s.attr("close")();
}

TEST(AsyncioLoop, EachAppCountsOnlyItsOwnPendingTasks) {
    py::object a = qpanel::python::asyncioOwnerContext(py::str("app A"));
    py::object b = qpanel::python::asyncioOwnerContext(py::str("app B"));
    py::dict scope = runPython(R"(
gate = asyncio.Event()
async def waits():
    await gate.wait()
def start(n):
    return [asyncio.get_running_loop().create_task(waits()) for _ in range(n)]
def start_in(context):
    # An explicit context makes the task that context's app's.
    return asyncio.get_running_loop().create_task(waits(), context=context)
)");
    py::object tasksOfA = a.attr("run")(scope["start"], 2);
    py::object taskOfB = a.attr("run")(scope["start_in"], b);
    EXPECT_EQ(qpanel::python::asyncioOwnerActivity(a).tasks, 2);
    EXPECT_EQ(qpanel::python::asyncioOwnerActivity(b).tasks, 1);
    EXPECT_TRUE(qpanel::python::asyncioOwnerBusy(b));
    scope["gate"].attr("set")();
    ASSERT_TRUE(waitUntilPy([&] { return !qpanel::python::asyncioOwnerBusy(a); }));
    ASSERT_TRUE(waitUntilPy([&] { return !qpanel::python::asyncioOwnerBusy(b); }));
    EXPECT_EQ(qpanel::python::asyncioOwnerActivity(a).tasks, 0);
    EXPECT_EQ(qpanel::python::asyncioOwnerActivity(b).tasks, 0);
}

TEST(AsyncioLoop, CloseFromInsideATaskIsRefused) {
    py::object context = qpanel::python::asyncioOwnerContext(py::str("app"));
    py::dict scope = runPython("async def closer(ctx, close):\n    close(ctx)\n");
    py::object task = runTask(scope["closer"](context, py::cpp_function([](py::object ctx) {
                                                  qpanel::python::closeAsyncioLoopResources(ctx);
                                              })));
    ASSERT_FALSE(task.attr("exception")().is_none());
    EXPECT_NE(py::str(task.attr("exception")()).cast<std::string>().find("from the Qt event loop"),
              std::string::npos);
}

}  // namespace

namespace {

TEST(AsyncioLoop, TasksFromATaskFactoryStillBelongToTheirApp) {
    // A task factory takes asyncio's Python create_task path instead of the
    // C one; closing the app must cancel those tasks too.
    py::object context = qpanel::python::asyncioOwnerContext(py::str("factory app"));
    py::dict scope = runPython(R"(
log = []
made = []
def factory(loop, coro, **kwargs):
    made.append(1)
    return asyncio.Task(coro, loop=loop, **kwargs)
async def waits():
    try:
        await asyncio.sleep(3600)
    finally:
        log.append("unwound")
def start():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    try:
        return loop.create_task(waits(), name="made by the factory")
    finally:
        loop.set_task_factory(None)
)");
    py::object task = context.attr("run")(scope["start"]);
    EXPECT_EQ(py::len(scope["made"]), 1u);
    EXPECT_EQ(task.attr("get_name")().cast<std::string>(), "made by the factory");
    // The task has stepped to its await once nothing is left in the ready queue.
    ASSERT_TRUE(
        waitUntilPy([&] { return loop().attr("_core_counts")()[py::int_(0)].cast<int>() == 0; }));
    EXPECT_EQ(qpanel::python::closeAsyncioLoopResources(context), 1);
    EXPECT_EQ(py::len(scope["log"]), 1u);
    EXPECT_TRUE(task.attr("cancelled")().cast<bool>());
}

}  // namespace

namespace {

// A burst of tasks frees its arenas when it ends; the next burst gets them
// back from the cache instead of page-faulting fresh memory in.
TEST(AsyncioLoop, ArenasFreedByABurstOfTasksServeTheNextBurst) {
    const char* allocator = std::getenv("PYTHONMALLOC");
    if (allocator && std::strcmp(allocator, "pymalloc") != 0)
        GTEST_SKIP() << "PYTHONMALLOC=" << allocator << " uses no arenas";
    py::dict scope = runPython(R"(
import asyncio, gc

async def burst(n):
    async def worker():
        await asyncio.sleep(0)
    await asyncio.gather(*[worker() for _ in range(n)])
)");
    auto runBurst = [&] {
        py::object task = runTask(scope["burst"](30000));
        task.attr("result")();
        py::module_::import("gc").attr("collect")();
    };
    runBurst();
    const qpanel::python::ArenaCacheStats afterFirst = qpanel::python::arenaCacheStats();
    EXPECT_GT(afterFirst.cachedArenas, 0u) << "the first burst's empty arenas are kept";
    runBurst();
    const qpanel::python::ArenaCacheStats afterSecond = qpanel::python::arenaCacheStats();
    EXPECT_GT(afterSecond.reused, afterFirst.reused) << "the second burst reuses them";
}

}  // namespace
