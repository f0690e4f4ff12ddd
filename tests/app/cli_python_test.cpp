// The qpanel command line with Python app scripts (.py), end to end: the same
// console echo, exit codes, --check and --timeout as JavaScript (cli_test.cpp).
#include <gtest/gtest.h>

#include "app/qpanelprocess.h"

using qpanel::test::nonEmptyLines;
using qpanel::test::runQpanel;
using qpanel::test::testScript;

TEST(CliPython, ExitWhenIdleEchoesPrintLinesAndWaitsForTimersAndTasks) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("logs_and_finishes.py"))});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("first line\nlast top-level line\nfrom a timer\n"
                                      "after an await {'answer': 42}\n"));
    EXPECT_EQ(run.err.trimmed(), QStringLiteral("careful: this goes to stderr"));
}

TEST(CliPython, TopLevelRaiseExitsOneNamingFileAndLineWithTheTraceback) {
    const QString script = testScript(QStringLiteral("top_level_raise.py"));
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"), script});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QStringLiteral("before the raise\n"));
    EXPECT_TRUE(run.err.startsWith(script + QStringLiteral(":6: ValueError: top-level failure")))
        << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("line 9, in <module>"))) << qPrintable(run.err);
}

TEST(CliPython, ErrorRaisedLaterInAnAsyncTaskExitsOne) {
    const QString script = testScript(QStringLiteral("late_task_raise.py"));
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"), script});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QStringLiteral("loaded\n"));
    EXPECT_TRUE(run.err.contains(script + QStringLiteral(":11: RuntimeError: raised from an "
                                                         "async task")))
        << qPrintable(run.err);
}

TEST(CliPython, NeverEndingPeriodicCallbackTimesOutWithThree) {
    const auto run =
        runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                   QStringLiteral("500"), testScript(QStringLiteral("never_idle.py"))});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(
        run.err.contains(QStringLiteral("--timeout 500 ms passed before the app became "
                                        "idle (1 periodic callback(s) running)")))
        << qPrintable(run.err);
    EXPECT_GE(run.elapsedMs, 500);
}

TEST(CliPython, RunawayLoopIsStoppedByTheTimeoutWithThreeAtItsLine) {
    const QString script = testScript(QStringLiteral("runaway_loop.py"));
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                                QStringLiteral("500"), script});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 3) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("start\n"));
    EXPECT_TRUE(run.err.contains(script + QStringLiteral(":6: TimeoutError: interrupted")))
        << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(
        QStringLiteral("--timeout 500 ms passed before the app became idle (script code kept "
                       "running and was interrupted)")))
        << qPrintable(run.err);
    // Well before the script watchdog's own limit (5 s).
    EXPECT_LT(run.elapsedMs, 4000);
}

TEST(CliPython, CheckCompilesWithoutRunningAndNamesTheBadLine) {
    const QString bad = testScript(QStringLiteral("check_syntax_error.py"));
    const auto good =
        runQpanel({QStringLiteral("--check"), testScript(QStringLiteral("check_valid_async.py"))});
    EXPECT_EQ(good.exitCode, 0) << qPrintable(good.err);
    EXPECT_EQ(good.out, QString()) << "the script ran";
    EXPECT_EQ(good.err, QString());

    const auto run =
        runQpanel({QStringLiteral("--check"), testScript(QStringLiteral("check_valid_async.py")),
                   bad, testScript(QStringLiteral("check_valid_async.js"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QString()) << "the script ran";
    EXPECT_EQ(nonEmptyLines(run.err),
              QStringList{bad + QStringLiteral(":6: SyntaxError: '(' was never closed")});
}

TEST(CliPython, VersionNamesThePythonItEmbeds) {
    const auto run = runQpanel({QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.contains(QStringLiteral(", Python 3.11."))) << qPrintable(run.out);
}
