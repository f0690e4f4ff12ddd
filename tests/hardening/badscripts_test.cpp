// The bad-script corpus (badscripts/*.js): each script gives its clear error
// at the user's file:line, and the app keeps running — a new app loads and
// its button still works; nothing crashed.
#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QTest>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/scheduler.h"
#include "hardening/appsession.h"
#include "hardening/badscript.h"
#include "hardening/scriptsteps.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::test::AppSession;
using qpanel::test::BadScript;
using qpanel::test::waitUntil;

namespace {

/// What this build offers; a script that needs more is skipped with a
/// reason ("fix: ..." names a known bug, still open).
bool buildHas(const QString& feature) {
#if __has_include("bridge/scriptwatchdog.h")
    if (feature == QLatin1String("watchdog")) return true;
#endif
    Q_UNUSED(feature);
    return false;
}

/// Scripts reach it through pn.env('QPANEL_TEST_SERVER'): /stall never answers.
struct TestServer {
    qpanel::test::HttpTestServer server;
    TestServer() {
        server.route(QStringLiteral("/stall"), {.stall = true});
        qputenv("QPANEL_TEST_SERVER", server.url(QString()).toString().toUtf8());
    }
    ~TestServer() { qunsetenv("QPANEL_TEST_SERVER"); }
};

class BadScripts : public testing::TestWithParam<BadScript> {};

TEST_P(BadScripts, GiveAClearErrorAtTheUsersLineAndTheAppKeepsRunning) {
    const BadScript& script = GetParam();
    for (const QString& need : script.needs)
        if (!buildHas(need))
            GTEST_SKIP() << "needs " << need.toStdString() << ", which this build lacks";
    // Runaway scripts: interrupted after a short limit, so the test is quick.
    qputenv("QPANEL_SCRIPT_TIME_LIMIT_MS", QByteArray::number(script.timeLimitMs));
    TestServer server;
    AppSession app;
    const bool loaded = app.session->load(script.path);
    for (const QString& step : script.steps) {
        std::string problem;
        ASSERT_TRUE(qpanel::test::runStep(
            app.session ? app.session->document() : nullptr, step, [&] { app.session.reset(); },
            problem))
            << problem << "; errors so far:\n"
            << app.errorsText().toStdString();
    }
    if (script.expectsNothing()) {
        EXPECT_TRUE(loaded) << app.errorsText().toStdString();
        // Whatever the closed app had scheduled is gone: no task, sleep or
        // queued call left to run, and what was queued has had its loop turns
        // (finally blocks run while closing: cancellation unwinds the task).
        int reportsAfterClose = 0;
        QObject context;
        QObject::connect(&Runtime::instance(), &Runtime::errorReported, &context,
                         [&](const qpanel::ErrorReport&) { ++reportsAfterClose; });
        EXPECT_TRUE(waitUntil([] { return !Runtime::instance().busy(); }))
            << "a task of the closed app is left";
        EXPECT_TRUE(qpanel::Scheduler::current().idle()) << "a sleep of the closed app is left";
        EXPECT_EQ(Runtime::instance().pendingCalls(), 0);
        ASSERT_TRUE(qpanel::test::passLoopTurns());
        EXPECT_TRUE(app.errors.isEmpty()) << app.errorsText().toStdString();
        EXPECT_EQ(reportsAfterClose, 0);
        EXPECT_TRUE(app.log.filter(QRegularExpression(QStringLiteral("^(?!finally)"))).isEmpty())
            << app.log.join('\n').toStdString();
    } else {
        const auto matching = [&] {
            for (int i = 0; i < app.errors.size(); ++i)
                if (app.errors[i].message.contains(script.expect)) return i;
            return -1;
        };
        ASSERT_TRUE(waitUntil([&] { return matching() >= 0; }, 10s))
            << "expected an error containing '" << script.expect.toStdString() << "', got:\n"
            << app.errorsText().toStdString();
        const qpanel::ScriptError& error = app.errors[matching()];
        EXPECT_EQ(error.location.file, script.path) << error.toString().toStdString();
        if (script.line != BadScript::FileOnly) {
            EXPECT_EQ(error.location.line, script.line) << error.toString().toStdString();
        }
        if (script.column) {
            EXPECT_EQ(error.location.column, script.column) << error.toString().toStdString();
        }
        // Stacks stay readable (deep recursion must not print thousands of frames).
        EXPECT_LT(app.stacks[matching()].count(QLatin1Char('\n')), 100);
        // The bad app itself stays usable for closing: no task left spinning.
        if (app.session) {
            EXPECT_FALSE(app.session->interrupted());
        }
    }
    app.session.reset();
    EXPECT_TRUE(qpanel::test::aNewAppStillWorks()) << "after " << script.path.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BadScripts,
    testing::ValuesIn(qpanel::test::readBadScripts(QStringLiteral(QPANEL_BADSCRIPTS_DIR))),
    [](const testing::TestParamInfo<BadScript>& info) {
        return info.param.testName().toStdString();
    });

TEST(BadScriptCorpus, HoldsAtLeastFiftyScripts) {
    EXPECT_GE(qpanel::test::readBadScripts(QStringLiteral(QPANEL_BADSCRIPTS_DIR)).size(), 50);
}

}  // namespace
