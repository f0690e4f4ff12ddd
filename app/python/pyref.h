#pragma once
// Python objects held by C++ code that may outlive a GIL scope (task
// bodies, Qt closures): shared, and released with the GIL held.

#include <memory>

#include "python/pybind.h"

namespace qpanel::python {

namespace py = pybind11;

using PyRef = std::shared_ptr<py::object>;

/// Call with the GIL held. The last owner may drop it anywhere: the deleter
/// takes the GIL (unless the interpreter is already gone).
inline PyRef share(py::object object) {
    return PyRef(new py::object(std::move(object)), [](py::object* p) {
        if (Py_IsInitialized()) {
            py::gil_scoped_acquire gil;
            delete p;
        } else {
            p->release();  // the interpreter freed it already
            delete p;
        }
    });
}

}  // namespace qpanel::python
