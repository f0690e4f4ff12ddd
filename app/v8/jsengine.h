#pragma once
// One V8 isolate and its context: what one loaded app's JavaScript runs in.
//
// Every entry from C++ into JavaScript is a macrotask (a script, a timer
// callback, later a native callback or a fetch completion): the watchdog is
// armed for it, and when it returns the microtask queue is drained
// (kExplicit policy + one checkpoint), so promise jobs run in node's order:
// sync code, then `then`/`await` continuations and queueMicrotask in the
// order queued, then timers. Unhandled rejections are reported after that
// checkpoint. A run stopped by the watchdog or the heap cap unwinds, and the
// isolate takes the next task.
//
//   JsEngine engine({.heapLimitMb = 128});
//   if (auto error = engine.runScript(source, "app.js")) report(*error);
//   QObject::connect(&engine, &JsEngine::errorReported, ...);  // later tasks

#include <v8.h>

#include <QObject>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "v8/jserror.h"
#include "v8/jswatchdog.h"

namespace qpanel::v8engine {

class JsTimers;
class JsValueRef;
class QObjectBinding;

struct JsLimits {
    /// One macrotask (with its microtasks) may run this long.
    std::chrono::milliseconds timeLimit = JsWatchdog::defaultLimit();
    /// The isolate's heap cap.
    std::size_t heapLimitMb = 256;
};

enum class ConsoleLevel { Log, Warn, Error };

/// The task a context's continuation-preserved data names (0: none): a
/// number, or a task box — an object whose internal field 0 holds the
/// number, for code that starts before its task exists (JsTaskRunner).
quint64 continuationTask(v8::Local<v8::Value> data);

class JsEngine : public QObject {
    Q_OBJECT
public:
    explicit JsEngine(JsLimits limits = {}, QObject* parent = nullptr);
    ~JsEngine() override;

    v8::Isolate* isolate() const { return isolate_; }
    v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
    const JsLimits& limits() const { return limits_; }
    /// Changes JsLimits::timeLimit for the macrotasks to come.
    void setTimeLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds timeLimit() const;
    /// Stops the macrotask running now as the watchdog would (with its line,
    /// "ran longer than N ms"). Thread-safe: for a helper thread while the
    /// engine's thread is stuck in a script.
    void interruptRunaway();
    JsTimers& timers() { return *timers_; }
    /// QObjects seen from this engine's scripts (v8/qobjectwrap.h).
    QObjectBinding& qobjects() { return *qobjects_; }

    /// Compiles and runs a classic script named `fileName` as one macrotask.
    /// Returns what stopped it or its microtasks (a throw, a syntax error,
    /// the time or heap limit); unhandled rejections go to errorReported.
    std::optional<JsError> runScript(const QString& source, const QString& fileName);

    /// Runs `body` as one macrotask (isolate, handle and context scopes
    /// entered; a TryCatch around it). Returns what it threw or what stopped it.
    using Body = std::function<void(v8::Local<v8::Context>)>;
    /// `what` names the code for a limit's message ("setTimeout"): "the
    /// script ran longer than N ms and was interrupted in setTimeout".
    std::optional<JsError> runMacrotask(const Body& body, const QString& what = {});

    /// Reports an error of a task nobody awaits (a timer callback's throw).
    void report(const JsError& error) { emit errorReported(error); }
    /// Called when a macrotask was stopped at a limit (after it unwound): V8
    /// dropped the promise jobs it had queued, so the task layer fails the
    /// task they continued. True if it did: the error is that task's, and
    /// runMacrotask returns none (no second report).
    using StopHandler = std::function<bool(const JsError& stop)>;
    void setStopHandler(StopHandler handler) { stopHandler_ = std::move(handler); }

signals:
    /// An error no caller receives: a timer callback's, an unhandled rejection.
    void errorReported(const qpanel::v8engine::JsError& error);
    void consoleMessage(qpanel::v8engine::ConsoleLevel level, const QString& text);

private:
    friend class JsValueRef;

    /// A promise rejected with no handler yet; reported if none is added
    /// by the end of the macrotask. Converted to text only then.
    struct Rejection {
        v8::Global<v8::Promise> promise;
        v8::Global<v8::Value> reason;
        v8::Global<v8::Message> where;
    };
    enum class Stop { None, TimeLimit, HeapLimit };

    static void onPromiseReject(v8::PromiseRejectMessage message);
    static size_t onNearHeapLimit(void* data, size_t current, size_t initial);
    void stopHere(Stop why);
    std::optional<JsError> takeStop();
    void reportRejections();

    JsLimits limits_;
    std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
    v8::Isolate* isolate_ = nullptr;
    v8::Global<v8::Context> context_;
    std::unique_ptr<JsTimers> timers_;
    std::unique_ptr<QObjectBinding> qobjects_;
    std::unordered_set<JsValueRef*> refs_;  ///< released by ~JsEngine, before the isolate goes
    std::vector<Rejection> rejections_;
    int depth_ = 0;           ///< macrotasks in progress (nested: JS -> C++ -> JS)
    Stop stop_ = Stop::None;  ///< why V8 is terminating this run
    SourceLocation stoppedAt_;
    quint64 stoppedTask_ = 0;
    QString running_;  ///< the outermost macrotask's `what`
    StopHandler stopHandler_;
    bool heapStopRequested_ = false;
    std::atomic<std::uint64_t> overrun_{0};  ///< the run the watchdog found too long
    std::unique_ptr<JsWatchdog> watchdog_;   // last: its thread goes first
};

}  // namespace qpanel::v8engine
