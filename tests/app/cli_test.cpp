// The qpanel command line end to end: exit codes, console echo, --check,
// --list-examples, --version, --help (see app/cli/exitcode.h).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "app/qpanelprocess.h"
#include "common/httptestserver.h"

using qpanel::test::nonEmptyLines;
using qpanel::test::runQpanel;
using qpanel::test::testScript;

TEST(Cli, ExitWhenIdleEchoesConsoleLogLinesVerbatimAndExitsZero) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("logs_and_finishes.js"))});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(
        run.out,
        QStringLiteral(
            "first line\nlast top-level line\nfrom a timer\nafter an await { answer: 42 }\n"));
    EXPECT_TRUE(run.err.contains(QStringLiteral("careful: this goes to stderr")))
        << qPrintable(run.err);
}

TEST(Cli, TopLevelThrowExitsOneNamingFileAndLine) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("top_level_throw.js"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QStringLiteral("before the throw\n"));
    EXPECT_TRUE(run.err.contains(QStringLiteral("top_level_throw.js:5"))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("top-level failure"))) << qPrintable(run.err);
}

TEST(Cli, ErrorThrownLaterInATimerExitsOne) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("late_timer_throw.js"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QStringLiteral("loaded\n"));
    EXPECT_TRUE(run.err.contains(QStringLiteral("late_timer_throw.js:4"))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("thrown from a timer"))) << qPrintable(run.err);
}

TEST(Cli, ErrorThrownLaterInAnAsyncTaskExitsOne) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("late_task_throw.js"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QStringLiteral("loaded\n"));
    EXPECT_TRUE(run.err.contains(QStringLiteral("late_task_throw.js:5"))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("thrown from an async task")))
        << qPrintable(run.err);
}

TEST(Cli, ErrorsTakenByTheScriptsExceptionHandlerDoNotFailTheRun) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("handled_errors.js"))});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("handled: from a task\nhandled: from a timer\n"));
    EXPECT_EQ(run.err, QString());
}

TEST(Cli, PeriodicCallbackKeepsTheAppBusyUntilItsCountIsDone) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("periodic_count.js"))});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("tick 1\ntick 2\ntick 3\n"));
}

TEST(Cli, TypeScriptScriptRunsHeadless) {
    const auto run =
        runQpanel({QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("typed.ts"))});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("norm 5\n"));
}

TEST(Cli, AScriptEndingInACommentTranspiles) {
    const auto run = runQpanel(
        {QStringLiteral("--exit-when-idle"), testScript(QStringLiteral("ends_in_a_comment.js"))});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("done\n"));
}

// The bundled examples come transpiled with qpanel (share/qpanel/transpiled),
// so a first start with an empty user cache runs no Babel, which would store
// its output there; a script of the user's own does.
TEST(Cli, BundledExampleStartsWithoutBabelOnAnEmptyUserCache) {
    const auto transpiledFiles = [](const QTemporaryDir& cacheHome) {
        return QDir(cacheHome.filePath(QStringLiteral("qpanel/transpiled")))
            .entryList(QDir::Files)
            .size();
    };
    QTemporaryDir cacheHome, ownCacheHome, scriptDir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    const auto example = runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--example"),
                                    QStringLiteral("async_button")},
                                   env);
    EXPECT_EQ(example.exitCode, 0) << qPrintable(example.err);
    EXPECT_EQ(transpiledFiles(cacheHome), 0);

    QFile original(QStringLiteral(QPANEL_SOURCE_EXAMPLES "/async_button.js"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    QFile own(scriptDir.filePath(QStringLiteral("my_app.js")));
    ASSERT_TRUE(own.open(QIODevice::WriteOnly));
    own.write(original.readAll() + "\n// my own copy " + scriptDir.path().toUtf8() + "\n");
    own.close();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), ownCacheHome.path());
    const auto ownRun = runQpanel({QStringLiteral("--exit-when-idle"), own.fileName()}, env);
    EXPECT_EQ(ownRun.exitCode, 0) << qPrintable(ownRun.err);
    EXPECT_EQ(transpiledFiles(ownCacheHome), 1);
}

TEST(Cli, NeverEndingIntervalTimesOutWithThreeNamingTheTimeout) {
    const auto run =
        runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                   QStringLiteral("500"), testScript(QStringLiteral("never_idle.js"))});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(QStringLiteral("--timeout 500 ms"))) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("timer"))) << qPrintable(run.err);
    EXPECT_GE(run.elapsedMs, 500);
}

TEST(Cli, RunawayLoopIsStoppedByTheTimeoutWithThree) {
    const auto run =
        runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                   QStringLiteral("500"), testScript(QStringLiteral("runaway_loop.js"))});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 3) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("start\n"));
    EXPECT_TRUE(run.err.contains(
        QStringLiteral("--timeout 500 ms passed before the app became idle (script code kept "
                       "running and was interrupted)")))
        << qPrintable(run.err);
    // Well before the script watchdog's own limit (5 s).
    EXPECT_LT(run.elapsedMs, 4000);
}

struct UsageCase {
    const char* name;
    QStringList arguments;
    const char* expectedMessage;
};

// Names the case in failure messages (instead of its bytes).
void PrintTo(const UsageCase& c, std::ostream* os) {
    *os << c.name;
}

class CliUsage : public ::testing::TestWithParam<UsageCase> {};

TEST_P(CliUsage, ExitsTwoWithAClearMessage) {
    const auto run = runQpanel(GetParam().arguments);
    EXPECT_EQ(run.exitCode, 2) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QString::fromUtf8(GetParam().expectedMessage)))
        << qPrintable(run.err);
    EXPECT_TRUE(run.out.isEmpty()) << qPrintable(run.out);
}

const QString kLogs = testScript(QStringLiteral("logs_and_finishes.js"));

INSTANTIATE_TEST_SUITE_P(
    Cli, CliUsage,
    ::testing::Values(
        UsageCase{"UnknownOption", {QStringLiteral("--frobnicate")}, "Unknown option 'frobnicate'"},
        UsageCase{"MissingScript",
                  {QStringLiteral("--exit-when-idle"), QStringLiteral("/no/such/app.js")},
                  "no such app script: /no/such/app.js"},
        UsageCase{"TimeoutNotANumber",
                  {QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                   QStringLiteral("soon"), kLogs},
                  "--timeout needs a whole number of milliseconds greater than 0, got 'soon'"},
        UsageCase{"TimeoutZero",
                  {QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout=0"), kLogs},
                  "got '0'"},
        UsageCase{"TimeoutWithoutAHeadlessMode",
                  {QStringLiteral("--timeout"), QStringLiteral("100"), kLogs},
                  "--timeout works only with --exit-when-idle or --screenshot"},
        UsageCase{"CheckAndExitWhenIdle",
                  {QStringLiteral("--check"), QStringLiteral("--exit-when-idle"), kLogs},
                  "--exit-when-idle and --check cannot be combined"},
        UsageCase{"ScriptAndExample",
                  {QStringLiteral("--example"), QStringLiteral("async_button"), kLogs},
                  "give either a script"},
        UsageCase{"UnknownExample",
                  {QStringLiteral("--example"), QStringLiteral("no_such_app")},
                  "no bundled example named 'no_such_app'"},
        UsageCase{"ExitWhenIdleWithoutAScript",
                  {QStringLiteral("--exit-when-idle")},
                  "--exit-when-idle needs a script"},
        UsageCase{"SeveralScriptsWithoutCheck",
                  {QStringLiteral("--exit-when-idle"), kLogs, kLogs},
                  "only --check takes several scripts"},
        UsageCase{"AllowEnvWithABadName",
                  {QStringLiteral("--exit-when-idle"), QStringLiteral("--allow-env"),
                   QStringLiteral("A,B=1"), kLogs},
                  "--allow-env: 'A,B=1' is not an environment variable name"},
        UsageCase{"UnsupportedExtension",
                  {QStringLiteral("--exit-when-idle"),
                   testScript(QStringLiteral("javascript_in_a_text_file.txt"))},
                  "javascript_in_a_text_file.txt: not an app script qpanel can run; it runs .js, "
                  ".ts (JavaScript)"},
        UsageCase{"CheckOfAnUnsupportedExtension",
                  {QStringLiteral("--check"), kLogs,
                   testScript(QStringLiteral("javascript_in_a_text_file.txt"))},
                  "javascript_in_a_text_file.txt: not an app script qpanel can run"},
        UsageCase{
            "ScreenshotIntoAMissingFolder",
            {QStringLiteral("--screenshot"), QStringLiteral("/no/such/folder/shot.png"), kLogs},
            "the folder /no/such/folder does not exist"}),
    [](const ::testing::TestParamInfo<UsageCase>& info) { return std::string(info.param.name); });

TEST(Cli, CheckAcceptsAValidAsyncScriptWithoutRunningIt) {
    const auto run =
        runQpanel({QStringLiteral("--check"), testScript(QStringLiteral("check_valid_async.js"))});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QString()) << "the script ran";
    EXPECT_EQ(run.err, QString());
}

TEST(Cli, CheckReportsASyntaxErrorWithFileLineAndColumn) {
    const QString script = testScript(QStringLiteral("check_syntax_error.js"));
    const auto run = runQpanel({QStringLiteral("--check"), script});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out, QString()) << "the script ran";
    EXPECT_TRUE(run.err.startsWith(script + QStringLiteral(":5:20: "))) << qPrintable(run.err);
}

TEST(Cli, CheckTakesSeveralScriptsAndNamesOnlyTheBadOnes) {
    const auto run =
        runQpanel({QStringLiteral("--check"), testScript(QStringLiteral("check_valid_async.js")),
                   testScript(QStringLiteral("check_syntax_error.js")),
                   testScript(QStringLiteral("typed.ts"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(nonEmptyLines(run.err).size(), 1) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("check_syntax_error.js:5:")))
        << qPrintable(run.err);
}

TEST(Cli, ListExamplesNamesEveryExampleFileWithTheStartOfItsComment) {
    const auto run = runQpanel({QStringLiteral("--list-examples")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QDir folder(QStringLiteral(QPANEL_SOURCE_EXAMPLES));
    const QStringList files =
        folder.entryList({QStringLiteral("*.js"), QStringLiteral("*.ts"), QStringLiteral("*.py")},
                         QDir::Files, QDir::Name);
    ASSERT_TRUE(files.contains(QStringLiteral("async_button.py")));
    const QStringList listed = nonEmptyLines(run.out);
    ASSERT_EQ(listed.size(), files.size()) << qPrintable(run.out);
    for (int i = 0; i < files.size(); ++i) {
        // A Python example beside a JavaScript one of that name goes by its file name.
        const bool python = files[i].endsWith(QLatin1String(".py"));
        const QString base = QFileInfo(files[i]).completeBaseName();
        const QString name =
            python && files.contains(base + QStringLiteral(".js")) ? files[i] : base;
        ASSERT_TRUE(listed[i].startsWith(name + QLatin1Char(' '))) << qPrintable(listed[i]);
        // The description is the opening of the file's leading comment (// or #).
        const QLatin1String marker = python ? QLatin1String("#") : QLatin1String("//");
        QFile file(folder.filePath(files[i]));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QString comment;
        for (QString line;
             (line = QString::fromUtf8(file.readLine()).trimmed()).startsWith(marker);)
            comment += line.mid(marker.size()).trimmed() + QLatin1Char(' ');
        const QString description = listed[i].mid(name.size()).trimmed();
        EXPECT_GE(description.size(), 20) << qPrintable(listed[i]);
        EXPECT_TRUE(comment.simplified().startsWith(description)) << qPrintable(listed[i]);
    }
}

TEST(Cli, VersionPrintsTheProjectVersion) {
    const auto run = runQpanel({QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.out.startsWith(QStringLiteral("qpanel " QPANEL_VERSION " ")))
        << qPrintable(run.out);
}

TEST(Cli, HelpListsTheOptionsAndExitCodes) {
    const auto run = runQpanel({QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0);
    for (const char* expected :
         {"--exit-when-idle", "--check", "--timeout <MS>", "--screenshot <FILE.png>",
          "--list-examples", "--example <NAME>", "--allow-env <NAME[,NAME]>", "3  --timeout passed",
          "App script (.js, .ts or .py)"})
        EXPECT_TRUE(run.out.contains(QString::fromUtf8(expected))) << expected;
    // Wrapped over lines in the option list.
    EXPECT_TRUE(run.out.simplified().contains(
        QStringLiteral("if it is not idle after --timeout (default 10000 ms), "
                       "save it as it is then and exit 3")))
        << qPrintable(run.out);
}

namespace {
/// A script in a folder of its own, run with settings of its own there
/// (XDG_CONFIG_HOME) and the given extra environment.
struct OwnApp {
    QTemporaryDir dir;
    QString script;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    explicit OwnApp(const QByteArray& source) {
        script = dir.filePath(QStringLiteral("app.js"));
        QFile file(script);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(source);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           dir.filePath(QStringLiteral("config")));
    }
    QString settingsFile() const {
        return dir.filePath(QStringLiteral("config/qpanel/qpanel.conf"));
    }
    void writeSettings(const QByteArray& text) const {
        QDir().mkpath(QFileInfo(settingsFile()).absolutePath());
        QFile file(settingsFile());
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
};

const QByteArray kEnvApp =
    "console.log(pn.env('CLI_TEST_TOKEN', 'no token'));\n"
    "console.log(pn.env('CLI_TEST_OTHER', 'no other'));\n"
    "console.log(pn.env('CLI_TEST_THIRD', 'no third'));\n"
    "console.log(pn.env('QPANEL_CLI_TEST', 'no qpanel'));\n";
}  // namespace

TEST(Cli, ScriptsReadOnlyQpanelVariablesAndThoseAllowEnvNames) {
    OwnApp app(kEnvApp);
    for (const char* name :
         {"CLI_TEST_TOKEN", "CLI_TEST_OTHER", "CLI_TEST_THIRD", "QPANEL_CLI_TEST"})
        app.environment.insert(QString::fromLatin1(name),
                               QStringLiteral("value of ") + QString::fromLatin1(name));

    const auto plain = runQpanel({QStringLiteral("--exit-when-idle"), app.script}, app.environment);
    EXPECT_EQ(plain.exitCode, 0) << qPrintable(plain.err);
    EXPECT_EQ(plain.out,
              QStringLiteral("no token\nno other\nno third\nvalue of QPANEL_CLI_TEST\n"));
    EXPECT_EQ(plain.err.count(QStringLiteral("--allow-env CLI_TEST_TOKEN")), 1)
        << qPrintable(plain.err);
    EXPECT_TRUE(plain.err.contains(app.settingsFile()))
        << "names where the setting lives: " << qPrintable(plain.err);

    const auto allowed =
        runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--allow-env"),
                   QStringLiteral("CLI_TEST_TOKEN, CLI_TEST_OTHER"),
                   QStringLiteral("--allow-env=CLI_TEST_THIRD"), app.script},
                  app.environment);
    EXPECT_EQ(allowed.exitCode, 0) << qPrintable(allowed.err);
    EXPECT_EQ(
        allowed.out,
        QStringLiteral("value of CLI_TEST_TOKEN\nvalue of CLI_TEST_OTHER\nvalue of CLI_TEST_THIRD\n"
                       "value of QPANEL_CLI_TEST\n"));
    EXPECT_EQ(allowed.err, QString());
}

TEST(Cli, TheAllowedEnvironmentSettingAddsNamesScriptsMayRead) {
    OwnApp app(kEnvApp);
    app.environment.insert(QStringLiteral("CLI_TEST_TOKEN"), QStringLiteral("token"));
    app.environment.insert(QStringLiteral("CLI_TEST_OTHER"), QStringLiteral("other"));
    app.writeSettings("[General]\nallowedEnvironment=CLI_TEST_OTHER, CLI_TEST_THIRD\n");
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"), app.script}, app.environment);
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("no token\nother\nno third\nno qpanel\n"));
    EXPECT_EQ(nonEmptyLines(run.err).size(), 1) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("pn.env('CLI_TEST_TOKEN')")))
        << qPrintable(run.err);
}

TEST(Cli, AFailedFetchIsPrintedWithoutTheUrlsSecrets) {
    QUrl url(QStringLiteral("http://me:pa55@127.0.0.1/data?api_key=S3CRET&page=1"));
    url.setPort(qpanel::test::closedLocalPort());
    OwnApp app("pn.state.execute(async () => { await pn.fetch('" + url.toEncoded() + "'); });\n");
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"), app.script}, app.environment);
    EXPECT_EQ(run.exitCode, 1) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(
        QStringLiteral("fetch http://127.0.0.1:%1/data?api_key=…&page=…: connection refused")
            .arg(url.port())))
        << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(QStringLiteral("S3CRET")) ||
                 run.err.contains(QStringLiteral("pa55")))
        << qPrintable(run.err);
    EXPECT_FALSE(run.out.contains(QStringLiteral("S3CRET"))) << qPrintable(run.out);
}
