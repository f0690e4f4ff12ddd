#pragma once
// A figure (Bokeh's `figure`): title, size, axis labels and line glyphs that
// draw columns of ColumnDataSources. ChartView renders it.
//
//   Figure fig({.title = "Random walk", .width = 600, .height = 300});
//   fig.line({.x = "t", .y = "v", .source = &cds, .color = Qt::red});

#include <QColor>
#include <QObject>
#include <QPointer>

#include "plots/columndatasource.h"

namespace qpanel {

struct FigureOptions {
    QString title;
    int width = 600;
    int height = 300;
    QString xAxisLabel;
    QString yAxisLabel;
};

struct LineGlyph {
    QString x;
    QString y;
    QPointer<ColumnDataSource> source;
    QColor color;            ///< invalid: the next colour of the palette
    double lineWidth = 1.0;  ///< Bokeh's default
    QString legendLabel;
};

class Figure : public QObject {
    Q_OBJECT

public:
    explicit Figure(FigureOptions options = {}, QObject* parent = nullptr);

    const FigureOptions& options() const { return options_; }
    void setTitle(const QString& title);

    /// Adds a line; throws DataError naming the missing column or source.
    void line(LineGlyph glyph);
    const QList<LineGlyph>& lines() const { return lines_; }

    /// Bokeh's Category10, the default line colours in order.
    static QColor paletteColor(int index);

signals:
    void changed();

private:
    FigureOptions options_;
    QList<LineGlyph> lines_;
};

}  // namespace qpanel
