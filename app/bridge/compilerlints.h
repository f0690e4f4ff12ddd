#pragma once

namespace qpanel {

/// Turns off the "qt.qml.compiler" lint warnings ("Variable x is used before
/// its declaration"), which V4 prints by the hundred for Babel's bundle and
/// for the helpers in transpiled scripts. Process-wide, idempotent.
void silenceCompilerLints();

}  // namespace qpanel
