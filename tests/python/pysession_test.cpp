#include "pysession.h"

#include "common/eventloop.h"
#include "widgets/button.h"

using namespace std::chrono_literals;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

TEST(PythonSession, RunsAScriptThatBuildsAServableApp) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "slider = pn.widgets.IntSlider(name='Speed', start=0, end=10, value=3)\n"
              "slider.value += 2\n"
              "print(slider.name, slider.value, slider.end)\n"
              "pn.Row(slider, 'some *text*').servable()\n"))
        << s.firstError();
    EXPECT_EQ(s.log, QStringList{"Speed 5 10"});
    ASSERT_EQ(s.roots().size(), 1);
    EXPECT_EQ(s.roots()[0]->typeName(), QStringLiteral("Row"));
    EXPECT_EQ(s.child(0)->get("value").toInt(), 5);
    EXPECT_EQ(s.child(1)->typeName(), QStringLiteral("Markdown"));
}

TEST(PythonSession, AnErrorNamesTheUsersLineAndShowsOnlyTheirFrames) {
    PySession s;
    EXPECT_FALSE(
        s.run("import panel as pn\n"
              "def f():\n"
              "    return 1 / 0\n"
              "f()\n"));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
    EXPECT_EQ(s.errors[0].location.line, 3);
    EXPECT_EQ(s.errors[0].message, QStringLiteral("ZeroDivisionError: division by zero"));
    EXPECT_TRUE(s.stacks[0].contains("line 4")) << s.stacks[0].toStdString();
    EXPECT_FALSE(s.stacks[0].contains("qpanel_runtime")) << s.stacks[0].toStdString();
}

TEST(PythonSession, ASyntaxErrorNamesItsLine) {
    PySession s;
    EXPECT_FALSE(s.run("import panel as pn\nx = (1,\ny = 2\n"));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.line, 2) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.startsWith("SyntaxError")) << s.firstError();
}

TEST(PythonSession, UnknownNamesSayWhatExists) {
    PySession s;
    EXPECT_FALSE(s.run("import panel as pn\npn.widgets.Slidr()\n"));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.line, 2);
    EXPECT_TRUE(s.errors[0].message.contains("pn.widgets.Slidr does not exist")) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("IntSlider")) << s.firstError();
}

TEST(PythonSession, WatchersGetParamEventsAndUnwatchStopsThem) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "slider = pn.widgets.IntSlider(start=0, end=10)\n"
              "def show(e):\n"
              "    print(e.name, e.old, e.new, e.obj is slider, e.type)\n"
              "w = slider.param.watch(show, 'value')\n"
              "slider.value = 9\n"
              "slider.param.unwatch(w)\n"
              "slider.value = 1\n"))
        << s.firstError();
    EXPECT_EQ(s.log, QStringList{"value 0 9 True changed"});
}

TEST(PythonSession, AnAsyncClickCallbackIsATaskThatAwaitsAsyncioSleep) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "b = pn.widgets.Button(name='Go')\n"
              "async def go(event):\n"
              "    print('start', event.new, asyncio.current_task() is not None)\n"
              "    await asyncio.sleep(0.05)\n"
              "    await asyncio.sleep(0)\n"
              "    print('done', event.new)\n"
              "b.on_click(go)\n"
              "b.servable()\n"))
        << s.firstError();
    auto* button = qobject_cast<qpanel::Button*>(s.roots().at(0));
    ASSERT_NE(button, nullptr);
    button->click();
    EXPECT_EQ(qpanel::Runtime::instance().tasks().countOwnedBy(s.session.document()), 1);
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 2; }, 5s)) << s.firstError();
    EXPECT_EQ(s.log, (QStringList{"start 1 True", "done 1"}));
    EXPECT_TRUE(s.session.isIdle());
}

TEST(PythonSession, CancellingATaskRaisesCancelledErrorAtItsAwait) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "async def long():\n"
              "    try:\n"
              "        await asyncio.sleep(60)\n"
              "    except asyncio.CancelledError:\n"
              "        print('cancelled at the await')\n"
              "        raise\n"
              "pn.state.execute(long)\n"))
        << s.firstError();
    auto& tasks = qpanel::Runtime::instance().tasks();
    ASSERT_TRUE(waitUntil([&] { return tasks.countOwnedBy(s.session.document()) == 1; }, 5s));
    const quint64 id = tasks.snapshot().back().id;
    EXPECT_TRUE(tasks.cancel(id));
    EXPECT_EQ(s.log, QStringList{"cancelled at the await"});
    EXPECT_EQ(tasks.countOwnedBy(s.session.document()), 0);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonSession, ACallbackErrorIsReportedAtItsLineAndTheAppGoesOn) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "b = pn.widgets.Button()\n"
              "async def bad(event):\n"
              "    await asyncio.sleep(0)\n"
              "    raise ValueError('bad click %d' % event.new)\n"
              "b.on_click(bad)\n"
              "b.servable()\n"))
        << s.firstError();
    auto* button = qobject_cast<qpanel::Button*>(s.roots().at(0));
    button->click();
    button->click();
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 2; }, 5s));
    EXPECT_EQ(s.errors[0].message, QStringLiteral("ValueError: bad click 1"));
    EXPECT_EQ(s.errors[0].location.line, 6);
    EXPECT_EQ(s.errors[1].message, QStringLiteral("ValueError: bad click 2"));
}

TEST(PythonSession, ExceptionHandlerReceivesTheException) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "pn.config.exception_handler = lambda e: print('handled', type(e).__name__, e)\n"
              "async def bad():\n"
              "    raise KeyError('k')\n"
              "pn.state.execute(bad)\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.log.isEmpty(); }, 5s));
    EXPECT_EQ(s.log, QStringList{"handled KeyError 'k'"});
    EXPECT_TRUE(s.errors.isEmpty());
}
