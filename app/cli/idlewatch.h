#pragma once
// Waits until an app is idle (AppSession::isIdle:
// no task in flight, no pending timer, sleep or execute call, no running
// periodic callback), or until an optional timeout passes.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace qpanel::cli {

class IdleWatch : public QObject {
    Q_OBJECT
public:
    IdleWatch(std::function<bool()> isIdle, std::optional<int> timeoutMs,
              QObject* parent = nullptr);

    /// Checks from the next event-loop pass on; emits exactly one signal.
    void start();
    qint64 elapsedMs() const { return clock_.elapsed(); }

signals:
    void becameIdle();
    void timedOut(int timeoutMs);

private:
    void poll();

    std::function<bool()> isIdle_;
    std::optional<int> timeoutMs_;
    QTimer poll_;
    QElapsedTimer clock_;
};

}  // namespace qpanel::cli
