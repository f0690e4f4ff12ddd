// Closing an app while its periodic callback has a run in flight and a tick
// waiting: cancelling the run must not start the catch-up run for the missed
// tick, or that run belongs to a document already being destroyed and is
// never cancelled (found by ReloadUnderLoad: tasks left after every app closed).
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "common/eventloop.h"
#include "core/document.h"
#include "core/periodiccallback.h"
#include "core/runtime.h"
#include "core/scheduler.h"

using namespace std::chrono_literals;
using qpanel::Runtime;

TEST(PeriodicCallbackClose, ClosingTheAppDuringAnOverrunLeavesNoTaskBehind) {
    auto document = std::make_unique<qpanel::Document>();
    int runs = 0;
    qpanel::Callback<> body = [&runs]() -> QCoro::Task<> {
        ++runs;
        co_await qpanel::sleep(50ms);  // overruns the 5 ms period: ticks are missed
    };
    auto* periodic = new qpanel::PeriodicCallback(body, {.periodMs = 5}, document.get());
    QSignalSpy skipped(periodic, &qpanel::PeriodicCallback::skippedChanged);
    ASSERT_TRUE(qpanel::test::waitUntil([&] { return skipped.count() > 0; }));
    const int runsBeforeClose = runs;
    document.reset();
    EXPECT_EQ(Runtime::instance().tasks().count(), 0) << "a run started while the app closed";
    EXPECT_EQ(runs, runsBeforeClose);
}
