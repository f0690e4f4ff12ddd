#include "arenacache.h"

#include <Python.h>

#include <vector>

namespace qpanel::python {

namespace {

// pymalloc calls these with the GIL held, so no lock is needed.
struct ArenaCache {
    PyObjectArenaAllocator system{};
    std::size_t maxCachedBytes = 0;
    std::size_t cachedBytes = 0;
    std::vector<std::pair<void*, std::size_t>> arenas;
    ArenaCacheStats stats;
};

ArenaCache* cache = nullptr;

void* allocateArena(void* context, std::size_t size) {
    auto* self = static_cast<ArenaCache*>(context);
    for (auto it = self->arenas.rbegin(); it != self->arenas.rend(); ++it) {
        if (it->second != size) continue;
        void* arena = it->first;
        self->arenas.erase(std::next(it).base());
        self->cachedBytes -= size;
        ++self->stats.reused;
        return arena;
    }
    return self->system.alloc(self->system.ctx, size);
}

void freeArena(void* context, void* arena, std::size_t size) {
    auto* self = static_cast<ArenaCache*>(context);
    if (self->cachedBytes + size <= self->maxCachedBytes) {
        self->arenas.emplace_back(arena, size);
        self->cachedBytes += size;
        return;
    }
    ++self->stats.released;
    self->system.free(self->system.ctx, arena, size);
}

}  // namespace

void installArenaCache(std::size_t maxCachedBytes) {
    if (cache) return;
    // Never freed: arenas in the cache may outlive any owner we could name.
    cache = new ArenaCache;
    cache->maxCachedBytes = maxCachedBytes;
    cache->arenas.reserve(maxCachedBytes >> 18);
    PyObject_GetArenaAllocator(&cache->system);
    PyObjectArenaAllocator cached{cache, allocateArena, freeArena};
    PyObject_SetArenaAllocator(&cached);
}

ArenaCacheStats arenaCacheStats() {
    if (!cache) return {};
    ArenaCacheStats stats = cache->stats;
    stats.cachedArenas = cache->arenas.size();
    return stats;
}

}  // namespace qpanel::python
