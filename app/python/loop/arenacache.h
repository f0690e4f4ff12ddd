#pragma once
// A cache of freed pymalloc arenas for the embedded CPython.
//
// pymalloc returns an arena (1 MiB in 3.11) to the OS as soon as it is empty,
// and takes a fresh one from mmap when it needs one again: a burst of
// thousands of tasks (their coroutines, frames and Task objects) is freed at
// the end of the burst and page-faulted back in, 4 KiB at a time, by the
// next. The cache keeps up to `maxCachedBytes` of empty arenas mapped and
// hands them out again, so a steady stream of bursts stops faulting.

#include <cstddef>

namespace qpanel::python {

/// Before the interpreter is initialised (pymalloc takes its first arena at
/// start). Does nothing under PYTHONMALLOC=malloc or debug allocators, which
/// do not use arenas; calling it twice keeps the first cache.
void installArenaCache(std::size_t maxCachedBytes = std::size_t(32) << 20);

struct ArenaCacheStats {
    std::size_t cachedArenas = 0;  ///< empty arenas held now
    std::size_t reused = 0;        ///< allocations served from the cache
    std::size_t released = 0;      ///< arenas returned to the OS (cache full)
};
ArenaCacheStats arenaCacheStats();

}  // namespace qpanel::python
