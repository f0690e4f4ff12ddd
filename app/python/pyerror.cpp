#include "python/pyerror.h"

#include <algorithm>

namespace qpanel::python {

PythonError describe(py::error_already_set& error, const QString& userFolder) {
    py::object value = error.value();
    // pybind11 keeps the traceback beside the value; describe() reads it there.
    if (error.trace() && PyExceptionInstance_Check(value.ptr()))
        PyException_SetTraceback(value.ptr(), error.trace().ptr());
    return describe(value, userFolder);
}

PythonError describe(py::handle value, const QString& userFolder) {
    // qpanel_runtime.describe formats it (traceback is easiest in Python).
    py::object runtime = py::module_::import("qpanel_runtime");
    const py::tuple d = runtime.attr("describe")(value, userFolder.toStdString());
    const QString message = QString::fromStdString(d[0].cast<std::string>());
    const QString file = QString::fromStdString(d[1].cast<std::string>());
    const int line = d[2].cast<int>();
    const QString stack = QString::fromStdString(d[3].cast<std::string>());
    const bool exit = d[4].cast<bool>();
    const SourceLocation location{.file = file, .line = std::max(line, 0)};
    return PythonError(message, location, stack, share(py::reinterpret_borrow<py::object>(value)),
                       exit);
}

}  // namespace qpanel::python
