#include "asyncioloop.h"

#include "asyncioloop_py.h"  // kAsyncioLoopSource: asyncioloop.py, embedded at configure time
#include "loopcore.h"
#include "loopinternal.h"

namespace py = pybind11;

namespace qpanel::python {

namespace {

/// `_qpanel_asyncio` (the Python glue), created on first use with `_qpanel_loop`.
py::object glueModule() {
    py::dict modules = py::module_::import("sys").attr("modules");
    if (modules.contains("_qpanel_asyncio")) return modules["_qpanel_asyncio"];
    if (!modules.contains("_qpanel_loop")) {
        PyObject* core = detail::createLoopCoreModule();
        if (!core) throw py::error_already_set();
        modules["_qpanel_loop"] = py::reinterpret_steal<py::object>(core);
    }
    py::object module = py::module_::import("types").attr("ModuleType")("_qpanel_asyncio");
    module.attr("__file__") = QPANEL_PYLOOP_SOURCE_PATH;
    modules["_qpanel_asyncio"] = module;
    try {
        py::module_ builtins = py::module_::import("builtins");
        py::object code =
            builtins.attr("compile")(kAsyncioLoopSource, QPANEL_PYLOOP_SOURCE_PATH, "exec");
        builtins.attr("exec")(code, module.attr("__dict__"));
    } catch (...) {
        // No half-initialised module left behind; the caller sees the error.
        modules.attr("pop")("_qpanel_asyncio", py::none());
        throw;
    }
    return module;
}

}  // namespace

py::object installAsyncioLoop() {
    return glueModule().attr("install")();
}

py::object asyncioOwnerContext(py::handle owner) {
    return glueModule().attr("owner_context")(owner);
}

int closeAsyncioLoopResources(py::handle ownerContext) {
    return glueModule().attr("close_owner")(ownerContext).cast<int>();
}

AsyncioActivity asyncioOwnerActivity(py::handle ownerContext) {
    const py::tuple counts = glueModule().attr("owner_activity")(ownerContext);
    return {.tasks = counts[0].cast<int>(), .callbacks = counts[1].cast<int>()};
}

bool asyncioOwnerBusy(py::handle ownerContext) {
    return glueModule().attr("owner_busy")(ownerContext).cast<bool>();
}

py::object asyncioCurrentOwner() {
    return glueModule().attr("current_owner")();
}

void setAsyncioReportHook(py::object hook) {
    installAsyncioLoop().attr("set_report_hook")(hook);
}

void setAsyncioDispatchHook(AsyncioDispatchHook hook) {
    detail::setDispatchHook(hook);
}

void shutdownAsyncioLoop() {
    py::object loop = glueModule().attr("_loop");
    if (!loop.is_none()) loop.attr("_qpanel_shutdown")();
}

}  // namespace qpanel::python
