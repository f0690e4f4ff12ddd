#pragma once
// A QObject with asynchronous invokables, as pn's will be: each returns a
// PendingCall the binding turns into a Promise. sleep() is pn.sleep's shape
// (core's Scheduler, the heap JS timers share).

#include <QObject>
#include <QPointer>
#include <QVariant>
#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "core/scheduler.h"
#include "v8/pendingcall.h"

namespace qpanel::test {

class Sleeper : public QObject {
    Q_OBJECT
    using PendingCall = v8engine::PendingCall;

public:
    Q_INVOKABLE explicit Sleeper(QObject* parent = nullptr) : QObject(parent) {}

    /// Resolves with undefined after `ms` (below 1: 1 ms, node's rule).
    /// Parentless, as pn.sleep's will be: the binding deletes it once settled.
    Q_INVOKABLE qpanel::v8engine::PendingCall* sleep(int ms) {
        return track(PendingCall::fromTask(nap(this, ms)));
    }
    /// The same, but the sleeper's child: deleting the sleeper deletes it.
    Q_INVOKABLE qpanel::v8engine::PendingCall* sleepOwned(int ms) {
        return track(PendingCall::fromTask(nap(this, ms), this));
    }
    /// Resolves with `value` after `ms`.
    Q_INVOKABLE qpanel::v8engine::PendingCall* later(const QVariant& value, int ms) {
        return track(PendingCall::fromTask(valueAfter(this, value, ms)));
    }
    /// Rejects after `ms`: the task throws `message`.
    Q_INVOKABLE qpanel::v8engine::PendingCall* failLater(const QString& message, int ms) {
        return track(PendingCall::fromTask(throwAfter(message, ms)));
    }
    /// Already finished with `value` when it is returned.
    Q_INVOKABLE qpanel::v8engine::PendingCall* now(const QVariant& value) {
        auto* call = new PendingCall;
        call->finish(value);
        return track(call);
    }
    /// The sleeper's child, ended when C++ (or release()) says so.
    Q_INVOKABLE qpanel::v8engine::PendingCall* hold() {
        held = track(new PendingCall(this));
        return held;
    }
    Q_INVOKABLE void release(const QVariant& value) { held->finish(value); }
    Q_INVOKABLE qpanel::v8engine::PendingCall* nothing() { return nullptr; }

    /// The call the last method returned, and the last hold().
    QPointer<PendingCall> last;
    QPointer<PendingCall> held;
    /// Naps ended, also after the engine closed.
    int napsEnded = 0;

private:
    PendingCall* track(PendingCall* call) {
        last = call;
        return call;
    }
    static QCoro::Task<> nap(QPointer<Sleeper> self, int ms) {
        co_await qpanel::sleep(std::chrono::milliseconds(std::max(ms, 1)));
        if (self) ++self->napsEnded;
    }
    static QCoro::Task<QVariant> valueAfter(QPointer<Sleeper> self, QVariant value, int ms) {
        co_await nap(self, ms);
        co_return value;
    }
    static QCoro::Task<QVariant> throwAfter(QString message, int ms) {
        co_await qpanel::sleep(std::chrono::milliseconds(std::max(ms, 1)));
        throw std::runtime_error(message.toStdString());
    }
};

}  // namespace qpanel::test
