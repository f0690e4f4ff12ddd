#include "python/interpreter.h"

#include <QCoreApplication>
#include <QFile>
#include <QtEndian>
#include <cstdio>

#include "arenacache.h"
#include "asyncioloop.h"
#include "python/pyapp.h"
#include "python/pywatchdog.h"
#include "python/qpanelmodule.h"

namespace qpanel::python {

namespace {

/// The code of qpanel_runtime.py: precompiled by the build (precompile.py)
/// when this Python has the magic number it was made with, else compiled.
py::object runtimeCode() {
    QFile compiled(QStringLiteral(":/qpanel/python/qpanel_runtime.pyc"));
    if (compiled.open(QIODevice::ReadOnly)) {
        const QByteArray data = compiled.readAll();
        const long magic = PyImport_GetMagicNumber();
        if (data.size() > 4 && qFromLittleEndian<quint32>(data.constData()) == quint32(magic))
            return py::module_::import("marshal").attr("loads")(
                py::memoryview::from_memory(data.constData() + 4, data.size() - 4));
    }
    QFile file(QStringLiteral(":/qpanel/python/qpanel_runtime.py"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("missing resource qpanel_runtime.py");
    const QByteArray source = file.readAll();
    return py::module_::import("builtins")
        .attr("compile")(py::bytes(source.constData(), size_t(source.size())),
                         file.fileName().toStdString(), "exec");
}

py::module_ loadRuntime() {
    py::module_ module = py::module_::import("types").attr("ModuleType")("qpanel_runtime");
    py::module_::import("sys").attr("modules")["qpanel_runtime"] = module;
    module.attr("__file__") = ":/qpanel/python/qpanel_runtime.py";
    py::module_::import("builtins").attr("exec")(runtimeCode(), module.attr("__dict__"));
    return module;
}

// First thing in ~QCoreApplication: the loop drops its callbacks and
// notifiers while Qt can still take them, and the executor's idle workers
// leave instead of being cut off when the process ends.
void shutDownLoopAtExit() {
    py::gil_scoped_acquire gil;
    try {
        shutdownAsyncioLoop();
    } catch (const py::error_already_set& error) {
        std::fprintf(stderr, "qpanel: shutting the asyncio loop down at exit: %s\n", error.what());
    }
}

}  // namespace

Interpreter& Interpreter::instance() {
    // Never destroyed: finalising CPython at exit (with numpy, threads) is
    // not safe, and the OS frees the process anyway.
    static Interpreter* interpreter = new Interpreter();
    return *interpreter;
}

Interpreter::Interpreter() {
    linkQpanelModule();
    installArenaCache();
    // Python's own signal handlers would take SIGINT from Qt.
    py::initialize_interpreter(false);
    {
        py::module_ runtime = loadRuntime();
        runtime.attr("install")();
        loop_ = share(installAsyncioLoop());
        // Errors the loop catches reach the app they belong to (its Console).
        setAsyncioReportHook(py::cpp_function(&PyApp::reportLoopError));
        // What the loop runs is timed by the watchdog and its app's.
        setAsyncioDispatchHook(&PyApp::dispatchLoopCall);
        // The watchdog's wake-up (see PyWatchdog::setWakeSignal): a real-time
        // signal nothing else uses, with a handler that does nothing.
        py::module_ signal = py::module_::import("signal");
        const int wake = signal.attr("SIGRTMIN").cast<int>() + 5;
        signal.attr("signal")(wake, py::cpp_function([](py::handle, py::handle) {}));
        PyWatchdog::instance().setWakeSignal(wake);
    }
    if (QCoreApplication::instance()) qAddPostRoutine(shutDownLoopAtExit);
    // From here on every entry takes the GIL (PyApp::Enter).
    PyEval_SaveThread();
}

}  // namespace qpanel::python
