#include "bridge/scriptsession.h"

#include <QFile>
#include <QFileInfo>

namespace qpanel {

namespace {

ScriptError scriptErrorFrom(const ErrorReport& report) {
    return ScriptError{report.message, report.location};
}

/// What the script threw, when the exception being handled is a script's.
QJSValue thrownValue() {
    const std::exception_ptr current = std::current_exception();
    if (!current) return QJSValue();
    try {
        std::rethrow_exception(current);
    } catch (const ScriptException& e) {
        return e.thrown();
    } catch (const std::exception&) {
        return QJSValue();  // a C++ error: the report describes it
    }
}

}  // namespace

void ScriptSession::reportTaskError(const ErrorReport& report) {
    const ScriptError error = scriptErrorFrom(report);
    QJSValue thrown = thrownValue();
    if (thrown.isUndefined()) {
        thrown = engine_.newErrorObject(QJSValue::GenericError, report.message);
        thrown.setProperty(QStringLiteral("fileName"), error.location.file);
        thrown.setProperty(QStringLiteral("lineNumber"), error.location.line);
    }
    host_.reportCallbackError(error, report.stack, thrown);
}

ScriptSession::ScriptSession(Transpiler* transpiler, QObject* parent)
    : AppSession(parent), transpiler_(transpiler) {
    tasks_ = std::make_unique<JsTasks>(&host_, document_.get());
    native_ = std::make_unique<PnNative>(&engine_, tasks_.get(), document_.get());
    connect(&host_, &ScriptHost::messageLogged, this, &ScriptSession::messageLogged);
    // The host's own errors (top level, timers) reach no stderr by themselves.
    connect(&host_, &ScriptHost::errorReported, this,
            [this](const ScriptError& error, const QString& stack) {
                emit errorReported(error, stack, ErrorEcho::NotPrinted);
            });
    // Errors of this app's tasks (reported while the task is still listed)
    // go to pn.config.exception_handler while the script has one; else the
    // runtime's report, which comes back here as errorReported.
    connect(native_.get(), &PnNative::exceptionHandlerChanged, this, [this](bool set) {
        Runtime::ExceptionHandler handler;
        if (set) handler = [this](const ErrorReport& report) { reportTaskError(report); };
        Runtime::instance().setExceptionHandler(document_.get(), std::move(handler));
    });
    connect(&Runtime::instance(), &Runtime::errorReported, this, [this](const ErrorReport& report) {
        if (report.owner != document_.get()) return;
        emit errorReported(scriptErrorFrom(report), report.stack, ErrorEcho::PrintedByRuntime);
    });
    QFile file(QStringLiteral(":/qpanel/bridge/pn.js"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("missing resource pn.js");
    const QJSValue install = engine_.evaluate(QString::fromUtf8(file.readAll()), file.fileName());
    const QJSValue result = install.call({engine_.newQObject(native_.get()), host_.hostObject()});
    if (result.isError()) qFatal("pn.js: %s", qPrintable(result.toString()));
}

ScriptSession::~ScriptSession() {
    // Errors while closing get the default report: the script is going away.
    if (Runtime* runtime = Runtime::ifExists()) runtime->setExceptionHandler(document_.get(), {});
    // Close the app while the engine and host exist: cancelled tasks unwind
    // through their JS finally blocks, then components and views go.
    document_.reset();
    native_.reset();
    tasks_.reset();
}

bool ScriptSession::load(const QString& path) {
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

bool ScriptSession::run(const QString& source, const QString& fileName) {
    const TranspileResult script = transpiler_->transpile(source, fileName);
    bool ok = false;
    // Top-level code builds the app: it belongs to this document and holds
    // its lock, as a sync callback would.
    Document::Scope scope(document_.get());
    document_->runLocked([&] { ok = host_.run(script); }, QStringLiteral("app script"));
    return ok;
}

QStringList ScriptSession::hostActivity() const {
    if (int n = host_.timers().activeCount())
        return {QStringLiteral("%1 timer(s) or sleep(s) pending").arg(n)};
    return {};
}

}  // namespace qpanel
