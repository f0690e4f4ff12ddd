#pragma once
// Waiting in tests: spin the real event loop until a condition holds, with
// a deadline — never a fixed sleep. To show that something does NOT happen,
// first wait for what would have triggered it to be gone (no sleeper left in
// the scheduler, the app idle), then let a few loop turns pass, so whatever
// was already queued (posted events, yields, 0-ms timers) has run.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>
#include <chrono>

namespace qpanel::test {

/// Processes events until `predicate()` is true or `timeout` passes.
template <typename Predicate>
bool waitUntil(Predicate predicate, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    return QTest::qWaitFor(predicate, int(timeout.count()));
}

/// Counts event-loop passes, to prove the loop kept ticking while tasks ran.
class LoopTicker : public QObject {
public:
    LoopTicker() { timerId_ = startTimer(0); }
    ~LoopTicker() override { killTimer(timerId_); }
    int ticks() const { return ticks_; }

protected:
    void timerEvent(QTimerEvent*) override { ++ticks_; }

private:
    int timerId_ = 0;
    int ticks_ = 0;
};

/// Lets `turns` passes of the event loop run; false if they did not within
/// the deadline (a loop held up that long is itself a failure). Its own loop,
/// not waitUntil: QTest::qWaitFor sleeps 10 ms between passes.
inline bool passLoopTurns(int turns = 3,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    QEventLoop loop;
    int passed = 0;
    QTimer turn;
    turn.setInterval(0);
    QObject::connect(&turn, &QTimer::timeout, &loop, [&] {
        if (++passed >= turns) loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    turn.start();
    deadline.start(timeout);
    loop.exec();
    // As qWaitFor does: a nested loop leaves deleteLater() to the outer one.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return passed >= turns;
}

}  // namespace qpanel::test
