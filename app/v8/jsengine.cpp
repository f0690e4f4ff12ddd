#include "v8/jsengine.h"

#include <algorithm>

#include "v8/jsglobals.h"
#include "v8/jspolyfills.h"
#include "v8/jstimers.h"
#include "v8/jsvalueref.h"
#include "v8/qobjectwrap.h"
#include "v8/v8platform.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

quint64 continuationTask(v8::Local<v8::Value> data) {
    if (data->IsNumber()) return quint64(data.As<v8::Number>()->Value());
    if (!data->IsObject() || data.As<v8::Object>()->InternalFieldCount() != 1) return 0;
    const v8::Local<v8::Value> field = data.As<v8::Object>()->GetInternalField(0);
    return field->IsNumber() ? quint64(field.As<v8::Number>()->Value()) : 0;
}

namespace {
constexpr std::size_t kMb = 1024 * 1024;
}  // namespace

JsEngine::JsEngine(JsLimits limits, QObject* parent)
    : QObject(parent),
      limits_(limits),
      allocator_(v8::ArrayBuffer::Allocator::NewDefaultAllocator()) {
    ensureV8Initialized();
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    // The cap is split by hand: V8's own split of 256 MB leaves a 3 MB young
    // generation, so every task still in flight is copied by scavenge after
    // scavenge. With node's young generation (48 MB: 16 MB semi-spaces), 100k
    // tasks on the host timer went from 1.7-2.0x node's cost per task to
    // 0.97-1.1x in noisy runs side by side (tests/bench/v8tasks_bench).
    const std::size_t cap = limits_.heapLimitMb * kMb;
    const std::size_t young = std::min(48 * kMb, cap / 4);
    params.constraints.set_max_young_generation_size_in_bytes(young);
    params.constraints.set_max_old_generation_size_in_bytes(cap - young);
    isolate_ = v8::Isolate::New(params);
    isolate_->SetData(0, this);
    // Node's order needs a checkpoint after each macrotask, never inside one.
    isolate_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
    isolate_->SetPromiseRejectCallback(&JsEngine::onPromiseReject);
    isolate_->AddNearHeapLimitCallback(&JsEngine::onNearHeapLimit, this);
    // Once a stopped script's garbage is collected, the cap is the cap again.
    isolate_->AutomaticallyRestoreInitialHeapLimit(0.5);
    isolate_->SetCaptureStackTraceForUncaughtExceptions(true, 16);

    v8::Isolate::Scope isolateScope(isolate_);
    v8::HandleScope handles(isolate_);
    const v8::Local<v8::Context> context = v8::Context::New(isolate_);
    context_.Reset(isolate_, context);
    v8::Context::Scope contextScope(context);
    timers_ = std::make_unique<JsTimers>(*this);
    installConsole(*this, context);
    installQueueMicrotask(context);
    installEs2023Builtins(context);
    timers_->install(context);
    qobjects_ = std::make_unique<QObjectBinding>(*this);

    watchdog_ = std::make_unique<JsWatchdog>(limits_.timeLimit, [this](std::uint64_t run) {
        // Watchdog thread: RequestInterrupt is V8's thread-safe entry; the
        // callback runs on the isolate's thread at the next stack check.
        overrun_.store(run);
        isolate_->RequestInterrupt(
            [](v8::Isolate*, void* data) {
                auto* engine = static_cast<JsEngine*>(data);
                if (engine->depth_ > 0 && engine->overrun_.load() == engine->watchdog_->run())
                    engine->stopHere(Stop::TimeLimit);
            },
            this);
    });
}

JsEngine::~JsEngine() {
    watchdog_.reset();  // no interrupt requests from here on
    {
        v8::Isolate::Scope isolateScope(isolate_);
        // Signal relays and script-owned objects first: nothing may call into
        // JS once the isolate starts going, and no JsValueRef outlives it.
        qobjects_.reset();
        while (!refs_.empty()) (*refs_.begin())->release();
        timers_.reset();
        rejections_.clear();
        context_.Reset();
    }
    isolate_->Dispose();
}

void JsEngine::setTimeLimit(std::chrono::milliseconds limit) {
    limits_.timeLimit = limit;
    watchdog_->setLimit(limit);
}

std::chrono::milliseconds JsEngine::timeLimit() const {
    return watchdog_->limit();
}

void JsEngine::interruptRunaway() {
    watchdog_->overrunNow();
}

std::optional<JsError> JsEngine::runScript(const QString& source, const QString& fileName) {
    return runMacrotask([&](v8::Local<v8::Context> context) {
        v8::ScriptOrigin origin(isolate_, toV8(isolate_, fileName));
        v8::Local<v8::Script> script;
        if (!v8::Script::Compile(context, toV8(isolate_, source), &origin).ToLocal(&script)) return;
        // The completion value is unused; a throw is in the TryCatch.
        static_cast<void>(script->Run(context).IsEmpty());
    });
}

std::optional<JsError> JsEngine::runMacrotask(const Body& body, const QString& what) {
    v8::Isolate::Scope isolateScope(isolate_);
    v8::HandleScope handles(isolate_);
    const v8::Local<v8::Context> context = context_.Get(isolate_);
    v8::Context::Scope contextScope(context);
    const bool outermost = depth_++ == 0;
    if (outermost) {
        running_ = what;
        watchdog_->enter();
    }
    std::optional<JsError> error;
    {
        v8::TryCatch tryCatch(isolate_);
        body(context);
        if (tryCatch.HasCaught() && !tryCatch.HasTerminated()) {
            error = JsError::fromTryCatch(isolate_, context, tryCatch);
            error->thrown = std::make_shared<JsValueRef>(*this, tryCatch.Exception());
        }
    }
    if (!outermost) {
        --depth_;
        return error;
    }
    if (!isolate_->IsExecutionTerminating()) isolate_->PerformMicrotaskCheckpoint();
    watchdog_->leave();
    // A stop explains more than the exception V8 unwound with.
    std::optional<JsError> stop = takeStop();
    if (stop) error = stop;
    --depth_;
    reportRejections();
    if (stop && stopHandler_ && stopHandler_(*stop)) return std::nullopt;
    return error;
}

void JsEngine::stopHere(Stop why) {
    if (stop_ != Stop::None) return;
    stop_ = why;
    v8::HandleScope scope(isolate_);
    stoppedAt_ = currentLocation(isolate_);
    const v8::Local<v8::Value> continuation =
        isolate_->GetCurrentContext()->GetContinuationPreservedEmbedderData();
    stoppedTask_ = continuationTask(continuation);
    isolate_->TerminateExecution();
}

std::optional<JsError> JsEngine::takeStop() {
    const Stop why = std::exchange(stop_, Stop::None);
    heapStopRequested_ = false;
    // Also when V8 terminated on its own: the isolate must take the next task.
    if (isolate_->IsExecutionTerminating()) isolate_->CancelTerminateExecution();
    if (why == Stop::None) return std::nullopt;
    JsError error;
    error.location = std::exchange(stoppedAt_, {});
    error.stoppedTask = std::exchange(stoppedTask_, 0);
    error.stoppedIn = std::exchange(running_, {});
    if (why == Stop::TimeLimit) {
        error.kind = JsError::Kind::TimeLimit;
        error.message = QStringLiteral("the script ran longer than %1 ms and was interrupted")
                            .arg(watchdog_->limit().count());
        if (!error.stoppedIn.isEmpty()) error.message += QStringLiteral(" in ") + error.stoppedIn;
    } else {
        error.kind = JsError::Kind::HeapLimit;
        error.message = QStringLiteral("the script used more than %1 MB and was stopped")
                            .arg(limits_.heapLimitMb);
        // Its garbage goes now, before the next task allocates.
        isolate_->LowMemoryNotification();
    }
    return error;
}

size_t JsEngine::onNearHeapLimit(void* data, size_t current, size_t initial) {
    auto* engine = static_cast<JsEngine*>(data);
    if (engine->depth_ > 0) {
        if (!engine->heapStopRequested_) {
            // An interrupt can read the line; this GC callback cannot run JS.
            engine->heapStopRequested_ = true;
            engine->isolate_->RequestInterrupt(
                [](v8::Isolate*, void* data) {
                    // Not if that run already ended (the request outlived it).
                    auto* engine = static_cast<JsEngine*>(data);
                    if (engine->heapStopRequested_ && engine->depth_ > 0)
                        engine->stopHere(Stop::HeapLimit);
                },
                engine);
        } else if (engine->stop_ == Stop::None) {
            // Still allocating without reaching a stack check: stop without a line.
            engine->stop_ = Stop::HeapLimit;
            engine->isolate_->TerminateExecution();
        }
    }
    // Headroom to unwind in; without it V8 aborts the process.
    return current + std::max(initial / 2, 16 * kMb);
}

void JsEngine::onPromiseReject(v8::PromiseRejectMessage message) {
    const v8::Local<v8::Promise> promise = message.GetPromise();
    v8::Isolate* isolate = promise->GetIsolate();
    auto* engine = static_cast<JsEngine*>(isolate->GetData(0));
    auto& pending = engine->rejections_;
    switch (message.GetEvent()) {
        case v8::kPromiseRejectWithNoHandler: {
            const v8::Local<v8::Value> reason = message.GetValue();
            // Placed now, while the rejecting code is on the stack (an Error
            // places itself where it was made).
            pending.push_back(
                {v8::Global<v8::Promise>(isolate, promise), v8::Global<v8::Value>(isolate, reason),
                 v8::Global<v8::Message>(isolate, v8::Exception::CreateMessage(isolate, reason))});
            break;
        }
        case v8::kPromiseHandlerAddedAfterReject:
            // Handlers usually come soon after: search from the newest.
            for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
                if (it->promise == promise) {
                    pending.erase(std::next(it).base());
                    break;
                }
            }
            break;
        default:
            break;
    }
}

void JsEngine::reportRejections() {
    if (rejections_.empty()) return;
    const v8::Local<v8::Context> context = context_.Get(isolate_);
    for (const Rejection& rejection : std::exchange(rejections_, {})) {
        JsError error = JsError::fromValue(isolate_, context, rejection.reason.Get(isolate_),
                                           rejection.where.Get(isolate_));
        error.kind = JsError::Kind::UnhandledRejection;
        error.message = QStringLiteral("Unhandled promise rejection: ") + error.message;
        error.thrown = std::make_shared<JsValueRef>(*this, rejection.reason.Get(isolate_));
        emit errorReported(error);
    }
}

}  // namespace qpanel::v8engine
