// The runaway-script watchdog: JS that runs past the limit is interrupted
// with an error naming where, and the app keeps working afterwards.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>

#include "common/eventloop.h"
#include "pnsession.h"

using namespace std::chrono_literals;
using qpanel::test::Session;
using qpanel::test::waitUntil;

namespace {
constexpr int kLimitMs = 300;

/// A Row with a runaway button (first) and a working one (second).
const char* kButtons =
    "const spin = pn.widgets.Button({name: 'Spin'});\n"
    "spin.on_click(() => {\n"
    "  let n = 0;\n"
    "  while (true) { n++; }\n"
    "});\n"
    "const ok = pn.widgets.Button({name: 'Ok'});\n"
    "ok.on_click(async () => { await pn.sleep(1); console.log('clicked ' + ok.clicks); });\n"
    "pn.Row(spin, ok).servable();\n";
}  // namespace

TEST(Watchdog, ARunawayTopLevelIsInterruptedAndTheSessionStillRunsScripts) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    QElapsedTimer clock;
    clock.start();
    EXPECT_FALSE(s.session.run(QStringLiteral("console.log('before');\n\nwhile (true) {}\n"),
                               QStringLiteral("/app/spin.js")));
    EXPECT_LT(clock.elapsed(), 5000);
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_TRUE(s.errors[0].message.contains("script ran longer than 300 ms and was interrupted"))
        << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/spin.js"));
    EXPECT_TRUE(
        s.session.run(QStringLiteral("console.log('after');\n"), QStringLiteral("/app/next.js")))
        << s.firstError();
    EXPECT_EQ(s.log, (QStringList{"before", "after"}));
}

TEST(Watchdog, ARunawayClickCallbackIsInterruptedAndOtherCallbacksStillRun) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    ASSERT_TRUE(s.session.run(QString::fromUtf8(kButtons), QStringLiteral("/app/buttons.js")))
        << s.firstError();
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    EXPECT_TRUE(s.errors[0].message.contains("script ran longer than 300 ms and was interrupted"))
        << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("Spin")) << "names the callback: " << s.firstError();
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/buttons.js")) << s.firstError();
    s.button(1)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("clicked 1"); })) << s.firstError();
    EXPECT_EQ(s.errors.size(), 1);
}

TEST(Watchdog, ARunawayTimerCallbackIsInterruptedAndTheAppStillHandlesAClick) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    ASSERT_TRUE(s.session.run(
        QString::fromUtf8(kButtons) +
            QStringLiteral("setTimeout(function spinner() {\n  for (;;) {}\n}, 1);\n"),
        QStringLiteral("/app/timer.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    EXPECT_TRUE(s.errors[0].message.contains("script ran longer than 300 ms and was interrupted"))
        << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("setTimeout")) << s.firstError();
    s.button(1)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("clicked 1"); })) << s.firstError();
    EXPECT_EQ(s.errors.size(), 1);
}

TEST(Watchdog, AwaitingDoesNotCountAgainstTheLimit) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    ASSERT_TRUE(s.session.run(QStringLiteral("pn.state.execute(async () => {\n"
                                             "  await pn.sleep(%1);\n"
                                             "  console.log('slept');\n"
                                             "});\n")
                                  .arg(kLimitMs * 2),
                              QStringLiteral("/app/slow.js")));
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("slept"); }));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(Watchdog, TheLimitComesFromTheEnvironment) {
    qputenv("QPANEL_SCRIPT_TIME_LIMIT_MS", "250");
    Session s;
    qunsetenv("QPANEL_SCRIPT_TIME_LIMIT_MS");
    EXPECT_EQ(s.session.scriptTimeLimit(), std::chrono::milliseconds(250));
    EXPECT_FALSE(s.session.run(QStringLiteral("while (true) {}\n"), QStringLiteral("/app/env.js")));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_TRUE(s.errors[0].message.contains("longer than 250 ms")) << s.firstError();
}

TEST(Watchdog, TheDefaultLimitIsFiveSeconds) {
    Session s;
    EXPECT_EQ(s.session.scriptTimeLimit(), std::chrono::milliseconds(5000));
}

TEST(Watchdog, ARunawayContinuationAfterFetchIsInterrupted) {
    QTemporaryDir folder;
    QFile data(folder.filePath("data.txt"));
    ASSERT_TRUE(data.open(QIODevice::WriteOnly));
    data.write("x");
    data.close();
    QFile script(folder.filePath("fetch.js"));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write(QByteArray(kButtons) +
                 "pn.state.execute(async () => {\n"
                 "  await pn.fetch('data.txt');\n"
                 "  while (true) {}\n"
                 "});\n");
    script.close();
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    ASSERT_TRUE(s.session.load(script.fileName())) << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    // The file is read at once, so the loop runs inside the execute callback's first step.
    EXPECT_TRUE(s.errors[0].message.contains("interrupted in pn.state.execute")) << s.firstError();
    s.button(1)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("clicked 1"); }))
        << s.errors.size() << " errors, last: " << s.errors.last().toString().toStdString();
}

TEST(Watchdog, ARunawayContinuationAfterSleepIsInterruptedAndPromisesStillSettle) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    ASSERT_TRUE(s.session.run(
        QString::fromUtf8(kButtons) + QStringLiteral("pn.state.execute(async () => {\n"
                                                     "  await pn.sleep(1);\n"
                                                     "  while (true) {}\n"
                                                     "});\n"),
        QStringLiteral("/app/sleep.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    EXPECT_TRUE(s.errors[0].message.contains("interrupted in code after pn.sleep"))
        << s.firstError();
    s.button(1)->click();
    s.button(1)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("clicked 2"); })) << s.firstError();
    // The interrupted task can never finish by itself: it is ended, so the app goes idle.
    EXPECT_TRUE(waitUntil([&] { return s.session.isIdle(); }));
    EXPECT_EQ(s.errors.size(), 1) << s.errors.last().toString().toStdString();
}

// The interrupt cuts one sleeper's wake-up, so Promise.all can never settle:
// the task awaiting it ends as failed with the interrupt's error (it stayed
// in flight forever before), and its other sleepers are stopped.
TEST(Watchdog, AnInterruptedWakeUpFailsTheTaskAwaitingIt) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    QSignalSpy failed(&qpanel::Runtime::instance().tasks(), &qpanel::TaskRegistry::taskFailed);
    ASSERT_TRUE(s.session.run(
        QStringLiteral("pn.state.execute(async () => {\n"
                       "  await Promise.all(Array.from({length: 20}, async (_, i) => {\n"
                       "    await pn.sleep(i === 10 ? 0 : 60000);\n"
                       "    if (i === 10) for (;;) {}\n"
                       "  }));\n"
                       "  console.log('never');\n"
                       "});\n"),
        QStringLiteral("/app/all.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    EXPECT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s))
        << "the awaiting task is still in flight";
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(
        failed[0][1].toString().contains("script ran longer than 300 ms and was interrupted"))
        << failed[0][1].toString().toStdString();
    EXPECT_EQ(s.errors.size(), 1) << "reported once: " << s.errors.last().toString().toStdString();
    EXPECT_TRUE(s.log.isEmpty());
}

// A click callback started inside a task's continuation spins: the
// interrupt cuts both, and the task (not only the innermost code) ends.
TEST(Watchdog, EveryTaskWhoseCodeWasCutEnds) {
    Session s;
    s.session.setScriptTimeLimit(std::chrono::milliseconds(kLimitMs));
    QSignalSpy failed(&qpanel::Runtime::instance().tasks(), &qpanel::TaskRegistry::taskFailed);
    ASSERT_TRUE(s.session.run(QStringLiteral("const b = pn.widgets.Button({name: 'Spin'});\n"
                                             "b.on_click(() => { for (;;) {} });\n"
                                             "pn.Row(b).servable();\n"
                                             "pn.state.execute(async () => {\n"
                                             "  const later = pn.sleep(60000);\n"
                                             "  await pn.sleep(1);\n"
                                             "  b.clicks += 1;\n"
                                             "  await later;\n"
                                             "  console.log('never');\n"
                                             "});\n"),
                              QStringLiteral("/app/nested.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); })) << "not interrupted";
    EXPECT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s))
        << "the execute task is still in flight";
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(s.log.isEmpty());
}
