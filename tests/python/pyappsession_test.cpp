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
              "    while True:\n"
              "        pass\n"
              "button = pn.widgets.Button(name='spin')\n"
              "button.on_click(spin)\n"
              "button.servable()\n"))
        << s.firstError();
    auto* button = qobject_cast<qpanel::Button*>(s.roots().at(0));
    ASSERT_NE(button, nullptr);
    // What the CLI's --timeout does from its helper thread while the GUI
    // thread spins (repeated: the interrupt only lands while Python runs).
    std::atomic<bool> stop{false};
    std::thread interrupter([&] {
        while (!stop) {
            s.session.interruptRunaway();
            std::this_thread::yield();
        }
    });
    button->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 10s));
    stop = true;
    interrupter.join();
    EXPECT_TRUE(s.errors[0].message.startsWith("TimeoutError: interrupted")) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("--timeout")) << s.firstError();
    EXPECT_GE(s.errors[0].location.line, 3) << s.firstError();
    EXPECT_LE(s.errors[0].location.line, 4) << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
}
