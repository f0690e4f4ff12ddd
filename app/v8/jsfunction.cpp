#include "v8/jsfunction.h"

#include <QVarLengthArray>

#include "v8/jsconvert.h"
#include "v8/jsengine.h"
#include "v8/jsvalueref.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

JsFunction::JsFunction(JsEngine& engine, v8::Local<v8::Function> function)
    : ref_(std::make_shared<JsValueRef>(engine, function)) {
    // The inferred name (`const f = () => ...` is "f"); V8 keeps it apart from `name`.
    const v8::Local<v8::Value> name = function->GetDebugName();
    if (name->IsString()) name_ = toQString(engine.isolate(), name.As<v8::String>());
}

JsEngine* JsFunction::engine() const {
    return ref_ ? ref_->engine() : nullptr;
}

v8::Local<v8::Function> JsFunction::get() const {
    if (!engine()) return {};
    return ref_->get().As<v8::Function>();
}

std::optional<JsError> JsFunction::call(const QVariantList& args) const {
    JsEngine* owner = engine();
    if (!owner) return std::nullopt;
    return owner->runMacrotask([&](v8::Local<v8::Context> context) {
        QVarLengthArray<v8::Local<v8::Value>, 6> argv;
        for (const QVariant& arg : args) argv.append(toJs(owner->qobjects(), arg));
        // The result is unused; a throw is in runMacrotask's TryCatch.
        static_cast<void>(
            get()
                ->Call(context, v8::Undefined(context->GetIsolate()), int(argv.size()), argv.data())
                .IsEmpty());
    });
}

bool JsFunction::operator==(const JsFunction& other) const {
    if (ref_ == other.ref_) return true;
    if (!engine() || !other.engine()) return false;
    return ref_->get()->StrictEquals(other.ref_->get());
}

}  // namespace qpanel::v8engine
