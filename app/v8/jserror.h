#pragma once
// What went wrong in JavaScript on V8, as a value: the kind (so callers
// dispatch on a type), the text people read, where (core's SourceLocation,
// as ScriptError carries it) and V8's stack when there is one.

#include <v8.h>

#include <QList>
#include <QString>
#include <memory>

#include "core/sourcelocation.h"

namespace qpanel::v8engine {

class JsValueRef;

struct JsError {
    enum class Kind {
        Exception,           ///< thrown and not caught (or a syntax error)
        UnhandledRejection,  ///< a promise rejected with no handler by the end of its task
        TimeLimit,           ///< stopped by the watchdog
        HeapLimit,           ///< stopped at the isolate's heap cap
    };
    Kind kind = Kind::Exception;
    QString message;
    SourceLocation location;
    QString stack;
    /// Where the stack was when the error was made, innermost first, when
    /// V8 captured it (file, line, column of each JavaScript frame).
    QList<SourceLocation> frames;
    /// For a stop (TimeLimit, HeapLimit): the context's continuation-preserved
    /// data at that moment when it was a number — the JsTaskRunner task
    /// whose code was stopped (0: none).
    quint64 stoppedTask = 0;
    /// What was thrown or rejected with, where the engine kept it (a
    /// throw, an unhandled rejection, a task's failure): what
    /// pn.config.exception_handler receives, with its own fields.
    std::shared_ptr<JsValueRef> thrown;
    /// For a stop: what the stopped macrotask was (runMacrotask's `what`; empty: unnamed).
    QString stoppedIn;

    /// "file:line:column: message" ("<script>" when the file is unknown).
    QString toString() const { return location.describe(message); }

    /// The exception `tryCatch` caught: String(exception), where V8's
    /// message places it, the stack if the value is an Error. Placed in the
    /// user's code: qpanel's own script frames (:/qpanel/ resources) are
    /// skipped, in the location and the stack, unless nothing else is left.
    static JsError fromTryCatch(v8::Isolate* isolate, v8::Local<v8::Context> context,
                                const v8::TryCatch& tryCatch);
    /// A thrown or rejected `value`, placed by `message` (V8's, for the value).
    static JsError fromValue(v8::Isolate* isolate, v8::Local<v8::Context> context,
                             v8::Local<v8::Value> value, v8::Local<v8::Message> message);
};

/// The innermost JavaScript frame running now (empty when none).
SourceLocation currentLocation(v8::Isolate* isolate);

}  // namespace qpanel::v8engine
