// The qpanel executable: parses the command line (app/cli/commandline.h),
// then runs one mode: a window, a screenshot once idle, a headless run until
// idle, a syntax check, or a listing. Exit codes: app/cli/exitcode.h.
// Everything below sees scripts through the language registry (AppLanguages)
// and AppSession; registerLanguages() is the one place that names a language.
#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "bridge/javascriptlanguage.h"
#include "bridge/transpiler.h"
#include "cli/checkscripts.h"
#include "cli/commandline.h"
#include "cli/consoleecho.h"
#include "cli/exitcode.h"
#include "cli/firstpaintprobe.h"
#include "cli/headlessplatform.h"
#include "cli/rununtilidle.h"
#include "core/runtime.h"
#ifdef QPANEL_HAS_V8
#include "jsapp/v8language.h"
#endif
#include "python/pythonlanguage.h"
#include "session/applanguages.h"
#include "session/appsession.h"
#include "shell/examplescatalog.h"
#include "shell/mainwindow.h"
#include "shell/shellsettings.h"

namespace {

using qpanel::cli::CommandLine;
using qpanel::cli::ExitCode;
using qpanel::cli::toInt;

// The user's transpile cache first, then the one the build filled for the
// bundled examples (app/CMakeLists.txt), so their first start skips Babel.
qpanel::Transpiler::Options transpilerOptions() {
    qpanel::Transpiler::Options options;
    options.prebuiltCacheDirectories = {QCoreApplication::applicationDirPath() +
                                        QStringLiteral("/../share/qpanel/transpiled")};
    return options;
}

// pn.env reads QPANEL_* variables and those the user allows: --allow-env
// and the allowedEnvironment setting (read in every mode: it is a
// permission, not window state a screenshot run leaves alone).
qpanel::EnvironmentAccess environmentAccess(const CommandLine& cl) {
    const qpanel::ShellSettings settings;
    return qpanel::EnvironmentAccess(cl.allowedEnvironment + settings.allowedEnvironment(),
                                     settings.fileName());
}

// The languages app scripts can be written in, each with what it needs to
// run (the JS transpiler lives as long as the registry).
struct Languages {
    qpanel::Transpiler transpiler{transpilerOptions()};
    qpanel::AppLanguages registry;

    // What pn.env may read: known only once the command line is parsed, so
    // the JS language reads it when it creates a session.
    qpanel::EnvironmentAccess environment;

    Languages() {
#ifdef QPANEL_HAS_V8
        // Issue 14's switch, while the V8 path catches up: .js on V8, .ts on the transpiler.
        if (qpanel::javaScriptOnV8Requested()) {
            qpanel::registerJavaScriptOnV8(registry, &environment);
            qpanel::registerJavaScript(registry, &transpiler, &environment,
                                       {QStringLiteral(".ts")});
            qpanel::registerPython(registry);
            return;
        }
#endif
        qpanel::registerJavaScript(registry, &transpiler, &environment);
        qpanel::registerPython(registry);
    }
};

void writeOut(const QString& text) {
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

// The window a user opens: it paints at once (start page, or a loading page
// for the script), then loads the script; the language's preparation (JS:
// Babel on the transpiler's worker) runs meanwhile.
void openForUser(qpanel::MainWindow& window, const qpanel::AppLanguages& languages,
                 const QString& script) {
    qpanel::cli::probeFirstPaint(&window, !script.isEmpty());
    QObject::connect(&window, &qpanel::MainWindow::openFinished, &window, [&window](bool loaded) {
        qpanel::cli::probeAppShown(loaded ? window.appContent() : nullptr);
    });
    window.show();
    if (!script.isEmpty()) {
        // A script that fails to load leaves the start page, its error in the console.
        window.openScriptInBackground(script);
        return;
    }
    // With no script the user opens one next: warm the runtimes up meanwhile,
    // after the first frame (an app's own load never waits for Babel it
    // doesn't need).
    QTimer::singleShot(0, &window, [&languages] {
        for (const qpanel::AppLanguage& language : languages.all())
            if (language.warmUp) language.warmUp();
    });
}

// --screenshot: the window at its default size, saved once the app is idle,
// or as it is when the timeout passes (exit 3).
void shootWhenIdle(qpanel::MainWindow& window, const QPointer<qpanel::cli::ConsoleEcho>& echo,
                   const CommandLine& cl) {
    const QString script = cl.scripts.value(0);
    const bool loaded = script.isEmpty() || window.openScript(script);
    window.show();
    auto save = [&window, &cl](const QString& moment) {
        // Charts relayout lazily: settle layouts so the picture is current.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (window.grab().save(cl.screenshotFile, "PNG")) {
            writeOut(QStringLiteral("qpanel: saved the window%1 (%2x%3) to %4\n")
                         .arg(moment)
                         .arg(window.width())
                         .arg(window.height())
                         .arg(cl.screenshotFile));
            return ExitCode::Ok;
        }
        std::fprintf(stderr, "qpanel: cannot write the screenshot %s\n",
                     qPrintable(cl.screenshotFile));
        return ExitCode::ScriptError;
    };
    if (window.session() && echo) {
        qpanel::cli::exitWhenIdle(
            *window.session(), *echo,
            {cl.timeoutMs, qpanel::cli::describeTimeout(cl), [save] { return save({}); },
             [save] { save(QStringLiteral(" as it was at the timeout")); }});
        return;
    }
    // Nothing runs (start page, or the load failed): shoot once shown.
    QTimer::singleShot(0, &window, [loaded, save] {
        const ExitCode code = save({});
        QCoreApplication::exit(toInt(loaded ? code : ExitCode::ScriptError));
    });
}

int runWindow(const CommandLine& cl, const Languages& languages) {
    const bool screenshot = cl.mode == CommandLine::Mode::Screenshot;
    // A screenshot run leaves the user's settings (recent files, geometry) alone.
    qpanel::MainWindow window(&languages.registry, screenshot
                                                       ? qpanel::MainWindow::UserSettings::Ignore
                                                       : qpanel::MainWindow::UserSettings::Use);
    // Each app the window loads also echoes its console on the terminal.
    QPointer<qpanel::cli::ConsoleEcho> echo;  // the latest session's (it owns it)
    QObject::connect(
        &window, &qpanel::MainWindow::sessionCreated, &window,
        [&echo](qpanel::AppSession* session) { echo = new qpanel::cli::ConsoleEcho(session); });
    if (screenshot)
        shootWhenIdle(window, echo, cl);
    else
        openForUser(window, languages.registry, cl.scripts.value(0));
    return QApplication::exec();
}

int runUntilIdle(const CommandLine& cl, const qpanel::AppLanguages& languages) {
    // The command line only passes scripts some language runs.
    const std::unique_ptr<qpanel::AppSession> session =
        languages.forFile(cl.scripts.constFirst())->createSession();
    const qpanel::cli::ConsoleEcho echo(session.get());
    // Like node: a script that fails to load ends the run at once.
    if (!session->load(cl.scripts.constFirst())) return toInt(ExitCode::ScriptError);
    // Components build their views as in the window, which stays hidden.
    const std::unique_ptr<QWidget> content(session->createContent());
    qpanel::cli::exitWhenIdle(*session, echo, {cl.timeoutMs, qpanel::cli::describeTimeout(cl), [] {
                                                   return ExitCode::Ok;
                                               }});
    return QApplication::exec();
}

int listExamples(const qpanel::AppLanguages& languages) {
    const QString folder = qpanel::ExamplesCatalog::folder();
    if (folder.isEmpty()) {
        std::fprintf(stderr, "qpanel: the bundled examples are not installed\n");
        return toInt(ExitCode::Usage);
    }
    for (const qpanel::Example& e : qpanel::ExamplesCatalog::list(folder, languages))
        writeOut(QStringLiteral("%1  %2\n").arg(e.name, -24).arg(e.description));
    return toInt(ExitCode::Ok);
}

}  // namespace

int main(int argc, char** argv) {
    qpanel::cli::markMainStarted();
    const qpanel::cli::PlatformChoice platform = qpanel::cli::choosePlatform(argc, argv);
    // Checking, listing and --help never touch a widget: no GUI start-up.
    const std::unique_ptr<QCoreApplication> app =
        platform == qpanel::cli::PlatformChoice::NoGui
            ? std::make_unique<QCoreApplication>(argc, argv)
            : std::make_unique<QApplication>(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qpanel"));
    QApplication::setApplicationVersion(QStringLiteral(QPANEL_VERSION));

    Languages languages;
    const auto parsed = qpanel::cli::parseCommandLine(
        QCoreApplication::arguments(), qpanel::ExamplesCatalog::folder(), languages.registry);
    if (!parsed.commandLine) {
        std::fprintf(stderr, "qpanel: %s (see qpanel --help)\n", qPrintable(parsed.usageError));
        return toInt(ExitCode::Usage);
    }
    const CommandLine& cl = *parsed.commandLine;
    languages.environment = environmentAccess(cl);
    switch (cl.mode) {
        case CommandLine::Mode::Help:
            writeOut(qpanel::cli::helpText(languages.registry));
            return toInt(ExitCode::Ok);
        case CommandLine::Mode::Version: {
            QStringList versions{QStringLiteral("Qt ") + QString::fromLatin1(qVersion())};
            for (const qpanel::AppLanguage& language : languages.registry.all())
                if (!language.versionInfo.isEmpty()) versions << language.versionInfo;
            writeOut(QStringLiteral("qpanel %1 (%2)\n")
                         .arg(QStringLiteral(QPANEL_VERSION), versions.join(QStringLiteral(", "))));
            return toInt(ExitCode::Ok);
        }
        case CommandLine::Mode::ListExamples:
            return listExamples(languages.registry);
        case CommandLine::Mode::Check:
            return toInt(qpanel::cli::checkScripts(languages.registry, cl.scripts));
        case CommandLine::Mode::ExitWhenIdle:
            if (platform == qpanel::cli::PlatformChoice::NoGui)
                break;  // not reached: those flags conflict
            return runUntilIdle(cl, languages.registry);
        case CommandLine::Mode::Window:
            if (platform == qpanel::cli::PlatformChoice::NoGui) break;
            if (platform == qpanel::cli::PlatformChoice::OffscreenNoDisplay) {
                std::fprintf(stderr,
                             "qpanel: no display to open a window on (DISPLAY and WAYLAND_DISPLAY "
                             "are unset); "
                             "use --exit-when-idle, --screenshot or --check for headless runs (see "
                             "qpanel --help)\n");
                return toInt(ExitCode::Usage);
            }
            return runWindow(cl, languages);
        case CommandLine::Mode::Screenshot:
            if (platform == qpanel::cli::PlatformChoice::NoGui) break;
            return runWindow(cl, languages);
    }
    return toInt(ExitCode::Usage);
}
