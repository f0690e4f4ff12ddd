#include "v8/jsvalueref.h"

#include "v8/jsengine.h"

namespace qpanel::v8engine {

JsValueRef::JsValueRef(JsEngine& engine, v8::Local<v8::Value> value)
    : engine_(&engine), value_(engine.isolate(), value) {
    engine.refs_.insert(this);
}

JsValueRef::~JsValueRef() {
    release();
}

v8::Local<v8::Value> JsValueRef::get() const {
    if (!engine_) return {};
    return value_.Get(engine_->isolate());
}

void JsValueRef::release() {
    if (!engine_) return;
    engine_->refs_.erase(this);
    value_.Reset();
    engine_ = nullptr;
}

}  // namespace qpanel::v8engine
