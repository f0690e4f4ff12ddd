#include "bridge/scriptsession.h"

#include "core/periodiccallback.h"
#include "widgets/servable.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>

namespace qpanel {

namespace {

ScriptError scriptErrorFrom(const ErrorReport& report) {
    ScriptError error{report.message, report.location.section(QLatin1Char(':'), 0, -2),
                      report.location.section(QLatin1Char(':'), -1).toInt(), 0};
    if (error.line == 0) error.fileName = report.location;
    return error;
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
        thrown.setProperty(QStringLiteral("fileName"), error.fileName);
        thrown.setProperty(QStringLiteral("lineNumber"), error.line);
    }
    host_.reportCallbackError(error, report.stack, thrown);
}

ScriptSession::ScriptSession(Transpiler* transpiler, QObject* parent)
    : QObject(parent), transpiler_(transpiler) {
    tasks_ = std::make_unique<JsTasks>(&host_, document_.get());
    native_ = std::make_unique<PnNative>(&engine_, tasks_.get(), document_.get());
    connect(&host_, &ScriptHost::messageLogged, this, &ScriptSession::messageLogged);
    connect(&host_, &ScriptHost::errorReported, this, &ScriptSession::errorReported);
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
        emit errorReported(scriptErrorFrom(report), report.stack);
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
        emit errorReported(ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                                       path, 0, 0},
                           QString());
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

QWidget* ScriptSession::createContent() const { return new ServableArea(document_.get()); }

bool ScriptSession::isIdle() const {
    if (!host_.isIdle()) return false;
    // pn.state.execute calls not yet started count as work (process-wide:
    // the runtime does not track their owner's count).
    Runtime* runtime = Runtime::ifExists();
    if (runtime && (runtime->tasks().countOwnedBy(document_.get()) > 0 || runtime->pendingCalls() > 0))
        return false;
    // A running periodic callback ticks again later, so the app is not idle.
    const auto periodic = document_->findChildren<PeriodicCallback*>();
    return std::none_of(periodic.begin(), periodic.end(),
                        [](const PeriodicCallback* pc) { return pc->running() || pc->inFlight(); });
}

}  // namespace qpanel
