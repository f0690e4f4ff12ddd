#include "core/param.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <thread>

#include "common/eventloop.h"
#include "core/scheduler.h"

using namespace std::chrono_literals;
using qpanel::Event;
using qpanel::Events;
using qpanel::ParamError;
using qpanel::Parameterized;
using qpanel::ParamSpec;
using qpanel::Runtime;
using qpanel::test::waitUntil;

namespace {
/// A slider-like component: int value in [0, 10], a name, a read-only count.
std::unique_ptr<Parameterized> makeSlider() {
    auto slider = std::make_unique<Parameterized>(QStringLiteral("IntSlider"));
    slider->declare(
        {QStringLiteral("name"), QMetaType::fromType<QString>(), QStringLiteral("Speed")});
    ParamSpec value{QStringLiteral("value"), QMetaType::fromType<int>(), 0};
    value.lower = 0;
    value.upper = 10;
    slider->declare(value);
    slider->declare({QStringLiteral("step"), QMetaType::fromType<double>(), 1.0});
    slider->declare({QStringLiteral("clicks"), QMetaType::fromType<int>(), 0, true});
    return slider;
}

QString errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const ParamError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}
}  // namespace

TEST(Param, SetFiresTheWatcherOnceWithAFullEvent) {
    auto slider = makeSlider();
    std::vector<Event> seen;
    slider->watch({"value"}, [&](const Event& e) { seen.push_back(e); });
    slider->set("value", 3);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].name, QStringLiteral("value"));
    EXPECT_EQ(seen[0].oldValue.toInt(), 0);
    EXPECT_EQ(seen[0].newValue.toInt(), 3);
    EXPECT_EQ(seen[0].obj, slider.get());
    EXPECT_EQ(seen[0].type, QStringLiteral("changed"));
    EXPECT_EQ(slider->value<int>("value"), 3);
}

TEST(Param, OnlyChangedWatchersSkipEqualSetsOthersSeeSet) {
    auto slider = makeSlider();
    int changedOnly = 0;
    QStringList allTypes;
    slider->watch({"value"}, [&](const Event&) { ++changedOnly; });
    slider->watch(
        {"value"}, [&](const Event& e) { allTypes << e.type; }, qpanel::WatchOptions{false});
    slider->set("value", 2);
    slider->set("value", 2);
    EXPECT_EQ(changedOnly, 1);
    EXPECT_EQ(allTypes, (QStringList{"changed", "set"}));
}

TEST(Param, BatchCallsEachWatcherOnceAfterAllSets) {
    auto slider = makeSlider();
    std::vector<Events> calls;
    int valueAtCall = -1;
    slider->watch({"value", "step"}, [&](const Events& events) {
        calls.push_back(events);
        valueAtCall = slider->value<int>("value");
    });
    {
        Parameterized::Batch batch(slider.get());
        slider->set("value", 1);
        slider->set("step", 0.5);
        slider->set("value", 4);
        EXPECT_TRUE(calls.empty());
    }
    ASSERT_EQ(calls.size(), 1u);
    ASSERT_EQ(calls[0].size(), 2);
    EXPECT_EQ(calls[0][0].oldValue.toInt(), 0);
    EXPECT_EQ(calls[0][0].newValue.toInt(), 4);
    EXPECT_EQ(calls[0][1].name, QStringLiteral("step"));
    EXPECT_EQ(valueAtCall, 4);
}

TEST(Param, UpdateValidatesEverythingBeforeChangingAnything) {
    auto slider = makeSlider();
    const QString error = errorOf([&] {
        slider->update({{"value", 5}, {"step", QStringLiteral("x")}});
    });
    EXPECT_EQ(error, QStringLiteral("IntSlider.step: expected a number, got QString (x)"));
    EXPECT_EQ(slider->value<int>("value"), 0);
}

TEST(Param, WrongTypeIsAClearErrorAndLeavesTheValue) {
    auto slider = makeSlider();
    EXPECT_EQ(errorOf([&] { slider->set("value", QStringLiteral("abc")); }),
              QStringLiteral("IntSlider.value: expected an integer, got QString (abc)"));
    EXPECT_EQ(errorOf([&] { slider->set("value", 2.5); }),
              QStringLiteral("IntSlider.value: expected an integer, got double (2.5)"));
    EXPECT_EQ(slider->value<int>("value"), 0);
    slider->set("value", 7.0);  // an integral number is fine
    EXPECT_EQ(slider->get("value").metaType(), QMetaType::fromType<int>());
}

TEST(Param, OutOfBoundsUnknownAndReadOnlyAreErrors) {
    auto slider = makeSlider();
    EXPECT_EQ(errorOf([&] { slider->set("value", 11); }),
              QStringLiteral("IntSlider.value: 11 is outside the bounds [0, 10]"));
    EXPECT_EQ(
        errorOf([&] { slider->set("vale", 1); }),
        QStringLiteral("IntSlider has no parameter 'vale' (it has: name, value, step, clicks)"));
    EXPECT_EQ(errorOf([&] { slider->set("clicks", 1); }),
              QStringLiteral("IntSlider.clicks is read-only"));
    EXPECT_FALSE(errorOf([&] { slider->watch({"nope"}, [](const Event&) {}); }).isEmpty());
}

TEST(Param, UnwatchStopsCallsAndParamChangedStillFires) {
    auto slider = makeSlider();
    QSignalSpy changed(slider.get(), &Parameterized::paramChanged);
    int calls = 0;
    const int id = slider->watch({"value"}, [&](const Event&) { ++calls; });
    slider->set("value", 1);
    EXPECT_TRUE(slider->unwatch(id));
    EXPECT_FALSE(slider->unwatch(id));
    slider->set("value", 2);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(changed.count(), 2);
}

TEST(Param, TriggerFiresWithoutAChange) {
    auto slider = makeSlider();
    QStringList types;
    slider->watch({"value"}, [&](const Event& e) { types << e.type; });
    slider->trigger("value");
    EXPECT_EQ(types, QStringList{"triggered"});
}

// trigger() passes the stored value to store(), which replaces it: it must
// not be read through a reference to the slot it is overwriting.
TEST(Param, TriggerKeepsTheValueAndGivesItAsOldAndNew) {
    auto slider = makeSlider();
    slider->set("value", 3);
    QSignalSpy changed(slider.get(), &Parameterized::paramChanged);
    QVariantList seen;
    slider->watch({"value"}, [&](const Event& e) { seen << e.oldValue << e.newValue; });
    slider->trigger("value");
    EXPECT_EQ(seen, (QVariantList{3, 3}));
    EXPECT_EQ(slider->get("value").toInt(), 3);
    EXPECT_EQ(changed.count(), 0) << "nothing changed";
}

TEST(Param, AsyncWatcherRunsAsATaskWithAnOrigin) {
    auto slider = makeSlider();
    std::vector<int> finished;
    slider->watch({"value"}, [&](const Event& e) -> QCoro::Task<> {
        co_await qpanel::sleep(10ms);
        finished.push_back(e.newValue.toInt());  // e refers to the task's copy
    });
    slider->set("value", 1);
    slider->set("value", 2);
    const auto infos = Runtime::instance().tasks().snapshot();
    ASSERT_EQ(infos.size(), 2);
    EXPECT_EQ(infos[0].origin, QStringLiteral("IntSlider 'Speed'.param.watch(value)"));
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 2; }));
    EXPECT_EQ(finished, (std::vector<int>{1, 2}));
}

TEST(Param, AThrowingWatcherIsReportedAndLaterWatchersStillRun) {
    auto slider = makeSlider();
    QSignalSpy reported(&Runtime::instance(), &Runtime::errorReported);
    bool second = false;
    slider->watch({"value"}, [](const Event&) { throw std::runtime_error("boom"); });
    slider->watch({"value"}, [&](const Event&) { second = true; });
    slider->set("value", 1);
    EXPECT_TRUE(second);
    ASSERT_EQ(reported.count(), 1);
    EXPECT_EQ(reported[0][0].value<qpanel::ErrorReport>().message, QStringLiteral("boom"));
}

TEST(Param, SetsFromAWorkerThreadArriveOnTheGuiThreadInOrder) {
    auto slider = makeSlider();
    std::vector<int> seen;
    bool allOnGuiThread = true;
    slider->watch({"value"}, [&](const Event& e) {
        allOnGuiThread &= QThread::currentThread() == slider->thread();
        seen.push_back(e.newValue.toInt());
    });
    std::thread worker([&] {
        for (int round = 0; round < 20; ++round)
            for (int v = 1; v <= 10; ++v) slider->set("value", v);
    });
    worker.join();
    ASSERT_TRUE(waitUntil([&] { return seen.size() == 200; }));
    EXPECT_TRUE(allOnGuiThread);
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], int(i % 10) + 1);
}

TEST(Param, SyncWatcherChainsRunDepthFirstInEventOrder) {
    auto a = makeSlider();
    auto b = makeSlider();
    QStringList log;
    a->watch({"value"}, [&](const Event& e) {
        log << QStringLiteral("a=%1").arg(e.newValue.toInt());
        b->set("value", e.newValue.toInt() + 1);
    });
    b->watch({"value"},
             [&](const Event& e) { log << QStringLiteral("b=%1").arg(e.newValue.toInt()); });
    a->set("value", 1);
    a->set("value", 5);
    EXPECT_EQ(log, (QStringList{"a=1", "b=2", "a=5", "b=6"}));
}
