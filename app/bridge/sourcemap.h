#pragma once

#include <QByteArray>
#include <QList>

namespace qpanel {

/// A 1-based line/column position in a script.
struct SourcePosition {
    int line = 0;
    int column = 0;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

/// The "mappings" of a version 3 source map (as Babel emits), decoded for
/// lookups from generated to original positions.
class SourceMap {
public:
    SourceMap() = default;
    /// Parses a source map JSON object; an unreadable map gives an empty SourceMap.
    static SourceMap fromJson(const QByteArray& json);

    bool isEmpty() const { return lines_.isEmpty(); }
    /// The original position of generated (line, column): the nearest mapped
    /// segment at or left of column on that line. Unmapped positions come back
    /// unchanged, which is right for Babel's retainLines output.
    SourcePosition originalPosition(int line, int column) const;

private:
    struct Segment {
        int generatedColumn;  // 0-based
        int originalLine;     // 0-based
        int originalColumn;   // 0-based
    };
    QList<QList<Segment>> lines_;  // by 0-based generated line, sorted by column
};

}  // namespace qpanel
