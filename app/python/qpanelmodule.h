#pragma once
// The `_qpanel` embedded module (see qpanelmodule.cpp).

#include "python/pybind.h"

namespace qpanel::python {

void registerQpanelModule(pybind11::module_& m);
/// Referencing it keeps the module's registration in a static link.
void linkQpanelModule();

}  // namespace qpanel::python
