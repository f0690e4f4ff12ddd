#include "bridge/scripthost.h"

#include <QFile>
#include <QUrl>
#include <vector>

#include "bridge/compilerlints.h"
#include "bridge/stacktrace.h"
#include "core/runtime.h"

namespace qpanel {
namespace {

QString stripFileScheme(QString fileName) {
    // V4 names an absolute script path "file:///app/x.js", a relative one "file:x.js".
    if (fileName.startsWith(QLatin1String("file://"))) return QUrl(fileName).toLocalFile();
    if (fileName.startsWith(QLatin1String("file:"))) fileName.remove(0, 5);
    return fileName;
}

/// The first frame in the user's file of a trace from QJSEngine::evaluate
/// ("function:line:column:source"), which V4 records even for a thrown
/// non-Error value (whose own stack does not exist).
bool userFrameOf(const QStringList& trace, const QString& fileName, int& line) {
    for (const QString& entry : trace) {
        const QString source = entry.section(QLatin1Char(':'), 3);
        if (fileName.isEmpty() || !source.endsWith(fileName)) continue;
        line = entry.section(QLatin1Char(':'), 1, 1).toInt();
        return line > 0;
    }
    return false;
}

}  // namespace

ScriptHost::ScriptHost(QJSEngine* engine, QObject* parent) : QObject(parent), engine_(engine) {
    silenceCompilerLints();
    evaluateResource(QStringLiteral(":/qpanel/bridge/polyfills.js"));
    const QJSValue install = evaluateResource(QStringLiteral(":/qpanel/bridge/host.js"));
    // Both objects are members/this: C++ owns them, never the JS collector.
    QJSEngine::setObjectOwnership(&timers_, QJSEngine::CppOwnership);
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    const QJSValue result =
        install.call({engine_->newQObject(&timers_), engine_->newQObject(this)});
    if (result.isError()) qFatal("host.js: %s", qPrintable(result.toString()));
    hostObject_ = engine_->globalObject().property(QStringLiteral("__qpanel"));
    watchdog_.setOnRecovered([this] {
        const QJSValue cut = hostObject_.property(QStringLiteral("resetAfterInterrupt")).call();
        std::vector<quint64> tasks;
        for (int i = 0, n = cut.property(QStringLiteral("length")).toInt(); i < n; ++i)
            tasks.push_back(quint64(cut.property(quint32(i)).toNumber()));
        if (tasks.empty()) return;
        // Their async functions will never settle: end each as failed with
        // the interrupt's error (reported once, by the call that was cut),
        // later: their unwinding runs script code of its own.
        QMetaObject::invokeMethod(
            this,
            [this, tasks] {
                Runtime* runtime = Runtime::ifExists();
                if (!runtime) return;
                for (const quint64 task : tasks) runtime->tasks().fail(task, lastRunaway_);
            },
            Qt::QueuedConnection);
    });
    timers_.setCaller(
        [this](const QJSValue& fn, const QString& origin) { return call(fn, {}, origin); });
    connect(&timers_, &ScriptTimers::callbackFailed, this,
            [this](const QJSValue& error) { reportThrown(error, true); });
}

ScriptHost::~ScriptHost() {
    timers_.clearAll();
}

QJSValue ScriptHost::evaluateResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("missing resource %s", qPrintable(path));
    const QJSValue result = engine_->evaluate(QString::fromUtf8(file.readAll()), path);
    // Our own files: a failure here is a bug in qpanel, not in a script.
    if (result.isError())
        qFatal("%s:%d: %s", qPrintable(path), result.property(QStringLiteral("lineNumber")).toInt(),
               qPrintable(result.toString()));
    return result;
}

bool ScriptHost::run(const TranspileResult& script) {
    if (!script.ok()) {
        emit errorReported(*script.error, QString());
        return false;
    }
    sourceMaps_.insert(script.fileName, script.sourceMap);
    lastScript_ = script.fileName;
    QJSValue result;
    QStringList trace;  // filled only when the script throws
    {
        ScriptWatchdog::Entry entry(watchdog_);
        result = engine_->evaluate(script.code, script.fileName, 1, &trace);
        if (entry.leave()) result = runawayError(QStringLiteral("the top level of the script"));
    }
    if (!trace.isEmpty() && !result.isError()) result = nonErrorThrown(result, trace);
    if (result.isError()) {
        reportThrown(result, false);
        return false;
    }
    if (script.topLevelAwait) {
        // The script's async body: a rejection is an uncaught top-level error.
        const QJSValue onRejected =
            engine_->evaluate(QStringLiteral("(function (e) { __qpanel.reportError(e, false); })"));
        result.property(QStringLiteral("then")).callWithInstance(result, {QJSValue(), onRejected});
    }
    drainMicrotasks();
    return true;
}

void ScriptHost::drainMicrotasks() {
    invoke(hostObject_.property(QStringLiteral("drainMicrotasks")), {},
           QStringLiteral("a promise callback"));
}

QJSValue ScriptHost::call(const QJSValue& fn, const QJSValueList& args, const QString& origin) {
    ScriptWatchdog::Entry entry(watchdog_);
    QJSValue result = fn.call(args);
    if (entry.leave()) result = runawayError(origin);
    return result;
}

void ScriptHost::invoke(const QJSValue& fn, const QJSValueList& args, const QString& origin) {
    const QJSValue result = call(fn, args, origin);
    if (result.isError()) reportThrown(result, true);
}

QJSValue ScriptHost::nonErrorThrown(const QJSValue& value, const QStringList& trace) const {
    const QString shown = hostObject_.property(QStringLiteral("inspect")).call({value}).toString();
    int line = 0;
    const bool placed = userFrameOf(trace, lastScript_, line);
    QJSValue error = engine_->newErrorObject(
        QJSValue::GenericError,
        QStringLiteral("uncaught value %1 thrown (not an Error, so it has no stack%2)")
            .arg(shown, placed ? QString() : QStringLiteral(" and no line")));
    error.setProperty(QStringLiteral("fileName"), lastScript_);
    error.setProperty(QStringLiteral("lineNumber"), line);
    return error;
}

QJSValue ScriptHost::runawayError(const QString& origin) const {
    lastRunaway_ = QStringLiteral("script ran longer than %1 ms and was interrupted in %2")
                       .arg(watchdog_.limit().count())
                       .arg(origin);
    QJSValue error = engine_->newErrorObject(QJSValue::GenericError, lastRunaway_);
    error.setProperty(QStringLiteral("fileName"), lastScript_);
    return error;
}

bool ScriptHost::hasExceptionHandler() const {
    return hostObject_.property(QStringLiteral("exceptionHandler")).isCallable();
}

void ScriptHost::reportCallbackError(const ScriptError& error, const QString& stack,
                                     const QJSValue& thrown) {
    const QJSValue handler = hostObject_.property(QStringLiteral("exceptionHandler"));
    if (!handler.isCallable() || handlingError_) {
        emit errorReported(error, stack);
        return;
    }
    handlingError_ = true;
    const QJSValue outcome = call(hostObject_.property(QStringLiteral("callExceptionHandler")),
                                  {handler, thrown}, QStringLiteral("pn.config.exception_handler"));
    handlingError_ = false;
    if (!outcome.isError()) return;
    QString failureStack;
    ScriptError failure = describe(outcome, &failureStack);
    failure.message.prepend(QStringLiteral("pn.config.exception_handler failed: "));
    emit errorReported(failure, failureStack);
    emit errorReported(error, stack);
}

ScriptError ScriptHost::describe(const QJSValue& error, QString* stack) const {
    if (stack) *stack = stackForUsers(error.property(QStringLiteral("stack")).toString());
    if (!error.isError() && !error.property(QStringLiteral("message")).isString()) {
        const QString shown =
            hostObject_.property(QStringLiteral("inspect")).call({error}).toString();
        return locate(
            QStringLiteral("uncaught value %1 thrown (not an Error, so it has no stack or line)")
                .arg(shown),
            QString(), 0);
    }
    const QString message = error.property(QStringLiteral("name")).toString() +
                            QStringLiteral(": ") +
                            error.property(QStringLiteral("message")).toString();
    const QJSValue fileName = error.property(QStringLiteral("fileName"));  // none on native errors
    return locate(message, fileName.isString() ? fileName.toString() : QString(),
                  error.property(QStringLiteral("lineNumber")).toInt(),
                  error.property(QStringLiteral("stack")).toString());
}

bool ScriptHost::isIdle() const {
    return timers_.activeCount() == 0 &&
           !hostObject_.property(QStringLiteral("hasPendingMicrotasks")).call().toBool();
}

void ScriptHost::log(const QString& level, const QString& text) {
    emit messageLogged(level, text);
}

void ScriptHost::error(const QString& message, const QString& fileName, int line,
                       const QString& stack, const QJSValue& thrown, bool toHandler) {
    const ScriptError located = locate(message, fileName, line, stack);
    const QString shortStack = stackForUsers(stack);
    if (toHandler)
        reportCallbackError(located, shortStack, thrown);
    else
        emit errorReported(located, shortStack);
}

void ScriptHost::reportThrown(const QJSValue& error, bool toHandler) {
    hostObject_.property(QStringLiteral("reportError")).call({error, toHandler});
}

ScriptError ScriptHost::locate(QString message, QString fileName, int line,
                               const QString& stack) const {
    // An error thrown inside qpanel's own JS (pn.js checking arguments) is
    // the user's error at the first frame of theirs on the stack.
    if (fileName.startsWith(QLatin1String("qrc:"))) {
        for (const QString& entry : stack.split(QLatin1Char('\n'))) {
            StackFrame frame;
            if (parseStackFrame(entry, frame) &&
                !frame.fileName.startsWith(QLatin1String("qrc:"))) {
                fileName = frame.fileName;
                line = frame.line;
                break;
            }
        }
    }
    // A non-Error value (a rejection with a string, say) has no position:
    // it is still the app script's, the one run last.
    if (fileName.isEmpty()) fileName = lastScript_;
    StackFrame recursing;
    if (message.startsWith(QLatin1String("RangeError")) && recursingFrame(stack, recursing)) {
        fileName = recursing.fileName;
        line = recursing.line;
    }
    const QString file = stripFileScheme(fileName);
    ScriptError e{std::move(message), {.file = file, .line = line}};
    const auto map = sourceMaps_.constFind(file);
    if (line > 0 && map != sourceMaps_.constEnd() && !map->isEmpty())
        e.location.line = map->originalPosition(line, 1).line;
    return e;
}

}  // namespace qpanel
