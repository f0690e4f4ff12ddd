#pragma once
// The process's one embedded CPython (Debian's 3.11; CPython with numpy
// cannot run several interpreters): started on first use on the GUI thread
// (Python's main thread, where the watchdog's interrupts land), with
// qpanel's `panel`/`bokeh` import hook, print() to the Console, and the
// asyncio loop on the Qt event loop. Between calls the GUI thread does not
// hold the GIL, so Python threads (executors) run while Qt waits.

#include "python/pyref.h"

namespace qpanel::python {

class Interpreter {
public:
    /// Starts the interpreter once (GUI thread); later calls return it.
    static Interpreter& instance();
    /// The asyncio loop every app's tasks run on.
    const PyRef& loop() const { return loop_; }

private:
    Interpreter();
    PyRef loop_;
};

}  // namespace qpanel::python
