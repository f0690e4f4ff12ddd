#include "v8/jserror.h"

#include <QStringList>

#include "v8/v8string.h"

namespace qpanel::v8engine {
namespace {

SourceLocation frameLocation(v8::Isolate* isolate, v8::Local<v8::StackFrame> frame) {
    SourceLocation where;
    if (const v8::Local<v8::String> name = frame->GetScriptName(); !name.IsEmpty())
        where.file = toQString(isolate, name);
    where.line = frame->GetLineNumber();
    where.column = frame->GetColumn();
    return where;
}

// qpanel's own scripts (resources: pn.js, the host glue) say nothing about
// the user's code: a bad call into pn is the user's line, not pn.js's.
bool isOwnFile(const QString& file) {
    return file.startsWith(QLatin1String(":/qpanel/"));
}

void placeInUserCode(JsError& error) {
    if (isOwnFile(error.location.file))
        for (const SourceLocation& frame : error.frames)
            if (!isOwnFile(frame.file)) {
                error.location = frame;
                break;
            }
    QStringList kept;
    bool userFrame = false;
    for (const QString& line : error.stack.split(QLatin1Char('\n'))) {
        const bool isFrame = line.trimmed().startsWith(QLatin1String("at "));
        if (isFrame && line.contains(QLatin1String(":/qpanel/"))) continue;
        userFrame = userFrame || isFrame;
        kept << line;
    }
    if (userFrame) error.stack = kept.join(QLatin1Char('\n'));
}

}  // namespace

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
        if (const v8::Local<v8::StackTrace> trace = message->GetStackTrace(); !trace.IsEmpty())
            for (int i = 0; i < trace->GetFrameCount(); ++i)
                error.frames << frameLocation(isolate, trace->GetFrame(isolate, i));
    }
    v8::Local<v8::Value> stack;
    if (value->IsObject() &&
        value.As<v8::Object>()
            ->Get(context, toV8(isolate, QStringLiteral("stack")))
            .ToLocal(&stack) &&
        stack->IsString())
        error.stack = toQString(isolate, stack.As<v8::String>());
    placeInUserCode(error);
    return error;
}

SourceLocation currentLocation(v8::Isolate* isolate) {
    v8::HandleScope scope(isolate);
    const v8::Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(isolate, 1);
    if (trace->GetFrameCount() == 0) return {};
    return frameLocation(isolate, trace->GetFrame(isolate, 0));
}

}  // namespace qpanel::v8engine
