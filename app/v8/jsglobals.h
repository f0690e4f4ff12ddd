#pragma once
// The globals every app script sees besides the language's own: console
// and queueMicrotask (timers are JsTimers'). No file system or process
// globals: the sandbox is what is not installed here.

#include <v8.h>

namespace qpanel::v8engine {

class JsEngine;

/// console.log / info / debug (Log), console.warn (Warn), console.error (Error):
/// arguments joined with spaces, to JsEngine::consoleMessage.
void installConsole(JsEngine& engine, v8::Local<v8::Context> context);
/// queueMicrotask(fn): V8's own microtask queue.
void installQueueMicrotask(v8::Local<v8::Context> context);

/// Sets `object[name]` to a native function with `data` as its data.
void setFunction(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* name,
                 v8::FunctionCallback callback, v8::Local<v8::Value> data = {});
/// Throws a TypeError with `message` in the calling script.
void throwTypeError(v8::Isolate* isolate, const char* message);

}  // namespace qpanel::v8engine
