#include "v8/v8platform.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <memory>
#include <mutex>

namespace qpanel::v8engine {

void ensureV8Initialized() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Held by a static, not freed: isolates of other threads may still
        // use it while statics are destroyed at exit.
        static std::unique_ptr<v8::Platform> platform = v8::platform::NewDefaultPlatform();
        v8::V8::InitializePlatform(platform.get());
        v8::V8::Initialize();
    });
}

}  // namespace qpanel::v8engine
