#include "core/document.h"

#include "core/crossthread.h"

#include <QCoreApplication>
#include <QThread>

#include <future>

namespace qpanel {

namespace {
QPointer<Document> currentDocument;
QPointer<Document> defaultDocument;
// Sync code outside any task shares one identity as a lock holder.
const char kTopLevelContext = 0;
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

Document::Scope::~Scope() { currentDocument = previous_; }

const void* Document::contextKey() {
    if (TaskRecord* task = currentTask()) return task;
    return &kTopLevelContext;
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
        }
        else
            document->unlock();
    }
}

Document::LockAwaiter::LockAwaiter(Document& document)
    : document_(&document), inner_(document.lock_) {}

bool Document::LockAwaiter::await_ready() {
    if (document_->isLocked() && document_->ownerKey_ == contextKey() && currentTask()) {
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
    ownerKey_ = ownerKey;
    locked_.store(true, std::memory_order_release);
}

void Document::unlock() {
    ++sectionsCompleted_;
    flushNotifications();
    ownerKey_ = nullptr;
    locked_.store(false, std::memory_order_release);
    emit lockReleased();
    lock_.release();  // may hand the permit on; the next holder marks itself
    if (lock_.available() == 0) locked_.store(true, std::memory_order_release);
}

bool Document::editAllowed() const {
    if (!isLocked()) return false;
    if (QThread::currentThread() != thread()) return true;
    return ownerKey_ == contextKey();
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
    detail::postCall(
        this,
        [this, granted] {
            Runtime::instance().spawn(
                [this, granted]() -> QCoro::Task<> {
                    try {
                        auto guard = co_await lock();
                        // Ownership moves to the worker's guard; its unlock is
                        // posted back to this thread.
                        guard.disown();
                        ownerKey_ = granted.get();
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
    if (QThread::currentThread() != thread() && !isLocked()) {
        detail::postCall(this, std::move(fn));
        return;
    }
    if (QThread::currentThread() == thread() && !isLocked()) {
        fn();
        return;
    }
    QMutexLocker locker(&pendingMutex_);
    for (auto& entry : pending_)
        if (entry.first == key) return;  // already due at the end of this section
    pending_.emplace_back(key, std::move(fn));
    hasPending_.store(true, std::memory_order_release);
}

void Document::flushNotifications() {
    if (!hasPending_.load(std::memory_order_acquire)) return;
    std::vector<std::pair<const void*, std::function<void()>>> due;
    {
        QMutexLocker locker(&pendingMutex_);
        due.swap(pending_);
        hasPending_.store(false, std::memory_order_release);
    }
    for (auto& entry : due) entry.second();
}

}  // namespace qpanel
