#pragma once
// setTimeout / setInterval / clearTimeout / clearInterval for one JsEngine,
// on core's Scheduler (one deadline heap and one QTimer shared with C++
// sleepers and the Python loop). Each callback is a macrotask of its own,
// so its microtasks run before the next timer, as in node. Delays below
// 1 ms are 1 ms (node's rule); ties fire in start order.

#include <v8.h>

#include <QPointer>
#include <chrono>
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
    /// returns an id > 0 for clear().
    int start(v8::Local<v8::Function> callback, std::vector<v8::Global<v8::Value>> args,
              std::chrono::milliseconds delay, bool repeat);
    /// Stops timer `id`; unknown or finished ids are ignored.
    void clear(int id);
    /// Timers started and not yet finished or cleared.
    std::size_t activeCount() const { return timers_.size(); }

private:
    struct Timer;
    void fire(Timer& timer);
    void schedule(Timer& timer);

    JsEngine& engine_;
    QPointer<Scheduler> scheduler_;
    std::unordered_map<int, std::unique_ptr<Timer>> timers_;
    int nextId_ = 1;
};

}  // namespace qpanel::v8engine
