#include "core/runtime.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/eventloop.h"
#include "core/callback.h"
#include "core/scheduler.h"

using namespace std::chrono_literals;
using qpanel::CallbackPolicy;
using qpanel::ErrorReport;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::TaskState;
using qpanel::test::waitUntil;

namespace {
Runtime& rt() {
    return Runtime::instance();
}

/// Captures reports for one test and restores the default afterwards.
struct CapturedErrors {
    std::vector<ErrorReport> reports;
    CapturedErrors() {
        rt().setExceptionHandler([this](const ErrorReport& r) { reports.push_back(r); });
    }
    ~CapturedErrors() { rt().setExceptionHandler({}); }
};
}  // namespace

TEST(Runtime, SpawnRunsEagerlyToTheFirstAwait) {
    int step = 0;
    rt().spawn([&]() -> QCoro::Task<> {
        step = 1;
        co_await qpanel::yield();
        step = 2;
    });
    EXPECT_EQ(step, 1);
    ASSERT_TRUE(waitUntil([&] { return step == 2; }));
}

TEST(Runtime, RunningTaskIsListedWithOriginAndSignalsStartAndFinish) {
    QSignalSpy started(&rt().tasks(), &qpanel::TaskRegistry::taskStarted);
    QSignalSpy finished(&rt().tasks(), &qpanel::TaskRegistry::taskFinished);
    bool done = false;
    const quint64 id = rt().spawn(
        [&]() -> QCoro::Task<> {
            co_await qpanel::sleep(10ms);
            done = true;
        },
        {QStringLiteral("Button 'Go'")});
    const auto infos = rt().tasks().snapshot();
    ASSERT_EQ(infos.size(), 1);
    EXPECT_EQ(infos[0].id, id);
    EXPECT_EQ(infos[0].origin, QStringLiteral("Button 'Go'"));
    EXPECT_EQ(infos[0].state, TaskState::Running);
    ASSERT_EQ(started.count(), 1);
    ASSERT_TRUE(waitUntil([&] { return done; }));
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished[0][0].toULongLong(), id);
    EXPECT_EQ(rt().tasks().count(), 0);
}

TEST(Runtime, BusyStaysTrueUntilAsyncWorkFinishes) {
    QSignalSpy busy(&rt(), &Runtime::busyChanged);
    bool done = false;
    rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::sleep(30ms);
        done = true;
    });
    EXPECT_TRUE(rt().busy());
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // scheduling is over; the work is not
    EXPECT_FALSE(done);
    EXPECT_TRUE(rt().busy());
    ASSERT_TRUE(waitUntil([&] { return done; }));
    EXPECT_FALSE(rt().busy());
    ASSERT_EQ(busy.count(), 2);
    EXPECT_TRUE(busy[0][0].toBool());
    EXPECT_FALSE(busy[1][0].toBool());
}

TEST(Runtime, AnExceptionInOneTaskIsReportedAndOthersFinish) {
    CapturedErrors errors;
    QSignalSpy failed(&rt().tasks(), &qpanel::TaskRegistry::taskFailed);
    int finished = 0;
    for (int i = 0; i < 3; ++i) {
        rt().spawn(
            [&finished, i]() -> QCoro::Task<> {
                co_await qpanel::sleep(std::chrono::milliseconds(5 * i));
                if (i == 1) throw std::runtime_error("sensor offline");
                ++finished;
            },
            {QStringLiteral("task %1").arg(i)});
    }
    ASSERT_TRUE(waitUntil([&] { return finished == 2 && !rt().busy(); }));
    ASSERT_EQ(errors.reports.size(), 1u);
    EXPECT_EQ(errors.reports[0].message, QStringLiteral("sensor offline"));
    EXPECT_EQ(errors.reports[0].origin, QStringLiteral("task 1"));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed[0][1].toString(), QStringLiteral("sensor offline"));
}

TEST(Runtime, DefaultReportEmitsErrorReportedWithOrigin) {
    QSignalSpy reported(&rt(), &Runtime::errorReported);
    rt().spawn(
        []() -> QCoro::Task<> {
            co_await qpanel::yield();
            throw std::logic_error("bad state");
        },
        {QStringLiteral("watcher")});
    ASSERT_TRUE(reported.wait(5000));
    const auto report = reported[0][0].value<ErrorReport>();
    EXPECT_EQ(report.message, QStringLiteral("bad state"));
    EXPECT_EQ(report.toString(), QStringLiteral("bad state [in watcher]"));
}

TEST(Runtime, ExclusivePolicyCancelsThePreviousRun) {
    auto policy = std::make_shared<qpanel::PolicyState>(CallbackPolicy::exclusive());
    std::vector<int> finished;
    std::vector<TaskState> outcomes;
    for (int i = 0; i < 3; ++i) {
        rt().spawn(
            [&finished, i]() -> QCoro::Task<> {
                co_await qpanel::sleep(20ms);
                finished.push_back(i);
            },
            SpawnOptions{{}, nullptr, policy, [&outcomes](TaskState s) { outcomes.push_back(s); }});
    }
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 3; }));
    EXPECT_EQ(finished, std::vector<int>{2});
    EXPECT_EQ(outcomes, (std::vector<TaskState>{TaskState::Cancelled, TaskState::Cancelled,
                                                TaskState::Finished}));
}

// A run that re-triggers its own callback while it is cancelled (from its
// cleanup) must not overlap the run that cancelled it.
TEST(Runtime, AnExclusiveRunRetriggeredByItsCancellationNeverOverlaps) {
    auto policy = std::make_shared<qpanel::PolicyState>(CallbackPolicy::exclusive());
    int inFlight = 0, maxInFlight = 0, started = 0;
    bool retriggered = false;
    std::vector<TaskState> outcomes;
    std::function<void()> trigger;
    trigger = [&] {
        rt().spawn(
            [&]() -> QCoro::Task<> {
                ++started;
                maxInFlight = std::max(maxInFlight, ++inFlight);
                // Unwinding runs this: the first cancelled run triggers again.
                struct Cleanup {
                    int& inFlight;
                    bool& retriggered;
                    std::function<void()>& trigger;
                    ~Cleanup() {
                        --inFlight;
                        if (!std::exchange(retriggered, true)) trigger();
                    }
                } cleanup{inFlight, retriggered, trigger};
                co_await qpanel::sleep(20ms);
            },
            SpawnOptions{{}, nullptr, policy, [&outcomes](TaskState s) { outcomes.push_back(s); }});
    };
    trigger();
    trigger();  // cancels the first, whose cleanup triggers a third run
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 3 && !rt().busy(); }));
    EXPECT_EQ(maxInFlight, 1);
    // The run triggered during the cancellation is superseded before it starts.
    EXPECT_EQ(started, 2);
    EXPECT_EQ(std::count(outcomes.begin(), outcomes.end(), TaskState::Finished), 1);
}

TEST(Runtime, AnExclusiveRetriggerIsOneBusyPeriod) {
    auto policy = std::make_shared<qpanel::PolicyState>(CallbackPolicy::exclusive());
    QSignalSpy busy(&rt(), &Runtime::busyChanged);
    int done = 0;
    for (int i = 0; i < 2; ++i)
        rt().spawn([]() -> QCoro::Task<> { co_await qpanel::sleep(20ms); },
                   SpawnOptions{{}, nullptr, policy, [&done](TaskState) { ++done; }});
    ASSERT_TRUE(waitUntil([&] { return done == 2 && !rt().busy(); }));
    ASSERT_EQ(busy.count(), 2) << "busy flickered while the second run replaced the first";
    EXPECT_TRUE(busy[0][0].toBool());
    EXPECT_FALSE(busy[1][0].toBool());
}

TEST(Runtime, AnExecutedTaskIsOneBusyPeriod) {
    QSignalSpy busy(&rt(), &Runtime::busyChanged);
    bool done = false;
    rt().execute(Runtime::Body([&]() -> QCoro::Task<> {
        co_await qpanel::sleep(20ms);
        done = true;
    }));
    ASSERT_TRUE(waitUntil([&] { return done && !rt().busy(); }));
    ASSERT_EQ(busy.count(), 2) << "busy went false between the pending call and its task";
    EXPECT_TRUE(busy[0][0].toBool());
    EXPECT_FALSE(busy[1][0].toBool());
}

TEST(Runtime, FailingATaskUnwindsItAndEndsItFailedWithoutAReport) {
    CapturedErrors errors;
    QSignalSpy failed(&rt().tasks(), &qpanel::TaskRegistry::taskFailed);
    std::optional<TaskState> outcome;
    bool unwound = false;
    const quint64 id = rt().spawn(
        [&]() -> QCoro::Task<> {
            struct Unwound {
                bool& flag;
                ~Unwound() { flag = true; }
            } guard{unwound};
            co_await qpanel::sleep(1h);
        },
        SpawnOptions{{}, nullptr, {}, [&outcome](TaskState s) { outcome = s; }});
    EXPECT_TRUE(rt().tasks().fail(id, QStringLiteral("stopped by the watchdog")));
    EXPECT_TRUE(unwound);
    EXPECT_EQ(outcome, TaskState::Failed);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed[0][0].toULongLong(), id);
    EXPECT_EQ(failed[0][1].toString(), QStringLiteral("stopped by the watchdog"));
    EXPECT_TRUE(errors.reports.empty()) << "the caller of fail() reports the error";
    EXPECT_FALSE(rt().tasks().fail(id, QStringLiteral("again")));
}

TEST(Runtime, ConcurrencyLimitQueuesExtraTriggersInOrder) {
    auto policy = std::make_shared<qpanel::PolicyState>(CallbackPolicy::limitedTo(2));
    int inFlight = 0, maxInFlight = 0;
    std::vector<int> startOrder;
    int done = 0;
    for (int i = 0; i < 6; ++i) {
        rt().spawn(
            [&, i]() -> QCoro::Task<> {
                startOrder.push_back(i);
                maxInFlight = std::max(maxInFlight, ++inFlight);
                co_await qpanel::sleep(15ms);
                --inFlight;
                ++done;
            },
            SpawnOptions{{}, nullptr, policy, {}});
    }
    // Two run, four wait their turn (and are listed as waiting).
    int waiting = 0;
    for (const auto& info : rt().tasks().snapshot()) waiting += info.state == TaskState::Waiting;
    EXPECT_EQ(waiting, 4);
    ASSERT_TRUE(waitUntil([&] { return done == 6; }));
    EXPECT_EQ(maxInFlight, 2);
    EXPECT_EQ(startOrder, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(Runtime, ExecuteRunsOnALaterLoopPassAndCountsAsBusy) {
    bool ran = false;
    rt().execute(std::function<void()>([&] { ran = true; }));
    EXPECT_FALSE(ran);
    EXPECT_TRUE(rt().busy());
    ASSERT_TRUE(waitUntil([&] { return ran && !rt().busy(); }));
}

TEST(Runtime, ExecuteIsSkippedWhenItsOwnerDiesFirst) {
    bool ran = false;
    auto* owner = new QObject;
    rt().execute(std::function<void()>([&] { ran = true; }), SpawnOptions{{}, owner});
    EXPECT_EQ(rt().pendingCalls(), 1);
    delete owner;
    EXPECT_EQ(rt().pendingCalls(), 0);
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // execute's call would have run by now
    EXPECT_FALSE(ran);
}

namespace {
class CountedOwner : public QObject {
public:
    int destroyedWatchers() const { return receivers(SIGNAL(destroyed(QObject*))); }
};
}  // namespace

// An app that calls execute on every tick must not grow its owner's
// connection list: a call that ran lets go of its owner.
TEST(Runtime, AnExecuteThatRanLeavesNothingOnItsOwner) {
    CountedOwner owner;
    int ran = 0;
    for (int i = 0; i < 100; ++i)
        rt().execute(std::function<void()>([&] { ++ran; }), SpawnOptions{{}, &owner});
    ASSERT_TRUE(waitUntil([&] { return ran == 100 && !rt().busy(); }));
    EXPECT_EQ(owner.destroyedWatchers(), 0);
}

TEST(Runtime, CancelOwnedByCancelsOnlyThatOwnersTasks) {
    QObject a, b;
    int finished = 0;
    for (QObject* owner : {&a, &b, &a}) {
        rt().spawn(
            [&finished]() -> QCoro::Task<> {
                co_await qpanel::sleep(10ms);
                ++finished;
            },
            SpawnOptions{{}, owner});
    }
    EXPECT_EQ(rt().tasks().cancelOwnedBy(&a), 2);
    EXPECT_EQ(rt().tasks().countOwnedBy(&a), 0);
    ASSERT_TRUE(waitUntil([&] { return finished == 1; }));
}

TEST(Runtime, CoroutineLambdaCapturesLiveForTheWholeTask) {
    // The lambda object is gone after spawn() in naive code; the runtime
    // keeps it alive (ASan would flag a use-after-free here otherwise).
    std::string seen;
    {
        auto text = std::make_shared<std::string>("still here");
        rt().spawn([text, &seen]() -> QCoro::Task<> {
            co_await qpanel::sleep(5ms);
            seen = *text;
        });
    }
    ASSERT_TRUE(waitUntil([&] { return !seen.empty(); }));
    EXPECT_EQ(seen, "still here");
}

TEST(Runtime, ThrowingExceptionHandlerFallsBackToTheDefaultReport) {
    rt().setExceptionHandler([](const ErrorReport&) { throw std::runtime_error("handler bug"); });
    QSignalSpy reported(&rt(), &Runtime::errorReported);
    rt().spawn([]() -> QCoro::Task<> {
        throw std::runtime_error("original");
        co_return;
    });
    rt().setExceptionHandler({});
    ASSERT_EQ(reported.count(), 1);
    EXPECT_EQ(reported[0][0].value<ErrorReport>().message, QStringLiteral("original"));
}

TEST(Callback, SyncCallbackRunsAtOnceWithTheDocumentLockHeld) {
    qpanel::Document doc;
    bool allowed = false;
    qpanel::Callback<int> cb = [&](int) { allowed = doc.editAllowed(); };
    qpanel::invoke(cb, qpanel::InvokeContext{QStringLiteral("sync"), &doc, {}}, 1);
    EXPECT_TRUE(allowed);
    EXPECT_FALSE(doc.isLocked());
}

TEST(Callback, AsyncCallbackRunsUnlockedAsATaskOwnedByTheDocument) {
    qpanel::Document doc;
    std::optional<bool> allowed;
    qpanel::Callback<int> cb = [&](int n) -> QCoro::Task<> {
        co_await qpanel::sleep(std::chrono::milliseconds(n));
        allowed = doc.editAllowed();
    };
    qpanel::invoke(cb, qpanel::InvokeContext{QStringLiteral("async"), &doc, {}}, 5);
    EXPECT_EQ(rt().tasks().countOwnedBy(&doc), 1);
    ASSERT_TRUE(waitUntil([&] { return allowed.has_value(); }));
    EXPECT_FALSE(*allowed);
}

TEST(Callback, ArgumentsReachAnAsyncCallbackByReferenceAfterSuspension) {
    std::string seen;
    qpanel::Callback<std::string> cb = [&](const std::string& s) -> QCoro::Task<> {
        co_await qpanel::sleep(5ms);
        seen = s;  // s refers to the task's own copy: still alive
    };
    qpanel::invoke(cb, qpanel::InvokeContext{}, std::string(100, 'x'));
    ASSERT_TRUE(waitUntil([&] { return !seen.empty(); }));
    EXPECT_EQ(seen, std::string(100, 'x'));
}
