#include "core/document.h"

#include <QCoreApplication>
#include <QThread>
#include <future>

#include "core/crossthread.h"

namespace qpanel {

namespace {
QPointer<Document> currentDocument;
QPointer<Document> defaultDocument;
}  // namespace

Document::Document(QObject* parent) : QObject(parent) {}

bool Document::event(QEvent* event) {
    return detail::runPostedCall(event) || QObject::event(event);
}

Document::~Document() {
    // Unwind every task of this app while the document (and its widgets) are
    // still whole, so no coroutine ever resumes into destroyed objects.
    if (Runtime* runtime = Runtime::ifExists()) runtime->tasks().cancelOwnedBy(this);
}

Document* Document::current() {
    if (currentDocument) return currentDocument;
    if (!defaultDocument) {
        defaultDocument = new Document(QCoreApplication::instance());
        defaultDocument->setObjectName(QStringLiteral("default"));
    }
    return defaultDocument;
}

Document::Scope::Scope(Document* document) : previous_(currentDocument) {
    currentDocument = document;
}

Document::Scope::~Scope() {
    currentDocument = previous_;
}

// Sync code outside any task shares one identity per thread as a lock holder.
const void* Document::contextKey() {
    return actingContext();
}

Document::LockGuard& Document::LockGuard::operator=(LockGuard&& other) noexcept {
    if (this != &other) {
        unlock();
        document_ = std::exchange(other.document_, {});
        fromWorkerThread_ = other.fromWorkerThread_;
    }
    return *this;
}

void Document::LockGuard::unlock() {
    if (Document* document = document_.data()) {
        document_.clear();
        if (fromWorkerThread_) {
            detail::postCall(document, [document] { document->unlock(); });
        } else
            document->unlock();
    }
}

Document::LockAwaiter::LockAwaiter(Document& document)
    : document_(&document), inner_(document.lock_) {}

bool Document::LockAwaiter::await_ready() {
    if (document_->isLocked() &&
        document_->ownerKey_.load(std::memory_order_relaxed) == contextKey() && currentTask()) {
        reentrant_ = true;
        return true;
    }
    return inner_.await_ready();
}

Document::LockGuard Document::LockAwaiter::await_resume() {
    if (reentrant_) return LockGuard{};
    inner_.await_resume();  // throws TaskCancelled (releasing any permit)
    document_->acquiredBy(contextKey());
    return LockGuard{document_};
}

void Document::acquiredBy(const void* ownerKey) {
    ownerKey_.store(ownerKey, std::memory_order_relaxed);
    locked_.store(true, std::memory_order_release);
}

void Document::unlock() {
    ++sectionsCompleted_;
    endSection();
    emit lockReleased();
    // The permit may pass to a queued waiter; the lock reads as held again
    // only when that waiter runs (acquiredBy), so a waiter cancelled before
    // it runs leaves it free.
    lock_.release();
}

bool Document::editAllowed() const {
    // The owner's identity is the context that locked: a task or sync code on
    // this thread, the task a worker's job runs for, or a lockBlocking thread.
    return isLocked() && ownerKey_.load(std::memory_order_relaxed) == contextKey();
}

void Document::requireLock(const QString& what) const {
    if (editAllowed()) return;
    throw LockRequiredError(
        QStringLiteral("%1: direct edits of a chart's data need the document lock; wrap the "
                       "async callback with pn.io.with_lock (C++: Document::withLock or "
                       "co_await document.lock()). The data was left unchanged.")
            .arg(what)
            .toStdString());
}

void Document::runLocked(std::function<void()> fn, const QString& origin) {
    if (tryRunLockedNow(fn)) return;
    // Held by a suspended task: run after it, in FIFO order with other waiters.
    Runtime::instance().spawn(
        [document = QPointer<Document>(this), fn = std::move(fn)]() -> QCoro::Task<> {
            if (!document) co_return;
            auto guard = co_await document->lock();
            fn();
        },
        SpawnOptions{origin, this, {}, {}});
}

Document::LockGuard Document::lockBlocking() {
    Q_ASSERT_X(QThread::currentThread() != thread(), "Document::lockBlocking",
               "would deadlock on the document's own thread");
    auto granted = std::make_shared<std::promise<void>>();
    std::future<void> grantedFuture = granted->get_future();
    const void* worker = contextKey();  // this thread (or the task it works for)
    detail::postCall(this, [this, granted, worker] {
        Runtime::instance().spawn(
            [this, granted, worker]() -> QCoro::Task<> {
                try {
                    auto guard = co_await lock();
                    // Ownership moves to the worker's guard; its unlock is
                    // posted back to this thread.
                    guard.disown();
                    ownerKey_.store(worker, std::memory_order_relaxed);
                    granted->set_value();
                } catch (const TaskCancelled&) {
                    granted->set_exception(std::make_exception_ptr(
                        std::runtime_error("document closed while waiting for its lock")));
                }
            },
            SpawnOptions{QStringLiteral("worker-thread lock"), this, {}, {}});
    });
    grantedFuture.get();  // rethrows if the document went away first
    return LockGuard{this, true};
}

void Document::notifyOnUnlock(const void* key, std::function<void()> fn) {
    {
        // Checked under the mutex unlock() clears the lock under: either the
        // request joins this section's flush, or the section is over.
        std::lock_guard locker(pendingMutex_);
        if (isLocked()) {
            for (auto& entry : pending_)
                if (entry.first == key) return;  // already due at the end of this section
            pending_.emplace_back(key, std::move(fn));
            return;
        }
    }
    if (QThread::currentThread() == thread())
        fn();
    else
        detail::postCall(this, std::move(fn));
}

void Document::endSection() {
    for (;;) {
        std::vector<std::pair<const void*, std::function<void()>>> due;
        {
            std::lock_guard locker(pendingMutex_);
            if (pending_.empty()) {
                // The lock reads as free in the same critical section as the
                // last look at pending_, so no request is left behind.
                ownerKey_.store(nullptr, std::memory_order_relaxed);
                locked_.store(false, std::memory_order_release);
                return;
            }
            due.swap(pending_);
        }
        // Delivered still inside the section, with the mutex free: they may
        // edit, and ask for more notifications (taken on the next pass).
        for (auto& entry : due) entry.second();
    }
}

}  // namespace qpanel
