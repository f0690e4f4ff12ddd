#include "core/reactive.h"

#include <gtest/gtest.h>

#include <QCoro/QCoroTimer>
#include <QSignalSpy>
#include <QTimer>
#include <thread>

#include "common/eventloop.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

using namespace std::chrono_literals;
using qpanel::Event;
using qpanel::Parameterized;
using qpanel::ParamSpec;
using qpanel::Reactive;
using qpanel::Runtime;
using qpanel::TaskState;
using qpanel::test::waitUntil;

namespace {
std::unique_ptr<Parameterized> makeWidget() {
    auto w = std::make_unique<Parameterized>(QStringLiteral("IntSlider"));
    w->declare({QStringLiteral("value"), QMetaType::fromType<int>(), 1});
    return w;
}

/// Records every value a reactive shows, in order.
struct ShownValues {
    QVariantList values;
    explicit ShownValues(Reactive* r) {
        QObject::connect(r, &Parameterized::paramChanged, r,
                         [this](const QString& name, const QVariant& v) {
                             if (name == QLatin1String("value")) values.append(v);
                         });
    }
};
}  // namespace

TEST(Reactive, SyncFunctionUpdatesAtOnceWhenADependencyChanges) {
    auto w = makeWidget();
    std::unique_ptr<Reactive> r(qpanel::bind([](int v) { return v * 10; }, w.get()));
    EXPECT_FALSE(r->isActive());
    EXPECT_FALSE(r->result().isValid()) << "bind is lazy until a pane shows it";
    r->activate();
    EXPECT_EQ(r->result().toInt(), 10);
    w->set("value", 4);
    EXPECT_EQ(r->result().toInt(), 40);
    EXPECT_FALSE(r->loading());
}

TEST(Reactive, ConstantsAndNamedParamsAreArguments) {
    auto w = makeWidget();
    std::unique_ptr<Reactive> r(qpanel::bind(
        [](int v, const QString& unit) { return QStringLiteral("%1 %2").arg(v).arg(unit); },
        qpanel::param(w.get(), QStringLiteral("value")), QStringLiteral("km")));
    r->activate();
    EXPECT_EQ(r->result().toString(), QStringLiteral("1 km"));
}

TEST(Reactive, DependsWithWatchEvaluatesEagerlyWithoutItLazily) {
    auto w = makeWidget();
    int watched = 0, lazy = 0;
    std::unique_ptr<Reactive> eager(qpanel::depends(
        true,
        [&](int v) {
            ++watched;
            return v;
        },
        w.get()));
    std::unique_ptr<Reactive> idle(qpanel::depends(
        false,
        [&](int v) {
            ++lazy;
            return v;
        },
        w.get()));
    EXPECT_EQ(watched, 1);
    w->set("value", 2);
    EXPECT_EQ(watched, 2);
    EXPECT_EQ(lazy, 0);
    idle->activate();
    EXPECT_EQ(lazy, 1);
    EXPECT_EQ(idle->result().toInt(), 2);
}

TEST(Reactive, LatestWinsWhenRunsFinishOutOfOrder) {
    // The run for 2 awaits QCoro's own timer, which qpanel cannot interrupt, so it is not cancelled
    // and finishes after the run for 3: its result must still be dropped.
    auto w = makeWidget();
    std::unique_ptr<Reactive> r(qpanel::bind(
        [](int v) -> QCoro::Task<QVariant> {
            co_await QCoro::sleepFor(v == 2 ? 120ms : 10ms);
            co_return v;
        },
        w.get()));
    ShownValues shown(r.get());
    r->activate();
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 1; }));
    w->set("value", 2);
    w->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 3 && !r->loading(); }));
    EXPECT_TRUE(Runtime::instance().busy()) << "the run for 2 is still in flight";
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().busy(); }));
    EXPECT_EQ(r->result().toInt(), 3);
    EXPECT_FALSE(r->loading());
    EXPECT_EQ(shown.values, (QVariantList{1, 3})) << "2 was never shown";
}

TEST(Reactive, ACancelledThreadJobRunNeverShowsItsResult) {
    auto w = makeWidget();
    std::atomic<bool> releaseTwo = false;
    std::unique_ptr<Reactive> r(qpanel::bind(
        [&releaseTwo](int v) -> QCoro::Task<QVariant> {
            const int result = co_await qpanel::runInThread([v, &releaseTwo] {
                if (v == 2)
                    while (!releaseTwo) std::this_thread::sleep_for(1ms);
                return v;
            });
            co_return result;
        },
        w.get()));
    ShownValues shown(r.get());
    r->activate();
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 1; }));
    w->set("value", 2);
    w->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 3 && !r->loading(); }));
    releaseTwo = true;
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().busy(); }));
    EXPECT_EQ(shown.values, (QVariantList{1, 3}));
}

TEST(Reactive, StaleRunIsCancelledAndDoesNotClearTheNewerLoading) {
    auto w = makeWidget();
    std::vector<TaskState> outcomes;
    QObject::connect(&Runtime::instance().tasks(), &qpanel::TaskRegistry::taskCancelled, w.get(),
                     [&] { outcomes.push_back(TaskState::Cancelled); });
    std::unique_ptr<Reactive> r(qpanel::bind(
        [](int v) -> QCoro::Task<QVariant> {
            co_await qpanel::sleep(v == 1 ? 10ms : 80ms);
            co_return v;
        },
        w.get()));
    r->activate();
    EXPECT_TRUE(r->loading());
    w->set("value", 2);  // cancels run 1 (it would have finished at 10 ms)
    ASSERT_EQ(outcomes.size(), 1u);
    // Past run 1's deadline: a 10 ms sleep taken now ends after it would have
    // (the scheduler wakes sleepers in deadline order).
    bool pastRunOne = false;
    Runtime::instance().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::sleep(10ms);
        pastRunOne = true;
    });
    ASSERT_TRUE(waitUntil([&] { return pastRunOne; }));
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_TRUE(r->loading()) << "the cancelled stale run must not clear loading";
    EXPECT_FALSE(r->result().isValid());
    ASSERT_TRUE(waitUntil([&] { return !r->loading(); }));
    EXPECT_EQ(r->result().toInt(), 2);
}

namespace {
QCoro::AsyncGenerator<QVariant> countTo(int n) {
    for (int i = 1; i <= n; ++i) {
        co_await qpanel::sleep(2ms);
        co_yield QVariant(i);
    }
}
}  // namespace

TEST(Reactive, AsyncGeneratorYieldsReplaceTheOutput) {
    auto w = makeWidget();
    w->set("value", 3);
    std::unique_ptr<Reactive> r(qpanel::bind([](int n) { return countTo(n); }, w.get()));
    ShownValues shown(r.get());
    r->activate();
    ASSERT_TRUE(waitUntil([&] { return !r->loading() && r->result().toInt() == 3; }));
    EXPECT_EQ(shown.values, (QVariantList{1, 2, 3}));
}

TEST(Reactive, AsyncGeneratorAppendModeAccumulatesAndRestartsOnChange) {
    auto w = makeWidget();
    w->set("value", 3);
    Reactive::Options options;
    options.generatorMode = Reactive::GeneratorMode::Append;
    std::unique_ptr<Reactive> r(qpanel::bindWith(
        options, [](int n) { return countTo(n); }, w.get()));
    r->activate();
    ASSERT_TRUE(waitUntil([&] { return !r->loading(); }));
    EXPECT_EQ(r->result().toList(), (QVariantList{1, 2, 3}));
    w->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return !r->loading(); }));
    EXPECT_EQ(r->result().toList(), (QVariantList{1, 2}));
}

TEST(Reactive, AnExceptionIsShownAsTheErrorAndReported) {
    auto w = makeWidget();
    QSignalSpy reported(&Runtime::instance(), &Runtime::errorReported);
    std::unique_ptr<Reactive> r(qpanel::bind(
        [](int v) -> QCoro::Task<QVariant> {
            co_await qpanel::yield();
            if (v == 2) throw std::runtime_error("no image for 2");
            co_return v;
        },
        w.get()));
    r->activate();
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 1; }));
    w->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return !r->loading(); }));
    EXPECT_EQ(r->error(), QStringLiteral("no image for 2"));
    ASSERT_EQ(reported.count(), 1);
    w->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return r->result().toInt() == 3; }));
    EXPECT_TRUE(r->error().isEmpty());
}

TEST(Reactive, DeletingTheReactiveCancelsItsPendingRun) {
    auto w = makeWidget();
    auto* r = qpanel::bind(
        [](int v) -> QCoro::Task<QVariant> {
            co_await qpanel::sleep(1h);
            co_return v;
        },
        w.get());
    r->activate();
    EXPECT_TRUE(Runtime::instance().busy());
    delete r;
    EXPECT_FALSE(Runtime::instance().busy());
    w->set("value", 5);  // its watcher is gone too
    EXPECT_EQ(w->watcherCount(), 0);
}

namespace {
/// A component subclass, as widgets declare them.
class Slider : public Parameterized {
public:
    Slider() : Parameterized(QStringLiteral("IntSlider")) {
        declare({QStringLiteral("value"), QMetaType::fromType<int>(), 7});
    }
};
}  // namespace

TEST(Reactive, ASubclassPointerIsBoundToItsValueParam) {
    Slider slider;
    std::unique_ptr<Reactive> r(qpanel::bind([](int v) { return v + 1; }, &slider));
    r->activate();
    EXPECT_EQ(r->result().toInt(), 8);
    slider.set("value", 1);
    EXPECT_EQ(r->result().toInt(), 2);
}
