// Asynchronous native calls as scripts see them: a Q_INVOKABLE returning a
// PendingCall gives a Promise, resolved with the result or rejected with an
// Error naming the member, in node's order; deleting the object or closing
// the engine first leaves nothing dangling.
#include <gtest/gtest.h>

#include "sleeper.h"
#include "v8probe.h"

using qpanel::Scheduler;
using qpanel::test::errorOf;
using qpanel::test::fileContents;
using qpanel::test::linesOf;
using qpanel::test::nodeOutput;
using qpanel::test::passLoopTurns;
using qpanel::test::Sleeper;
using qpanel::test::V8Probe;
using qpanel::test::waitUntil;
using qpanel::v8engine::JsEngine;
using qpanel::v8engine::PendingCall;

namespace {

/// Every call settled and every timer and sleeper done.
bool settled(V8Probe& probe) {
    return waitUntil([&] {
        return probe.engine.qobjects().pendingCallCount() == 0 &&
               probe.engine.timers().activeCount() == 0 &&
               Scheduler::current().pendingSleepers() == 0;
    });
}

QString programPath(const char* name) {
    return QStringLiteral(QPANEL_V8_PROGRAMS_DIR "/") + QLatin1String(name);
}

}  // namespace

/// An engine whose scripts see `sleeper` (C++-owned).
class V8PendingCall : public ::testing::Test {
protected:
    V8PendingCall() { probe.expose("sleeper", &sleeper); }

    std::optional<qpanel::v8engine::JsError> run(const char* source) {
        return probe.engine.runScript(QString::fromUtf8(source), QStringLiteral("app.js"));
    }
    /// run(), then waits until every call is settled.
    std::optional<qpanel::v8engine::JsError> runToSettled(const char* source) {
        auto error = run(source);
        EXPECT_TRUE(settled(probe));
        return error;
    }

    Sleeper sleeper;  // before the probe: outlives the engine
    V8Probe probe;
};

TEST_F(V8PendingCall, ResolvesWithTheResultConverted) {
    ASSERT_EQ(errorOf(runToSettled(R"(
(async () => {
  const call = sleeper.later("text", 1);
  console.log(call instanceof Promise, await call);
  const n = await sleeper.later(42, 1);
  console.log(typeof n, n, await sleeper.later(2.5, 1));
  console.log(JSON.stringify(await sleeper.later({a: [1, {b: true}], c: null}, 1)));
  console.log(await sleeper.later(sleeper, 1) === sleeper, await sleeper.sleep(1));
})();
)")),
              "");
    EXPECT_TRUE(probe.reported.empty()) << probe.reported.front().toString().toStdString();
    EXPECT_EQ(probe.console, QStringList({"true text", "number 42 2.5",
                                          R"({"a":[1,{"b":true}],"c":null})", "true undefined"}));
    // A parentless call is the binding's: deleted once its promise settled.
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(sleeper.last.isNull());
}

TEST_F(V8PendingCall, RejectsWithAnErrorNamingTheMember) {
    ASSERT_EQ(errorOf(runToSettled(R"(
(async () => {
  try {
    await sleeper.failLater("the disk is full", 1);
  } catch (e) {
    console.log(e instanceof Error, e.message);
  }
  sleeper.nothing().catch(e => console.log(e.message));
})();
)")),
              "");
    EXPECT_EQ(probe.console, QStringList({"true Sleeper.failLater: the disk is full",
                                          "Sleeper.nothing: no call was started"}));

    probe.console.clear();
    ASSERT_EQ(errorOf(run("sleeper.hold().catch(e => console.log(e.name, e.message));")), "");
    ASSERT_TRUE(sleeper.held);
    sleeper.held->fail(QStringLiteral("no route to the plot"));
    EXPECT_EQ(probe.console, QStringList{"Error Sleeper.hold: no route to the plot"});
    sleeper.held->finish(1);  // a call ends once: ignored
    EXPECT_EQ(sleeper.held->state(), PendingCall::State::Failed);

    // Nobody catches it: reported as an unhandled rejection.
    ASSERT_EQ(errorOf(runToSettled("sleeper.failLater('nobody listens', 1);")), "");
    ASSERT_EQ(probe.reported.size(), 1u);
    EXPECT_EQ(probe.reported[0].kind, qpanel::v8engine::JsError::Kind::UnhandledRejection);
    EXPECT_EQ(probe.reported[0].message,
              "Unhandled promise rejection: Error: Sleeper.failLater: nobody listens");
}

TEST_F(V8PendingCall, ACallEndedWithinTheTaskSettlesAtItsCheckpoint) {
    // Ended before it was returned (now) or by the script itself (release):
    // resolved inside the task, so `then` runs before the timer, as in node.
    ASSERT_EQ(errorOf(runToSettled(R"(
setTimeout(() => console.log("timer"), 0);
sleeper.now(5).then(v => console.log("now", v));
sleeper.hold().then(v => console.log("released", v));
sleeper.release(3);
console.log("sync");
)")),
              "");
    EXPECT_EQ(probe.console, QStringList({"sync", "now 5", "released 3", "timer"}));
}

TEST_F(V8PendingCall, ACallEndedFromCppIsAMacrotaskWithItsCheckpoint) {
    ASSERT_EQ(errorOf(run(R"(
sleeper.hold().then(v => { console.log("got", v); queueMicrotask(() => console.log("then")); });
)")),
              "");
    EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 1u);
    sleeper.held->finish(QStringLiteral("seven"));
    // Its continuations ran before finish() returned.
    EXPECT_EQ(probe.console, QStringList({"got seven", "then"}));
    EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 0u);
    // The sleeper's child stays the sleeper's.
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(sleeper.held);
}

TEST_F(V8PendingCall, AwaitsInterleaveWithTimersAsInNode) {
    const QString path = programPath("await_host_calls.js");
    const auto error = probe.engine.runScript(QString::fromUtf8(fileContents(path)), path);
    ASSERT_FALSE(error) << error->toString().toStdString();
    ASSERT_TRUE(settled(probe));
    EXPECT_TRUE(probe.reported.empty()) << probe.reported.front().toString().toStdString();

    EXPECT_EQ(probe.console, linesOf(fileContents(programPath("await_host_calls.expected"))));

    // And node, in the same run, with its own promise timers as the sleeper.
    const auto node = nodeOutput({QStringLiteral("-r"), programPath("sleeper_shim.cjs"), path});
    if (!node) GTEST_SKIP() << "node is not on PATH";
    EXPECT_EQ(probe.console, *node);
}

TEST_F(V8PendingCall, DeletingTheCallRejectsItsPromise) {
    ASSERT_EQ(errorOf(run("sleeper.hold().catch(e => console.log(e.message));")), "");
    delete sleeper.held.data();
    EXPECT_EQ(probe.console, QStringList{"Sleeper.hold: the call was deleted before it ended"});
    EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 0u);
}

TEST(V8PendingCallLifetime, DeletingTheObjectRejectsItsPendingCalls) {
    V8Probe probe;
    auto* doomed = new Sleeper;
    probe.expose("doomed", doomed);
    ASSERT_EQ(errorOf(probe.engine.runScript(QStringLiteral(R"(
const log = what => e => console.log(what, e.message);
doomed.sleep(50).then(() => console.log("slept"), log("parentless:"));
doomed.sleepOwned(50).then(() => console.log("slept"), log("child:"));
doomed.hold().then(() => console.log("released"), log("held:"));
)"),
                                             QStringLiteral("app.js"))),
              "");
    EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 3u);
    delete doomed;
    EXPECT_EQ(probe.console,
              QStringList({"parentless: Sleeper.sleep: the object was deleted before the call "
                           "finished",
                           "child: Sleeper.sleepOwned: the object was deleted before the call "
                           "finished",
                           "held: Sleeper.hold: the object was deleted before the call finished"}));
    EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 0u);
    // The naps still end (their frames guard the sleeper with a QPointer);
    // nothing more reaches the script.
    ASSERT_TRUE(settled(probe));
    ASSERT_TRUE(passLoopTurns());
    EXPECT_EQ(probe.console.size(), 3);
    EXPECT_TRUE(probe.reported.empty());
}

TEST(V8PendingCallLifetime, AScriptMadeObjectTheScriptDroppedStillEndsItsCall) {
    V8Probe probe;
    probe.exposeClass(&Sleeper::staticMetaObject);
    ASSERT_EQ(errorOf(probe.engine.runScript(
                  QStringLiteral(
                      "(() => { new Sleeper().sleep(20).then(() => console.log('slept')); })();"),
                  QStringLiteral("app.js"))),
              "");
    // The pending call holds its performer's wrapper, so the object stays.
    probe.collectGarbage();
    ASSERT_TRUE(passLoopTurns());
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 1u);
    EXPECT_TRUE(waitUntil([&] { return probe.console == QStringList{"slept"}; }));
    // Ended, it lets go: the wrapper is collected and the object deleted.
    ASSERT_TRUE(passLoopTurns());
    probe.collectGarbage();
    EXPECT_TRUE(waitUntil([&] { return probe.engine.qobjects().wrapperCount() == 0; }));
    EXPECT_TRUE(probe.reported.empty());
}

TEST(V8PendingCallLifetime, ClosingTheEngineWithCallsPendingTouchesNothing) {
    Sleeper sleeper;
    QStringList console;
    {
        V8Probe probe;
        QObject::connect(&probe.engine, &JsEngine::consoleMessage,
                         [&console](auto, const QString& text) { console << text; });
        probe.expose("sleeper", &sleeper);
        ASSERT_EQ(errorOf(probe.engine.runScript(QStringLiteral(R"(
for (let i = 0; i < 10; i++) sleeper.sleepOwned(20).then(() => console.log("late"));
sleeper.hold().then(() => console.log("late"), () => console.log("late"));
(async () => { await sleeper.sleep(20); console.log("late"); })();
)"),
                                                 QStringLiteral("app.js"))),
                  "");
        EXPECT_EQ(probe.engine.qobjects().pendingCallCount(), 12u);
    }
    // The binding's parentless call went with the engine; the sleeper's
    // children stay, and end later to nobody.
    EXPECT_TRUE(sleeper.last.isNull());
    ASSERT_TRUE(sleeper.held);
    sleeper.held->finish(1);
    EXPECT_TRUE(waitUntil([&] { return sleeper.napsEnded == 11; }));
    ASSERT_TRUE(waitUntil([] { return Scheduler::current().pendingSleepers() == 0; }));
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(console.isEmpty()) << console.join('\n').toStdString();
    const auto children = sleeper.findChildren<PendingCall*>();
    EXPECT_EQ(children.size(), 11);
    for (const PendingCall* call : children) EXPECT_EQ(call->state(), PendingCall::State::Finished);
}

TEST_F(V8PendingCall, AThousandConcurrentAwaitsAllResolve) {
    ASSERT_EQ(errorOf(runToSettled(R"(
const n = 1000;
Promise.all(Array.from({length: n}, async (_, i) => {
  await sleeper.sleep(1);
  return await sleeper.later(i, 1);
})).then(values => console.log(values.length, values[n - 1], values.reduce((a, b) => a + b)));
console.log("pending", sleeper.sleep(1) instanceof Promise);
)")),
              "");
    EXPECT_TRUE(probe.reported.empty()) << probe.reported.front().toString().toStdString();
    EXPECT_EQ(probe.console, QStringList({"pending true", "1000 999 499500"}));
    EXPECT_EQ(sleeper.napsEnded, 2001);
}
