// The qpanel executable: parses the command line (app/cli/commandline.h),
// then runs one mode: a window, a screenshot once idle, a headless run until
// idle, a syntax check, or a listing. Exit codes: app/cli/exitcode.h.
#include "bridge/scriptsession.h"
#include "cli/checkscripts.h"
#include "cli/commandline.h"
#include "cli/consoleecho.h"
#include "cli/exitcode.h"
#include "cli/firstpaintprobe.h"
#include "cli/headlessplatform.h"
#include "cli/rununtilidle.h"
#include "core/runtime.h"
#include "shell/examplescatalog.h"

#include <QApplication>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

using qpanel::cli::CommandLine;
using qpanel::cli::ExitCode;
using qpanel::cli::toInt;

// ---- The window ------------------------------------------------------------
// Everything about what the window looks like lives in this one function, so
// the full shell (app/shell) can replace it without touching the modes below.
std::unique_ptr<QMainWindow> buildWindow(qpanel::Transpiler& transpiler, qpanel::ScriptSession& session,
                                         const QString& scriptPath) {
    auto window = std::make_unique<QMainWindow>();
    window->setWindowTitle(scriptPath.isEmpty()
                               ? QStringLiteral("qpanel")
                               : QStringLiteral("%1 — qpanel").arg(QFileInfo(scriptPath).fileName()));
    window->setCentralWidget(session.createContent());
    QMainWindow* w = window.get();
    QObject::connect(&session, &qpanel::ScriptSession::errorReported, w,
                     [w](const qpanel::ScriptError& e, const QString&) { w->statusBar()->showMessage(e.toString()); });
    QObject::connect(&qpanel::Runtime::instance().tasks(), &qpanel::TaskRegistry::countChanged, w, [w](int n) {
        w->statusBar()->showMessage(n ? QStringLiteral("Busy: %1 task(s) running").arg(n) : QStringLiteral("Idle"));
    });
    window->resize(720, 480);
    // With no script the user opens one next: load Babel meanwhile, after the
    // first frame (an app's own load never waits for Babel it doesn't need).
    if (scriptPath.isEmpty()) QTimer::singleShot(0, w, [&transpiler] { transpiler.warmUp(); });
    return window;
}
// ---- end of the window -----------------------------------------------------

// The user's transpile cache first, then the one the build filled for the
// bundled examples (app/CMakeLists.txt), so their first start skips Babel.
qpanel::Transpiler::Options transpilerOptions() {
    qpanel::Transpiler::Options options;
    options.prebuiltCacheDirectories = {QCoreApplication::applicationDirPath() +
                                        QStringLiteral("/../share/qpanel/transpiled")};
    return options;
}

void writeOut(const QString& text) {
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

int runWindow(const CommandLine& cl) {
    qpanel::Transpiler transpiler(transpilerOptions());
    qpanel::ScriptSession session(&transpiler);
    const qpanel::cli::ConsoleEcho echo(&session);
    const QString script = cl.scripts.value(0);
    if (!script.isEmpty()) session.load(script);  // errors are echoed; the window still opens
    const std::unique_ptr<QMainWindow> window = buildWindow(transpiler, session, script);
    qpanel::cli::probeFirstPaint(window.get());
    window->show();
    if (cl.mode == CommandLine::Mode::Screenshot) {
        qpanel::cli::exitWhenIdle(session, echo, cl.timeoutMs, [&] {
            // Charts relayout lazily: settle layouts so the picture is current.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            if (window->grab().save(cl.screenshotFile, "PNG")) {
                writeOut(QStringLiteral("qpanel: saved the window (%1x%2) to %3\n")
                             .arg(window->width())
                             .arg(window->height())
                             .arg(cl.screenshotFile));
                return ExitCode::Ok;
            }
            std::fprintf(stderr, "qpanel: cannot write the screenshot %s\n", qPrintable(cl.screenshotFile));
            return ExitCode::ScriptError;
        });
    }
    return QApplication::exec();
}

int runUntilIdle(const CommandLine& cl) {
    qpanel::Transpiler transpiler(transpilerOptions());
    qpanel::ScriptSession session(&transpiler);
    const qpanel::cli::ConsoleEcho echo(&session);
    // Like node: a script that fails to load ends the run at once.
    if (!session.load(cl.scripts.constFirst())) return toInt(ExitCode::ScriptError);
    // Components build their views as in the window, which stays hidden.
    const std::unique_ptr<QWidget> content(session.createContent());
    qpanel::cli::exitWhenIdle(session, echo, cl.timeoutMs, [] { return ExitCode::Ok; });
    return QApplication::exec();
}

int listExamples() {
    const QString folder = qpanel::ExamplesCatalog::folder();
    if (folder.isEmpty()) {
        std::fprintf(stderr, "qpanel: the bundled examples are not installed\n");
        return toInt(ExitCode::Usage);
    }
    for (const qpanel::Example& e : qpanel::ExamplesCatalog::list(folder))
        writeOut(QStringLiteral("%1  %2\n").arg(e.name, -24).arg(e.description));
    return toInt(ExitCode::Ok);
}

}  // namespace

int main(int argc, char** argv) {
    qpanel::cli::markMainStarted();
    const qpanel::cli::PlatformChoice platform = qpanel::cli::choosePlatform(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qpanel"));
    QApplication::setApplicationVersion(QStringLiteral(QPANEL_VERSION));

    const auto parsed = qpanel::cli::parseCommandLine(QCoreApplication::arguments(), qpanel::ExamplesCatalog::folder());
    if (!parsed.commandLine) {
        std::fprintf(stderr, "qpanel: %s (see qpanel --help)\n", qPrintable(parsed.usageError));
        return toInt(ExitCode::Usage);
    }
    const CommandLine& cl = *parsed.commandLine;
    switch (cl.mode) {
    case CommandLine::Mode::Help:
        writeOut(qpanel::cli::helpText());
        return toInt(ExitCode::Ok);
    case CommandLine::Mode::Version:
        writeOut(QStringLiteral("qpanel %1 (Qt %2, Babel %3)\n")
                     .arg(QStringLiteral(QPANEL_VERSION), QString::fromLatin1(qVersion()),
                          qpanel::Transpiler::babelVersion()));
        return toInt(ExitCode::Ok);
    case CommandLine::Mode::ListExamples:
        return listExamples();
    case CommandLine::Mode::Check: {
        qpanel::Transpiler transpiler(transpilerOptions());
        return toInt(qpanel::cli::checkScripts(transpiler, cl.scripts));
    }
    case CommandLine::Mode::ExitWhenIdle:
        return runUntilIdle(cl);
    case CommandLine::Mode::Window:
        if (platform == qpanel::cli::PlatformChoice::OffscreenNoDisplay) {
            std::fprintf(stderr,
                         "qpanel: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                         "use --exit-when-idle, --screenshot or --check for headless runs (see qpanel --help)\n");
            return toInt(ExitCode::Usage);
        }
        return runWindow(cl);
    case CommandLine::Mode::Screenshot:
        return runWindow(cl);
    }
    return toInt(ExitCode::Usage);
}
