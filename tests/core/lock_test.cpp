#include "common/eventloop.h"
#include "core/document.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

#include <QThread>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using qpanel::Document;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::waitUntil;

namespace {
Runtime& rt() { return Runtime::instance(); }
}

TEST(DocumentLock, WaitersAcquireInFifoOrderAndNeverOverlap) {
    Document doc;
    std::vector<int> order;
    int holders = 0, maxHolders = 0, done = 0;
    for (int i = 0; i < 5; ++i) {
        rt().spawn([&, i]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            order.push_back(i);
            maxHolders = std::max(maxHolders, ++holders);
            co_await qpanel::sleep(std::chrono::milliseconds(10 - 2 * i));
            --holders;
            ++done;
        }, SpawnOptions{{}, &doc});
    }
    ASSERT_TRUE(waitUntil([&] { return done == 5; }));
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(maxHolders, 1);
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, NotificationsInALockedSectionArriveOnceOnRelease) {
    Document doc;
    int repaints = 0;
    int repaintsBeforeRelease = -1;
    bool done = false;
    const int key = 0;
    rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        for (int i = 0; i < 3; ++i) {
            doc.notifyOnUnlock(&key, [&] { ++repaints; });
            co_await qpanel::sleep(2ms);
        }
        repaintsBeforeRelease = repaints;
        guard.unlock();
        done = true;
    }, SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return done; }));
    EXPECT_EQ(repaintsBeforeRelease, 0);
    EXPECT_EQ(repaints, 1);
}

TEST(DocumentLock, EditOutsideTheLockIsRefusedNamingWithLock) {
    Document doc;
    try {
        doc.requireLock(QStringLiteral("ColumnDataSource.stream"));
        FAIL() << "expected LockRequiredError";
    } catch (const qpanel::LockRequiredError& e) {
        const QString message = QString::fromUtf8(e.what());
        EXPECT_TRUE(message.startsWith(QStringLiteral("ColumnDataSource.stream:")));
        EXPECT_TRUE(message.contains(QStringLiteral("pn.io.with_lock")));
        EXPECT_TRUE(message.contains(QStringLiteral("withLock")));
    }
}

TEST(DocumentLock, AnUnlockedTaskMayNotEditWhileAnotherHoldsTheLock) {
    Document doc;
    bool holderAllowed = false, otherAllowed = true;
    int done = 0;
    rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        co_await qpanel::sleep(20ms);
        holderAllowed = doc.editAllowed();
        ++done;
    }, SpawnOptions{{}, &doc});
    rt().spawn([&]() -> QCoro::Task<> {
        co_await qpanel::sleep(5ms);
        otherAllowed = doc.editAllowed();
        ++done;
    }, SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return done == 2; }));
    EXPECT_TRUE(holderAllowed);
    EXPECT_FALSE(otherAllowed);
}

TEST(DocumentLock, WithLockHoldsTheLockAcrossTheAsyncBody) {
    Document doc;
    std::vector<bool> allowedAtEachStep;
    auto locked = doc.withLock([&](int steps) -> QCoro::Task<> {
        for (int i = 0; i < steps; ++i) {
            allowedAtEachStep.push_back(doc.editAllowed());
            co_await qpanel::sleep(2ms);
        }
    });
    rt().spawn([locked]() { return locked(3); }, SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return allowedAtEachStep.size() == 3 && !rt().busy(); }));
    EXPECT_EQ(allowedAtEachStep, (std::vector<bool>{true, true, true}));
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, LockIsReentrantForTheHoldingTask) {
    Document doc;
    bool inner = false;
    rt().spawn([&]() -> QCoro::Task<> {
        auto outer = co_await doc.lock();
        auto again = co_await doc.lock();  // must not deadlock
        inner = doc.editAllowed();
    }, SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return inner; }));
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, SyncCallbackWaitsWhileASuspendedTaskHoldsTheLock) {
    Document doc;
    QStringList log;
    rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        log.append(QStringLiteral("task locked"));
        co_await qpanel::sleep(20ms);
        log.append(QStringLiteral("task unlocking"));
    }, SpawnOptions{{}, &doc});
    doc.runLocked([&] { log.append(QStringLiteral("sync ran")); });
    EXPECT_EQ(log.size(), 1) << "the sync callback must wait for the lock";
    ASSERT_TRUE(waitUntil([&] { return log.size() == 3; }));
    EXPECT_EQ(log.last(), QStringLiteral("sync ran"));
}

TEST(DocumentLock, CancellingAWaiterRemovesItFromTheQueue) {
    Document doc;
    int acquired = 0;
    rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        co_await qpanel::sleep(20ms);
    }, SpawnOptions{{}, &doc});
    const quint64 waiter = rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        ++acquired;
    }, SpawnOptions{{}, &doc});
    rt().spawn([&]() -> QCoro::Task<> {
        auto guard = co_await doc.lock();
        ++acquired;
    }, SpawnOptions{{}, &doc});
    EXPECT_TRUE(rt().tasks().cancel(waiter));
    ASSERT_TRUE(waitUntil([&] { return acquired == 1 && !rt().busy(); }));
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, WorkerThreadEditsAreAllowedUnderTheTasksLock) {
    Document doc;
    std::optional<bool> inThreadLocked, inThreadUnlocked;
    rt().spawn([&]() -> QCoro::Task<> {
        {
            auto guard = co_await doc.lock();
            inThreadLocked = co_await qpanel::runInThread([&] { return doc.editAllowed(); });
        }
        inThreadUnlocked = co_await qpanel::runInThread([&] { return doc.editAllowed(); });
    }, SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return inThreadUnlocked.has_value(); }));
    EXPECT_TRUE(*inThreadLocked);
    EXPECT_FALSE(*inThreadUnlocked);
}

TEST(DocumentLock, WorkerThreadCanTakeTheLockAndItsNotificationsCoalesce) {
    Document doc;
    int repaints = 0;
    const int key = 0;
    std::atomic<bool> workerDone = false;
    std::thread worker([&] {
        auto guard = doc.lockBlocking();
        for (int i = 0; i < 5; ++i) doc.notifyOnUnlock(&key, [&] { ++repaints; });
        guard.unlock();
        workerDone = true;
    });
    ASSERT_TRUE(waitUntil([&] { return workerDone && repaints == 1 && !doc.isLocked(); }));
    worker.join();
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // a second, queued notification would run
    EXPECT_EQ(repaints, 1);
}
