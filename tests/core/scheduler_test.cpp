#include "core/scheduler.h"

#include <gtest/gtest.h>

#include <vector>

#include "common/eventloop.h"
#include "core/runtime.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::test::waitUntil;

namespace {
Runtime& rt() {
    return Runtime::instance();
}
}  // namespace

TEST(Scheduler, YieldResumesOnALaterLoopPass) {
    bool resumed = false;
    rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::yield();
        resumed = true;
    });
    EXPECT_FALSE(resumed) << "yield must not resume inside spawn";
    ASSERT_TRUE(waitUntil([&] { return resumed; }));
}

TEST(Scheduler, SleepersWakeInDeadlineOrder) {
    std::vector<int> order;
    for (int ms : {60, 20, 40}) {
        rt().spawn([&order, ms]() -> QCoro::Task<> {
            co_await qpanel::sleep(std::chrono::milliseconds(ms));
            order.push_back(ms);
        });
    }
    ASSERT_TRUE(waitUntil([&] { return order.size() == 3; }));
    EXPECT_EQ(order, (std::vector<int>{20, 40, 60}));
}

TEST(Scheduler, SleepLastsAtLeastItsDelay) {
    QElapsedTimer clock;
    clock.start();
    qint64 elapsed = -1;
    rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::sleep(50ms);
        elapsed = clock.elapsed();
    });
    ASSERT_TRUE(waitUntil([&] { return elapsed >= 0; }));
    EXPECT_GE(elapsed, 50);
}

TEST(Scheduler, EqualDeadlinesAndYieldsKeepFifoOrder) {
    std::vector<int> order;
    for (int i = 0; i < 50; ++i) {
        rt().spawn([&order, i]() -> QCoro::Task<> {
            co_await qpanel::yield();
            order.push_back(i);
        });
    }
    ASSERT_TRUE(waitUntil([&] { return order.size() == 50; }));
    for (int i = 0; i < 50; ++i) EXPECT_EQ(order[std::size_t(i)], i);
}

TEST(Scheduler, TenThousandSleepersAllWakeAndLeaveNothingPending) {
    int woken = 0;
    for (int i = 0; i < 10000; ++i) {
        rt().spawn([&woken, i]() -> QCoro::Task<> {
            co_await qpanel::sleep(std::chrono::milliseconds(i % 50));
            ++woken;
        });
    }
    EXPECT_GT(qpanel::Scheduler::current().pendingSleepers(), 0u);
    ASSERT_TRUE(waitUntil([&] { return woken == 10000; }));
    EXPECT_EQ(qpanel::Scheduler::current().pendingSleepers(), 0u);
    EXPECT_TRUE(qpanel::Scheduler::current().idle());
}

TEST(Scheduler, EventLoopKeepsTickingWhileManyTasksYield) {
    qpanel::test::LoopTicker ticker;
    int done = 0;
    for (int i = 0; i < 2000; ++i) {
        rt().spawn([&done]() -> QCoro::Task<> {
            for (int k = 0; k < 20; ++k) co_await qpanel::yield();
            ++done;
        });
    }
    ASSERT_TRUE(waitUntil([&] { return done == 2000; }));
    // Each yield round is its own loop pass, so other events ran in between.
    EXPECT_GE(ticker.ticks(), 10);
}

TEST(Scheduler, CancellingASleeperUnwindsItAtOnce) {
    bool afterSleep = false;
    bool unwound = false;
    struct Guard {
        bool* flag;
        ~Guard() { *flag = true; }
    };
    const quint64 id = rt().spawn([&]() -> QCoro::Task<> {
        Guard guard{&unwound};
        co_await qpanel::sleep(1h);
        afterSleep = true;
    });
    ASSERT_TRUE(rt().tasks().contains(id));
    EXPECT_TRUE(rt().tasks().cancel(id));
    EXPECT_TRUE(unwound) << "cancel() unwinds a parked task before it returns";
    EXPECT_FALSE(afterSleep);
    EXPECT_FALSE(rt().tasks().contains(id));
    EXPECT_EQ(qpanel::Scheduler::current().pendingSleepers(), 0u);
}

TEST(Scheduler, SleepWorksOutsideAnyTask) {
    bool done = false;
    auto coroutine = [&]() -> QCoro::Task<> {
        co_await qpanel::sleep(5ms);
        done = true;
    };
    auto task = coroutine();
    ASSERT_TRUE(waitUntil([&] { return done; }));
}

namespace {
QStringList* capturedWarnings = nullptr;
void captureWarning(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (capturedWarnings && type == QtWarningMsg) capturedWarnings->append(message);
}
}  // namespace

TEST(Scheduler, ASleepBeyondQTimersIntRangeIsStillArmed) {
    // QTimer takes an int of milliseconds (24.8 days). A longer deadline
    // (asyncio's loop.call_later(30 * 86400, ...) lands here) must arm the
    // timer for the longest interval it can and re-arm, not wrap around to
    // a negative interval that Qt refuses, leaving the heap unarmed.
    QStringList warnings;
    capturedWarnings = &warnings;
    const QtMessageHandler previous = qInstallMessageHandler(captureWarning);
    const quint64 id = rt().spawn([]() -> QCoro::Task<> { co_await qpanel::sleep(24h * 30); });
    qInstallMessageHandler(previous);
    capturedWarnings = nullptr;
    EXPECT_TRUE(warnings.isEmpty()) << qPrintable(warnings.join(QLatin1Char('\n')));
    EXPECT_TRUE(rt().tasks().cancel(id));
    EXPECT_EQ(qpanel::Scheduler::current().pendingSleepers(), 0u);
}
