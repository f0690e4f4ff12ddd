// A runaway loop, sys.exit and other script misbehaviour end that code or
// that app, never qpanel.
#include "common/eventloop.h"
#include "pysession.h"
#include "python/pywatchdog.h"
#include "widgets/button.h"

using namespace std::chrono_literals;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

TEST(PythonSafety, ARunawayTopLevelLoopIsInterruptedWithItsLine) {
    PySession s;
    s.session.setScriptTimeLimit(300ms);
    EXPECT_FALSE(
        s.run("import panel as pn\n"
              "x = 0\n"
              "while True:\n"
              "    x += 1\n"));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_TRUE(s.errors[0].message.startsWith("TimeoutError: interrupted")) << s.firstError();
    EXPECT_GE(s.errors[0].location.line, 3);
    EXPECT_LE(s.errors[0].location.line, 4);
}

// Regression (a CI failure): an interrupt queued for a call that returned
// before it landed ran in the next call beside that call's own, so the
// second one hit qpanel's error reporting and the error was lost.
TEST(PythonSafety, AnInterruptRaisesOnceInACallEvenWithAStaleOneQueued) {
    PySession s;
    ASSERT_TRUE(s.run("pass")) << s.firstError();
    auto& watchdog = qpanel::python::PyWatchdog::instance();
    pybind11::gil_scoped_acquire gil;
    {
        qpanel::python::PyWatchdog::Entry returnsBeforeItLands(watchdog);
        watchdog.interrupt();
    }
    qpanel::python::PyWatchdog::Entry spinning(watchdog);
    watchdog.interrupt();
    ASSERT_EQ(Py_MakePendingCalls(), -1);
    EXPECT_TRUE(PyErr_ExceptionMatches(PyExc_TimeoutError));
    PyErr_Clear();
    // Reporting that TimeoutError runs Python in the same call: not interrupted.
    EXPECT_EQ(Py_MakePendingCalls(), 0);
    EXPECT_FALSE(PyErr_Occurred());
    PyErr_Clear();
}

TEST(PythonSafety, AnErrorIsStillReportedAtItsLineWhenFormattingItFails) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "import qpanel_runtime\n"
              "def broken(exc, folder):\n"
              "    raise RuntimeError('no formatting today')\n"
              "def fail(event):\n"
              "    qpanel_runtime.describe = broken\n"
              "    raise ValueError('the real problem')\n"
              "b = pn.widgets.Button()\n"
              "b.on_click(fail)\n"
              "b.servable()\n"))
        << s.firstError();
    // The module is the process's: later tests need its own describe back.
    struct RestoreDescribe {
        pybind11::object original;
        ~RestoreDescribe() {
            pybind11::gil_scoped_acquire gil;
            pybind11::module_::import("qpanel_runtime").attr("describe") = original;
            original = {};
        }
    } restore{[] {
        pybind11::gil_scoped_acquire gil;
        return pybind11::object(pybind11::module_::import("qpanel_runtime").attr("describe"));
    }()};
    qobject_cast<qpanel::Button*>(s.roots().at(0))->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s));
    EXPECT_TRUE(s.errors[0].message.startsWith("ValueError: the real problem")) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("no formatting today")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
    EXPECT_EQ(s.errors[0].location.line, 7) << s.firstError();
}

TEST(PythonSafety, ARunawayCallbackIsInterruptedAndTheAppKeepsWorking) {
    PySession s;
    s.session.setScriptTimeLimit(300ms);
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "b = pn.widgets.Button()\n"
              "def spin(event):\n"
              "    if event.new == 1:\n"
              "        while True: pass\n"
              "    print('click', event.new)\n"
              "b.on_click(spin)\n"
              "b.servable()\n"))
        << s.firstError();
    auto* button = qobject_cast<qpanel::Button*>(s.roots().at(0));
    button->click();
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.line, 5) << s.firstError();
    button->click();
    EXPECT_EQ(s.log, QStringList{"click 2"});
}

TEST(PythonSafety, SysExitAtTopLevelEndsTheScriptNotQpanel) {
    PySession s;
    EXPECT_TRUE(
        s.run("import sys\nimport panel as pn\npn.Row('kept').servable()\nsys.exit(0)\nprint('not "
              "reached')\n"));
    EXPECT_TRUE(s.session.exited());
    EXPECT_EQ(s.roots().size(), 1);
    ASSERT_EQ(s.log.size(), 1);
    EXPECT_TRUE(s.log[0].contains("sys.exit(0) ended this app")) << s.log[0].toStdString();
    EXPECT_TRUE(s.log[0].contains("/app/test.py:4")) << s.log[0].toStdString();
}

TEST(PythonSafety, SysExitInACallbackStopsThatAppsTasks) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio, sys\n"
              "import panel as pn\n"
              "async def forever():\n"
              "    await asyncio.sleep(60)\n"
              "pn.state.execute(forever)\n"
              "async def leave():\n"
              "    await asyncio.sleep(0.01)\n"
              "    sys.exit(3)\n"
              "pn.state.execute(leave)\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.session.exited(); }, 5s));
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

namespace {

/// A click on the app's first root (a Button).
void click(PySession& s) {
    qobject_cast<qpanel::Button*>(s.roots().at(0))->click();
}

}  // namespace

TEST(PythonSafety, ARunawayPlainAsyncioTaskIsInterruptedAtItsLineAndTheAppKeepsWorking) {
    PySession s;
    s.session.setScriptTimeLimit(300ms);
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "b = pn.widgets.Button()\n"
              "async def spin():\n"
              "    await asyncio.sleep(0)\n"
              "    while True: pass\n"
              "def go(event):\n"
              "    if event.new == 1:\n"
              "        asyncio.create_task(spin())\n"
              "    print('click', event.new)\n"
              "b.on_click(go)\n"
              "b.servable()\n"))
        << s.firstError();
    click(s);
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 10s));
    EXPECT_TRUE(s.errors[0].message.contains("TimeoutError: interrupted")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
    EXPECT_EQ(s.errors[0].location.line, 6) << s.firstError();
    click(s);
    EXPECT_EQ(s.log, (QStringList{"click 1", "click 2"}));
    EXPECT_EQ(s.errors.size(), 1) << s.firstError();
}

TEST(PythonSafety, ARunawayLoopCallbackIsInterruptedAtItsLineAndTheAppKeepsWorking) {
    PySession s;
    s.session.setScriptTimeLimit(300ms);
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "b = pn.widgets.Button()\n"
              "def spin():\n"
              "    while True: pass\n"
              "b.on_click(lambda event: print('click', event.new))\n"
              "asyncio.get_running_loop().call_later(0.01, spin)\n"
              "b.servable()\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 10s));
    EXPECT_TRUE(s.errors[0].message.contains("TimeoutError: interrupted")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.line, 5) << s.firstError();
    click(s);
    EXPECT_EQ(s.log, QStringList{"click 1"});
}
