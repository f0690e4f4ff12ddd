#pragma once

#include <QString>

namespace qpanel {

/// A problem in an app script, at a place in the user's own file.
/// Lines and columns are 1-based; 0 means unknown.
struct ScriptError {
    QString message;
    QString fileName;
    int line = 0;
    int column = 0;

    /// "file:line:column: message", the form consoles and editors link.
    QString toString() const;
};

}  // namespace qpanel
