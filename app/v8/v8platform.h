#pragma once
// V8's platform (its worker threads) and V8 itself are process-wide and set
// up once, before the first isolate; they live until the process ends (V8
// cannot be initialised again after disposal).

namespace qpanel::v8engine {

/// Initialises V8 on first call; later calls return at once. Thread-safe.
void ensureV8Initialized();

}  // namespace qpanel::v8engine
