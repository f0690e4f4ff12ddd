#include "cli/rununtilidle.h"

#include "bridge/scriptsession.h"
#include "cli/consoleecho.h"
#include "cli/idlewatch.h"
#include "core/periodiccallback.h"
#include "core/runtime.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

namespace qpanel::cli {

QString describeActivity(ScriptSession& session) {
    QStringList busy;
    if (Runtime* runtime = Runtime::ifExists()) {
        if (int n = runtime->tasks().countOwnedBy(session.document())) busy << QStringLiteral("%1 task(s) in flight").arg(n);
        if (int n = runtime->pendingCalls()) busy << QStringLiteral("%1 pn.state.execute call(s) pending").arg(n);
    }
    if (int n = session.host().timers().activeCount()) busy << QStringLiteral("%1 timer(s) or sleep(s) pending").arg(n);
    int periodic = 0;
    for (const PeriodicCallback* pc : session.document()->findChildren<PeriodicCallback*>()) periodic += pc->running();
    if (periodic) busy << QStringLiteral("%1 periodic callback(s) running").arg(periodic);
    return busy.isEmpty() ? QStringLiteral("promise jobs pending") : busy.join(QStringLiteral(", "));
}

void exitWhenIdle(ScriptSession& session, const ConsoleEcho& echo, std::optional<int> timeoutMs,
                  std::function<ExitCode()> onIdle) {
    auto* watch = new IdleWatch([&session] { return session.isIdle(); }, timeoutMs, &session);
    QObject::connect(watch, &IdleWatch::becameIdle, watch, [&echo, onIdle = std::move(onIdle)] {
        const ExitCode code = onIdle();
        QCoreApplication::exit(toInt(echo.errorCount() > 0 ? ExitCode::ScriptError : code));
    });
    QObject::connect(watch, &IdleWatch::timedOut, watch, [&session](int ms) {
        std::fprintf(stderr, "qpanel: timed out: --timeout %d ms passed before the app became idle (%s)\n", ms,
                     qPrintable(describeActivity(session)));
        std::fflush(stderr);
        QCoreApplication::exit(toInt(ExitCode::TimedOut));
    });
    watch->start();
}

}  // namespace qpanel::cli
