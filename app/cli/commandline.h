#pragma once
// What the user asked for on the command line, parsed and validated once
// (QCommandLineParser); main() only dispatches on `mode`.

#include <QString>
#include <QStringList>
#include <optional>

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
    QStringList scripts;     ///< absolute paths (several only with --check)
    QString exampleName;     ///< set when the script came from --example
    QString screenshotFile;
    std::optional<int> timeoutMs;
};

/// A parse result: the command line, or a usage error to print (exit 2).
struct ParsedCommandLine {
    std::optional<CommandLine> commandLine;
    QString usageError;
};

/// Parses `arguments` (argv including the program name, Qt's own options
/// already removed). `examplesFolder` resolves --example NAME.
ParsedCommandLine parseCommandLine(const QStringList& arguments, const QString& examplesFolder);

/// The --help text (options, exit codes, the headless platform rule).
QString helpText();

}  // namespace qpanel::cli
