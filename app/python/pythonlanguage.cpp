#include "python/pythonlanguage.h"

#include <QFile>
#include <QFileInfo>
#include <optional>

#include "python/interpreter.h"
#include "python/pyerror.h"
#include "python/pythonsession.h"
#include "session/applanguages.h"

namespace qpanel {

namespace {

namespace py = pybind11;

/// --check of one script: compiles it (bytes, so a PEP 263 coding line
/// counts as Python reads it), runs none of it.
std::optional<ScriptError> problemIn(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                           {.file = path}};
    const QByteArray source = file.readAll();
    python::Interpreter::instance();
    py::gil_scoped_acquire gil;
    try {
        py::module_::import("builtins")
            .attr("compile")(py::bytes(source.constData(), size_t(source.size())),
                             path.toStdString(), "exec", 0, true);
    } catch (py::error_already_set& e) {
        const python::PythonError error = python::describe(e, QFileInfo(path).absolutePath());
        SourceLocation location = error.location();
        // Not placed in the file (e.g. "source code string cannot contain null bytes"): still its.
        if (location.file.isEmpty()) location.file = path;
        return ScriptError{QString::fromUtf8(error.what()), location};
    }
    return std::nullopt;
}

QString pythonVersion() {
    // Py_GetVersion() needs no running interpreter: "3.11.2 (main, …) [GCC 12.2.0]".
    const QString full = QString::fromUtf8(Py_GetVersion());
    return QStringLiteral("Python ") + full.section(QLatin1Char(' '), 0, 0);
}

}  // namespace

void registerPython(AppLanguages& languages) {
    languages.add({
        .name = QStringLiteral("Python"),
        .extensions = {QStringLiteral(".py")},
        .createSession = [] { return std::make_unique<PythonSession>(); },
        .check =
            [](const QStringList& paths) {
                QList<ScriptError> problems;
                for (const QString& path : paths)
                    if (auto error = problemIn(path)) problems << *error;
                return problems;
            },
        // The interpreter starts on the GUI thread (Python's main thread):
        // nothing to do off it before a load.
        .prepare = {},
        .warmUp = [] { python::Interpreter::instance(); },
        .versionInfo = pythonVersion(),
    });
}

}  // namespace qpanel
