#pragma once
// A native call that finishes later: what an asynchronous Q_INVOKABLE
// returns so that scripts get a Promise (QObjectBinding makes one, resolved
// with the result converted by jsconvert, or rejected with an Error naming
// the member). Ends exactly once: the first finish() or fail() counts, and
// the outcome stays readable, so a call that ends before the binding sees it
// still settles its promise.
//
//   Q_INVOKABLE qpanel::v8engine::PendingCall* sleep(int ms) {
//       return PendingCall::fromTask(napFor(ms), this);  // QCoro::Task<> or Task<QVariant>
//   }
//   // JS: await panel.sleep(10);
//
// Ownership: a call with a parent is its parent's (deleting the parent
// deletes the call, and its promise rejects); a parentless call returned to
// a script is the binding's, deleted once settled or when the engine closes.
// finish() and fail() are called on the call's own thread.

#include <QCoro/QCoroTask>
#include <QObject>
#include <QString>
#include <QVariant>

namespace qpanel::v8engine {

class PendingCall : public QObject {
    Q_OBJECT
public:
    enum class State { Running, Finished, Failed };

    explicit PendingCall(QObject* parent = nullptr);

    /// A call ended by `task`: finished with what it returns (undefined for
    /// a Task<>), failed with the what() of what it throws. The task runs on
    /// when the call is deleted first; it then reports to nobody.
    static PendingCall* fromTask(QCoro::Task<QVariant> task, QObject* parent = nullptr);
    static PendingCall* fromTask(QCoro::Task<> task, QObject* parent = nullptr);

    State state() const { return state_; }
    bool isRunning() const { return state_ == State::Running; }
    /// What finish() gave (invalid until then).
    const QVariant& result() const { return result_; }
    /// What fail() gave: for people, without the member's name.
    const QString& errorText() const { return errorText_; }

    /// Ends the call with `result`; ignored once it has ended.
    void finish(const QVariant& result = {});
    /// Ends the call with an error; ignored once it has ended.
    void fail(const QString& message);

signals:
    void finished(const QVariant& result);
    void failed(const QString& message);

private:
    State state_ = State::Running;
    QVariant result_;
    QString errorText_;
};

}  // namespace qpanel::v8engine
