#pragma once
// What the user asked for on the command line, parsed and validated once
// (QCommandLineParser); main() only dispatches on `mode`.

#include <QString>
#include <QStringList>
#include <optional>

namespace qpanel {
class AppLanguages;
}

namespace qpanel::cli {

struct CommandLine {
    enum class Mode {
        Window,        ///< open a window (start page without a script)
        Screenshot,    ///< window, once idle save it as PNG and exit
        ExitWhenIdle,  ///< headless: run until idle, echo console output
        Check,         ///< transpile and parse only, never run
        ListExamples,
        Version,
        Help,
    };
    Mode mode = Mode::Window;
    QStringList scripts;  ///< absolute paths (several only with --check)
    QString exampleName;  ///< set when the script came from --example
    QString screenshotFile;
    std::optional<int> timeoutMs;
    bool timeoutIsDefault = false;  ///< --screenshot without --timeout
    /// --allow-env: environment variables pn.env may read besides QPANEL_*.
    QStringList allowedEnvironment;
};

/// --screenshot without --timeout waits this long for idle (an app with a
/// running periodic callback never is), then saves the window anyway.
constexpr int kScreenshotDefaultTimeoutMs = 10000;

/// The timeout as a message names it: "--timeout 500 ms", or the default's
/// "the --screenshot default timeout (10000 ms)".
QString describeTimeout(const CommandLine& commandLine);

/// A parse result: the command line, or a usage error to print (exit 2).
struct ParsedCommandLine {
    std::optional<CommandLine> commandLine;
    QString usageError;
};

/// Parses `arguments` (argv including the program name, Qt's own options
/// already removed). `examplesFolder` resolves --example NAME; a script no
/// language in `languages` runs is a usage error.
ParsedCommandLine parseCommandLine(const QStringList& arguments, const QString& examplesFolder,
                                   const AppLanguages& languages);

/// The --help text (options, exit codes, the headless platform rule).
QString helpText(const AppLanguages& languages);

}  // namespace qpanel::cli
