// Closing an app (destroying its Document) while its tasks are suspended:
// every task unwinds at once and no coroutine resumes into freed objects.
// Run under the ASan build to make "no use-after-free" a checked claim.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "common/eventloop.h"
#include "core/document.h"
#include "core/param.h"
#include "core/periodiccallback.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

using namespace std::chrono_literals;
using qpanel::Document;
using qpanel::Event;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::waitUntil;

namespace {
Runtime& rt() {
    return Runtime::instance();
}

struct Widget : QObject {
    int value = 0;
};
}  // namespace

TEST(Lifetime, DeletingADocumentWith1000SuspendedTasksCancelsThemAll) {
    auto* doc = new Document;
    auto* widget = new Widget;
    widget->setParent(doc);
    int resumed = 0, unwound = 0;
    struct Unwind {
        int* counter;
        ~Unwind() { ++*counter; }
    };
    for (int i = 0; i < 1000; ++i) {
        rt().spawn(
            [&resumed, &unwound, doc, widget, i]() -> QCoro::Task<> {
                Unwind u{&unwound};
                switch (i % 4) {
                    case 0:
                        co_await qpanel::sleep(std::chrono::milliseconds(100 + i));
                        break;
                    case 1:
                        co_await qpanel::yield();
                        co_await qpanel::sleep(1h);
                        break;
                    case 2: {
                        auto guard = co_await doc->lock();
                        co_await qpanel::sleep(50ms);
                        break;
                    }
                    default:
                        co_await qpanel::yield();
                        break;
                }
                ++resumed;
                widget->value = i;  // would be a use-after-free if resumed late
            },
            SpawnOptions{QStringLiteral("task %1").arg(i), doc});
    }
    EXPECT_EQ(rt().tasks().countOwnedBy(doc), 1000);
    delete doc;
    EXPECT_EQ(unwound, 1000);
    EXPECT_EQ(resumed, 0);
    EXPECT_EQ(rt().tasks().count(), 0);
    // Nothing left to fire: no sleep or yield waits in the scheduler, and what
    // was already queued has had its loop turns.
    EXPECT_TRUE(qpanel::Scheduler::current().idle());
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_EQ(resumed, 0);
}

TEST(Lifetime, AsyncWatcherOfADeletedComponentNeverResumes) {
    auto* doc = new Document;
    bool resumed = false;
    {
        Document::Scope scope(doc);
        auto* slider = new qpanel::Parameterized(QStringLiteral("IntSlider"), doc);
        slider->declare({QStringLiteral("value"), QMetaType::fromType<int>(), 0});
        slider->watch({"value"}, [&resumed, slider](const Event&) -> QCoro::Task<> {
            co_await qpanel::sleep(20ms);
            resumed = true;
            slider->set("value", 0);
        });
        slider->set("value", 1);
    }
    EXPECT_TRUE(rt().busy());
    delete doc;
    EXPECT_FALSE(rt().busy());
    EXPECT_TRUE(qpanel::Scheduler::current().idle()) << "the watcher's sleep was withdrawn";
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_FALSE(resumed);
}

TEST(Lifetime, PeriodicCallbacksDieWithTheirDocument) {
    auto* doc = new Document;
    int runs = 0;
    new qpanel::PeriodicCallback(
        [&runs]() -> QCoro::Task<> {
            co_await qpanel::sleep(5ms);
            ++runs;
        },
        {.periodMs = 2}, doc);
    ASSERT_TRUE(waitUntil([&] { return runs >= 2; }));
    EXPECT_EQ(qpanel::PeriodicCallback::activeCount(), 1);
    delete doc;
    EXPECT_EQ(qpanel::PeriodicCallback::activeCount(), 0);
    const int after = runs;
    EXPECT_TRUE(qpanel::Scheduler::current().idle()) << "the run in flight was cancelled";
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_EQ(runs, after);
    EXPECT_FALSE(rt().busy());
}

TEST(Lifetime, ATaskInAThreadJobUnwindsSafelyAfterItsDocumentIsGone) {
    auto* doc = new Document;
    std::atomic<bool> release = false;
    bool resumed = false;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            co_await qpanel::runInThread([&release] {
                while (!release) std::this_thread::sleep_for(1ms);
            });
            resumed = true;
        },
        SpawnOptions{{}, doc});
    delete doc;
    release = true;
    ASSERT_TRUE(waitUntil([&] { return !rt().busy(); }));
    EXPECT_FALSE(resumed);
}

TEST(Lifetime, ALockGuardOutlivingItsDocumentDoesNothing) {
    auto* doc = new Document;
    std::atomic<bool> release = false;
    bool finished = false;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc->lock();
            co_await qpanel::runInThread([&release] {
                while (!release) std::this_thread::sleep_for(1ms);
            });
            finished = true;
        },
        SpawnOptions{{}, doc});
    delete doc;  // the task is stuck in the job, holding a guard on doc
    release = true;
    ASSERT_TRUE(waitUntil([&] { return !rt().busy(); }));
    EXPECT_FALSE(finished);
}
