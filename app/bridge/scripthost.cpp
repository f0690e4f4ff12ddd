#include "bridge/scripthost.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include "bridge/compilerlints.h"
#include "core/runtime.h"

namespace qpanel {
namespace {

QString stripFileScheme(QString fileName) {
    // V4 names an absolute script path "file:///app/x.js", a relative one "file:x.js".
    if (fileName.startsWith(QLatin1String("file://"))) return QUrl(fileName).toLocalFile();
    if (fileName.startsWith(QLatin1String("file:"))) fileName.remove(0, 5);
    return fileName;
}

}  // namespace

ScriptHost::ScriptHost(QJSEngine* engine, QObject* parent) : QObject(parent), m_engine(engine) {
    silenceCompilerLints();
    evaluateResource(QStringLiteral(":/qpanel/bridge/polyfills.js"));
    const QJSValue install = evaluateResource(QStringLiteral(":/qpanel/bridge/host.js"));
    // Both objects are members/this: C++ owns them, never the JS collector.
    QJSEngine::setObjectOwnership(&m_timers, QJSEngine::CppOwnership);
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    const QJSValue result =
        install.call({m_engine->newQObject(&m_timers), m_engine->newQObject(this)});
    if (result.isError()) qFatal("host.js: %s", qPrintable(result.toString()));
    m_hostObject = m_engine->globalObject().property(QStringLiteral("__qpanel"));
    m_watchdog.setOnRecovered([this] {
        const auto task = quint64(m_hostObject.property(QStringLiteral("resetAfterInterrupt")).call().toNumber());
        // The interrupted task's async function will never settle: end it,
        // later (its cancellation runs script code of its own).
        if (task)
            QMetaObject::invokeMethod(this, [task] {
                if (Runtime* runtime = Runtime::ifExists()) runtime->tasks().cancel(task);
            }, Qt::QueuedConnection);
    });
    m_timers.setCaller([this](const QJSValue& fn, const QString& origin) { return call(fn, {}, origin); });
    connect(&m_timers, &ScriptTimers::callbackFailed, this,
            [this](const QJSValue& error) { reportThrown(error, true); });
}

ScriptHost::~ScriptHost() {
    m_timers.clearAll();
}

QJSValue ScriptHost::evaluateResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("missing resource %s", qPrintable(path));
    const QJSValue result = m_engine->evaluate(QString::fromUtf8(file.readAll()), path);
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
    m_sourceMaps.insert(script.fileName, script.sourceMap);
    m_lastScript = script.fileName;
    QJSValue result;
    {
        ScriptWatchdog::Entry entry(m_watchdog);
        result = m_engine->evaluate(script.code, script.fileName);
        if (entry.leave()) result = runawayError(QStringLiteral("the top level of the script"));
    }
    if (result.isError()) {
        reportThrown(result, false);
        return false;
    }
    if (script.topLevelAwait) {
        // The script's async body: a rejection is an uncaught top-level error.
        const QJSValue onRejected =
            m_engine->evaluate(QStringLiteral("(function (e) { __qpanel.reportError(e, false); })"));
        result.property(QStringLiteral("then")).callWithInstance(result, {QJSValue(), onRejected});
    }
    drainMicrotasks();
    return true;
}

void ScriptHost::drainMicrotasks() {
    invoke(m_hostObject.property(QStringLiteral("drainMicrotasks")), {}, QStringLiteral("a promise callback"));
}

QJSValue ScriptHost::call(const QJSValue& fn, const QJSValueList& args, const QString& origin) {
    ScriptWatchdog::Entry entry(m_watchdog);
    QJSValue result = fn.call(args);
    if (entry.leave()) result = runawayError(origin);
    return result;
}

void ScriptHost::invoke(const QJSValue& fn, const QJSValueList& args, const QString& origin) {
    const QJSValue result = call(fn, args, origin);
    if (result.isError()) reportThrown(result, true);
}

QJSValue ScriptHost::runawayError(const QString& origin) const {
    QJSValue error = m_engine->newErrorObject(
        QJSValue::GenericError, QStringLiteral("script ran longer than %1 ms and was interrupted in %2")
                                    .arg(m_watchdog.limit().count())
                                    .arg(origin));
    error.setProperty(QStringLiteral("fileName"), m_lastScript);
    return error;
}

bool ScriptHost::hasExceptionHandler() const {
    return m_hostObject.property(QStringLiteral("exceptionHandler")).isCallable();
}

void ScriptHost::reportCallbackError(const ScriptError& error, const QString& stack, const QJSValue& thrown) {
    const QJSValue handler = m_hostObject.property(QStringLiteral("exceptionHandler"));
    if (!handler.isCallable() || m_handlingError) {
        emit errorReported(error, stack);
        return;
    }
    m_handlingError = true;
    const QJSValue outcome = call(m_hostObject.property(QStringLiteral("callExceptionHandler")),
                                  {handler, thrown}, QStringLiteral("pn.config.exception_handler"));
    m_handlingError = false;
    if (!outcome.isError()) return;
    QString failureStack;
    ScriptError failure = describe(outcome, &failureStack);
    failure.message.prepend(QStringLiteral("pn.config.exception_handler failed: "));
    emit errorReported(failure, failureStack);
    emit errorReported(error, stack);
}

ScriptError ScriptHost::describe(const QJSValue& error, QString* stack) const {
    if (stack) *stack = error.property(QStringLiteral("stack")).toString();
    if (!error.isError() && !error.property(QStringLiteral("message")).isString())
        return ScriptError{QStringLiteral("Uncaught ") + error.toString(), QString(), 0, 0};
    const QString message = error.property(QStringLiteral("name")).toString() + QStringLiteral(": ") +
                            error.property(QStringLiteral("message")).toString();
    return locate(message, error.property(QStringLiteral("fileName")).toString(),
                  error.property(QStringLiteral("lineNumber")).toInt(),
                  error.property(QStringLiteral("stack")).toString());
}

bool ScriptHost::isIdle() const {
    return m_timers.activeCount() == 0 &&
           !m_hostObject.property(QStringLiteral("hasPendingMicrotasks")).call().toBool();
}

void ScriptHost::log(const QString& level, const QString& text) {
    emit messageLogged(level, text);
}

void ScriptHost::error(const QString& message, const QString& fileName, int line,
                       const QString& stack, const QJSValue& thrown, bool toHandler) {
    const ScriptError located = locate(message, fileName, line, stack);
    if (toHandler)
        reportCallbackError(located, stack, thrown);
    else
        emit errorReported(located, stack);
}

void ScriptHost::reportThrown(const QJSValue& error, bool toHandler) {
    m_hostObject.property(QStringLiteral("reportError")).call({error, toHandler});
}

ScriptError ScriptHost::locate(QString message, QString fileName, int line, const QString& stack) const {
    // An error thrown inside qpanel's own JS (pn.js checking arguments) is
    // the user's error at the first frame of theirs on the stack.
    if (fileName.startsWith(QLatin1String("qrc:"))) {
        static const QRegularExpression frame(QStringLiteral("@(.+):(\\d+)$"));
        for (const QString& entry : stack.split(QLatin1Char('\n'))) {
            const auto match = frame.match(entry.trimmed());
            if (match.hasMatch() && !match.captured(1).startsWith(QLatin1String("qrc:"))) {
                fileName = match.captured(1);
                line = match.captured(2).toInt();
                break;
            }
        }
    }
    const QString file = stripFileScheme(fileName);
    ScriptError e{std::move(message), file, line, 0};
    const auto map = m_sourceMaps.constFind(file);
    if (line > 0 && map != m_sourceMaps.constEnd() && !map->isEmpty())
        e.line = map->originalPosition(line, 1).line;
    return e;
}

}  // namespace qpanel
