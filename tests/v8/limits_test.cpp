// The watchdog and the heap cap stop a script with a message and its line,
// and the isolate runs the next script.
#include <gtest/gtest.h>

#include "v8probe.h"

using namespace std::chrono_literals;
using qpanel::test::V8Probe;
using qpanel::v8engine::JsError;

namespace {
constexpr auto kLimit = 200ms;
}  // namespace

TEST(V8Limits, RunawayLoopIsStoppedAtItsLineAndTheNextScriptRuns) {
    V8Probe probe({.timeLimit = kLimit});
    const auto error = probe.engine.runScript(QStringLiteral("let i = 0;\n"
                                                             "while (true) {\n"
                                                             "  i++;\n"
                                                             "}\n"),
                                              QStringLiteral("spin.js"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, JsError::Kind::TimeLimit);
    EXPECT_EQ(error->location.file, "spin.js");
    EXPECT_GE(error->location.line, 2);
    EXPECT_LE(error->location.line, 3);
    EXPECT_EQ(error->message, "the script ran longer than 200 ms and was interrupted");

    const auto next = probe.runToIdle(QStringLiteral("console.log('next', i > 0)"));
    ASSERT_FALSE(next) << next->toString().toStdString();
    EXPECT_EQ(probe.console, QStringList{"next true"});
}

TEST(V8Limits, RunawayLoopAfterAnAwaitIsStoppedAtItsLine) {
    V8Probe probe({.timeLimit = kLimit});
    const auto error = probe.engine.runScript(QStringLiteral("async function main() {\n"
                                                             "  await null;\n"
                                                             "  for (;;) {}\n"
                                                             "}\n"
                                                             "main();\n"),
                                              QStringLiteral("await.js"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->toString(),
              "await.js:3:3: the script ran longer than 200 ms and was interrupted");
}

TEST(V8Limits, RunawayLoopAfterAwaitingATimerIsReportedAndTimersGoOn) {
    V8Probe probe({.timeLimit = kLimit});
    const auto error =
        probe.runToIdle(QStringLiteral("async function main() {\n"
                                       "  await new Promise(r => setTimeout(r, 1));\n"
                                       "  while (true) {}\n"
                                       "}\n"
                                       "main();\n"
                                       "setTimeout(() => console.log('later'), 5);\n"),
                        QStringLiteral("timer.js"));
    ASSERT_FALSE(error);
    EXPECT_TRUE(probe.idle);
    ASSERT_EQ(probe.reported.size(), 1u);
    EXPECT_EQ(probe.reported[0].kind, JsError::Kind::TimeLimit);
    EXPECT_EQ(probe.reported[0].location.toString(), "timer.js:3:3");
    EXPECT_EQ(probe.console, QStringList{"later"});
}

TEST(V8Limits, ShortRunsAddUpWithoutTripping) {
    // The limit is per macrotask: many short timer callbacks past it in total are fine.
    V8Probe probe({.timeLimit = kLimit});
    const auto error = probe.runToIdle(QStringLiteral(R"(
let runs = 0;
function busy() { const end = Date.now() + 20; while (Date.now() < end) {} }
const every = setInterval(() => { busy(); if (++runs === 20) { clearInterval(every); console.log("done"); } }, 1);
)"));
    ASSERT_FALSE(error);
    EXPECT_TRUE(probe.reported.empty()) << probe.reported.front().toString().toStdString();
    EXPECT_EQ(probe.console, QStringList{"done"});
}

TEST(V8Limits, HeapCapStopsTheScriptWithAMessageAndTheNextScriptRuns) {
    V8Probe probe({.heapLimitMb = 48});
    const auto error = probe.engine.runScript(QStringLiteral("function hog() {\n"
                                                             "  const kept = [];\n"
                                                             "  for (let i = 0; ; i++)\n"
                                                             "    kept.push({ i, s: 'x' + i });\n"
                                                             "}\n"
                                                             "hog();\n"),
                                              QStringLiteral("hog.js"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, JsError::Kind::HeapLimit);
    EXPECT_EQ(error->message, "the script used more than 48 MB and was stopped");
    EXPECT_EQ(error->location.file, "hog.js");
    EXPECT_GE(error->location.line, 3);

    const auto next = probe.runToIdle(
        QStringLiteral("console.log(Array.from({ length: 100000 }, (_, i) => i).length)"));
    ASSERT_FALSE(next) << next->toString().toStdString();
    EXPECT_EQ(probe.console, QStringList{"100000"});
}

TEST(V8Limits, TwoEnginesAreIndependent) {
    V8Probe first({.timeLimit = kLimit});
    V8Probe second;
    first.engine.runScript(QStringLiteral("globalThis.who = 'first'"), QStringLiteral("a.js"));
    second.engine.runScript(QStringLiteral("globalThis.who = 'second'"), QStringLiteral("b.js"));
    ASSERT_TRUE(first.engine.runScript(QStringLiteral("while (true) {}"), QStringLiteral("a.js")));
    second.runToIdle(QStringLiteral("console.log(who)"));
    first.runToIdle(QStringLiteral("console.log(who)"));
    EXPECT_EQ(second.console, QStringList{"second"});
    EXPECT_EQ(first.console, QStringList{"first"});
}

TEST(V8Limits, StopInsideMicrotasksLeavesTimersAndTheNextScriptRunning) {
    // V8 drops the promise jobs queued behind a terminated one ("other"
    // never continues): failing those tasks is the task layer's job (docs/V8.md).
    V8Probe probe({.timeLimit = kLimit});
    const auto error = probe.runToIdle(QStringLiteral(R"(
async function spin() { await null; while (true) {} }
async function other() { await null; await null; console.log("other continued"); }
spin();
other();
setTimeout(() => console.log("timer"), 1);
)"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->toString(),
              "app.js:2:37: the script ran longer than 200 ms and was interrupted");
    probe.runToIdle(QStringLiteral("Promise.resolve().then(() => console.log('next then'))"));
    EXPECT_EQ(probe.console, QStringList({"timer", "next then"}));
    EXPECT_TRUE(probe.reported.empty());
}
