#pragma once
// --check: compile app scripts without running any of their code, each with
// the language its extension names (AppLanguages); each problem goes to
// stderr as file:line:column: message.

#include <QStringList>

#include "cli/exitcode.h"

namespace qpanel {
class AppLanguages;
}

namespace qpanel::cli {

/// Ok when every script compiles, ScriptError when any does not (all are
/// checked; a script no language runs is an error too).
ExitCode checkScripts(const AppLanguages& languages, const QStringList& paths);

}  // namespace qpanel::cli
