#pragma once
// A problem in an app script, whatever its language, at a place in the
// user's own file: what the Console links, the terminal prints and tests
// assert.

#include <QMetaType>
#include <QString>

#include "core/sourcelocation.h"

namespace qpanel {

struct ScriptError {
    QString message;
    SourceLocation location;

    /// "file:line:column: message" ("<script>" when the file is unknown).
    QString toString() const;
};

/// Whether an error already reached stderr: core's default report prints a
/// task's error itself, so a terminal echo prints only the others.
enum class ErrorEcho { NotPrinted, PrintedByRuntime };

}  // namespace qpanel

Q_DECLARE_METATYPE(qpanel::ScriptError)
