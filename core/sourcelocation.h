#pragma once
// A place in a script's source, carried as a type across every seam (core's
// error reports, ScriptError, the Console's links), never as a "file:line"
// string that is split again later.

#include <QString>
#include <ostream>

namespace qpanel {

/// Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;

    bool isEmpty() const { return file.isEmpty() && line == 0; }
    /// "file", "file:line" or "file:line:column": the form consoles and editors link.
    QString toString() const {
        QString where = file;
        if (line > 0) where += QLatin1Char(':') + QString::number(line);
        if (line > 0 && column > 0) where += QLatin1Char(':') + QString::number(column);
        return where;
    }
    /// "file:line:column: message" ("<script>" when the file is unknown):
    /// how every script error reads (ScriptError, V8's JsError).
    QString describe(const QString& message) const {
        SourceLocation where = *this;
        if (where.file.isEmpty()) where.file = QStringLiteral("<script>");
        return where.toString() + QStringLiteral(": ") + message;
    }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
    /// Test frameworks (gtest's PrintTo) show it as toString().
    friend void PrintTo(const SourceLocation& location, std::ostream* os) {
        *os << location.toString().toStdString();
    }
};

}  // namespace qpanel
