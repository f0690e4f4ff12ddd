#pragma once
// Hand a call to the thread that owns a QObject. It is a posted event, so
// calls from one thread arrive in order, and a call to an object that dies
// first is dropped with the event. Our QObjects run them via runPostedCall().
//
// The events (and QThreadPool jobs) carry ThreadSanitizer annotations: Qt's
// own queue locking is invisible to TSan in an uninstrumented Qt build.

#include <QEvent>
#include <QObject>
#include <QRunnable>
#include <functional>

namespace qpanel::detail {

class PostedCall : public QEvent {
public:
    explicit PostedCall(std::function<void()> fn);
    static QEvent::Type eventType();
    std::function<void()> call;
};

/// Queues `fn` to run on `target`'s thread (target must use runPostedCall).
void postCall(QObject* target, std::function<void()> fn);

/// In an event() override: runs the call if `event` is one; returns whether it was.
bool runPostedCall(QEvent* event);

/// A thread-pool job whose hand-over is visible to ThreadSanitizer.
class PoolJob : public QRunnable {
public:
    explicit PoolJob(std::function<void()> body);
    void run() override;

private:
    std::function<void()> body_;
};

}  // namespace qpanel::detail
