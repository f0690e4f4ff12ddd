// gtest main for the asyncio-loop tests: a QCoreApplication, Debian's
// embedded CPython, and qpanel's loop installed. The GUI thread releases the
// GIL while a test waits on the Qt loop (pyloopfixture.h), as the app does.
// Python.h before Qt, whose `slots` macro breaks object.h.
// clang-format off
#include "arenacache.h"
#include "asyncioloop.h"
#include <pybind11/embed.h>
#include "python/importoutsideleakcheck.h"
// clang-format on

#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    qpanel::python::installArenaCache();
    pybind11::scoped_interpreter interpreter;
    qpanel::test::importOutsideLeakCheck();
    qpanel::python::installAsyncioLoop();
    const int result = RUN_ALL_TESTS();
    qpanel::python::shutdownAsyncioLoop();
    return result;
}
