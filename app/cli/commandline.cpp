#include "cli/commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include "session/applanguages.h"
#include "session/environmentaccess.h"
#include "shell/examplescatalog.h"

namespace qpanel::cli {

namespace {

struct Options {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               QStringLiteral("Print the version and exit.")};
    QCommandLineOption example{QStringLiteral("example"),
                               QStringLiteral("Open the bundled example NAME."),
                               QStringLiteral("NAME")};
    QCommandLineOption listExamples{
        QStringLiteral("list-examples"),
        QStringLiteral("List the bundled examples (name and what it shows) and exit.")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral(
            "Once the app is idle, save the window as PNG and exit; if it is not idle after "
            "--timeout (default 10000 ms), save it as it is then and exit 3."),
        QStringLiteral("FILE.png")};
    QCommandLineOption exitWhenIdle{
        QStringLiteral("exit-when-idle"),
        QStringLiteral(
            "Run headless until idle (no task in flight, no pending timer or sleep, no running "
            "periodic callback); console.log lines go to stdout, warnings and errors to stderr.")};
    QCommandLineOption check{
        QStringLiteral("check"),
        QStringLiteral("Transpile and parse the scripts without running them; report "
                       "errors as file:line:column: message.")};
    QCommandLineOption timeout{
        QStringLiteral("timeout"),
        QStringLiteral("With --exit-when-idle or --screenshot: give up after MS "
                       "milliseconds even if the app is not idle (exit 3)."),
        QStringLiteral("MS")};
    QCommandLineOption allowEnv{
        QStringLiteral("allow-env"),
        QStringLiteral("Let scripts read the environment variable NAME with pn.env; without this "
                       "(or the allowedEnvironment setting) they read only QPANEL_* variables. "
                       "Several names: separate them with commas or repeat the option."),
        QStringLiteral("NAME[,NAME]")};

    void addTo(QCommandLineParser& parser, const AppLanguages& languages) const {
        parser.setApplicationDescription(
            QStringLiteral("qpanel: Panel-style async app scripts on the Qt desktop."));
        parser.addOptions({help, version, example, listExamples, screenshot, exitWhenIdle, check,
                           timeout, allowEnv});
        parser.addPositionalArgument(
            QStringLiteral("script"),
            QStringLiteral("App script (%1) to open; several with --check.")
                .arg(orList(languages.extensions())),
            QStringLiteral("[SCRIPT...]"));
    }

    // ".js or .ts", ".js, .ts or .py".
    static QString orList(QStringList items) {
        if (items.size() < 2) return items.value(0);
        const QString last = items.takeLast();
        return items.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
    }
};

const char* const kHelpEpilogue = R"(
Exit codes:
  0  ok
  1  a script error: a syntax error, a throw at top level, or an error
     reported later by a callback, timer or task (also: the screenshot could
     not be written). Errors given to pn.config.exception_handler are the
     script's to report and do not count.
  2  usage: unknown option, a script file that does not exist, a bad
     --timeout value, conflicting options, an unknown example
  3  --timeout passed before the app became idle (--screenshot still saves
     the window as it was then)

Headless runs need no display: --check, --list-examples, --version and --help
start no GUI at all; --exit-when-idle uses Qt's offscreen platform unless
QT_QPA_PLATFORM or -platform says otherwise; --screenshot uses it too when no
DISPLAY or WAYLAND_DISPLAY is set.
)";

ParsedCommandLine usage(const QString& message) {
    return {std::nullopt, message};
}

}  // namespace

QString helpText(const AppLanguages& languages) {
    QCommandLineParser parser;
    Options().addTo(parser, languages);
    return parser.helpText() + QString::fromUtf8(kHelpEpilogue);
}

ParsedCommandLine parseCommandLine(const QStringList& arguments, const QString& examplesFolder,
                                   const AppLanguages& languages) {
    QCommandLineParser parser;
    const Options o;
    o.addTo(parser, languages);
    if (!parser.parse(arguments)) return usage(parser.errorText());

    CommandLine cl;
    if (parser.isSet(o.help)) {
        cl.mode = CommandLine::Mode::Help;
        return {cl, {}};
    }
    if (parser.isSet(o.version)) {
        cl.mode = CommandLine::Mode::Version;
        return {cl, {}};
    }

    const QStringList positional = parser.positionalArguments();
    const bool headless = parser.isSet(o.exitWhenIdle);
    const bool shot = parser.isSet(o.screenshot);
    const bool check = parser.isSet(o.check);
    const bool list = parser.isSet(o.listExamples);

    // One mode at a time.
    QStringList modes;
    if (headless) modes << QStringLiteral("--exit-when-idle");
    if (shot) modes << QStringLiteral("--screenshot");
    if (check) modes << QStringLiteral("--check");
    if (list) modes << QStringLiteral("--list-examples");
    if (modes.size() > 1)
        return usage(
            QStringLiteral("%1 cannot be combined").arg(modes.join(QStringLiteral(" and "))));

    if (list) {
        if (!positional.isEmpty() || parser.isSet(o.example) || parser.isSet(o.timeout))
            return usage(QStringLiteral("--list-examples takes no script, --example or --timeout"));
        cl.mode = CommandLine::Mode::ListExamples;
        return {cl, {}};
    }

    if (parser.isSet(o.example)) {
        if (!positional.isEmpty())
            return usage(QStringLiteral("give either a script (%1) or --example, not both")
                             .arg(positional.constFirst()));
        cl.exampleName = parser.value(o.example);
        QString path;
        if (const auto example = ExamplesCatalog::find(cl.exampleName, examplesFolder, languages))
            path = example->path;
        if (path.isEmpty())
            return usage(
                QStringLiteral(
                    "no bundled example named '%1' (see qpanel --list-examples; looked in %2)")
                    .arg(cl.exampleName, examplesFolder.isEmpty()
                                             ? QStringLiteral("<no examples folder>")
                                             : examplesFolder));
        cl.scripts << path;
    }
    for (const QString& script : positional) {
        const QFileInfo info(script);
        if (!info.exists()) return usage(QStringLiteral("no such app script: %1").arg(script));
        if (info.isDir())
            return usage(QStringLiteral("%1 is a folder, not an app script").arg(script));
        // Like a missing file: nothing of it can run, so the command line is wrong.
        if (!languages.forFile(script)) return usage(languages.unsupportedFile(script).toString());
        cl.scripts << info.absoluteFilePath();
    }
    if (cl.scripts.size() > 1 && !check)
        return usage(
            QStringLiteral("only --check takes several scripts (got %1)").arg(cl.scripts.size()));
    if ((check || headless) && cl.scripts.isEmpty())
        return usage(
            QStringLiteral("%1 needs a script (a path or --example NAME)").arg(modes.constFirst()));

    if (parser.isSet(o.timeout)) {
        if (!headless && !shot)
            return usage(
                QStringLiteral("--timeout works only with --exit-when-idle or --screenshot"));
        bool ok = false;
        const int ms = parser.value(o.timeout).toInt(&ok);
        if (!ok || ms <= 0)
            return usage(
                QStringLiteral(
                    "--timeout needs a whole number of milliseconds greater than 0, got '%1'")
                    .arg(parser.value(o.timeout)));
        cl.timeoutMs = ms;
    }

    QString badName;
    cl.allowedEnvironment = EnvironmentAccess::parseNames(parser.values(o.allowEnv), &badName);
    if (!badName.isEmpty()) return usage(QStringLiteral("--allow-env: %1").arg(badName));

    if (shot) {
        cl.screenshotFile = QFileInfo(parser.value(o.screenshot)).absoluteFilePath();
        const QFileInfo folder(QFileInfo(cl.screenshotFile).absolutePath());
        if (!folder.isDir())
            return usage(QStringLiteral("--screenshot: the folder %1 does not exist")
                             .arg(folder.filePath()));
        cl.mode = CommandLine::Mode::Screenshot;
        if (!cl.timeoutMs) {
            cl.timeoutMs = kScreenshotDefaultTimeoutMs;
            cl.timeoutIsDefault = true;
        }
    } else if (headless) {
        cl.mode = CommandLine::Mode::ExitWhenIdle;
    } else if (check) {
        cl.mode = CommandLine::Mode::Check;
    }
    return {cl, {}};
}

QString describeTimeout(const CommandLine& cl) {
    if (!cl.timeoutMs) return {};
    return cl.timeoutIsDefault
               ? QStringLiteral("the --screenshot default timeout (%1 ms)").arg(*cl.timeoutMs)
               : QStringLiteral("--timeout %1 ms").arg(*cl.timeoutMs);
}

}  // namespace qpanel::cli
