// PythonSession as the shell and CLI see it (AppSession): idle and activity
// include the app's own asyncio tasks and timers, their print() reaches the
// app's console, closing cancels them, and interruptRunaway stops Python code
// that never returns.
#include <atomic>
#include <memory>
#include <thread>

#include "common/eventloop.h"
#include "pysession.h"
#include "widgets/button.h"

using namespace std::chrono_literals;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

TEST(PythonAppSession, PlainAsyncioTasksAndTimersKeepTheAppBusyAndPrintToItsConsole) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "async def later():\n"
              "    await asyncio.sleep(0.05)\n"
              "    print('task done')\n"
              "loop = asyncio.get_running_loop()\n"
              "task = loop.create_task(later())\n"
              "loop.call_later(0.02, print, 'from a timer')\n"))
        << s.firstError();
    EXPECT_FALSE(s.session.isIdle());
    EXPECT_TRUE(s.session.describeActivity().contains("1 asyncio task(s) pending"))
        << s.session.describeActivity().toStdString();
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s))
        << s.session.describeActivity().toStdString();
    // Through the session's messageLogged (the Console), not straight to stdout.
    EXPECT_EQ(s.log, (QStringList{"from a timer", "task done"}));
}

TEST(PythonAppSession, ClosingTheAppCancelsItsPlainAsyncioTasks) {
    QStringList log;
    auto session = std::make_unique<qpanel::PythonSession>();
    QObject::connect(session.get(), &qpanel::AppSession::messageLogged,
                     [&log](const QString&, const QString& text) { log << text; });
    ASSERT_TRUE(
        session->run(QStringLiteral("import asyncio\n"
                                    "async def forever():\n"
                                    "    try:\n"
                                    "        print('waiting')\n"
                                    "        await asyncio.sleep(3600)\n"
                                    "    except asyncio.CancelledError:\n"
                                    "        print('cancelled at its await')\n"
                                    "        raise\n"
                                    "task = asyncio.get_running_loop().create_task(forever())\n"),
                     QStringLiteral("/app/test.py")));
    ASSERT_TRUE(waitUntil([&] { return !log.isEmpty(); }, 5s));
    EXPECT_FALSE(session->isIdle());
    session.reset();
    EXPECT_EQ(log, (QStringList{"waiting", "cancelled at its await"}));
}

TEST(PythonAppSession, InterruptRunawayStopsCodeThatNeverReturnsAtItsLine) {
    PySession s;
    s.session.setScriptTimeLimit(60s);  // only the interrupt may stop it
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "def spin(event):\n"
              "    print('spinning')\n"
              "    while True:\n"
              "        pass\n"
              "button = pn.widgets.Button(name='spin')\n"
              "button.on_click(spin)\n"
              "button.servable()\n"))
        << s.firstError();
    auto* button = qobject_cast<qpanel::Button*>(s.roots().at(0));
    ASSERT_NE(button, nullptr);
    // Interrupting earlier would stop qpanel's own code that calls spin.
    std::atomic<bool> spinning{false};
    QObject::connect(&s.session, &qpanel::AppSession::messageLogged,
                     [&spinning](const QString&, const QString&) { spinning = true; });
    // What the CLI's --timeout does from its helper thread while the GUI
    // thread spins (repeated: the interrupt only lands while Python runs).
    std::atomic<bool> stop{false};
    std::thread interrupter([&] {
        while (!stop) {
            if (spinning) s.session.interruptRunaway();
            std::this_thread::yield();
        }
    });
    button->click();
    const bool reported = waitUntil([&] { return !s.errors.isEmpty(); }, 10s);
    stop = true;
    interrupter.join();
    ASSERT_TRUE(reported);
    EXPECT_TRUE(s.errors[0].message.startsWith("TimeoutError: interrupted")) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("--timeout")) << s.firstError();
    EXPECT_GE(s.errors[0].location.line, 3) << s.firstError();
    EXPECT_LE(s.errors[0].location.line, 5) << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
}

TEST(PythonAppSession, PnCallsInPlainAsyncioTasksAndCallbacksAreTheApps) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "col = pn.Column(pn.widgets.StaticText(name='Out', value='idle'))\n"
              "async def background():\n"
              "    await asyncio.sleep(0.001)\n"
              "    col.append(pn.widgets.Button(name='Added'))\n"
              "    pn.state.execute(lambda: print('executed'))\n"
              "    pn.state.add_periodic_callback(lambda: print('tick'), period=5, count=1)\n"
              "def later():\n"
              "    col[0].value = 'later'\n"
              "    pn.bind(lambda v: v, col[0].param.value)\n"
              "    print('busy', pn.state.busy)\n"
              "loop = asyncio.get_running_loop()\n"
              "loop.call_later(0.002, later)\n"
              "loop.create_task(background())\n"
              "col.servable()\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.log.size() >= 3 && s.session.isIdle(); }, 5s))
        << s.log.join('|').toStdString() << s.firstError();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
    EXPECT_TRUE(s.log.contains("executed")) << s.log.join('|').toStdString();
    EXPECT_TRUE(s.log.contains("tick")) << s.log.join('|').toStdString();
    EXPECT_TRUE(s.log.contains("busy False") || s.log.contains("busy True"))
        << s.log.join('|').toStdString();
    EXPECT_EQ(s.eval("[o.name for o in col]"), "['Out', 'Added']");
    EXPECT_EQ(s.child(0)->get("value").toString(), QStringLiteral("later"));
}

TEST(PythonAppSession, AnErrorInAPlainAsyncioTaskIsReportedAtItsLineEvenIfTheTaskIsKept) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import panel as pn\n"
              "async def fail():\n"
              "    await asyncio.sleep(0.001)\n"
              "    raise ValueError('bad reading')\n"
              "kept = [asyncio.create_task(fail())]\n"
              "pn.Row('app').servable()\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s)) << "nothing reported";
    EXPECT_TRUE(s.errors[0].message.contains("ValueError: bad reading")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
    EXPECT_EQ(s.errors[0].location.line, 5) << s.firstError();
    EXPECT_TRUE(s.stacks[0].contains("test.py\", line 5")) << s.stacks[0].toStdString();
}

TEST(PythonAppSession, ATaskErrorSomeoneAwaitsIsNotReportedAsUnhandled) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "async def fail():\n"
              "    raise ValueError('handled')\n"
              "async def main():\n"
              "    task = asyncio.create_task(fail())\n"
              "    await asyncio.sleep(0.01)\n"
              "    try:\n"
              "        await task\n"
              "    except ValueError as e:\n"
              "        print('caught', e)\n"
              "asyncio.create_task(main())\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle() && !s.log.isEmpty(); }, 5s));
    EXPECT_EQ(s.log, QStringList{"caught handled"});
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}
