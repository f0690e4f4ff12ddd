#pragma once
// --check: transpile and parse app scripts without running any of their code;
// each problem goes to stderr as file:line:column: message.

#include "cli/exitcode.h"

#include <QStringList>

namespace qpanel {
class Transpiler;
}

namespace qpanel::cli {

/// Ok when every script parses, ScriptError when any does not (all are checked).
ExitCode checkScripts(Transpiler& transpiler, const QStringList& paths);

}  // namespace qpanel::cli
