#include "bridge/scripthost.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include "bridge/compilerlints.h"

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
    connect(&m_timers, &ScriptTimers::callbackFailed, this, &ScriptHost::reportThrown);
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
    const QJSValue result = m_engine->evaluate(script.code, script.fileName);
    if (result.isError()) {
        reportThrown(result);
        return false;
    }
    if (script.topLevelAwait) {
        // The script's async body: a rejection is an uncaught top-level error.
        const QJSValue onRejected =
            m_engine->evaluate(QStringLiteral("(function (e) { __qpanel.reportError(e); })"));
        result.property(QStringLiteral("then")).callWithInstance(result, {QJSValue(), onRejected});
    }
    m_hostObject.property(QStringLiteral("drainMicrotasks")).call();
    return true;
}

void ScriptHost::drainMicrotasks() {
    m_hostObject.property(QStringLiteral("drainMicrotasks")).call();
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
                       const QString& stack) {
    emit errorReported(locate(message, fileName, line, stack), stack);
}

void ScriptHost::reportThrown(const QJSValue& error) {
    m_hostObject.property(QStringLiteral("reportError")).call({error});
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
