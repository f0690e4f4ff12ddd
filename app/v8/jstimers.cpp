#include "v8/jstimers.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "v8/jsengine.h"
#include "v8/jsglobals.h"

namespace qpanel::v8engine {

/// A timer's place in the Scheduler's heap. No coroutine waits here: when
/// the deadline passes the Scheduler wakes it, and it runs its callback.
struct JsTimers::Timer final : Suspension {
    JsTimers* owner = nullptr;
    int id = 0;
    Kind kind = Kind::Callback;
    std::uint32_t slot = 0;  ///< in callbacks_: what `kind` says
    std::chrono::milliseconds interval{1};
    bool repeat = false;
    Scheduler::Ticket ticket;

    bool detach() noexcept override {
        if (owner->scheduler_) owner->scheduler_->withdraw(ticket);
        return true;
    }
    void wake() override { owner->fire(*this); }
};

namespace {

JsTimers& timersOf(const v8::FunctionCallbackInfo<v8::Value>& info) {
    return *static_cast<JsTimers*>(info.Data().As<v8::External>()->Value());
}

/// Node's rule: a delay that is not a number in [1, 2^31 - 1] is 1 ms.
std::chrono::milliseconds delayOf(const v8::FunctionCallbackInfo<v8::Value>& info) {
    double ms = 1;
    if (info.Length() > 1 && info[1]->IsNumber()) ms = info[1].As<v8::Number>()->Value();
    if (!(ms >= 1 && ms <= std::numeric_limits<int>::max())) ms = 1;
    return std::chrono::milliseconds(std::int64_t(ms));
}

template <bool repeat>
void startTimer(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    if (info.Length() < 1 || !info[0]->IsFunction())
        return throwTypeError(isolate, repeat ? "setInterval: the callback must be a function"
                                              : "setTimeout: the callback must be a function");
    const v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Array> args;
    if (info.Length() > 2) {
        args = v8::Array::New(isolate, info.Length() - 2);
        for (int i = 2; i < info.Length(); ++i) args->Set(context, i - 2, info[i]).Check();
    }
    const int id =
        timersOf(info).start(context, info[0].As<v8::Function>(), args, delayOf(info), repeat);
    info.GetReturnValue().Set(id);
}

void clearTimer(const v8::FunctionCallbackInfo<v8::Value>& info) {
    if (info.Length() > 0 && info[0]->IsInt32())
        timersOf(info).clear(info[0].As<v8::Int32>()->Value());
}

}  // namespace

JsTimers::JsTimers(JsEngine& engine)
    : engine_(engine),
      scheduler_(&Scheduler::current()),
      callbacks_(engine.isolate(), v8::Array::New(engine.isolate())) {}

JsTimers::~JsTimers() {
    if (scheduler_)
        for (auto& [id, timer] : timers_) scheduler_->withdraw(timer->ticket);
}

v8::Local<v8::Array> JsTimers::callbackSlots() const {
    return callbacks_.Get(engine_.isolate());
}

void JsTimers::install(v8::Local<v8::Context> context) {
    const v8::Local<v8::External> data = v8::External::New(context->GetIsolate(), this);
    const v8::Local<v8::Object> global = context->Global();
    setFunction(context, global, "setTimeout", &startTimer<false>, data);
    setFunction(context, global, "setInterval", &startTimer<true>, data);
    setFunction(context, global, "clearTimeout", &clearTimer, data);
    setFunction(context, global, "clearInterval", &clearTimer, data);
}

int JsTimers::start(v8::Local<v8::Context> context, v8::Local<v8::Function> callback,
                    v8::Local<v8::Array> args, std::chrono::milliseconds delay, bool repeat) {
    if (args.IsEmpty()) return add(context, callback, Kind::Callback, delay, repeat);
    v8::Local<v8::Value> pair[] = {callback, args};
    return add(context, v8::Array::New(engine_.isolate(), pair, 2), Kind::CallbackWithArgs, delay,
               repeat);
}

v8::Local<v8::Promise> JsTimers::sleep(v8::Local<v8::Context> context,
                                       std::chrono::milliseconds delay, int* id) {
    const v8::Local<v8::Promise::Resolver> resolver =
        v8::Promise::Resolver::New(context).ToLocalChecked();
    const int added = add(context, resolver, Kind::Resolve, delay, false);
    if (id) *id = added;
    return resolver->GetPromise();
}

bool JsTimers::rejectSleep(v8::Local<v8::Context> context, int id, v8::Local<v8::Value> reason) {
    const auto it = timers_.find(id);
    if (it == timers_.end() || it->second->kind != Kind::Resolve) return false;
    const v8::Local<v8::Value> entry =
        callbackSlots()->Get(context, it->second->slot).ToLocalChecked();
    clear(id);
    return entry.As<v8::Promise::Resolver>()->Reject(context, reason).FromMaybe(false);
}

int JsTimers::add(v8::Local<v8::Context> context, v8::Local<v8::Value> entry, Kind kind,
                  std::chrono::milliseconds delay, bool repeat) {
    auto timer = std::make_unique<Timer>();
    timer->owner = this;
    timer->id = nextId_++;
    timer->interval = std::max(delay, std::chrono::milliseconds(1));
    timer->repeat = repeat;
    timer->kind = kind;
    if (freeSlots_.empty()) {
        timer->slot = slotCount_++;
    } else {
        timer->slot = freeSlots_.back();
        freeSlots_.pop_back();
    }
    callbackSlots()->Set(context, timer->slot, entry).Check();
    schedule(*timer);
    const int id = timer->id;
    timers_.emplace(id, std::move(timer));
    return id;
}

void JsTimers::release(Timer& timer) {
    v8::Isolate* isolate = engine_.isolate();
    callbackSlots()->Set(isolate->GetCurrentContext(), timer.slot, v8::Undefined(isolate)).Check();
    freeSlots_.push_back(timer.slot);
}

void JsTimers::schedule(Timer& timer) {
    if (scheduler_)
        timer.ticket = scheduler_->enqueueAt(&timer, Scheduler::Clock::now() + timer.interval);
}

void JsTimers::clear(int id) {
    const auto it = timers_.find(id);
    if (it == timers_.end()) return;
    it->second->detach();
    release(*it->second);
    timers_.erase(it);
}

void JsTimers::fire(Timer& timer) {
    const int id = timer.id;
    // A one-shot timer is finished before its callback runs (clearing it
    // there does nothing); an interval stays, and its callback may clear it.
    std::unique_ptr<Timer> finished;
    if (!timer.repeat) {
        const auto it = timers_.find(id);
        finished = std::move(it->second);
        timers_.erase(it);
    }
    v8::Isolate* isolate = engine_.isolate();
    const std::optional<JsError> error = engine_.runMacrotask(
        [&](v8::Local<v8::Context> context) {
            v8::Local<v8::Value> entry = callbackSlots()->Get(context, timer.slot).ToLocalChecked();
            if (finished) release(timer);
            if (timer.kind == Kind::Resolve) {
                static_cast<void>(entry.As<v8::Promise::Resolver>()
                                      ->Resolve(context, v8::Undefined(isolate))
                                      .IsNothing());
                return;
            }
            v8::Local<v8::Function> callback = entry.As<v8::Function>();
            std::vector<v8::Local<v8::Value>> argv;
            if (timer.kind == Kind::CallbackWithArgs) {
                const auto pair = entry.As<v8::Array>();
                callback = pair->Get(context, 0).ToLocalChecked().As<v8::Function>();
                const auto args = pair->Get(context, 1).ToLocalChecked().As<v8::Array>();
                for (std::uint32_t i = 0; i < args->Length(); ++i)
                    argv.push_back(args->Get(context, i).ToLocalChecked());
            }
            static_cast<void>(
                callback->Call(context, v8::Undefined(isolate), int(argv.size()), argv.data())
                    .IsEmpty());
        },
        timer.kind == Kind::Resolve ? QStringLiteral("code after pn.sleep")
        : timer.repeat              ? QStringLiteral("setInterval")
                                    : QStringLiteral("setTimeout"));
    if (error) engine_.report(*error);
    if (finished) return;
    if (const auto it = timers_.find(id); it != timers_.end()) schedule(*it->second);
}

}  // namespace qpanel::v8engine
