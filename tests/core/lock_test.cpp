#include <gtest/gtest.h>

#include <QThread>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "common/eventloop.h"
#include "core/document.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

using namespace std::chrono_literals;
using qpanel::Document;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::waitUntil;

namespace {
Runtime& rt() {
    return Runtime::instance();
}
}  // namespace

TEST(DocumentLock, WaitersAcquireInFifoOrderAndNeverOverlap) {
    Document doc;
    std::vector<int> order;
    int holders = 0, maxHolders = 0, done = 0;
    for (int i = 0; i < 5; ++i) {
        rt().spawn(
            [&, i]() -> QCoro::Task<> {
                auto guard = co_await doc.lock();
                order.push_back(i);
                maxHolders = std::max(maxHolders, ++holders);
                co_await qpanel::sleep(std::chrono::milliseconds(10 - 2 * i));
                --holders;
                ++done;
            },
            SpawnOptions{{}, &doc});
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
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            for (int i = 0; i < 3; ++i) {
                doc.notifyOnUnlock(&key, [&] { ++repaints; });
                co_await qpanel::sleep(2ms);
            }
            repaintsBeforeRelease = repaints;
            guard.unlock();
            done = true;
        },
        SpawnOptions{{}, &doc});
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
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            co_await qpanel::sleep(20ms);
            holderAllowed = doc.editAllowed();
            ++done;
        },
        SpawnOptions{{}, &doc});
    rt().spawn(
        [&]() -> QCoro::Task<> {
            co_await qpanel::sleep(5ms);
            otherAllowed = doc.editAllowed();
            ++done;
        },
        SpawnOptions{{}, &doc});
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
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto outer = co_await doc.lock();
            auto again = co_await doc.lock();  // must not deadlock
            inner = doc.editAllowed();
        },
        SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return inner; }));
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, SyncCallbackWaitsWhileASuspendedTaskHoldsTheLock) {
    Document doc;
    QStringList log;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            log.append(QStringLiteral("task locked"));
            co_await qpanel::sleep(20ms);
            log.append(QStringLiteral("task unlocking"));
        },
        SpawnOptions{{}, &doc});
    doc.runLocked([&] { log.append(QStringLiteral("sync ran")); });
    EXPECT_EQ(log.size(), 1) << "the sync callback must wait for the lock";
    ASSERT_TRUE(waitUntil([&] { return log.size() == 3; }));
    EXPECT_EQ(log.last(), QStringLiteral("sync ran"));
}

TEST(DocumentLock, CancellingAWaiterRemovesItFromTheQueue) {
    Document doc;
    int acquired = 0;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            co_await qpanel::sleep(20ms);
        },
        SpawnOptions{{}, &doc});
    const quint64 waiter = rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            ++acquired;
        },
        SpawnOptions{{}, &doc});
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            ++acquired;
        },
        SpawnOptions{{}, &doc});
    EXPECT_TRUE(rt().tasks().cancel(waiter));
    ASSERT_TRUE(waitUntil([&] { return acquired == 1 && !rt().busy(); }));
    EXPECT_FALSE(doc.isLocked());
}

TEST(DocumentLock, WorkerThreadEditsAreAllowedUnderTheTasksLock) {
    Document doc;
    std::optional<bool> inThreadLocked, inThreadUnlocked;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            {
                auto guard = co_await doc.lock();
                inThreadLocked = co_await qpanel::runInThread([&] { return doc.editAllowed(); });
            }
            inThreadUnlocked = co_await qpanel::runInThread([&] { return doc.editAllowed(); });
        },
        SpawnOptions{{}, &doc});
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

namespace {
// Busy work of a given length, to shift one thread's timing against another's.
void spin(int steps) {
    thread_local std::atomic<int> sink{0};  // per thread: no shared cache line
    for (int k = 0; k < steps; ++k) sink.fetch_add(1, std::memory_order_relaxed);
}

// Busy-waits (yielding now and then), so both threads stay on their cores
// and meet within microseconds.
template <typename Predicate>
void spinUntil(Predicate predicate) {
    for (int k = 1; !predicate(); ++k)
        if (k % 1024 == 0) std::this_thread::yield();
}
}  // namespace

TEST(DocumentLock, AWorkerNotificationRacingTheUnlockArrivesWithThatSection) {
    // Each round the GUI thread holds the lock briefly while a worker asks for
    // notifications back to back (distinct keys), so some request is in
    // flight as the section ends, at a shifting offset. A request that saw
    // the section locked is delivered when it ends; one that saw it unlocked
    // is posted. None may wait for the next section.
    Document doc;
    constexpr int kRounds = 500, kMaxCallsPerRound = 5000;
    std::atomic<int> go{-1}, ended{-1}, asked{-1};
    std::atomic<int> callsThisRound{0};
    int delivered = 0;  // GUI thread only: flushed and posted calls run there
    std::thread worker([&] {
        std::uintptr_t key = 0;
        for (int i = 0; i < kRounds; ++i) {
            spinUntil([&] { return go.load(std::memory_order_acquire) >= i; });
            // Capped, so the worker cannot keep a section's end busy for long.
            int calls = 0;
            do {
                doc.notifyOnUnlock(reinterpret_cast<const void*>(++key),
                                   [&delivered] { ++delivered; });
                callsThisRound.store(++calls, std::memory_order_release);
            } while (ended.load(std::memory_order_acquire) < i && calls < kMaxCallsPerRound);
            spinUntil([&] { return ended.load(std::memory_order_acquire) >= i; });
            asked.store(i, std::memory_order_release);
        }
    });
    int requested = 0, roundsLeavingSomeBehind = 0;
    for (int i = 0; i < kRounds; ++i) {
        callsThisRound.store(0, std::memory_order_relaxed);
        ASSERT_TRUE(doc.tryRunLockedNow([&] {
            go.store(i, std::memory_order_release);
            // A few requests are due when the section ends; more arrive meanwhile.
            spinUntil([&] { return callsThisRound.load(std::memory_order_acquire) > i % 4; });
            spin((i * 37) % 100);
        }));
        ended.store(i, std::memory_order_release);
        spinUntil([&] { return asked.load(std::memory_order_acquire) >= i; });
        requested += callsThisRound.load(std::memory_order_acquire);
        // Deliver what the worker posted (it asked after the section ended).
        QCoreApplication::sendPostedEvents(&doc, 0);
        if (delivered != requested) ++roundsLeavingSomeBehind;
        delivered = requested;  // a late one arrives with a later section: count each round once
    }
    worker.join();
    EXPECT_EQ(roundsLeavingSomeBehind, 0) << "of " << kRounds << " rounds";
}

TEST(DocumentLock, OnlyTheHoldersWorkerThreadsMayEdit) {
    // A task holds the lock and sends a job to a worker; at the same time
    // another task (not holding it) sends one, and an unrelated thread asks.
    // Only the holder's job is covered. Rounds reuse the pool's threads, so a
    // thread that worked for the holder must not keep that standing.
    Document doc;
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        std::optional<bool> holderJob, otherJob, unrelatedThread;
        std::promise<void> otherChecked;
        std::shared_future<void> otherCheckedFuture = otherChecked.get_future().share();
        int done = 0;
        rt().spawn(
            [&]() -> QCoro::Task<> {
                auto guard = co_await doc.lock();
                rt().spawn(
                    [&]() -> QCoro::Task<> {
                        otherJob = co_await qpanel::runInThread(
                            [&] {
                                const bool allowed = doc.editAllowed();
                                otherChecked.set_value();
                                return allowed;
                            },
                            &pool);
                        ++done;
                    },
                    SpawnOptions{{}, &doc});
                holderJob = co_await qpanel::runInThread(
                    [&] {
                        std::optional<bool> seen;
                        std::thread unrelated([&] { seen = doc.editAllowed(); });
                        unrelated.join();
                        unrelatedThread = seen;
                        otherCheckedFuture.wait();  // hold the lock while the other job asks
                        return doc.editAllowed();
                    },
                    &pool);
                ++done;
            },
            SpawnOptions{{}, &doc});
        ASSERT_TRUE(waitUntil([&] { return done == 2; }));
        ASSERT_TRUE(holderJob && otherJob && unrelatedThread);
        EXPECT_TRUE(*holderJob) << "round " << round;
        EXPECT_FALSE(*otherJob) << "round " << round << ": another task's job";
        EXPECT_FALSE(*unrelatedThread) << "round " << round << ": an unrelated thread";
        EXPECT_FALSE(doc.isLocked());
    }
}

TEST(DocumentLock, OnlyTheThreadThatTookTheLockBlockingMayEdit) {
    Document doc;
    std::optional<bool> taker, unrelated;
    std::atomic<bool> done = false;
    std::thread worker([&] {
        auto guard = doc.lockBlocking();
        taker = doc.editAllowed();
        std::thread other([&] { unrelated = doc.editAllowed(); });
        other.join();
        guard.unlock();
        done = true;
    });
    ASSERT_TRUE(waitUntil([&] { return done.load(); }));
    worker.join();
    EXPECT_TRUE(*taker);
    EXPECT_FALSE(*unrelated);
}

TEST(DocumentLock, AGrantedWaiterCancelledBeforeItRunsLeavesTheLockFree) {
    // The holder releases (the permit passes to the queued waiter, which
    // resumes on the next loop pass) and cancels that waiter at once.
    Document doc;
    quint64 waiter = 0;
    std::optional<bool> lockedAfterCancel;
    int notified = 0;
    const int key = 0;
    rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            co_await qpanel::yield();  // the waiter queues meanwhile
            guard.unlock();
            EXPECT_TRUE(rt().tasks().cancel(waiter));
            lockedAfterCancel = doc.isLocked();
            doc.notifyOnUnlock(&key, [&] { ++notified; });  // nobody holds it: at once
        },
        SpawnOptions{{}, &doc});
    waiter = rt().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            ADD_FAILURE() << "the cancelled waiter ran";
        },
        SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return lockedAfterCancel.has_value() && !rt().busy(); }));
    EXPECT_FALSE(*lockedAfterCancel);
    EXPECT_EQ(notified, 1);
    EXPECT_FALSE(doc.isLocked());
}
