// Many concurrent tasks: every one finishes (the cost per task is measured
// by tests/bench/v8tasks_bench, not asserted here).
#include <gtest/gtest.h>

#include "v8probe.h"

using qpanel::test::V8Probe;

TEST(V8Scale, HundredThousandTasksAwaitingATimerAllFinish) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral(R"(
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const n = 100000;
Promise.all(Array.from({ length: n }, async (_, i) => { await sleep(0); return i; }))
  .then(values => console.log(values.length, values[n - 1]));
)"));
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_TRUE(probe.idle);
    EXPECT_TRUE(probe.reported.empty());
    EXPECT_EQ(probe.console, QStringList{"100000 99999"});
}

TEST(V8Scale, DestroyingAnEngineWithTimersPendingWithdrawsThem) {
    {
        V8Probe probe;
        probe.engine.runScript(
            QStringLiteral("for (let i = 0; i < 1000; i++) setTimeout(() => {}, 50)"),
            QStringLiteral("pending.js"));
        EXPECT_EQ(probe.engine.timers().activeCount(), 1000u);
    }
    // Past the freed timers' deadline, the scheduler has woken none of them
    // (ASan would see it) and holds none.
    QTimer later;
    later.setSingleShot(true);
    later.start(60);
    EXPECT_TRUE(qpanel::test::waitUntil([&] { return !later.isActive(); }));
    EXPECT_EQ(qpanel::Scheduler::current().pendingSleepers(), 0u);
}
