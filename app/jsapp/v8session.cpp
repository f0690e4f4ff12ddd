#include "jsapp/v8session.h"

#include <QFile>
#include <QFileInfo>

#include "core/document.h"
#include "core/runtime.h"
#include "jsapp/v8pn.h"
#include "v8/jsengine.h"
#include "v8/jsmodules.h"
#include "v8/jstaskrunner.h"
#include "v8/jstimers.h"
#include "v8/jsvalueref.h"
#include "v8/qobjectwrap.h"
#include "v8/v8string.h"

namespace qpanel {

using v8engine::ConsoleLevel;
using v8engine::JsEngine;
using v8engine::JsError;
using v8engine::JsTaskRunner;
using v8engine::JsValueRef;

namespace {

ScriptError scriptError(const JsError& error) {
    return ScriptError{error.message, error.location};
}

/// A classic script's compile error that means the file is an ES module.
bool needsModule(const JsError& error) {
    static const QLatin1String markers[] = {
        QLatin1String("Cannot use import statement outside a module"),
        QLatin1String("Unexpected token 'export'"),
        QLatin1String("await is only valid in async functions and the top level bodies of modules"),
        QLatin1String("Cannot use 'import.meta' outside a module"),
    };
    if (error.kind != JsError::Kind::Exception ||
        !error.message.startsWith(QLatin1String("SyntaxError")))
        return false;
    for (const QLatin1String& marker : markers)
        if (error.message.contains(marker)) return true;
    return false;
}

/// What the script threw, when the exception being handled is a task's JS error.
std::shared_ptr<JsValueRef> thrownValue() {
    const std::exception_ptr current = std::current_exception();
    if (!current) return {};
    try {
        std::rethrow_exception(current);
    } catch (const v8engine::JsException& e) {
        return e.thrown();
    } catch (const std::exception&) {
        return {};  // a C++ error: the report describes it
    }
}

/// An Error standing for `error` (a C++ one): its message as e.message,
/// where it happened as fileName and lineNumber.
v8::Local<v8::Value> errorObject(v8::Local<v8::Context> context, const ScriptError& error) {
    v8::Isolate* isolate = context->GetIsolate();
    QString message = error.message;
    const qsizetype colon = message.indexOf(QLatin1String(": "));
    if (colon > 0 && !message.left(colon).contains(QLatin1Char(' ')))
        message = message.mid(colon + 2);  // "Error: bad" -> "bad", as e.message
    const v8::Local<v8::Value> e = v8::Exception::Error(v8engine::toV8(isolate, message));
    const auto object = e.As<v8::Object>();
    object
        ->Set(context, v8engine::toV8(isolate, QStringLiteral("fileName")),
              v8engine::toV8(isolate, error.location.file))
        .Check();
    object
        ->Set(context, v8engine::toV8(isolate, QStringLiteral("lineNumber")),
              v8::Integer::New(isolate, error.location.line))
        .Check();
    return e;
}

QString resourceText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("missing resource %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

/// Compiles and runs a resource whose completion value is a function.
v8::Local<v8::Function> installer(v8::Local<v8::Context> context, const QString& path) {
    v8::Isolate* isolate = context->GetIsolate();
    v8::ScriptOrigin origin(isolate, v8engine::toV8(isolate, path));
    const v8::Local<v8::Value> made =
        v8::Script::Compile(context, v8engine::toV8(isolate, resourceText(path)), &origin)
            .ToLocalChecked()
            ->Run(context)
            .ToLocalChecked();
    return made.As<v8::Function>();
}

JsTaskRunner* runnerOf(const v8::FunctionCallbackInfo<v8::Value>& info) {
    return static_cast<JsTaskRunner*>(info.Data().As<v8::External>()->Value());
}

}  // namespace

V8Session::V8Session(QObject* parent)
    : AppSession(parent),
      engine_(std::make_unique<JsEngine>()),
      document_(std::make_unique<Document>()),
      tasks_(std::make_unique<JsTaskRunner>(*engine_, document_.get())),
      native_(std::make_unique<V8Pn>(*engine_, *tasks_, document_.get())) {
    native_->setWarning([this](const QString& text) { emit messageLogged("warn", text); });
    connect(engine_.get(), &JsEngine::consoleMessage, this,
            [this](ConsoleLevel level, const QString& text) {
                emit messageLogged(level == ConsoleLevel::Error  ? QStringLiteral("error")
                                   : level == ConsoleLevel::Warn ? QStringLiteral("warn")
                                                                 : QStringLiteral("log"),
                                   text);
            });
    // The engine's own errors (timer callbacks, unhandled rejections) reach no stderr by
    // themselves.
    connect(engine_.get(), &JsEngine::errorReported, this, [this](const JsError& error) {
        reportCallbackError(scriptError(error), error.stack, ErrorEcho::NotPrinted, error.thrown);
    });
    // Errors of this app's tasks go to pn.config.exception_handler while the
    // script has one; else the runtime's report, which comes back here.
    connect(native_.get(), &V8Pn::exceptionHandlerChanged, this, [this](bool set) {
        hasExceptionHandler_ = set;
        Runtime::ExceptionHandler handler;
        if (set)
            handler = [this](const ErrorReport& report) {
                reportCallbackError({report.message, report.location}, report.stack,
                                    ErrorEcho::NotPrinted, thrownValue());
            };
        Runtime::instance().setExceptionHandler(document_.get(), std::move(handler));
    });
    connect(&Runtime::instance(), &Runtime::errorReported, this, [this](const ErrorReport& report) {
        if (report.owner != document_.get()) return;
        emit errorReported({report.message, report.location}, report.stack,
                           ErrorEcho::PrintedByRuntime);
    });
    installPn();
}

V8Session::~V8Session() {
    // Errors while closing get the default report: the script is going away.
    if (Runtime* runtime = Runtime::ifExists()) runtime->setExceptionHandler(document_.get(), {});
    // Close the app while the engine exists: cancelled tasks unwind through
    // their JS finally blocks, then components and views go.
    document_.reset();
    native_.reset();
    tasks_.reset();
    modules_.reset();
    engine_.reset();
}

void V8Session::installPn() {
    const std::optional<JsError> error = engine_->runMacrotask([&](v8::Local<v8::Context> context) {
        v8::Isolate* isolate = context->GetIsolate();
        const v8::Local<v8::External> runner = v8::External::New(isolate, tasks_.get());
        const auto sleep = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
            const v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
            const double ms = info[0]->IsNumber() ? info[0].As<v8::Number>()->Value() : 0;
            info.GetReturnValue().Set(
                runnerOf(info)->sleep(context, std::chrono::milliseconds(qint64(ms))));
        };
        const auto onCancel = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
            if (info[0]->IsFunction())
                runnerOf(info)->onCancel(info.GetIsolate()->GetCurrentContext(),
                                         info[0].As<v8::Function>());
        };
        const v8::Local<v8::Value> nativeObject = engine_->qobjects().wrap(native_.get());
        v8::Local<v8::Value> hostArgs[] = {
            v8::Function::New(context, sleep, runner).ToLocalChecked(),
            v8::Function::New(context, onCancel, runner).ToLocalChecked(),
            tasks_->cancelledErrorClass(), nativeObject};
        const v8::Local<v8::Value> host =
            installer(context, QStringLiteral(":/qpanel/jsapp/v8host.js"))
                ->Call(context, v8::Undefined(isolate), 4, hostArgs)
                .ToLocalChecked();
        context->Global()
            ->DefineOwnProperty(context, v8engine::toV8(isolate, QStringLiteral("__qpanel")), host,
                                v8::DontEnum)
            .Check();
        v8::Local<v8::Value> pnArgs[] = {nativeObject, host};
        static_cast<void>(installer(context, QStringLiteral(":/qpanel/jsapp/pn.js"))
                              ->Call(context, v8::Undefined(isolate), 2, pnArgs)
                              .ToLocalChecked());
    });
    if (error) qFatal("pn.js on V8: %s", qPrintable(error->toString()));
}

bool V8Session::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit errorReported(
            ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                        {.file = path}},
            QString(), ErrorEcho::NotPrinted);
        return false;
    }
    native_->setScriptFolder(QFileInfo(path).absolutePath());
    return run(QString::fromUtf8(file.readAll()), QFileInfo(path).absoluteFilePath());
}

bool V8Session::run(const QString& source, const QString& fileName) {
    std::optional<JsError> error;
    // Top-level code builds the app: it belongs to this document and holds
    // its lock, as a sync callback would.
    Document::Scope scope(document_.get());
    document_->runLocked(
        [&] {
            error = engine_->runScript(source, fileName);
            // Module syntax (import, export, top-level await) runs the file as
            // an ES module, as node's detection does; nothing ran before.
            if (!error || !needsModule(*error)) return;
            std::optional<JsError> asModule = modules(fileName).run(fileName, source);
            // An await in a plain function fails both ways; the script's
            // message says more than the module's "Unexpected reserved word".
            const bool bothSyntax =
                asModule && asModule->message.startsWith(QLatin1String("SyntaxError"));
            if (!(bothSyntax && error->message.contains(QLatin1String("await is only valid"))))
                error = std::move(asModule);
        },
        QStringLiteral("app script"));
    if (!error) return true;
    emit errorReported(scriptError(*error), error->stack, ErrorEcho::NotPrinted);
    return false;
}

v8engine::JsModules& V8Session::modules(const QString& fileName) {
    // The first script's folder is the sandbox for the session's imports.
    if (!modules_)
        modules_ =
            std::make_unique<v8engine::JsModules>(*engine_, QFileInfo(fileName).absolutePath());
    return *modules_;
}

void V8Session::reportCallbackError(const ScriptError& error, const QString& stack, ErrorEcho echo,
                                    const std::shared_ptr<JsValueRef>& thrown) {
    if (hasExceptionHandler_ && !handlingError_ && callExceptionHandler(error, thrown)) return;
    emit errorReported(error, stack, echo);
}

bool V8Session::callExceptionHandler(const ScriptError& error,
                                     const std::shared_ptr<JsValueRef>& thrown) {
    handlingError_ = true;
    bool called = false;
    const std::optional<JsError> failure =
        engine_->runMacrotask([&](v8::Local<v8::Context> context) {
            v8::Isolate* isolate = context->GetIsolate();
            const auto name = [&](const char* text) {
                return v8engine::toV8(isolate, QString::fromLatin1(text));
            };
            v8::Local<v8::Value> host, handler;
            if (!context->Global()->Get(context, name("__qpanel")).ToLocal(&host) ||
                !host->IsObject() ||
                !host.As<v8::Object>()->Get(context, name("exceptionHandler")).ToLocal(&handler) ||
                !handler->IsFunction())
                return;
            called = true;
            // The handler gets what was thrown, as Panel's gets the exception;
            // else (a C++ error) an Error with the message and where it happened.
            v8::Local<v8::Value> e = thrown ? thrown->get() : v8::Local<v8::Value>();
            if (e.IsEmpty()) e = errorObject(context, error);
            v8::Local<v8::Value> result;
            if (!handler.As<v8::Function>()
                     ->Call(context, v8::Undefined(isolate), 1, &e)
                     .ToLocal(&result) ||
                !result->IsPromise())
                return;
            // An async handler's rejection is reported by default, as a throw is.
            const auto reportRejection = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
                auto* self = static_cast<V8Session*>(info.Data().As<v8::External>()->Value());
                v8::Isolate* isolate = info.GetIsolate();
                self->reportHandlerFailure(
                    JsError::fromValue(isolate, isolate->GetCurrentContext(), info[0],
                                       v8::Exception::CreateMessage(isolate, info[0])));
            };
            static_cast<void>(
                result.As<v8::Promise>()
                    ->Catch(context, v8::Function::New(context, reportRejection,
                                                       v8::External::New(isolate, this))
                                         .ToLocalChecked())
                    .IsEmpty());
        });
    handlingError_ = false;
    if (failure) {
        reportHandlerFailure(*failure);
        emit errorReported(error, QString(), ErrorEcho::NotPrinted);  // the original, by default
    }
    return called;
}

void V8Session::reportHandlerFailure(const JsError& failure) {
    ScriptError failed = scriptError(failure);
    failed.message = QStringLiteral("pn.config.exception_handler failed: %1").arg(failed.message);
    emit errorReported(failed, failure.stack, ErrorEcho::NotPrinted);
}

void V8Session::setScriptTimeLimit(std::chrono::milliseconds limit) {
    engine_->setTimeLimit(limit);
}

std::chrono::milliseconds V8Session::scriptTimeLimit() const {
    return engine_->timeLimit();
}

void V8Session::interruptRunaway() {
    engine_->interruptRunaway();
}

void V8Session::setEnvironmentAccess(EnvironmentAccess access) {
    native_->setEnvironmentAccess(std::move(access));
}

bool V8Session::hostIsIdle() const {
    return engine_->timers().activeCount() == 0;
}

QStringList V8Session::hostActivity() const {
    if (const std::size_t n = engine_->timers().activeCount())
        return {QStringLiteral("%1 timer(s) or sleep(s) pending").arg(n)};
    return {};
}

}  // namespace qpanel
