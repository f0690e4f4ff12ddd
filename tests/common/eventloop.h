#pragma once
// Waiting in tests: spin the real event loop until a condition holds, with
// a deadline — never a fixed sleep.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

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

}  // namespace qpanel::test
