#pragma once

#include <QString>
#include <optional>

#include "session/scripterror.h"

class QJSEngine;

namespace qpanel {

/// True when Qt 6.4's engine parses source as it is and runs it like a modern
/// engine would, so Babel can be skipped. Compiles (never runs) the source as
/// the body of a Function in a throw-away engine, so it is safe on any thread.
bool isNativeSyntax(const QString& source);

/// The first syntax error V4 reports for code (already valid JavaScript, e.g.
/// Babel's output), or nothing. Compiles code as a function without calling it.
std::optional<ScriptError> nativeSyntaxError(QJSEngine& engine, const QString& code,
                                             const QString& fileName);

}  // namespace qpanel
