#pragma once
// In sanitizer builds: imports numpy and aiohttp once, before the tests, with
// LeakSanitizer not recording. Importing them leaves allocations nothing
// points to — the module init of their Cython extensions (numpy.random,
// yarl, multidict, frozenlist, aiohttp's parser) and CPython's _abc: plain
// `/usr/bin/python3 -c "import numpy"` under ASan reports 79 (5858 bytes),
// `import aiohttp` 48 (4222 bytes). Every app imports numpy (param does),
// so each test would fail on them. What is allocated later — qpanel's — is
// all checked. Suppressing their stacks by name does not work: libpython
// has no frame pointers, and slow unwinding makes `import panel` too slow
// for the tests' time limits (docs/RELIABILITY.md). The caller holds the GIL.
// Include it before Qt's headers (Qt's `slots` macro breaks Python.h).

#include <pybind11/pybind11.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace qpanel::test {

inline void importOutsideLeakCheck() {
#if defined(__SANITIZE_ADDRESS__)
    for (const char* module : {"numpy", "aiohttp"}) {
        __lsan::ScopedDisabler notRecorded;
        pybind11::module_::import(module);
    }
#endif
}

}  // namespace qpanel::test
