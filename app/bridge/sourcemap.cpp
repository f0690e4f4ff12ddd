#include "bridge/sourcemap.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace qpanel {
namespace {

int base64Digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Decodes the base64 VLQ numbers of one segment ("AAAA,").
bool decodeSegment(QByteArrayView text, QList<int>& out) {
    out.clear();
    int value = 0;
    int shift = 0;
    for (char c : text) {
        const int digit = base64Digit(c);
        if (digit < 0) return false;
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
            if (shift > 30) return false;
            continue;
        }
        out.append((value & 1) ? -(value >> 1) : (value >> 1));
        value = 0;
        shift = 0;
    }
    return shift == 0;
}

}  // namespace

SourceMap SourceMap::fromJson(const QByteArray& json) {
    SourceMap map;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QByteArray mappings = root.value(QLatin1String("mappings")).toString().toLatin1();
    if (mappings.isEmpty()) return map;

    // Original line and column are deltas across the whole map (one source).
    int originalLine = 0, originalColumn = 0;
    QList<int> fields;
    for (const QByteArray& line : mappings.split(';')) {
        QList<Segment> segments;
        int generatedColumn = 0;
        for (const QByteArray& segment : line.split(',')) {
            if (segment.isEmpty()) continue;
            if (!decodeSegment(segment, fields)) return {};
            generatedColumn += fields.value(0);
            if (fields.size() < 4) continue;  // a segment with no original position
            originalLine += fields[2];
            originalColumn += fields[3];
            segments.append({generatedColumn, originalLine, originalColumn});
        }
        std::stable_sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) {
            return a.generatedColumn < b.generatedColumn;
        });
        map.lines_.append(segments);
    }
    return map;
}

SourcePosition SourceMap::originalPosition(int line, int column) const {
    const int index = line - 1;
    if (index < 0 || index >= lines_.size() || lines_[index].isEmpty()) return {line, column};
    const QList<Segment>& segments = lines_[index];
    const int generatedColumn = std::max(column - 1, 0);
    auto it = std::upper_bound(segments.begin(), segments.end(), generatedColumn,
                               [](int c, const Segment& s) { return c < s.generatedColumn; });
    const Segment& s = it == segments.begin() ? *it : *(it - 1);
    // Inside a segment the generated and original text run in step.
    const int offset = it == segments.begin() ? 0 : generatedColumn - s.generatedColumn;
    return {s.originalLine + 1, s.originalColumn + offset + 1};
}

}  // namespace qpanel
