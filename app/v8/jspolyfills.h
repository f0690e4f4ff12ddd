#pragma once
// The ES2023 built-ins V8 10.2 (Debian 12's libnode) lacks, as node 20 has
// them: Array.prototype.toReversed / toSorted / toSpliced / with and the
// TypedArray ones (change array by copy). Each is installed only where the
// engine has none, so a newer V8 keeps its own.

#include <v8.h>

namespace qpanel::v8engine {

void installEs2023Builtins(v8::Local<v8::Context> context);

}  // namespace qpanel::v8engine
