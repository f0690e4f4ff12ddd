#include "v8/pendingcall.h"

#include <QPointer>
#include <exception>
#include <type_traits>

namespace qpanel::v8engine {

namespace {

/// Awaits `task` and ends `call` with its outcome. Its own Task is dropped:
/// QCoro keeps the frame until the coroutine ends, and the call is held
/// weakly, so deleting it early leaves the task running to nobody.
template <typename T>
QCoro::Task<> endWhenDone(QPointer<PendingCall> call, QCoro::Task<T> task) {
    QString error;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await std::move(task);
            if (call) call->finish();
        } else {
            const QVariant result = co_await std::move(task);
            if (call) call->finish(result);
        }
        co_return;
    } catch (const std::exception& thrown) {
        error = QString::fromUtf8(thrown.what());
    } catch (...) {
        // Not swallowed: the script's promise rejects with it.
        error = QStringLiteral("the call failed with an exception that is not a std::exception");
    }
    if (call) call->fail(error);
}

template <typename T>
PendingCall* startFrom(QCoro::Task<T> task, QObject* parent) {
    auto* call = new PendingCall(parent);
    // Runs to its first suspension here: a task that is already done ends
    // the call before it is returned.
    static_cast<void>(endWhenDone<T>(call, std::move(task)));
    return call;
}

}  // namespace

PendingCall::PendingCall(QObject* parent) : QObject(parent) {}

PendingCall* PendingCall::fromTask(QCoro::Task<QVariant> task, QObject* parent) {
    return startFrom(std::move(task), parent);
}

PendingCall* PendingCall::fromTask(QCoro::Task<> task, QObject* parent) {
    return startFrom(std::move(task), parent);
}

void PendingCall::finish(const QVariant& result) {
    if (state_ != State::Running) return;
    state_ = State::Finished;
    result_ = result;
    emit finished(result_);
}

void PendingCall::fail(const QString& message) {
    if (state_ != State::Running) return;
    state_ = State::Failed;
    errorText_ = message;
    emit failed(errorText_);
}

}  // namespace qpanel::v8engine
