#pragma once
// One Document per loaded app: it owns the app's tasks (destroying it cancels
// them) and holds the document lock that guards direct chart-model edits.
//
//   auto guard = co_await doc.lock();        // FIFO; edits repaint on release
//   auto locked = doc.withLock([](int n) -> QCoro::Task<> { ... });
//
// Sync callbacks dispatched by the runtime run with the lock held; async ones
// run unlocked unless wrapped with withLock (Panel's pn.io.with_lock).

#include "core/asyncsemaphore.h"
#include "core/runtime.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace qpanel {

/// Thrown when a guarded model is edited without the document lock.
class LockRequiredError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    /// The document new components join: the one a Scope made current, else
    /// a default document owned by the application.
    static Document* current();

    /// Makes `document` current for components created in this scope.
    class Scope {
    public:
        explicit Scope(Document* document);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Document* previous_;
    };

    /// Releases the lock when destroyed (a reentrant guard releases nothing).
    class LockGuard {
    public:
        LockGuard() = default;
        explicit LockGuard(Document* document, bool fromWorkerThread = false)
            : document_(document), fromWorkerThread_(fromWorkerThread) {}
        LockGuard(LockGuard&& other) noexcept
            : document_(std::exchange(other.document_, {})),
              fromWorkerThread_(other.fromWorkerThread_) {}
        LockGuard& operator=(LockGuard&& other) noexcept;
        ~LockGuard() { unlock(); }
        void unlock();
        /// Gives up ownership without unlocking (the lock moves elsewhere).
        void disown() { document_.clear(); }
        bool ownsLock() const { return !document_.isNull(); }

    private:
        QPointer<Document> document_;
        bool fromWorkerThread_ = false;  ///< unlock is posted to the document's thread
    };

    class LockAwaiter {
    public:
        explicit LockAwaiter(Document& document);
        bool await_ready();
        void await_suspend(std::coroutine_handle<> h) { inner_.await_suspend(h); }
        LockGuard await_resume();

    private:
        Document* document_;
        AsyncSemaphore::Awaiter inner_;
        bool reentrant_ = false;
    };

    /// Awaitable lock: FIFO, cancellable while waiting, reentrant for the
    /// task that already holds it.
    LockAwaiter lock() { return LockAwaiter{*this}; }

    /// Blocks a worker thread until the GUI thread's FIFO grants the lock.
    /// Never call it on the document's own thread.
    LockGuard lockBlocking();

    /// Any thread: whether someone holds the lock.
    bool isLocked() const { return locked_.load(std::memory_order_acquire); }
    /// Whether an edit made here and now is covered by the lock: on the GUI
    /// thread the current task (or sync callback) must hold it; on a worker
    /// thread the task that sent the work there (runInThread) must hold it,
    /// or this thread must have taken it (lockBlocking).
    bool editAllowed() const;
    /// Throws LockRequiredError naming `what` and the lock helpers unless
    /// editAllowed().
    void requireLock(const QString& what) const;

    /// Runs a sync callback with the lock held: at once if the lock is free
    /// or already held by this context, else queued behind the holders.
    void runLocked(std::function<void()> fn, const QString& origin = {});
    /// The allocation-free half of runLocked: runs `fn` now with the lock
    /// held and returns true, or returns false (without running it) when
    /// another context holds the lock.
    template <typename F>
    bool tryRunLockedNow(F&& fn);

    /// Delivers `fn` once when the current locked section ends (or now if
    /// unlocked); several calls with the same key in one section coalesce.
    /// Thread-safe; `fn` always runs on the document's thread.
    void notifyOnUnlock(const void* key, std::function<void()> fn);
    int lockSectionsCompleted() const { return sectionsCompleted_; }

    /// Wraps an async (or sync) callable so each call runs under the lock.
    template <typename F>
    auto withLock(F fn);

signals:
    void lockReleased();

protected:
    bool event(QEvent* event) override;  // runs calls posted from worker threads

private:
    friend class LockGuard;
    void acquiredBy(const void* ownerKey);
    void unlock();
    void endSection();  ///< delivers the section's notifications, then marks the lock free
    static const void* contextKey();

    AsyncSemaphore lock_{1};
    std::atomic<bool> locked_{false};             ///< from acquiredBy to unlock: someone holds it
    std::atomic<const void*> ownerKey_{nullptr};  ///< an actingContext(); read by workers
    int sectionsCompleted_ = 0;
    // Guards pending_, and the lock's release: notifyOnUnlock decides between
    // "queue for the section's end" and "deliver now" under it, so no request
    // can slip in after the last flush of a section. A std::mutex, which
    // ThreadSanitizer sees (Debian's Qt, and so QMutex's slow path, is not
    // instrumented).
    std::mutex pendingMutex_;
    std::vector<std::pair<const void*, std::function<void()>>> pending_;
};

template <typename F>
bool Document::tryRunLockedNow(F&& fn) {
    if (isLocked()) {
        if (ownerKey_.load(std::memory_order_relaxed) != contextKey()) return false;
        fn();  // already inside this context's locked section
        return true;
    }
    if (!lock_.tryAcquire()) return false;
    acquiredBy(contextKey());
    struct Release {
        Document* document;
        ~Release() { document->unlock(); }
    } release{this};
    fn();
    return true;
}

namespace detail {
template <typename F, typename... Args>
QCoro::Task<> callWithLock(QPointer<Document> document, F fn, Args... args) {
    // Parameters by value: this frame owns them for the whole call.
    if (!document) co_return;
    auto guard = co_await document->lock();
    if constexpr (std::is_same_v<std::invoke_result_t<F&, Args&...>, QCoro::Task<>>)
        co_await std::invoke(fn, args...);
    else
        std::invoke(fn, args...);
}
}  // namespace detail

template <typename F>
auto Document::withLock(F fn) {
    // Constrained, so callers can ask which arguments it takes (a watcher
    // taking one Event or all Events).
    return [ document = QPointer<Document>(this), fn = std::move(fn) ]<typename... Args>(
        Args... args) requires std::is_invocable_v<F&, Args&...> {
        return detail::callWithLock(document, fn, std::move(args)...);
    };
}

}  // namespace qpanel
