#include "core/crossthread.h"

#include <QCoreApplication>

#include "core/tsan.h"

namespace qpanel::detail {

namespace {
// One token for every cross-thread hand-over: coarse, but exact enough to
// order what the sender wrote before what the receiver reads.
const char handOverToken = 0;
}  // namespace

PostedCall::PostedCall(std::function<void()> fn) : QEvent(eventType()), call(std::move(fn)) {}

QEvent::Type PostedCall::eventType() {
    static const QEvent::Type type = QEvent::Type(QEvent::registerEventType());
    return type;
}

void postCall(QObject* target, std::function<void()> fn) {
    auto* event = new PostedCall(std::move(fn));
    publishTo(&handOverToken);
    QCoreApplication::postEvent(target, event);
}

bool runPostedCall(QEvent* event) {
    if (event->type() != PostedCall::eventType()) return false;
    receiveFrom(&handOverToken);
    static_cast<PostedCall*>(event)->call();
    return true;
}

PoolJob::PoolJob(std::function<void()> body) : body_(std::move(body)) {
    setAutoDelete(true);
    publishTo(&handOverToken);
}

void PoolJob::run() {
    receiveFrom(&handOverToken);
    body_();
}

}  // namespace qpanel::detail
