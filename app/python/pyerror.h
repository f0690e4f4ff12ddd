#pragma once
// Python exceptions as qpanel errors: the message Python prints last, the
// place in the user's own files (the deepest frame there) and the traceback
// of the user's frames only.

#include "core/runtime.h"
#include "python/pyref.h"

namespace qpanel::python {

/// A Python exception that escaped script code, located in the user's file.
class PythonError : public LocatedError {
public:
    PythonError(const QString& message, SourceLocation location, QString stack, PyRef exception,
                bool systemExit)
        : LocatedError(message, std::move(location), std::move(stack)),
          exception_(std::move(exception)),
          systemExit_(systemExit) {}
    /// The exception object (what pn.config.exception_handler receives).
    const PyRef& exception() const { return exception_; }
    /// sys.exit() was called: the app ends, qpanel goes on.
    bool isSystemExit() const { return systemExit_; }

private:
    PyRef exception_;
    bool systemExit_ = false;
};

/// Describes the error being handled (GIL held); `userFolder` is the
/// script's folder: frames outside it are qpanel's or libraries'.
PythonError describe(py::error_already_set& error, const QString& userFolder);
/// The same for an exception object (with its __traceback__), GIL held.
PythonError describe(py::handle exception, const QString& userFolder);

}  // namespace qpanel::python
