#pragma once
// A figure (Bokeh's `figure`): title, size, axis labels and line glyphs that
// draw columns of ColumnDataSources. ChartView renders it.
//
//   Figure fig({.title = "Random walk", .width = 600, .height = 300});
//   fig.line({.x = "t", .y = "v", .source = &cds, .color = Qt::red});

#include <QColor>
#include <QObject>
#include <QPointer>
#include <optional>

#include "plots/columndatasource.h"

namespace qpanel {

/// Bokeh's tools, by their `tools=` names: pan, wheel_zoom, box_zoom, reset,
/// save, hover.
enum class ToolKind { Pan, WheelZoom, BoxZoom, Reset, Save, Hover };

struct Tool {
    ToolKind kind;
    /// HoverTool(tooltips=[("label", "@col"), ...]): `@col` (or `@{col}`) is
    /// the column's value at the nearest row, `$x`, `$y`, `$index`, `$name`
    /// its x, y, row and the line's legend label. Empty: x, y and the label.
    QList<std::pair<QString, QString>> tooltips;
};

/// The Bokeh name of a tool ("wheel_zoom"), and back; an unknown name throws
/// DataError listing the known ones.
QString toolName(ToolKind kind);
ToolKind toolKindFromName(const QString& name);
/// Pan and box zoom are driven by a drag, wheel zoom by the wheel.
bool isDragTool(ToolKind kind);

/// Bokeh's figure() default, plus hover (SPEC §4).
QList<Tool> defaultTools();

enum class ToolbarLocation { Right, Left, Above, Below, None };
/// legend.click_policy: 'none' or 'hide' (a click on an entry hides its line).
enum class ClickPolicy { None, Hide };

/// x_axis_type: 'linear' or 'datetime' (values are ms since the epoch, shown
/// in UTC as Bokeh does).
enum class AxisType { Linear, Datetime };
/// legend.location: where the legend sits inside the plot area.
enum class LegendLocation {
    TopRight,
    TopLeft,
    BottomLeft,
    BottomRight,
    Top,
    Bottom,
    Left,
    Right,
    Center
};

/// One axis range: fixed (Bokeh's Range1d, x_range=(start, end)) when both
/// ends are set, else following the data (DataRange1d); with follow = End
/// and a followInterval it is a window of that width over the latest data
/// (once the data spans more than that).
struct RangeSpec {
    enum class Follow { None, Start, End };
    std::optional<double> start;
    std::optional<double> end;
    Follow follow = Follow::None;
    double followInterval = 0;
    bool isFixed() const { return start && end; }
    static RangeSpec fixed(double start, double end) { return {.start = start, .end = end}; }
    static RangeSpec followEnd(double interval) {
        return {.follow = Follow::End, .followInterval = interval};
    }
};

struct FigureOptions {
    QString title;
    int width = 600;
    int height = 300;
    QString xAxisLabel;
    QString yAxisLabel;
    QList<Tool> tools = defaultTools();
    ToolbarLocation toolbarLocation = ToolbarLocation::Right;
    /// The tool a drag (the wheel) drives; when it is not among `tools`, the
    /// first tool of that sort is (Bokeh's 'auto'); nullopt: none.
    std::optional<ToolKind> activeDrag = ToolKind::Pan;
    std::optional<ToolKind> activeScroll = ToolKind::WheelZoom;
    RangeSpec xRange;
    RangeSpec yRange;
    ClickPolicy legendClickPolicy = ClickPolicy::None;
    AxisType xAxisType = AxisType::Linear;
    LegendLocation legendLocation = LegendLocation::TopRight;  ///< Bokeh's default
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

    /// p.add_tools(...): tools already there are replaced by the new ones.
    void addTools(const QList<Tool>& tools);
    /// The tool of that kind, or null.
    const Tool* tool(ToolKind kind) const;
    /// activeDrag / activeScroll resolved against `tools` (see FigureOptions).
    std::optional<ToolKind> activeDrag() const;
    std::optional<ToolKind> activeScroll() const;
    void setLegendClickPolicy(ClickPolicy policy);
    void setLegendLocation(LegendLocation location);
    void setXRange(const RangeSpec& range);
    void setYRange(const RangeSpec& range);

    /// Adds a line; throws DataError naming the missing column or source.
    void line(LineGlyph glyph);
    const QList<LineGlyph>& lines() const { return lines_; }

    /// Bokeh's Category10, the default line colours in order.
    static QColor paletteColor(int index);

signals:
    /// Lines, title or labels changed (the chart rebuilds its series).
    void changed();
    /// Tools, ranges or the legend policy changed (no data to redraw).
    void interactionChanged();

private:
    FigureOptions options_;
    QList<LineGlyph> lines_;
};

}  // namespace qpanel
