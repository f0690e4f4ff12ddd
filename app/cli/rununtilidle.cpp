#include "cli/rununtilidle.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>
#include <memory>

#include "cli/consoleecho.h"
#include "cli/idlewatch.h"
#include "cli/overdueinterrupt.h"
#include "core/document.h"
#include "session/appsession.h"

namespace qpanel::cli {

namespace {
// How long past --timeout a script may block the event loop before it is
// interrupted (the poll normally ends the run on time).
constexpr int kOverdueGraceMs = 200;
}  // namespace

void exitWhenIdle(AppSession& session, const ConsoleEcho& echo, IdleRun run) {
    const std::optional<int> timeoutMs = run.timeoutMs;
    auto* watch = new IdleWatch([&session] { return session.isIdle(); }, timeoutMs, &session);
    // A script that never yields keeps the poll from firing: interrupt it a
    // little after the deadline, so the timeout below can report and exit.
    std::shared_ptr<OverdueInterrupt> overdue;
    if (timeoutMs)
        overdue = std::make_shared<OverdueInterrupt>(
            [&session] { session.interruptRunaway(); },
            std::chrono::milliseconds(*timeoutMs + kOverdueGraceMs));
    // Closing the app destroys its document while the engine still exists.
    if (overdue)
        QObject::connect(session.document(), &QObject::destroyed, [overdue] { overdue->disarm(); });
    QObject::connect(
        watch, &IdleWatch::becameIdle, watch, [&echo, onIdle = std::move(run.onIdle), overdue] {
            if (overdue) overdue->disarm();
            const ExitCode code = onIdle();
            QCoreApplication::exit(toInt(echo.errorCount() > 0 ? ExitCode::ScriptError : code));
        });
    QObject::connect(
        watch, &IdleWatch::timedOut, watch,
        [&session, overdue, name = run.timeoutName, onTimeout = std::move(run.onTimeout)] {
            if (overdue) overdue->disarm();
            const QString activity =
                overdue && overdue->fired()
                    ? QStringLiteral("script code kept running and was interrupted")
                    : session.describeActivity();
            std::fprintf(stderr, "qpanel: timed out: %s passed before the app became idle (%s)\n",
                         qPrintable(name), qPrintable(activity));
            std::fflush(stderr);
            if (onTimeout) onTimeout();
            QCoreApplication::exit(toInt(ExitCode::TimedOut));
        });
    watch->start();
}

}  // namespace qpanel::cli
