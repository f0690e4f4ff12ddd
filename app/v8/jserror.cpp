#include "v8/jserror.h"

#include "v8/v8string.h"

namespace qpanel::v8engine {

JsError JsError::fromTryCatch(v8::Isolate* isolate, v8::Local<v8::Context> context,
                              const v8::TryCatch& tryCatch) {
    return fromValue(isolate, context, tryCatch.Exception(), tryCatch.Message());
}

JsError JsError::fromValue(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> value, v8::Local<v8::Message> message) {
    v8::TryCatch nested(isolate);  // a throwing toString() must not leak out
    JsError error;
    error.message = toQString(isolate, context, value);
    if (!message.IsEmpty()) {
        error.location.file = toQString(isolate, context, message->GetScriptResourceName());
        error.location.line = message->GetLineNumber(context).FromMaybe(0);
        // The message's columns are 0-based, SourceLocation's 1-based.
        error.location.column = message->GetStartColumn(context).FromMaybe(-1) + 1;
    }
    v8::Local<v8::Value> stack;
    if (value->IsObject() &&
        value.As<v8::Object>()
            ->Get(context, toV8(isolate, QStringLiteral("stack")))
            .ToLocal(&stack) &&
        stack->IsString())
        error.stack = toQString(isolate, stack.As<v8::String>());
    return error;
}

SourceLocation currentLocation(v8::Isolate* isolate) {
    v8::HandleScope scope(isolate);
    const v8::Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(isolate, 1);
    if (trace->GetFrameCount() == 0) return {};
    const v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, 0);
    SourceLocation where;
    if (const v8::Local<v8::String> name = frame->GetScriptName(); !name.IsEmpty())
        where.file = toQString(isolate, name);
    where.line = frame->GetLineNumber();
    where.column = frame->GetColumn();
    return where;
}

}  // namespace qpanel::v8engine
