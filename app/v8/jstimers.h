#pragma once
// setTimeout / setInterval / clearTimeout / clearInterval for one JsEngine,
// on core's Scheduler (one deadline heap and one QTimer shared with C++
// sleepers and the Python loop). Each callback is a macrotask of its own,
// so its microtasks run before the next timer, as in node. Delays below
// 1 ms are 1 ms (node's rule); ties fire in start order.

#include <v8.h>

#include <QPointer>
#include <chrono>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "core/scheduler.h"

namespace qpanel::v8engine {

class JsEngine;

class JsTimers {
public:
    explicit JsTimers(JsEngine& engine);
    ~JsTimers();
    JsTimers(const JsTimers&) = delete;
    JsTimers& operator=(const JsTimers&) = delete;

    /// Puts the four functions on the context's global object.
    void install(v8::Local<v8::Context> context);

    /// Calls callback(...args) after `delay` (every `delay` when repeat);
    /// returns an id > 0 for clear(). `args` may be empty.
    int start(v8::Local<v8::Context> context, v8::Local<v8::Function> callback,
              v8::Local<v8::Array> args, std::chrono::milliseconds delay, bool repeat);
    /// A promise resolved (with undefined) after `delay`, with no JS
    /// function or timer object per call: what `pn.sleep` will return.
    /// `id` (if given) names the sleep for rejectSleep().
    v8::Local<v8::Promise> sleep(v8::Local<v8::Context> context, std::chrono::milliseconds delay,
                                 int* id = nullptr);
    /// Ends pending sleep `id` early, rejecting its promise with `reason`
    /// (a cancelled task's). False if it already woke or is unknown.
    bool rejectSleep(v8::Local<v8::Context> context, int id, v8::Local<v8::Value> reason);
    /// Whether timer or sleep `id` is still to fire.
    bool isPending(int id) const { return timers_.count(id) > 0; }
    /// Stops timer `id`; unknown or finished ids are ignored.
    void clear(int id);
    /// Timers started and not yet finished or cleared.
    std::size_t activeCount() const { return timers_.size(); }

private:
    struct Timer;
    enum class Kind : std::uint8_t { Callback, CallbackWithArgs, Resolve };
    int add(v8::Local<v8::Context> context, v8::Local<v8::Value> entry, Kind kind,
            std::chrono::milliseconds delay, bool repeat);
    void fire(Timer& timer);
    void schedule(Timer& timer);
    void release(Timer& timer);
    v8::Local<v8::Array> callbackSlots() const;

    JsEngine& engine_;
    QPointer<Scheduler> scheduler_;
    std::unordered_map<int, std::unique_ptr<Timer>> timers_;
    int nextId_ = 1;

    // What each timer calls (a callback, [callback, args] or a promise
    // resolver) lives in one JS array, a slot per timer, not in a Global
    // handle each: global handles are GC roots every scavenge visits.
    v8::Global<v8::Array> callbacks_;
    std::vector<std::uint32_t> freeSlots_;
    std::uint32_t slotCount_ = 0;
};

}  // namespace qpanel::v8engine
