// Node's task order on V8: sync code, then promise jobs and queueMicrotask
// in the order queued, then timers, each timer's microtasks before the next.
#include <gtest/gtest.h>

#include "v8/jsglobals.h"
#include "v8probe.h"

using qpanel::test::fileContents;
using qpanel::test::nodeOutput;
using qpanel::test::V8Probe;

TEST(V8Ordering, SyncThenPromiseThenQueueMicrotaskThenTimer) {
    V8Probe probe;
    const auto error = probe.runToIdle(QStringLiteral(R"(
setTimeout(() => console.log("t"), 0);
Promise.resolve().then(() => console.log("p"));
queueMicrotask(() => console.log("q"));
console.log("s");
)"));
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_TRUE(probe.idle);
    EXPECT_EQ(probe.console, QStringList({"s", "p", "q", "t"}));
}

TEST(V8Ordering, TimersFireInDeadlineOrderWithArgumentsAndClear) {
    V8Probe probe;
    probe.runToIdle(QStringLiteral(R"(
setTimeout((a, b) => console.log("late", a, b), 20, 1, 2);
const dropped = setTimeout(() => console.log("cleared"), 5);
setTimeout(() => console.log("early"), 5);
clearTimeout(dropped);
let n = 0;
const every = setInterval(() => { console.log("tick", ++n); if (n === 3) clearInterval(every); }, 1);
)"));
    EXPECT_TRUE(probe.idle);
    // Deadline order holds however late the loop gets to them (all due at
    // once come out of the heap sorted); the interval's ticks interleave.
    EXPECT_LT(probe.console.indexOf("early"), probe.console.indexOf("late 1 2"));
    EXPECT_FALSE(probe.console.contains("cleared"));
    EXPECT_LT(probe.console.indexOf("tick 1"), probe.console.indexOf("tick 2"));
    EXPECT_LT(probe.console.indexOf("tick 2"), probe.console.indexOf("tick 3"));
    EXPECT_EQ(probe.console.count(), 5);
}

TEST(V8Ordering, HostSleepResolvesInTimerOrder) {
    // JsTimers::sleep (pn.sleep to be) shares the timers' heap: equal delays
    // fire in start order, whichever kind started them.
    V8Probe probe;
    probe.engine.runMacrotask([&](v8::Local<v8::Context> context) {
        qpanel::v8engine::setFunction(
            context, context->Global(), "hostSleep",
            [](const v8::FunctionCallbackInfo<v8::Value>& info) {
                auto* timers = static_cast<qpanel::v8engine::JsTimers*>(
                    info.Data().As<v8::External>()->Value());
                const auto ms = std::chrono::milliseconds(info[0].As<v8::Int32>()->Value());
                info.GetReturnValue().Set(
                    timers->sleep(info.GetIsolate()->GetCurrentContext(), ms));
            },
            v8::External::New(probe.engine.isolate(), &probe.engine.timers()));
    });
    const auto error = probe.runToIdle(QStringLiteral(R"(
setTimeout(() => console.log("timer 1"), 0);
hostSleep(0).then(v => console.log("sleep", v));
setTimeout(() => console.log("timer 2"), 0);
(async () => { await hostSleep(10); console.log("slept 10"); })();
)"));
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_TRUE(probe.idle);
    EXPECT_EQ(probe.console, QStringList({"timer 1", "sleep undefined", "timer 2", "slept 10"}));
}

// Ordering programs of the node differential corpus (tests/bridge/differential),
// run as written on V8 and by node in the same run.
class V8VersusNode : public testing::TestWithParam<const char*> {};

TEST_P(V8VersusNode, PrintsWhatNodePrints) {
    const QString path = QStringLiteral(QPANEL_DIFFERENTIAL_DIR "/") + GetParam();
    const std::optional<QStringList> expected = nodeOutput({path});
    if (!expected) GTEST_SKIP() << "node is not on PATH";

    V8Probe probe;
    const auto error = probe.runToIdle(QString::fromUtf8(fileContents(path)), path);
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_TRUE(probe.idle);
    EXPECT_TRUE(probe.reported.empty()) << probe.reported.front().toString().toStdString();
    EXPECT_EQ(probe.console, *expected);
}

INSTANTIATE_TEST_SUITE_P(V8Corpus, V8VersusNode,
                         testing::Values("002_await_order.js", "010_await_basic.js",
                                         "011_await_interleave.js", "012_then_chain_order.js",
                                         "013_micro_vs_timer.js", "014_nested_micro_drain.js",
                                         "015_timer_micro_between.js", "016_nested_async.js",
                                         "018_promise_race.js", "026_async_try_catch_finally.js",
                                         "071_closures_async_loop.js"),
                         [](const auto& info) {
                             std::string name = info.param;
                             name = name.substr(0, name.find('.'));
                             return "p" + name;
                         });
