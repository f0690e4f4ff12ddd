#include "python/pyerror.h"

#include <frameobject.h>

#include <QDir>
#include <algorithm>

namespace qpanel::python {

namespace {

/// str() of an object, or "" when that raises (the error is dropped: this
/// runs only to describe another one).
QString strOrEmpty(PyObject* object) {
    PyObject* text = PyObject_Str(object);
    const char* utf8 = text ? PyUnicode_AsUTF8(text) : nullptr;
    QString result = utf8 ? QString::fromUtf8(utf8) : QString();
    if (!utf8) PyErr_Clear();
    Py_XDECREF(text);
    return result;
}

/// The deepest traceback frame in the user's folder, read from the frame
/// structs (no Python code runs: what failed may be Python itself).
SourceLocation deepestUserFrame(PyObject* exception, const QString& userFolder) {
    SourceLocation location;
    if (userFolder.isEmpty()) return location;
    const QString prefix = QDir::cleanPath(userFolder) + QLatin1Char('/');
    PyObject* trace = PyException_GetTraceback(exception);
    for (auto* tb = reinterpret_cast<PyTracebackObject*>(trace); tb; tb = tb->tb_next) {
        PyCodeObject* code = PyFrame_GetCode(tb->tb_frame);
        const char* file = PyUnicode_AsUTF8(code->co_filename);
        if (file && QDir::cleanPath(QString::fromUtf8(file)).startsWith(prefix))
            location = {.file = QString::fromUtf8(file), .line = tb->tb_lineno};
        if (!file) PyErr_Clear();
        Py_DECREF(code);
    }
    Py_XDECREF(trace);
    return location;
}

/// When qpanel_runtime.describe itself fails (interrupted, or replaced by
/// the script), the error is still reported: its type, text and line.
PythonError describePlainly(py::handle value, const QString& userFolder,
                            const char* whyNotFormatted) {
    const QString type = QString::fromUtf8(Py_TYPE(value.ptr())->tp_name);
    const QString text = strOrEmpty(value.ptr());
    const QString message = (text.isEmpty() ? type : type + QStringLiteral(": ") + text) +
                            QStringLiteral(" (qpanel could not format its traceback: %1)")
                                .arg(QString::fromUtf8(whyNotFormatted));
    const bool exit =
        PyObject_TypeCheck(value.ptr(), reinterpret_cast<PyTypeObject*>(PyExc_SystemExit));
    SourceLocation location;
    if (PyExceptionInstance_Check(value.ptr()))
        location = deepestUserFrame(value.ptr(), userFolder);
    return PythonError(message, location, {}, share(py::reinterpret_borrow<py::object>(value)),
                       exit);
}

}  // namespace

PythonError describe(py::error_already_set& error, const QString& userFolder) {
    py::object value = error.value();
    // pybind11 keeps the traceback beside the value; describe() reads it there.
    if (error.trace() && PyExceptionInstance_Check(value.ptr()))
        PyException_SetTraceback(value.ptr(), error.trace().ptr());
    return describe(value, userFolder);
}

PythonError describe(py::handle value, const QString& userFolder) {
    // qpanel_runtime.describe formats it (traceback is easiest in Python).
    try {
        py::object runtime = py::module_::import("qpanel_runtime");
        const py::tuple d = runtime.attr("describe")(value, userFolder.toStdString());
        const QString message = QString::fromStdString(d[0].cast<std::string>());
        const QString file = QString::fromStdString(d[1].cast<std::string>());
        const int line = d[2].cast<int>();
        const QString stack = QString::fromStdString(d[3].cast<std::string>());
        const bool exit = d[4].cast<bool>();
        const SourceLocation location{.file = file, .line = std::max(line, 0)};
        return PythonError(message, location, stack,
                           share(py::reinterpret_borrow<py::object>(value)), exit);
    } catch (const std::exception& failed) {  // a Python error, or describe()'s result unreadable
        return describePlainly(value, userFolder, failed.what());
    }
}

}  // namespace qpanel::python
