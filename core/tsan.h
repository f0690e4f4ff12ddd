#pragma once
// ThreadSanitizer cannot see the synchronisation inside an uninstrumented
// Qt (QThreadPool's queue, posted events): these annotations state the
// happens-before edges Qt provides, so TSan reports only real races.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace qpanel::detail {

/// Call before handing `token` to another thread through Qt.
inline void publishTo(const void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void*>(token));
#else
    (void)token;
#endif
}

/// Call on the receiving thread before touching what `token` published.
inline void receiveFrom(const void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void*>(token));
#else
    (void)token;
#endif
}

}  // namespace qpanel::detail
