#pragma once
// A JS value held from C++ (a callback connected to a signal, a resolver)
// that never outlives its engine: ~JsEngine releases every JsValueRef still
// alive, so C++ objects that outlive the app find an empty ref instead of a
// handle into a disposed isolate.
//
//   JsValueRef callback(engine, fn);
//   ...
//   if (JsEngine* engine = callback.engine()) engine->runMacrotask(...callback.get()...);

#include <v8.h>

namespace qpanel::v8engine {

class JsEngine;

class JsValueRef {
public:
    JsValueRef(JsEngine& engine, v8::Local<v8::Value> value);
    ~JsValueRef();
    JsValueRef(const JsValueRef&) = delete;
    JsValueRef& operator=(const JsValueRef&) = delete;

    /// The engine the value lives in; null once it was released.
    JsEngine* engine() const { return engine_; }
    /// The value in the current HandleScope; empty once released.
    v8::Local<v8::Value> get() const;
    /// Drops the value now (also done by ~JsEngine).
    void release();

private:
    JsEngine* engine_;
    v8::Global<v8::Value> value_;
};

}  // namespace qpanel::v8engine
