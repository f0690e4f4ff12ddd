#include <gtest/gtest.h>

#include <QElapsedTimer>

#include "common/eventloop.h"
#include "core/periodiccallback.h"
#include "core/scheduler.h"

using namespace std::chrono_literals;
using qpanel::Document;
using qpanel::PeriodicCallback;
using qpanel::test::waitUntil;

TEST(PeriodicCallback, CountStopsItAfterThatManyRuns) {
    Document doc;
    int runs = 0;
    auto* pc = new PeriodicCallback([&] { ++runs; }, {.periodMs = 5, .count = 3}, &doc);
    EXPECT_TRUE(pc->running());
    EXPECT_EQ(PeriodicCallback::activeCount(), 1);
    ASSERT_TRUE(waitUntil([&] { return !pc->running(); }));
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // its timer is stopped: no run is due
    EXPECT_EQ(runs, 3);
    EXPECT_EQ(pc->counter(), 3);
    EXPECT_EQ(PeriodicCallback::activeCount(), 0);
}

TEST(PeriodicCallback, TimeoutStopsItMeasuredFromStart) {
    Document doc;
    QElapsedTimer clock;
    clock.start();
    auto* pc = new PeriodicCallback([] {}, {.periodMs = 10, .timeoutMs = 60}, &doc);
    ASSERT_TRUE(waitUntil([&] { return !pc->running(); }));
    EXPECT_GE(clock.elapsed(), 60);
    EXPECT_GE(pc->counter(), 3);
    EXPECT_LE(pc->counter(), 6);
}

TEST(PeriodicCallback, ASlowAsyncRunNeverOverlapsAndSkippedTicksAreCounted) {
    Document doc;
    int inFlight = 0, maxInFlight = 0, runs = 0;
    std::vector<qint64> starts;
    QElapsedTimer clock;
    clock.start();
    auto* pc = new PeriodicCallback(
        [&]() -> QCoro::Task<> {
            starts.push_back(clock.elapsed());
            maxInFlight = std::max(maxInFlight, ++inFlight);
            co_await qpanel::sleep(55ms);
            --inFlight;
            ++runs;
        },
        {.periodMs = 10, .count = 3}, &doc);
    ASSERT_TRUE(waitUntil([&] { return runs == 3; }));
    EXPECT_EQ(maxInFlight, 1);
    EXPECT_GE(pc->skipped(), 4) << "ticks during each 55 ms run are skipped";
    ASSERT_EQ(starts.size(), 3u);
    // The next run starts as soon as the slow one ends: max(period, duration).
    for (std::size_t i = 1; i < starts.size(); ++i) {
        EXPECT_GE(starts[i] - starts[i - 1], 55);
        EXPECT_LT(starts[i] - starts[i - 1], 55 + 40);
    }
}

TEST(PeriodicCallback, StopLeavesTheRunInFlightToFinishAndStartResumes) {
    Document doc;
    int finished = 0;
    auto* pc = new PeriodicCallback(
        [&]() -> QCoro::Task<> {
            co_await qpanel::sleep(30ms);
            ++finished;
        },
        {.periodMs = 5}, &doc);
    ASSERT_TRUE(waitUntil([&] { return pc->inFlight(); }));
    pc->stop();
    EXPECT_FALSE(pc->running());
    ASSERT_TRUE(waitUntil([&] { return finished == 1; }));
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // stopped: no second run starts
    EXPECT_FALSE(pc->inFlight());
    EXPECT_EQ(pc->counter(), 1);
    pc->start();
    ASSERT_TRUE(waitUntil([&] { return finished == 2; }));
    pc->stop();
}

TEST(PeriodicCallback, SyncRunsHoldTheDocumentLock) {
    Document doc;
    std::vector<bool> allowed;
    new PeriodicCallback([&] { allowed.push_back(doc.editAllowed()); }, {.periodMs = 5, .count = 2},
                         &doc);
    ASSERT_TRUE(waitUntil([&] { return allowed.size() == 2; }));
    EXPECT_EQ(allowed, (std::vector<bool>{true, true}));
}

TEST(PeriodicCallback, PeriodCanChangeWhileRunningAndBadPeriodsAreErrors) {
    Document doc;
    auto* pc = new PeriodicCallback([] {}, {.periodMs = 1000}, &doc);
    pc->setPeriod(5);
    EXPECT_EQ(pc->period(), 5);
    ASSERT_TRUE(waitUntil([&] { return pc->counter() >= 2; }, 2s));
    try {
        new PeriodicCallback([] {}, {.periodMs = 0}, &doc);
        FAIL() << "a zero period must be refused";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(
            QString::fromUtf8(e.what()).contains(QStringLiteral("period must be a positive")));
    }
}
