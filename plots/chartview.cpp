#include "plots/chartview.h"

#include <QBoxLayout>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QGraphicsItem>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QReadLocker>
#include <QTimer>
#include <QToolBar>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/charttools.h"
#include "plots/datetimeticks.h"

namespace qpanel {

namespace {

using Index = ColumnDataSource::Index;

struct Bounds {
    double xMin = std::numeric_limits<double>::infinity();
    double xMax = -std::numeric_limits<double>::infinity();
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -std::numeric_limits<double>::infinity();
    void add(double x0, double x1, double y0, double y1) {
        xMin = std::min(xMin, x0);
        xMax = std::max(xMax, x1);
        yMin = std::min(yMin, y0);
        yMax = std::max(yMax, y1);
    }
    bool valid() const { return xMin <= xMax && yMin <= yMax; }
};

/// Appends the min and max of `y` over rows [a, b) at x, in the order the
/// data runs (first value below last → min first), so the line keeps its shape.
void appendColumn(QList<QPointF>& points, const ColumnDataSource& source, int y, Index a, Index b,
                  double x) {
    const auto [lo, hi] = source.range(y, a, b);
    const bool rising = source.at(y, a) <= source.at(y, b - 1);
    points.append(QPointF(x, rising ? lo : hi));
    if (hi != lo) points.append(QPointF(x, rising ? hi : lo));
}

/// Adds all of one line's data to `bounds` (from the pyramids: no row scan).
void addBounds(const ColumnDataSource& source, int x, int y, Bounds& bounds) {
    const Index first = source.firstIndex();
    const Index end = source.endIndex();
    if (end <= first) return;
    const auto [yLo, yHi] = source.range(y, first, end);
    if (source.isNondecreasing(x)) {
        bounds.add(source.at(x, first), source.at(x, end - 1), yLo, yHi);
    } else {
        const auto [xLo, xHi] = source.range(x, first, end);
        bounds.add(xLo, xHi, yLo, yHi);
    }
}

/// The points to draw for one line: every row when they fit in the pixel
/// columns, else a min/max pair per pixel column. With sorted x only the rows
/// in the visible x range (and one on each side, so the line reaches the
/// edges) are drawn: a zoomed-in view keeps its full resolution.
QList<QPointF> decimate(const ColumnDataSource& source, int x, int y, int pixelColumns,
                        std::pair<double, double> visibleX) {
    QList<QPointF> points;
    Index first = source.firstIndex();
    Index end = source.endIndex();
    if (end <= first) return points;
    const bool sortedX = source.isNondecreasing(x);
    double xLo, xHi;
    if (sortedX) {
        first = std::max(first, source.lowerBound(x, first, end, visibleX.first) - 1);
        end = std::min(end, source.lowerBound(x, first, end, visibleX.second) + 1);
        if (end <= first) return points;
        xLo = source.at(x, first);
        xHi = source.at(x, end - 1);
    } else {
        std::tie(xLo, xHi) = source.range(x, first, end);
    }
    const Index rows = end - first;
    if (rows <= Index(2) * pixelColumns) {
        points.reserve(rows);
        for (Index i = first; i < end; ++i)
            points.append(QPointF(source.at(x, i), source.at(y, i)));
        return points;
    }
    points.reserve(2 * pixelColumns);
    if (sortedX && xHi > xLo) {
        // Pixel columns are x intervals; find their rows by binary search.
        const double step = (xHi - xLo) / pixelColumns;
        Index a = first;
        for (int c = 0; c < pixelColumns && a < end; ++c) {
            const double right = xLo + step * (c + 1);
            const Index b = c + 1 == pixelColumns ? end : source.lowerBound(x, a, end, right);
            if (b > a) appendColumn(points, source, y, a, b, xLo + step * (c + 0.5));
            a = b;
        }
    } else {
        // Unsorted x: equal row buckets still keep every extreme.
        for (int c = 0; c < pixelColumns; ++c) {
            const Index a = first + rows * c / pixelColumns;
            const Index b = first + rows * (c + 1) / pixelColumns;
            if (b > a) appendColumn(points, source, y, a, b, source.at(x, a + (b - a) / 2));
        }
    }
    return points;
}

/// The next step below `step` in the series 1, 2, 2.5, 4, 5 × 10^k: finer
/// than 1, 2, 5, for a short axis that must keep its two ticks few.
double smallerNiceStep(double step) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double mantissa = step / magnitude;
    for (double m : {5.0, 4.0, 2.5, 2.0, 1.0})
        if (m < mantissa - 1e-9) return m * magnitude;
    return 0.5 * magnitude;
}

/// How many multiples of `step` lie in [low, high].
double ticksWithin(double low, double high, double step) {
    return std::floor(high / step + 1e-9) - std::ceil(low / step - 1e-9) + 1;
}

/// Decimals that show every multiple of `step` exactly (0.25: 2).
int decimalsFor(double step) {
    int decimals = 0;
    for (double scaled = step; decimals < 12; ++decimals, scaled *= 10)
        if (std::abs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) break;
    return decimals;
}

/// Ticks at 1, 2 or 5 × 10^k for an axis about to show [low, high],
/// labelled without noise digits. Their number follows the axis length in
/// pixels: Qt Charts elides a label ("…") once the tick spacing is smaller
/// than the label, so a small chart gets fewer ticks rather than unreadable
/// ones, but two inside the range (a short axis showing only "0" tells
/// nothing).
void applyNiceTicks(QValueAxis* axis, double low, double high, double pixels,
                    double pixelsPerTick) {
    const double span = high - low;
    if (!(span > 0) || !std::isfinite(span)) return;
    const double ticks = pixels > 0 ? std::clamp(pixels / pixelsPerTick, 2.0, 6.0) : 6.0;
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    // Ticks are multiples of the step (anchored at 0): a step near the span
    // can leave one inside. A few finer steps reach two (5: 4, 2.5, 2, 1).
    for (int i = 0; i < 5 && ticksWithin(low, high, step) < 2; ++i) step = smallerNiceStep(step);
    if (axis->tickType() == QValueAxis::TicksDynamic && axis->tickInterval() == step) return;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(step)));
}

/// A datetime axis (a category axis labelled at its values): the ticks of
/// datetimeTicks() for [low, high], as many as fit without eliding labels.
/// Qt Charts gives each label the axis width over (ticks + 1); a tick set is
/// rebuilt only when it changes (a relayout), not each streaming frame.
void applyDatetimeTicks(QCategoryAxis* axis, double low, double high, double pixels) {
    const QFontMetricsF metrics(axis->labelsFont());
    // Ticks as many as the widest label allows, none closer to an end than
    // half a label (Qt Charts hides a label that would cross the edge).
    const auto ticksFor = [&](const QString& widest) {
        const double width = metrics.horizontalAdvance(widest);
        // Room for one more than asked: datetimeTicks may add one for two.
        const int count = pixels > 0 ? std::clamp(int(pixels / (width + 16)) - 2, 1, 6) : 6;
        const double inset = pixels > width ? (high - low) * width / 2 / pixels : 0;
        return datetimeTicks(low + inset, high - inset, count);
    };
    DatetimeTicks ticks = ticksFor(QStringLiteral("00:00"));
    QString widest;
    for (const QString& label : ticks.labels)
        if (label.size() > widest.size()) widest = label;
    if (widest.size() > 5) ticks = ticksFor(widest);
    // Category labels are keys: a repeated one gets an invisible suffix.
    QStringList labels;
    for (QString label : ticks.labels) {
        while (labels.contains(label)) label += QChar(0x200B);
        labels.append(label);
    }
    bool same = axis->categoriesLabels() == labels;
    for (qsizetype i = 0; same && i < labels.size(); ++i)
        same = axis->endValue(labels[i]) == ticks.values[i];
    if (same) return;
    for (const QString& label : axis->categoriesLabels()) axis->remove(label);
    if (ticks.values.isEmpty()) return;
    // The first category starts a step before the first tick: off the axis.
    axis->setStartValue(ticks.values.front() - ticks.step);
    for (qsizetype i = 0; i < labels.size(); ++i) axis->append(labels[i], ticks.values[i]);
}

/// Shows these ranges with ticks for the current plot area (an x label is a
/// number wide, a y label one line high, hence the different spacings).
///
/// The ticks go first: a new tick interval only marks the axis for the
/// chart's next layout pass, while a new range relays its labels at once
/// and, if their size changed, lays out the whole chart there and then.
/// Ticks after the range would lay the labels out with the old interval
/// and then again with the new one (one whole chart layout per frame more,
/// the largest single cost of a streaming frame).
void setAxisRanges(QChart* chart, QValueAxis* xAxis, ChartView::Range x, QValueAxis* yAxis,
                   ChartView::Range y) {
    const QRectF area = chart->plotArea();
    if (auto* dates = qobject_cast<QCategoryAxis*>(xAxis))
        applyDatetimeTicks(dates, x.first, x.second, area.width());
    else
        applyNiceTicks(xAxis, x.first, x.second, area.width(), 90);
    applyNiceTicks(yAxis, y.first, y.second, area.height(), 36);
    xAxis->setRange(x.first, x.second);
    yAxis->setRange(y.first, y.second);
}

/// Draws one line's decimated points as a single polyline. Qt Charts'
/// own line item rebuilds a QPainterPath with per-segment angle tests on
/// every change, which cost ~1.8 ms for 1.4k points — twice everything else
/// in a frame. The (empty) QLineSeries stays for the legend and the axes.
///
/// What it draws depends on the plot area and the axis ranges, which change
/// behind its back (the chart relayouts lazily, after a frame, when tick
/// labels change width). The scene repaints only dirty regions, so each such
/// change must reach syncGeometry(): otherwise the window keeps the line
/// drawn for the old area, and the strips other items repaint show the new
/// one — offset, broken copies that only a full repaint (resize) clears.
class PolylineItem : public QGraphicsItem {
public:
    PolylineItem(QChart* chart, QValueAxis* x, QValueAxis* y)
        : QGraphicsItem(chart), chart_(chart), x_(x), y_(y) {
        setZValue(10);  // above grid and axes, clipped to the plot area
        syncGeometry();
    }
    void setPen(const QPen& pen) {
        pen_ = pen;
        syncGeometry();
    }
    void setPoints(QList<QPointF> points) {
        points_ = std::move(points);
        update();
    }
    /// The plot area or an axis range changed: take the new bounds (telling
    /// the scene first, as QGraphicsItem requires) and repaint all of the line.
    void syncGeometry() {
        const qreal margin = pen_.widthF();
        const QRectF bounds = chart_->plotArea().adjusted(-margin, -margin, margin, margin);
        if (bounds != bounds_) {
            prepareGeometryChange();
            bounds_ = bounds;
        }
        update();
    }
    QRectF boundingRect() const override { return bounds_; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override {
        if (points_.size() < 1) return;
        const QRectF area = chart_->plotArea();
        const double xSpan = x_->max() - x_->min();
        const double ySpan = y_->max() - y_->min();
        if (!(xSpan > 0) || !(ySpan > 0)) return;
        const double sx = area.width() / xSpan, sy = area.height() / ySpan;
        mapped_.resize(points_.size());
        for (qsizetype i = 0; i < points_.size(); ++i) {
            mapped_[i] = QPointF(area.left() + (points_[i].x() - x_->min()) * sx,
                                 area.bottom() - (points_[i].y() - y_->min()) * sy);
        }
        painter->save();
        painter->setClipRect(area);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(pen_);
        // Short polylines: one long one makes the antialiased stroker fill a
        // single huge self-overlapping path, several times slower.
        constexpr qsizetype kChunk = 32;
        for (qsizetype start = 0; start + 1 < mapped_.size(); start += kChunk) {
            const qsizetype count = std::min(kChunk + 1, mapped_.size() - start);
            painter->drawPolyline(mapped_.constData() + start, int(count));
        }
        painter->restore();
    }

private:
    QChart* chart_;
    QValueAxis* x_;
    QValueAxis* y_;
    QPen pen_;
    QRectF bounds_;  // changed only through syncGeometry()
    QList<QPointF> points_;
    QList<QPointF> mapped_;
};

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

/// The same brush without a gradient when all its stops have one colour.
/// Qt Charts' light theme fills the chart background with a white-to-white
/// gradient: the raster engine fetches that gradient per pixel, on worker
/// threads the frame then waits for, for 800×400 white pixels.
QBrush solidIfUniform(const QBrush& brush) {
    const QGradient* gradient = brush.gradient();
    if (!gradient || gradient->stops().isEmpty()) return brush;
    const QColor color = gradient->stops().front().second;
    for (const QGradientStop& stop : gradient->stops())
        if (stop.second != color) return brush;
    return QBrush(color);
}

/// A one-pixel pen as a hairline (width 0): the raster engine draws both
/// alike, but QGraphicsLineItem strokes an outline path for the bounding
/// box of any wider pen, each time the scene asks for it, and every frame
/// moves all grid lines and ticks.
QPen hairline(QPen pen) {
    if (pen.widthF() == 1) pen.setWidthF(0);
    return pen;
}

}  // namespace

struct ChartView::Private {
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QValueAxis* xAxis = nullptr;
    QValueAxis* yAxis = nullptr;
    QList<QLineSeries*> series;  // empty: they carry the legend entries
    QList<PolylineItem*> lines;
    QList<bool> hidden;  // by line index; kept across rebuilds (palette changes)
    QList<QMetaObject::Connection> sourceConnections;
    QBoxLayout* layout = nullptr;
    ChartTools* tools = nullptr;
    // Set by pan and zoom: the view stays there while data streams in.
    std::optional<std::pair<Range, Range>> userView;
};

namespace {
/// The range an axis shows when the user has not moved it: the figure's
/// fixed range, a follow window over the latest data, or the data with air.
ChartView::Range axisRange(const RangeSpec& spec, double lo, double hi, double padFraction,
                           bool padLow) {
    if (spec.isFixed()) return {*spec.start, *spec.end};
    // As Bokeh's DataRange1d: the interval caps the span; less data shows all of it.
    if (spec.follow != RangeSpec::Follow::None && spec.followInterval > 0 &&
        hi - lo > spec.followInterval) {
        if (spec.follow == RangeSpec::Follow::End) return {hi - spec.followInterval, hi};
        return {lo, lo + spec.followInterval};
    }
    double pad = (hi - lo) * padFraction;
    if (pad == 0) pad = 1;
    ChartView::Range range{lo - (padLow || hi <= lo ? pad : 0), hi + pad};
    if (spec.start) range.first = *spec.start;
    if (spec.end) range.second = *spec.end;
    return range;
}
}  // namespace

ChartView::ChartView(Figure* figure, QWidget* parent)
    : QWidget(parent), d_(std::make_unique<Private>()), figure_(figure) {
    d_->chart = new QChart;
    d_->chart->setAnimationOptions(QChart::NoAnimation);  // streaming: animations would lag
    d_->chart->setMargins(QMargins(4, 4, 4, 4));
    d_->chart->setDropShadowEnabled(false);  // a blurred shadow repainted every frame
    if (figure->options().xAxisType == AxisType::Datetime) {
        auto* dates = new QCategoryAxis;
        dates->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        d_->xAxis = dates;
    } else {
        d_->xAxis = new QValueAxis;
    }
    d_->yAxis = new QValueAxis;
    d_->chart->addAxis(d_->xAxis, Qt::AlignBottom);
    d_->chart->addAxis(d_->yAxis, Qt::AlignLeft);
    d_->view = new QChartView(d_->chart, this);
    // Grid and axes are axis-aligned: antialiasing them costs time for nothing.
    // The data lines antialias themselves (PolylineItem).
    d_->view->setRenderHint(QPainter::Antialiasing, false);
    d_->view->setFrameShape(QFrame::NoFrame);
    // Every frame moves the grid lines, ticks and labels: keeping them in the
    // scene's BSP index costs a stroked outline (QGraphicsLineItem::shape)
    // per moved item, for lookups that a chart this small doesn't need.
    d_->view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    d_->layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    d_->layout->setContentsMargins(0, 0, 0, 0);
    d_->layout->setSpacing(0);
    d_->tools = new ChartTools(this, d_->view, d_->view->viewport());
    connect(d_->tools, &ChartTools::saveRequested, this, &ChartView::saveWithDialog);
    connect(figure, &Figure::interactionChanged, this, &ChartView::applyInteraction);
    applyInteraction();
    // The lines draw in plot-area coordinates mapped by the axes: follow both.
    const auto syncLines = [this] {
        for (PolylineItem* line : d_->lines) line->syncGeometry();
    };
    connect(d_->chart, &QChart::plotAreaChanged, this, syncLines);
    // As Bokeh's, the legend sits inside the plot area (placeLegend).
    d_->chart->legend()->detachFromChart();
    d_->chart->legend()->setAlignment(Qt::AlignLeft);  // one entry per row, left-aligned
    d_->chart->legend()->setZValue(20);                // above the lines
    connect(d_->chart, &QChart::plotAreaChanged, this, &ChartView::placeLegend);
    connect(d_->xAxis, &QValueAxis::rangeChanged, this, syncLines);
    connect(d_->yAxis, &QValueAxis::rangeChanged, this, syncLines);
    connect(figure, &Figure::changed, this, &ChartView::rebuildSeries);
    // A palette set before the view existed (app-wide dark mode) sends no
    // PaletteChange, so the theme is chosen here too.
    applyPaletteTheme();
}

ChartView::~ChartView() = default;

QSize ChartView::sizeHint() const {
    return figure_ ? QSize(figure_->options().width, figure_->options().height) : QSize(600, 300);
}

void ChartView::applyPaletteTheme() {
    // Themes reset series pens, so the glyph colours are applied again.
    d_->chart->setTheme(isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    d_->chart->setDropShadowEnabled(false);
    d_->chart->setBackgroundBrush(solidIfUniform(d_->chart->backgroundBrush()));
    for (QValueAxis* axis : {d_->xAxis, d_->yAxis}) {
        axis->setGridLinePen(hairline(axis->gridLinePen()));
        axis->setLinePen(hairline(axis->linePen()));
    }
    QLegend* legend = d_->chart->legend();
    QColor fill = d_->chart->backgroundBrush().color();
    fill.setAlphaF(0.85);
    legend->setBackgroundVisible(true);
    legend->setBrush(fill);
    legend->setPen(hairline(d_->xAxis->gridLinePen()));
    rebuildSeries();
}

void ChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyPaletteTheme();
    QWidget::changeEvent(event);
}

void ChartView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    scheduleFrame();  // the pixel width sets the decimation
}

void ChartView::rebuildSeries() {
    if (!figure_) return;
    for (const auto& connection : d_->sourceConnections) disconnect(connection);
    d_->sourceConnections.clear();
    for (QLineSeries* s : d_->series) {
        d_->chart->removeSeries(s);
        delete s;
    }
    d_->series.clear();
    qDeleteAll(d_->lines);
    d_->lines.clear();
    const FigureOptions& options = figure_->options();
    d_->chart->setTitle(options.title);
    d_->xAxis->setTitleText(options.xAxisLabel);
    d_->yAxis->setTitleText(options.yAxisLabel);
    bool anyLegend = false;
    d_->hidden.resize(figure_->lines().size());
    for (const LineGlyph& glyph : figure_->lines()) {
        auto* series = new QLineSeries;
        series->setName(glyph.legendLabel);
        QPen pen(glyph.color);
        pen.setWidthF(glyph.lineWidth);
        series->setPen(pen);
        d_->chart->addSeries(series);
        series->attachAxis(d_->xAxis);
        series->attachAxis(d_->yAxis);
        d_->series.append(series);
        auto* line = new PolylineItem(d_->chart, d_->xAxis, d_->yAxis);
        line->setPen(pen);
        const int index = int(d_->lines.size());
        d_->lines.append(line);
        for (QLegendMarker* marker : d_->chart->legend()->markers(series)) {
            marker->setVisible(!glyph.legendLabel.isEmpty());  // as Bokeh: labelled glyphs only
            connect(marker, &QLegendMarker::clicked, this, [this, index] {
                if (figure_ && figure_->options().legendClickPolicy == ClickPolicy::Hide)
                    setLineVisible(index, !isLineVisible(index));
            });
        }
        anyLegend |= !glyph.legendLabel.isEmpty();
        if (glyph.source)
            d_->sourceConnections.append(connect(glyph.source, &ColumnDataSource::dataChanged, this,
                                                 &ChartView::scheduleFrame));
    }
    d_->chart->legend()->setVisible(anyLegend);
    placeLegend();
    for (int i = 0; i < d_->lines.size(); ++i)
        if (d_->hidden[i]) setLineVisible(i, false);
    scheduleFrame();
}

void ChartView::applyInteraction() {
    if (!figure_) return;
    d_->tools->configure(*figure_);
    placeToolbar();
    placeLegend();
    scheduleFrame();  // the ranges may have changed
}

void ChartView::placeToolbar() {
    QToolBar* toolbar = d_->tools->toolbar();
    const ToolbarLocation where = figure_->options().toolbarLocation;
    const bool vertical = where == ToolbarLocation::Right || where == ToolbarLocation::Left;
    toolbar->setOrientation(vertical ? Qt::Vertical : Qt::Horizontal);
    toolbar->setVisible(where != ToolbarLocation::None && !toolbar->actions().isEmpty());
    d_->layout->removeWidget(toolbar);
    d_->layout->removeWidget(d_->view);
    d_->layout->setDirection(vertical ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    const bool toolbarFirst = where == ToolbarLocation::Left || where == ToolbarLocation::Above;
    if (toolbarFirst) d_->layout->addWidget(toolbar);
    d_->layout->addWidget(d_->view, 1);
    if (!toolbarFirst) d_->layout->addWidget(toolbar);
}

void ChartView::placeLegend() {
    QLegend* legend = d_->chart->legend();
    if (!figure_ || !legend->isVisible()) return;
    const QRectF area = d_->chart->plotArea();
    constexpr double kMargin = 10;  // Bokeh's legend margin
    // Qt's hint is one entry's size (plus margins); entries stack vertically.
    qreal l = 0, t = 0, r = 0, b = 0;
    legend->layout()->getContentsMargins(&l, &t, &r, &b);
    const QSizeF entry = legend->effectiveSizeHint(Qt::PreferredSize) - QSizeF(l + r, t + b);
    qsizetype entries = 0;
    for (QLegendMarker* marker : legend->markers()) entries += marker->isVisible();
    const QSizeF size = QSizeF(entry.width() + l + r, entries * entry.height() + t + b)
                            .boundedTo(area.size() - QSizeF(2 * kMargin, 2 * kMargin));
    const double left = area.left() + kMargin, right = area.right() - kMargin - size.width();
    const double top = area.top() + kMargin, bottom = area.bottom() - kMargin - size.height();
    const double middleX = area.center().x() - size.width() / 2;
    const double middleY = area.center().y() - size.height() / 2;
    QPointF at;
    switch (figure_->options().legendLocation) {
        case LegendLocation::TopRight:
            at = {right, top};
            break;
        case LegendLocation::TopLeft:
            at = {left, top};
            break;
        case LegendLocation::BottomLeft:
            at = {left, bottom};
            break;
        case LegendLocation::BottomRight:
            at = {right, bottom};
            break;
        case LegendLocation::Top:
            at = {middleX, top};
            break;
        case LegendLocation::Bottom:
            at = {middleX, bottom};
            break;
        case LegendLocation::Left:
            at = {left, middleY};
            break;
        case LegendLocation::Right:
            at = {right, middleY};
            break;
        case LegendLocation::Center:
            at = {middleX, middleY};
            break;
    }
    if (legend->geometry() == QRectF(at, size)) return;
    legend->setGeometry(QRectF(at, size));
    legend->update();
}

QRectF ChartView::legendRect() const {
    QLegend* legend = d_->chart->legend();
    if (!legend->isVisible()) return {};
    return d_->view->mapFromScene(legend->sceneBoundingRect())
        .boundingRect()
        .translated(d_->view->pos());
}

ChartTools* ChartView::tools() const {
    return d_->tools;
}

QWidget* ChartView::canvas() const {
    return d_->view;
}

QRect ChartView::canvasRect() const {
    return d_->view->geometry();
}

bool ChartView::isLineVisible(int line) const {
    return line >= 0 && line < d_->hidden.size() && !d_->hidden[line];
}

void ChartView::setLineVisible(int line, bool visible) {
    if (line < 0 || line >= d_->lines.size()) return;
    const bool changed = d_->hidden[line] == visible;
    d_->hidden[line] = !visible;
    d_->lines[line]->setVisible(visible);
    // Bokeh greys a hidden line's entry; Qt Charts would drop it altogether.
    for (QLegendMarker* marker : d_->chart->legend()->markers(d_->series[line])) {
        QColor label = palette().color(QPalette::WindowText);
        QColor swatch = d_->series[line]->pen().color();
        if (!visible) {
            label.setAlphaF(0.35);
            swatch.setAlphaF(0.25);
        }
        marker->setLabelBrush(label);
        marker->setBrush(swatch);
        marker->setPen(QPen(swatch));
    }
    if (changed) {
        d_->tools->clearHover();
        emit lineVisibilityChanged(line, visible);
    }
}

QRectF ChartView::legendEntryRect(int line) const {
    if (!figure_ || line < 0 || line >= figure_->lines().size()) return {};
    const QString label = figure_->lines()[line].legendLabel;
    if (label.isEmpty() || !d_->chart->legend()->isVisible()) return {};
    // Qt Charts keeps its marker items private: find the entry by its text.
    QList<QGraphicsItem*> pending = d_->chart->legend()->childItems();
    while (!pending.isEmpty()) {
        QGraphicsItem* item = pending.takeFirst();
        pending.append(item->childItems());
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (!text || text->toPlainText() != label || !text->isVisible()) continue;
        // The entry is the text with its swatch: the parent item's box.
        const QRectF scene = item->parentItem() ? item->parentItem()->sceneBoundingRect()
                                                : item->sceneBoundingRect();
        return d_->view->mapFromScene(scene).boundingRect().translated(d_->view->pos());
    }
    return {};
}

void ChartView::setViewRanges(Range x, Range y) {
    if (!(x.second > x.first) || !(y.second > y.first)) return;
    d_->userView = std::make_pair(x, y);
    setAxisRanges(d_->chart, d_->xAxis, x, d_->yAxis, y);
    scheduleFrame();  // decimate again for the new x range
}

void ChartView::resetView() {
    d_->userView.reset();
    buildFrame();
}

bool ChartView::isFollowing() const {
    return !d_->userView;
}

void ChartView::scheduleFrame() {
    if (framePending_) return;
    framePending_ = true;
    QTimer::singleShot(0, this, [this] {
        if (framePending_) buildFrame();
    });
}

void ChartView::refreshNow() {
    buildFrame();
}

std::pair<double, double> ChartView::xRange() const {
    return {d_->xAxis->min(), d_->xAxis->max()};
}
std::pair<double, double> ChartView::yRange() const {
    return {d_->yAxis->min(), d_->yAxis->max()};
}
QRectF ChartView::plotArea() const {
    return d_->chart->plotArea().translated(d_->view->mapTo(this, QPoint(0, 0)));
}

void ChartView::buildFrame() {
    framePending_ = false;
    if (!figure_) return;
    const int pixelColumns = std::max(
        64, int(d_->chart->plotArea().width() > 0 ? d_->chart->plotArea().width() : width()));
    const auto& lines = figure_->lines();
    const qsizetype count = std::min(lines.size(), d_->series.size());
    // Pass 1: the ranges (the data's bounds come from the pyramids).
    if (!d_->userView) {
        Bounds bounds;
        for (qsizetype i = 0; i < count; ++i) {
            const LineGlyph& glyph = lines[i];
            ColumnDataSource* source = glyph.source.data();
            if (!source) continue;
            QReadLocker locker(&source->dataLock());
            const int x = source->columnIndex(glyph.x);
            const int y = source->columnIndex(glyph.y);
            if (x >= 0 && y >= 0) addBounds(*source, x, y, bounds);
        }
        const FigureOptions& options = figure_->options();
        if (bounds.valid() || (options.xRange.isFixed() && options.yRange.isFixed())) {
            if (!bounds.valid()) bounds.add(0, 1, 0, 1);
            // Axes follow the data (also while it rolls over), with a little air.
            const Range x = axisRange(options.xRange, bounds.xMin, bounds.xMax, 0.02, false);
            const Range y = axisRange(options.yRange, bounds.yMin, bounds.yMax, 0.05, true);
            setAxisRanges(d_->chart, d_->xAxis, x, d_->yAxis, y);
        }
    }
    // Pass 2: the points in the visible x range.
    int total = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const LineGlyph& glyph = lines[i];
        QList<QPointF> points;
        if (ColumnDataSource* source = glyph.source.data()) {
            QReadLocker locker(&source->dataLock());
            const int x = source->columnIndex(glyph.x);
            const int y = source->columnIndex(glyph.y);
            if (x >= 0 && y >= 0) points = decimate(*source, x, y, pixelColumns, xRange());
        }
        total += int(points.size());
        d_->lines[i]->setPoints(std::move(points));  // one update per frame, never append
    }
    lastFramePoints_ = total;
    placeLegend();  // entries rebuilt since (a theme, new lines) size it only now
    ++frames_;
    emit frameRendered();
}

QPixmap ChartView::grabFrame() {
    if (framePending_) buildFrame();
    // Axis changes relayout the chart lazily; settle that before grabbing.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return grab();
}

QImage ChartView::renderImage() {
    return grabFrame().toImage();
}

QImage ChartView::renderPlot() {
    d_->layout->activate();  // a hidden view has not placed its canvas yet
    if (framePending_) buildFrame();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    d_->tools->setOverlaysVisible(false);
    const QImage image = d_->view->grab().toImage();
    d_->tools->setOverlaysVisible(true);
    return image;
}

void ChartView::saveWithDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save chart"),
        (figure_ && !figure_->options().title.isEmpty() ? figure_->options().title
                                                        : QStringLiteral("chart")) +
            QStringLiteral(".png"),
        tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    QString error;
    if (!savePng(path, &error)) qWarning("%s", qPrintable(error));
}

bool ChartView::savePng(const QString& path, QString* error) {
    const QImage image = renderPlot();
    if (image.save(path, "PNG")) return true;
    if (error) *error = QStringLiteral("could not write PNG to '%1'").arg(path);
    return false;
}

}  // namespace qpanel
