#include "v8/jsglobals.h"

#include "v8/jsengine.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

template <ConsoleLevel level>
void consoleCall(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    const v8::Local<v8::Context> context = isolate->GetCurrentContext();
    QString text;
    for (int i = 0; i < info.Length(); ++i) {
        if (i > 0) text += QLatin1Char(' ');
        v8::Local<v8::String> part;
        if (!info[i]->ToString(context).ToLocal(&part)) return;  // its toString threw: propagate
        text += toQString(isolate, part);
    }
    auto* engine = static_cast<JsEngine*>(info.Data().As<v8::External>()->Value());
    emit engine->consoleMessage(level, text);
}

void queueMicrotask(const v8::FunctionCallbackInfo<v8::Value>& info) {
    v8::Isolate* isolate = info.GetIsolate();
    if (info.Length() < 1 || !info[0]->IsFunction())
        return throwTypeError(isolate, "queueMicrotask: the callback must be a function");
    isolate->EnqueueMicrotask(info[0].As<v8::Function>());
}

}  // namespace

void setFunction(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* name,
                 v8::FunctionCallback callback, v8::Local<v8::Value> data) {
    v8::Isolate* isolate = context->GetIsolate();
    const v8::Local<v8::String> key = v8::String::NewFromUtf8(isolate, name).ToLocalChecked();
    v8::Local<v8::Function> function =
        v8::Function::New(context, callback, data, 0, v8::ConstructorBehavior::kThrow)
            .ToLocalChecked();
    function->SetName(key);
    object->Set(context, key, function).Check();
}

void throwTypeError(v8::Isolate* isolate, const char* message) {
    isolate->ThrowException(
        v8::Exception::TypeError(v8::String::NewFromUtf8(isolate, message).ToLocalChecked()));
}

void installConsole(JsEngine& engine, v8::Local<v8::Context> context) {
    v8::Isolate* isolate = context->GetIsolate();
    const v8::Local<v8::Object> console = v8::Object::New(isolate);
    const v8::Local<v8::External> data = v8::External::New(isolate, &engine);
    for (const char* name : {"log", "info", "debug"})
        setFunction(context, console, name, &consoleCall<ConsoleLevel::Log>, data);
    setFunction(context, console, "warn", &consoleCall<ConsoleLevel::Warn>, data);
    setFunction(context, console, "error", &consoleCall<ConsoleLevel::Error>, data);
    context->Global()
        ->Set(context, v8::String::NewFromUtf8Literal(isolate, "console"), console)
        .Check();
}

void installQueueMicrotask(v8::Local<v8::Context> context) {
    setFunction(context, context->Global(), "queueMicrotask", &queueMicrotask);
}

}  // namespace qpanel::v8engine
