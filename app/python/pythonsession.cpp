#include "python/pythonsession.h"

#include <QFile>
#include <QFileInfo>

#include "asyncioloop.h"
#include "core/periodiccallback.h"
#include "python/interpreter.h"
#include "widgets/servable.h"

namespace qpanel {

namespace py = pybind11;
using python::PyApp;

PythonSession::PythonSession(QObject* parent)
    : AppSession(parent), limit_(python::PyWatchdog::defaultLimit()) {
    python::Interpreter& interpreter = python::Interpreter::instance();
    app_ = std::make_unique<PyApp>(document_.get());
    app_->setLoop(interpreter.loop());
    {
        py::gil_scoped_acquire gil;
        // The owner is the app's id: PyApp::ofRunningCode finds the app by it.
        app_->setContext(python::share(python::asyncioOwnerContext(py::int_(app_->id()))));
    }
    connect(app_.get(), &PyApp::messageLogged, this, &PythonSession::messageLogged);
    connect(app_.get(), &PyApp::exitRequested, this, &PythonSession::endApp, Qt::QueuedConnection);
    connect(&Runtime::instance(), &Runtime::errorReported, this, [this](const ErrorReport& report) {
        if (report.owner != document_.get()) return;
        // Core printed the task's error to stderr already.
        emit errorReported(ScriptError{report.message, report.location}, report.stack,
                           ErrorEcho::PrintedByRuntime);
    });
}

PythonSession::~PythonSession() {
    if (Runtime* runtime = Runtime::ifExists()) runtime->setExceptionHandler(document_.get(), {});
    // Close the app while its Python context exists: cancelled tasks unwind
    // through their except/finally blocks, then components and views go.
    if (Runtime* runtime = Runtime::ifExists()) runtime->tasks().cancelOwnedBy(document_.get());
    {
        // Then what the app left on the loop: its asyncio tasks, transports,
        // timers and late executor results.
        py::gil_scoped_acquire gil;
        try {
            python::closeAsyncioLoopResources(*app_->context());
        } catch (py::error_already_set& e) {
            PyErr_Clear();
            qWarning("closing a Python app's loop resources failed: %s", e.what());
        }
    }
    document_.reset();
    {
        py::gil_scoped_acquire gil;
        if (globals_) globals_->attr("clear")();
    }
    globals_.reset();
    app_.reset();
}

void PythonSession::setScriptTimeLimit(std::chrono::milliseconds limit) {
    limit_ = limit;
    python::PyWatchdog::instance().setLimit(limit);
}

std::chrono::milliseconds PythonSession::scriptTimeLimit() const {
    return limit_;
}

bool PythonSession::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit errorReported(
            ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                        {.file = path}},
            QString(), ErrorEcho::NotPrinted);
        return false;
    }
    return run(QString::fromUtf8(file.readAll()), QFileInfo(path).absoluteFilePath());
}

void PythonSession::reportLoadError(const python::PythonError& error) {
    emit errorReported(ScriptError{QString::fromUtf8(error.what()), error.location()},
                       error.stack(), ErrorEcho::NotPrinted);
}

bool PythonSession::run(const QString& source, const QString& fileName) {
    python::PyWatchdog::instance().setLimit(limit_);
    const QString folder = QFileInfo(fileName).absolutePath();
    app_->setFolder(folder);
    bool ok = false;
    // Top-level code builds the app: it belongs to this document and holds
    // its lock, as a sync callback would.
    Document::Scope scope(document_.get());
    document_->runLocked(
        [&] {
            try {
                PyApp::Enter enter(app_.get());
                try {
                    py::module_ runtime = py::module_::import("qpanel_runtime");
                    py::list path = py::module_::import("sys").attr("path");
                    if (!path.contains(folder.toStdString())) path.insert(0, folder.toStdString());
                    globals_ = python::share(runtime.attr("new_namespace")(fileName.toStdString()));
                    py::object last = runtime.attr("run_script")(source.toStdString(),
                                                                 fileName.toStdString(), *globals_);
                    // Notebook style: nothing servable, so the last
                    // expression's value is the app.
                    if (!last.is_none() && Servables::of(document_.get())->roots().isEmpty())
                        py::module_::import("panel").attr("panel")(last).attr("servable")();
                } catch (py::error_already_set& e) {
                    throw app_->describe(e);
                }
                ok = true;
            } catch (const python::PythonError& error) {
                if (error.isSystemExit()) {
                    exited_ = true;
                    emit messageLogged(QStringLiteral("info"), QStringLiteral("%1 (%2)").arg(
                                                                   QString::fromUtf8(error.what()),
                                                                   error.location().toString()));
                    ok = true;  // what it built so far stays
                    return;
                }
                reportLoadError(error);
            }
        },
        QStringLiteral("app script"));
    return ok;
}

void PythonSession::endApp(const QString& message, const QString& location) {
    // sys.exit() in a callback: this app stops (tasks, periodic callbacks);
    // qpanel and other apps go on.
    exited_ = true;
    for (PeriodicCallback* pc : document_->findChildren<PeriodicCallback*>()) pc->stop();
    Runtime::instance().tasks().cancelOwnedBy(document_.get());
    emit messageLogged(QStringLiteral("info"), QStringLiteral("%1 (%2)").arg(message, location));
}

void PythonSession::interruptRunaway() {
    python::PyWatchdog::instance().interrupt();
}

bool PythonSession::hostIsIdle() const {
    py::gil_scoped_acquire gil;
    return !python::asyncioOwnerBusy(*app_->context());
}

QStringList PythonSession::hostActivity() const {
    py::gil_scoped_acquire gil;
    const python::AsyncioActivity activity = python::asyncioOwnerActivity(*app_->context());
    QStringList busy;
    if (activity.tasks) busy << QStringLiteral("%1 asyncio task(s) pending").arg(activity.tasks);
    if (activity.callbacks)
        busy
            << QStringLiteral("%1 asyncio callback(s) or timer(s) pending").arg(activity.callbacks);
    return busy;
}

}  // namespace qpanel
