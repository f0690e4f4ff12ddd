#include "session/appsession.h"

#include <algorithm>

#include "core/document.h"
#include "core/periodiccallback.h"
#include "core/runtime.h"
#include "widgets/servable.h"

namespace qpanel {

QWidget* AppSession::createContent() const {
    return new ServableArea(document());
}

bool AppSession::isIdle() const {
    if (!hostIsIdle()) return false;
    // pn.state.execute calls not yet started count as work (process-wide:
    // the runtime does not track their owner's count).
    Runtime* runtime = Runtime::ifExists();
    if (runtime && (runtime->tasks().countOwnedBy(document()) > 0 || runtime->pendingCalls() > 0))
        return false;
    // A running periodic callback ticks again later , so the app is not idle.
    const auto periodic = document()->findChildren<PeriodicCallback*>();
    return std::none_of(periodic.begin(), periodic.end(),
                        [](const PeriodicCallback* pc) { return pc->running() || pc->inFlight(); });
}

QString AppSession::describeActivity() const {
    QStringList busy;
    if (Runtime* runtime = Runtime::ifExists()) {
        if (int n = runtime->tasks().countOwnedBy(document()))
            busy << QStringLiteral("%1 task(s) in flight").arg(n);
        if (int n = runtime->pendingCalls())
            busy << QStringLiteral("%1 pn.state.execute call(s) pending").arg(n);
    }
    busy << hostActivity();
    int periodic = 0;
    for (const PeriodicCallback* pc : document()->findChildren<PeriodicCallback*>())
        periodic += pc->running();
    if (periodic) busy << QStringLiteral("%1 periodic callback(s) running").arg(periodic);
    return busy.isEmpty() ? uncountedActivity() : busy.join(QStringLiteral(", "));
}

}  // namespace qpanel
