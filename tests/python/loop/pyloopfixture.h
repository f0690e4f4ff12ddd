#pragma once
// Helpers for tests of qpanel's asyncio loop: run Python, wait on the Qt
// loop with the GIL released (executor threads need it), read results.

// Python.h (through pybind11) must come before Qt, whose `slots` macro
// breaks CPython's object.h.
// clang-format off
#include "asyncioloop.h"
#include <pybind11/embed.h>
#include <pybind11/stl.h>
#include "common/eventloop.h"
// clang-format on

#include <gtest/gtest.h>

#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <string>

namespace qpanel::test {

namespace py = pybind11;

/// Spins Qt's loop until `predicate()` (evaluated with the GIL) holds.
template <typename Predicate>
bool waitUntilPy(Predicate predicate,
                 std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    py::gil_scoped_release released;
    return waitUntil(
        [&] {
            py::gil_scoped_acquire gil;
            return bool(predicate());
        },
        timeout);
}

/// Runs `coroutine` as a task on qpanel's loop until it is done; returns the
/// task (its result() raises what the coroutine raised).
inline py::object runTask(py::object coroutine,
                          std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    py::object loop = py::module_::import("asyncio").attr("get_running_loop")();
    py::object task = loop.attr("create_task")(coroutine);
    // Woken by the task itself: QTest::qWaitFor sleeps 10 ms between passes,
    // which would slow programs that take many passes (aiohttp) a hundredfold.
    QEventLoop wait;
    QTimer::singleShot(timeout, &wait, &QEventLoop::quit);
    task.attr("add_done_callback")(py::cpp_function([&wait](py::object) { wait.quit(); }));
    {
        py::gil_scoped_release released;
        wait.exec();
    }
    const bool done = task.attr("done")().cast<bool>();
    if (!done) {
        task.attr("cancel")();
        waitUntilPy([&] { return task.attr("done")().cast<bool>(); }, std::chrono::seconds(5));
        ADD_FAILURE() << "task did not finish in " << timeout.count() << " ms";
    }
    return task;
}

/// Executes Python statements in a fresh namespace (with asyncio imported).
inline py::dict runPython(const std::string& code) {
    py::dict scope;
    scope["__builtins__"] = py::module_::import("builtins");
    py::exec("import asyncio\n" + code, scope);
    return scope;
}

}  // namespace qpanel::test
