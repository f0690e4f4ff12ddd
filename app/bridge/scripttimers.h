#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QTimer>
#include <functional>
#include <map>

namespace qpanel {

/// setTimeout/setInterval for one QJSEngine: callbacks run on the engine's
/// thread in deadline order, ties in start order (as in node). One QTimer
/// drives all of them.
class ScriptTimers : public QObject {
    Q_OBJECT
public:
    explicit ScriptTimers(QObject* parent = nullptr);

    /// How callbacks are called (the host times them); plain call() if unset.
    using Caller = std::function<QJSValue(const QJSValue& callback, const QString& origin)>;
    void setCaller(Caller caller) { caller_ = std::move(caller); }

    /// Calls callback after delayMs (and every delayMs when repeat); returns
    /// an id > 0. `origin` names it in errors ("setTimeout callback tick").
    Q_INVOKABLE int start(const QJSValue& callback, int delayMs, bool repeat,
                          const QString& origin);
    /// Stops timer id; unknown or finished ids are ignored.
    Q_INVOKABLE void clear(int id);
    void clearAll();
    /// Timers started and not yet finished or cleared.
    int activeCount() const { return int(timers_.size()); }

signals:
    /// A callback threw; error is the thrown value.
    void callbackFailed(const QJSValue& error);

private:
    using Deadline = std::pair<qint64, quint64>;  // (ms since clock start, start sequence)
    struct Entry {
        QJSValue callback;
        QString origin;
        int intervalMs;
        bool repeat;
        Deadline deadline;
    };
    void schedule(int id, Entry& entry, qint64 now);
    void fireDue();
    void rearm();

    Caller caller_;
    QElapsedTimer clock_;
    QTimer timer_;
    QHash<int, Entry> timers_;
    std::map<Deadline, int> queue_;
    qint64 armedFor_ = 0;  ///< the deadline timer_ is running for
    int nextId_ = 1;
    quint64 sequence_ = 0;
};

}  // namespace qpanel
