// Errors from V8 as people read them: what, and file:line:column.
#include <gtest/gtest.h>

#include <QFile>

#include "v8probe.h"

using qpanel::SourceLocation;
using qpanel::test::V8Probe;
using qpanel::v8engine::JsError;

TEST(V8Errors, ThrowIsPlacedAtItsFileLineAndColumn) {
    V8Probe probe;
    const auto error = probe.engine.runScript(QStringLiteral("const a = 1;\n"
                                                             "function f() {\n"
                                                             "  return a.b.c;\n"
                                                             "}\n"
                                                             "f();\n"),
                                              QStringLiteral("/apps/demo.js"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, JsError::Kind::Exception);
    EXPECT_EQ(error->toString(),
              "/apps/demo.js:3:14: TypeError: Cannot read properties of undefined (reading 'c')");
    EXPECT_TRUE(error->stack.contains("at f (/apps/demo.js:3:14)")) << error->stack.toStdString();
    EXPECT_TRUE(error->stack.contains("/apps/demo.js:5:1")) << error->stack.toStdString();
}

TEST(V8Errors, SyntaxErrorIsPlacedAndNothingRuns) {
    V8Probe probe;
    const auto error = probe.engine.runScript(QStringLiteral("console.log('never');\nlet x = ;\n"),
                                              QStringLiteral("syntax.js"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->location, (SourceLocation{.file = "syntax.js", .line = 2, .column = 9}));
    EXPECT_EQ(error->message, "SyntaxError: Unexpected token ';'");
    EXPECT_TRUE(probe.console.isEmpty());
}

TEST(V8Errors, ModernSyntaxRunsAsWritten) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral(R"(
class Counter {
  #count = 0;
  static #made = 0;
  static { Counter.kind = "counter"; }
  #bump() { return ++this.#count; }
  tick() { return this.#bump(); }
  static has(o) { return #count in o; }
}
const c = new Counter();
c.tick();
console.log(Counter.kind, c.tick(), Counter.has(c), [1, 2, 3].at(-1), Object.hasOwn({a: 1}, "a"),
            new Error("x", { cause: "y" }).cause, null ?? "n", [3, 1].findLast(v => v > 2));
)"));
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_EQ(probe.console, QStringList{"counter 2 true 3 true y n 3"});
}

TEST(V8Errors, TimerCallbackThrowIsReportedWithItsPlaceAndLaterTimersRun) {
    V8Probe probe;
    const auto error =
        probe.runToIdle(QStringLiteral("setTimeout(() => {\n"
                                       "  throw new RangeError('late');\n"
                                       "}, 1);\n"
                                       "setTimeout(() => console.log('after'), 2);\n"),
                        QStringLiteral("timer.js"));
    ASSERT_FALSE(error);
    EXPECT_EQ(probe.console, QStringList{"after"});
    ASSERT_EQ(probe.reported.size(), 1u);
    EXPECT_EQ(probe.reported[0].toString(), "timer.js:2:3: RangeError: late");
}

TEST(V8Errors, UnhandledRejectionIsReportedWhereTheErrorWasMade) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral("async function load() {\n"
                                                      "  await null;\n"
                                                      "  throw new Error('no data');\n"
                                                      "}\n"
                                                      "load();\n"),
                                       QStringLiteral("reject.js"));
    ASSERT_FALSE(error);
    ASSERT_EQ(probe.reported.size(), 1u);
    const JsError& reported = probe.reported[0];
    EXPECT_EQ(reported.kind, JsError::Kind::UnhandledRejection);
    EXPECT_EQ(reported.toString(), "reject.js:3:9: Unhandled promise rejection: Error: no data");
    EXPECT_TRUE(reported.stack.contains("at load (reject.js:3:9)")) << reported.stack.toStdString();
}

TEST(V8Errors, RejectionHandledLaterInTheSameTaskIsNotReported) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral(R"(
const p = Promise.reject(new Error("handled"));
queueMicrotask(() => p.catch(e => console.log("caught", e.message)));
Promise.reject(42);
)"),
                                       QStringLiteral("late.js"));
    ASSERT_FALSE(error);
    EXPECT_EQ(probe.console, QStringList{"caught handled"});
    ASSERT_EQ(probe.reported.size(), 1u);
    EXPECT_EQ(probe.reported[0].toString(), "late.js:4:9: Unhandled promise rejection: 42");
}

TEST(V8Errors, BadArgumentsToTheGlobalsThrowTypeErrors) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral(R"(
for (const f of [setTimeout, setInterval, queueMicrotask]) {
  try { f("not a function"); } catch (e) { console.log(e.name, e.message); }
}
)"));
    ASSERT_FALSE(error);
    EXPECT_EQ(probe.console,
              QStringList({"TypeError setTimeout: the callback must be a function",
                           "TypeError setInterval: the callback must be a function",
                           "TypeError queueMicrotask: the callback must be a function"}));
}

// V8 10.2 lacks ES2023's change-array-by-copy methods; the engine adds them.
// Expected output: node 20's (node 18, on a fresh Debian 12, has the same V8
// and lacks them too, so it is not asked).
TEST(V8Builtins, Es2023ChangeArrayByCopyAsNode20) {
    const QString program = QStringLiteral(QPANEL_V8_PROGRAMS_DIR "/es2023_change_by_copy.js");
    V8Probe probe;
    const auto error =
        probe.runToIdle(QString::fromUtf8(qpanel::test::fileContents(program)), program);
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_EQ(probe.console, qpanel::test::linesOf(qpanel::test::fileContents(QStringLiteral(
                                 QPANEL_V8_PROGRAMS_DIR "/es2023_change_by_copy.expected"))));
}
