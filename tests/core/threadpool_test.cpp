#include "core/threadpool.h"

#include <gtest/gtest.h>

#include <QThread>
#include <atomic>
#include <numeric>
#include <thread>

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

TEST(RunInThread, ResultComesBackOnTheAwaitingThread) {
    QThread* gui = QThread::currentThread();
    QThread* worker = nullptr;
    QThread* resumedOn = nullptr;
    long long sum = 0;
    rt().spawn([&]() -> QCoro::Task<> {
        sum = co_await qpanel::runInThread([&worker] {
            worker = QThread::currentThread();
            std::vector<long long> v(1'000'000);
            std::iota(v.begin(), v.end(), 1);
            return std::accumulate(v.begin(), v.end(), 0LL);
        });
        resumedOn = QThread::currentThread();
    });
    ASSERT_TRUE(waitUntil([&] { return resumedOn != nullptr; }));
    EXPECT_EQ(sum, 500000500000LL);
    EXPECT_NE(worker, gui);
    EXPECT_EQ(resumedOn, gui);
}

TEST(RunInThread, AnExceptionInTheJobIsRethrownInTheCoroutine) {
    QString caught;
    rt().spawn([&]() -> QCoro::Task<> {
        try {
            co_await qpanel::runInThread([]() -> int { throw std::runtime_error("bad matrix"); });
        } catch (const std::runtime_error& e) {
            caught = QString::fromUtf8(e.what());
        }
    });
    ASSERT_TRUE(waitUntil([&] { return !caught.isEmpty(); }));
    EXPECT_EQ(caught, QStringLiteral("bad matrix"));
}

TEST(RunInThread, TheEventLoopKeepsTickingWhileTheJobRuns) {
    qpanel::test::LoopTicker ticker;
    std::atomic<bool> release = false;
    bool done = false;
    rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::runInThread([&release] {
            while (!release) std::this_thread::sleep_for(1ms);
        });
        done = true;
    });
    ASSERT_TRUE(waitUntil([&] { return ticker.ticks() >= 20; }));
    EXPECT_FALSE(done);
    release = true;
    ASSERT_TRUE(waitUntil([&] { return done; }));
}

TEST(RunInThread, CancellingTakesEffectWhenTheJobEnds) {
    std::atomic<bool> release = false;
    bool resumedIntoUserCode = false;
    const quint64 id = rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::runInThread([&release] {
            while (!release) std::this_thread::sleep_for(1ms);
        });
        resumedIntoUserCode = true;
    });
    EXPECT_TRUE(rt().tasks().cancel(id));
    EXPECT_TRUE(rt().tasks().contains(id)) << "the job still references the frame";
    release = true;
    ASSERT_TRUE(waitUntil([&] { return !rt().tasks().contains(id); }));
    EXPECT_FALSE(resumedIntoUserCode);
}

TEST(RunInThread, ManyJobsRunInParallelAndAllReturn) {
    int done = 0;
    long long total = 0;
    for (int i = 0; i < 64; ++i) {
        rt().spawn([&, i]() -> QCoro::Task<> {
            total += co_await qpanel::runInThread([i] { return (long long)i * i; });
            ++done;
        });
    }
    ASSERT_TRUE(waitUntil([&] { return done == 64; }));
    EXPECT_EQ(total, 85344);
}
