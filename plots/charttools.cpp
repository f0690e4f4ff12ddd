#include "plots/charttools.h"

#include <QAction>
#include <QActionGroup>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QReadLocker>
#include <QRegularExpression>
#include <QToolBar>
#include <QWheelEvent>
#include <cmath>

#include "plots/chartview.h"
#include "plots/datetimeticks.h"

namespace qpanel {

namespace {

using Index = ColumnDataSource::Index;

/// Bokeh's wheel zoom: one notch (120 units) zooms by a fifth.
constexpr double kZoomPerNotch = 0.8;
/// A box smaller than this (pixels) is a click, not a zoom.
constexpr double kMinimumBox = 4;

QString formatNumber(double value) {
    return QString::number(value, 'g', 6);
}

/// An x value as its axis shows it: a UTC date and time on a datetime axis.
QString formatX(const Figure& figure, double value) {
    return figure.options().xAxisType == AxisType::Datetime ? formatDatetime(value)
                                                            : formatNumber(value);
}

/// The row of one line nearest to the cursor, as hover shows it.
struct HoverHit {
    int line = -1;
    Index row = 0;
    double x = 0;
    double y = 0;
    QPointF position;  // viewport coordinates
    QColor color;
};

/// Maps data to viewport pixels and back for the current ranges.
struct PlotMapping {
    QRectF plot;
    ChartView::Range x;
    ChartView::Range y;
    QPointF toPixel(double vx, double vy) const {
        return {plot.left() + (vx - x.first) / (x.second - x.first) * plot.width(),
                plot.bottom() - (vy - y.first) / (y.second - y.first) * plot.height()};
    }
    QPointF toData(QPointF p) const {
        return {x.first + (p.x() - plot.left()) / plot.width() * (x.second - x.first),
                y.first + (plot.bottom() - p.y()) / plot.height() * (y.second - y.first)};
    }
};

/// The nearest row of each visible line: by x when x is sorted (a binary
/// search, Bokeh's vline mode), else by pixel distance over all rows.
QList<HoverHit> nearestPoints(const ChartView& view, const PlotMapping& map, QPointF cursor) {
    QList<HoverHit> hits;
    const Figure* figure = view.figure();
    if (!figure) return hits;
    const double cx = map.toData(cursor).x();
    for (int i = 0; i < figure->lines().size(); ++i) {
        const LineGlyph& glyph = figure->lines()[i];
        ColumnDataSource* source = glyph.source.data();
        if (!source || !view.isLineVisible(i)) continue;
        QReadLocker locker(&source->dataLock());
        const int x = source->columnIndex(glyph.x);
        const int y = source->columnIndex(glyph.y);
        const Index first = source->firstIndex(), end = source->endIndex();
        if (x < 0 || y < 0 || end <= first) continue;
        Index best = first;
        if (source->isNondecreasing(x)) {
            const Index i1 = std::min(source->lowerBound(x, first, end, cx), end - 1);
            best = i1;
            if (i1 > first &&
                std::abs(source->at(x, i1 - 1) - cx) <= std::abs(source->at(x, i1) - cx))
                best = i1 - 1;
        } else {
            double bestDistance = std::numeric_limits<double>::infinity();
            for (Index r = first; r < end; ++r) {
                const QPointF p = map.toPixel(source->at(x, r), source->at(y, r));
                const double d = std::hypot(p.x() - cursor.x(), p.y() - cursor.y());
                if (d < bestDistance) bestDistance = d, best = r;
            }
        }
        HoverHit hit{.line = i, .row = best, .x = source->at(x, best), .y = source->at(y, best)};
        hit.position = map.toPixel(hit.x, hit.y);
        hit.color = glyph.color;
        // A point scrolled out of view is not "under the cursor".
        if (!map.plot.adjusted(-1, -1, 1, 1)
                 .contains(QPointF(hit.position.x(), map.plot.center().y())))
            continue;
        hits.append(hit);
    }
    return hits;
}

/// One tooltip field: `@col`, `@{col}`, `$x`, `$y`, `$index`, `$name`.
QString expandField(const QString& spec, const Figure& figure, const LineGlyph& glyph,
                    const HoverHit& hit) {
    static const QRegularExpression field(QStringLiteral(R"(@\{([^}]*)\}|@(\w+)|\$(\w+))"));
    ColumnDataSource* source = glyph.source.data();
    QString out;
    qsizetype last = 0;
    for (auto it = field.globalMatch(spec); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += spec.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString column = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        if (!m.captured(3).isEmpty()) {
            const QString special = m.captured(3);
            if (special == QLatin1String("x"))
                out += formatX(figure, hit.x);
            else if (special == QLatin1String("y"))
                out += formatNumber(hit.y);
            else if (special == QLatin1String("index"))
                out += QString::number(hit.row - (source ? source->firstIndex() : 0));
            else if (special == QLatin1String("name"))
                out += glyph.legendLabel;
            else
                out += m.captured(0);
            continue;
        }
        const int c = source ? source->columnIndex(column) : -1;
        const bool live = source && hit.row >= source->firstIndex() && hit.row < source->endIndex();
        out += c >= 0 && live ? formatNumber(source->at(c, hit.row))
                              : QStringLiteral("???");  // as Bokeh
    }
    out += spec.mid(last);
    return out;
}

/// The readout for the hits: "label: x = 1, y = 2" per line by default.
QString hoverReadout(const Figure& figure, const QList<HoverHit>& hits,
                     const QList<std::pair<QString, QString>>& tooltips) {
    QStringList rows;
    for (const HoverHit& hit : hits) {
        const LineGlyph& glyph = figure.lines()[hit.line];
        QReadLocker locker(glyph.source ? &glyph.source->dataLock() : nullptr);
        if (tooltips.isEmpty()) {
            const QString xy =
                QStringLiteral("x = %1, y = %2").arg(formatX(figure, hit.x), formatNumber(hit.y));
            rows.append(
                glyph.legendLabel.isEmpty() ? xy : glyph.legendLabel + QStringLiteral(": ") + xy);
            continue;
        }
        for (const auto& [label, spec] : tooltips)
            rows.append(label + QStringLiteral(": ") + expandField(spec, figure, glyph, hit));
    }
    return rows.join(QLatin1Char('\n'));
}

/// Toolbar icons drawn in the palette's text colour, so they suit both themes.
QIcon toolIcon(ToolKind kind, const QColor& ink) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(ink, 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    switch (kind) {
        case ToolKind::Pan: {
            // Four arrows out of the centre.
            p.drawLine(QPointF(16, 4), QPointF(16, 28));
            p.drawLine(QPointF(4, 16), QPointF(28, 16));
            for (const double angle : {0.0, 90.0, 180.0, 270.0}) {
                const QTransform tr = QTransform().translate(16, 16).rotate(angle);
                p.drawPolyline(QPolygonF(
                    {tr.map(QPointF(-4, -8)), tr.map(QPointF(0, -12)), tr.map(QPointF(4, -8))}));
            }
            break;
        }
        case ToolKind::WheelZoom:
        case ToolKind::BoxZoom: {
            if (kind == ToolKind::BoxZoom) {
                QPen dashed = pen;
                dashed.setStyle(Qt::DashLine);
                dashed.setWidthF(1.6);
                p.setPen(dashed);
                p.drawRect(QRectF(3, 3, 18, 18));
                p.setPen(pen);
            }
            p.drawEllipse(QPointF(13, 13), 7, 7);
            p.drawLine(QPointF(18.5, 18.5), QPointF(28, 28));
            if (kind == ToolKind::WheelZoom) {
                p.drawLine(QPointF(10, 13), QPointF(16, 13));
                p.drawLine(QPointF(13, 10), QPointF(13, 16));
            }
            break;
        }
        case ToolKind::Reset: {
            QPainterPath arc;
            arc.arcMoveTo(QRectF(5, 5, 22, 22), 60);
            arc.arcTo(QRectF(5, 5, 22, 22), 60, 290);
            p.drawPath(arc);
            p.drawPolyline(QPolygonF({QPointF(21, 3), QPointF(22, 8), QPointF(17, 10)}));
            break;
        }
        case ToolKind::Save: {
            p.drawLine(QPointF(16, 4), QPointF(16, 20));
            p.drawPolyline(QPolygonF({QPointF(10, 14), QPointF(16, 20), QPointF(22, 14)}));
            p.drawPolyline(
                QPolygonF({QPointF(5, 20), QPointF(5, 27), QPointF(27, 27), QPointF(27, 20)}));
            break;
        }
        case ToolKind::Hover: {
            QPainterPath bubble;
            bubble.addRoundedRect(QRectF(4, 5, 24, 16), 4, 4);
            bubble.moveTo(10, 21);
            bubble.lineTo(9, 28);
            bubble.lineTo(16, 21);
            p.drawPath(bubble.simplified());
            p.drawLine(QPointF(9, 11), QPointF(23, 11));
            p.drawLine(QPointF(9, 15), QPointF(19, 15));
            break;
        }
    }
    return QIcon(pixmap);
}

QString toolTitle(ToolKind kind) {
    switch (kind) {
        case ToolKind::Pan:
            return ChartTools::tr("Pan (drag)");
        case ToolKind::WheelZoom:
            return ChartTools::tr("Wheel zoom (around the cursor)");
        case ToolKind::BoxZoom:
            return ChartTools::tr("Box zoom (drag a box; Escape cancels)");
        case ToolKind::Reset:
            return ChartTools::tr("Reset (or double-click)");
        case ToolKind::Save:
            return ChartTools::tr("Save as PNG");
        case ToolKind::Hover:
            return ChartTools::tr("Hover (show the nearest values)");
    }
    return {};
}

}  // namespace

/// Draws the rubber band and the hovered points over the chart.
class ToolOverlay : public QWidget {
public:
    explicit ToolOverlay(QWidget* parent) : QWidget(parent) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
    }
    std::optional<QRectF> band;
    QList<std::pair<QPointF, QColor>> markers;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        if (band) {
            // Bokeh's box zoom overlay: translucent grey with a dashed edge.
            const bool dark = palette().color(QPalette::Window).lightness() < 128;
            const QColor ink = dark ? QColor(230, 230, 230) : QColor(40, 40, 40);
            QColor fill = dark ? QColor(200, 200, 200) : QColor(128, 128, 128);
            fill.setAlphaF(0.3);
            QPen pen(ink, 1, Qt::DashLine);
            p.setPen(pen);
            p.setBrush(fill);
            p.drawRect(*band);
        }
        for (const auto& [point, color] : markers) {
            p.setPen(QPen(color, 2));
            p.setBrush(palette().color(QPalette::Base));
            p.drawEllipse(point, 4, 4);
        }
    }
};

ChartTools::ChartTools(ChartView* view, QWidget* canvas, QWidget* viewport)
    : QObject(view), view_(view), canvas_(canvas), viewport_(viewport) {
    toolbar_ = new QToolBar(view);
    toolbar_->setIconSize(QSize(16, 16));
    toolbar_->setMovable(false);
    toolbar_->setFloatable(false);
    toolbar_->setContextMenuPolicy(Qt::PreventContextMenu);
    toolbar_->hide();  // until the view places it (a view without figure has none)
    overlay_ = new ToolOverlay(viewport);
    overlay_->resize(viewport->size());
    overlay_->show();
    tooltip_ = new QLabel(viewport);
    tooltip_->setAttribute(Qt::WA_TransparentForMouseEvents);
    tooltip_->setObjectName(QStringLiteral("qpanelHoverReadout"));
    tooltip_->setAutoFillBackground(true);
    tooltip_->setFrameShape(QFrame::Box);
    tooltip_->setMargin(4);
    tooltip_->setForegroundRole(QPalette::ToolTipText);
    tooltip_->setBackgroundRole(QPalette::ToolTipBase);
    tooltip_->hide();
    viewport->setMouseTracking(true);
    viewport->installEventFilter(this);
    canvas->installEventFilter(this);
    canvas->setFocusPolicy(Qt::ClickFocus);  // Escape reaches a box zoom; Tab skips it
    connect(view, &ChartView::frameRendered, this, [this] {
        if (hoverPos_) hoverAt(*hoverPos_);  // the data under the cursor moved
    });
}

ChartTools::~ChartTools() = default;

void ChartTools::configure(const Figure& figure) {
    const Tool* hover = figure.tool(ToolKind::Hover);
    tooltips_ = hover ? hover->tooltips : QList<std::pair<QString, QString>>{};
    activeDrag_ = figure.activeDrag();
    activeScroll_ = figure.activeScroll();
    hoverActive_ = hover != nullptr;
    rebuildToolbar(figure);
    cancelGesture();
    clearHover();
}

void ChartTools::rebuildToolbar(const Figure& figure) {
    toolbar_->clear();
    actions_.clear();
    auto* drags = new QActionGroup(toolbar_);
    drags->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    // Bokeh's order: drags, scroll, then actions, then inspectors.
    const ToolKind order[] = {ToolKind::Pan,  ToolKind::BoxZoom, ToolKind::WheelZoom,
                              ToolKind::Save, ToolKind::Reset,   ToolKind::Hover};
    for (ToolKind kind : order) {
        if (!figure.tool(kind)) continue;
        QAction* action = toolbar_->addAction(toolTitle(kind));
        action->setObjectName(toolName(kind));
        action->setToolTip(toolTitle(kind));
        actions_.append({kind, action});
        switch (kind) {
            case ToolKind::Pan:
            case ToolKind::BoxZoom:
                action->setCheckable(true);
                drags->addAction(action);
                connect(action, &QAction::toggled, this, [this, kind](bool on) {
                    if (on)
                        activeDrag_ = kind;
                    else if (activeDrag_ == kind)
                        activeDrag_.reset();
                });
                break;
            case ToolKind::WheelZoom:
                action->setCheckable(true);
                connect(action, &QAction::toggled, this, [this](bool on) {
                    activeScroll_ = on ? std::optional(ToolKind::WheelZoom) : std::nullopt;
                });
                break;
            case ToolKind::Hover:
                action->setCheckable(true);
                connect(action, &QAction::toggled, this, &ChartTools::setHoverActive);
                break;
            case ToolKind::Reset:
                connect(action, &QAction::triggered, view_, &ChartView::resetView);
                break;
            case ToolKind::Save:
                connect(action, &QAction::triggered, this, &ChartTools::saveRequested);
                break;
        }
    }
    syncActions();
    refreshIcons();
}

void ChartTools::refreshIcons() {
    const QColor ink = view_->palette().color(QPalette::WindowText);
    for (const auto& [kind, action] : actions_) action->setIcon(toolIcon(kind, ink));
}

void ChartTools::syncActions() {
    for (const auto& [kind, action] : actions_) {
        const QSignalBlocker blocker(action);
        if (isDragTool(kind)) action->setChecked(activeDrag_ == kind);
        if (kind == ToolKind::WheelZoom) action->setChecked(activeScroll_ == kind);
        if (kind == ToolKind::Hover) action->setChecked(hoverActive_);
    }
}

QAction* ChartTools::action(ToolKind kind) const {
    for (const auto& [k, action] : actions_)
        if (k == kind) return action;
    return nullptr;
}

void ChartTools::setActiveDrag(std::optional<ToolKind> tool) {
    activeDrag_ = tool;
    syncActions();
}

void ChartTools::setActiveScroll(std::optional<ToolKind> tool) {
    activeScroll_ = tool;
    syncActions();
}

void ChartTools::setHoverActive(bool active) {
    hoverActive_ = active;
    if (!active) clearHover();
    syncActions();
}

QRectF ChartTools::plotRect() const {
    return view_->plotArea().translated(-QPointF(viewport_->mapTo(view_, QPoint(0, 0))));
}

bool ChartTools::overLegend(QPointF pos) const {
    return view_->legendRect()
        .translated(-QPointF(viewport_->mapTo(view_, QPoint(0, 0))))
        .contains(pos);
}

std::optional<QRectF> ChartTools::rubberBand() const {
    return overlay_->band;
}

void ChartTools::setOverlaysVisible(bool visible) {
    overlay_->setVisible(visible);
    tooltip_->setVisible(visible && !hoverText_.isEmpty());
}

bool ChartTools::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::Resize:
            if (watched == viewport_) overlay_->resize(viewport_->size());
            break;
        case QEvent::PaletteChange:
            if (watched == canvas_) refreshIcons();
            break;
        case QEvent::KeyPress:
            if (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
                gesture_ != Gesture::None) {
                cancelGesture();
                return true;
            }
            break;
        case QEvent::Leave:
            if (watched == viewport_) clearHover();
            break;
        default:
            break;
    }
    if (watched != viewport_) return false;
    switch (event->type()) {
        case QEvent::MouseButtonPress:
            return mousePress(static_cast<QMouseEvent*>(event));
        case QEvent::MouseMove:
            return mouseMove(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonRelease:
            return mouseRelease(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonDblClick:
            if (static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton &&
                plotRect().contains(static_cast<QMouseEvent*>(event)->position()) &&
                !overLegend(static_cast<QMouseEvent*>(event)->position())) {
                cancelGesture();
                view_->resetView();
                return true;
            }
            return false;
        case QEvent::Wheel:
            return wheel(static_cast<QWheelEvent*>(event));
        default:
            return false;
    }
}

bool ChartTools::mousePress(QMouseEvent* event) {
    // Outside the plot (the axes) and on the legend the chart's own items get the click.
    if (event->button() != Qt::LeftButton || !activeDrag_ ||
        !plotRect().contains(event->position()) || overLegend(event->position()))
        return false;
    canvas_->setFocus(Qt::MouseFocusReason);  // for Escape
    pressPos_ = event->position();
    pressPlot_ = plotRect();
    pressX_ = view_->xRange();
    pressY_ = view_->yRange();
    gesture_ = *activeDrag_ == ToolKind::Pan ? Gesture::Pan : Gesture::BoxZoom;
    clearHover();  // a readout left from before the drag would be stale
    return true;
}

bool ChartTools::mouseMove(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (gesture_ == Gesture::Pan) {
        // The data under the press point follows the cursor.
        const QRectF& plot = pressPlot_;
        const double dx =
            (pos.x() - pressPos_.x()) / plot.width() * (pressX_.second - pressX_.first);
        const double dy =
            (pos.y() - pressPos_.y()) / plot.height() * (pressY_.second - pressY_.first);
        view_->setViewRanges({pressX_.first - dx, pressX_.second - dx},
                             {pressY_.first + dy, pressY_.second + dy});
        return true;
    }
    if (gesture_ == Gesture::BoxZoom) {
        overlay_->band = QRectF(pressPos_, pos).normalized().intersected(plotRect());
        overlay_->update();
        return true;
    }
    if (hoverActive_) hoverAt(pos);
    return false;
}

bool ChartTools::mouseRelease(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || gesture_ == Gesture::None) return false;
    if (gesture_ == Gesture::BoxZoom) {
        const QRectF box =
            QRectF(pressPos_, event->position()).normalized().intersected(plotRect());
        if (box.width() >= kMinimumBox && box.height() >= kMinimumBox) {
            const PlotMapping map{plotRect(), view_->xRange(), view_->yRange()};
            const QPointF a = map.toData(box.bottomLeft()), b = map.toData(box.topRight());
            view_->setViewRanges({a.x(), b.x()}, {a.y(), b.y()});
        }
    }
    cancelGesture();
    return true;
}

bool ChartTools::wheel(QWheelEvent* event) {
    if (activeScroll_ != ToolKind::WheelZoom || !plotRect().contains(event->position()))
        return false;
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) return false;
    const double scale = std::pow(kZoomPerNotch, notches);
    const PlotMapping map{plotRect(), view_->xRange(), view_->yRange()};
    const QPointF c = map.toData(event->position());
    // The data point under the cursor stays under it.
    view_->setViewRanges(
        {c.x() - (c.x() - map.x.first) * scale, c.x() + (map.x.second - c.x()) * scale},
        {c.y() - (c.y() - map.y.first) * scale, c.y() + (map.y.second - c.y()) * scale});
    event->accept();
    return true;
}

void ChartTools::cancelGesture() {
    gesture_ = Gesture::None;
    if (overlay_->band) {
        overlay_->band.reset();
        overlay_->update();
    }
}

void ChartTools::hoverAt(QPointF pos) {
    const QRectF plot = plotRect();
    if (!hoverActive_ || !view_->figure() || !plot.contains(pos)) {
        clearHover();
        return;
    }
    hoverPos_ = pos;
    const PlotMapping map{plot, view_->xRange(), view_->yRange()};
    const QList<HoverHit> hits = nearestPoints(*view_, map, pos);
    hoverText_ = hoverReadout(*view_->figure(), hits, tooltips_);
    overlay_->markers.clear();
    for (const HoverHit& hit : hits) overlay_->markers.append({hit.position, hit.color});
    overlay_->update();
    if (hoverText_.isEmpty()) {
        tooltip_->hide();
        return;
    }
    tooltip_->setText(hoverText_);
    tooltip_->adjustSize();
    // Beside the cursor, kept inside the chart.
    QPoint at = pos.toPoint() + QPoint(14, 14);
    const QSize size = tooltip_->size();
    if (at.x() + size.width() > viewport_->width()) at.rx() = pos.toPoint().x() - 14 - size.width();
    if (at.y() + size.height() > viewport_->height())
        at.ry() = pos.toPoint().y() - 14 - size.height();
    tooltip_->move(std::max(0, at.x()), std::max(0, at.y()));
    tooltip_->show();
    tooltip_->raise();
}

void ChartTools::clearHover() {
    hoverPos_.reset();
    hoverText_.clear();
    tooltip_->hide();
    if (!overlay_->markers.isEmpty()) {
        overlay_->markers.clear();
        overlay_->update();
    }
}

}  // namespace qpanel
