#include "plots/figure.h"

namespace qpanel {

Figure::Figure(FigureOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    if (options_.width <= 0 || options_.height <= 0)
        throw DataError(QStringLiteral("figure: width and height must be positive, got %1x%2")
                            .arg(options_.width)
                            .arg(options_.height)
                            .toStdString());
}

void Figure::setTitle(const QString& title) {
    options_.title = title;
    emit changed();
}

QColor Figure::paletteColor(int index) {
    static const QColor colors[] = {
        QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728), QColor(0x9467bd),
        QColor(0x8c564b), QColor(0xe377c2), QColor(0x7f7f7f), QColor(0xbcbd22), QColor(0x17becf)};
    return colors[index % 10];
}

void Figure::line(LineGlyph glyph) {
    if (!glyph.source) throw DataError("figure.line: 'source' must be a ColumnDataSource");
    const QStringList names = glyph.source->columnNames();
    for (const QString& column : {glyph.x, glyph.y}) {
        if (!names.contains(column))
            throw DataError(
                QStringLiteral("figure.line: the source has no column '%1' (columns: %2)")
                    .arg(column, names.join(QStringLiteral(", ")))
                    .toStdString());
    }
    if (glyph.lineWidth <= 0)
        throw DataError(QStringLiteral("figure.line: line_width must be positive, got %1")
                            .arg(glyph.lineWidth)
                            .toStdString());
    if (!glyph.color.isValid()) glyph.color = paletteColor(int(lines_.size()));
    lines_.append(std::move(glyph));
    emit changed();
}

}  // namespace qpanel
