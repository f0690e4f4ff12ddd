#pragma once
// Bokeh's tools on a ChartView: pan (drag), wheel zoom (around the cursor),
// box zoom (rubber band, Escape cancels), reset (also a double-click), save
// and hover (a readout of the nearest point of each line). It watches the
// chart canvas's mouse, wheel and key events and changes the view through
// ChartView's range API; the toolbar shows which tools are active.
//
//   Figure fig({.tools = {{ToolKind::Pan}, {ToolKind::Hover, {{"price", "@y"}}}}});
//   ChartView view(&fig);   // the view makes its ChartTools
//   view.tools()->hoverText();

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QRectF>
#include <optional>

#include "plots/figure.h"

class QAction;
class QLabel;
class QMouseEvent;
class QWheelEvent;
class QToolBar;

namespace qpanel {

class ChartView;
class ToolOverlay;

class ChartTools : public QObject {
    Q_OBJECT

public:
    /// Watches `canvas` (the widget that draws the chart; its viewport gets
    /// the mouse) and changes `view`'s ranges.
    ChartTools(ChartView* view, QWidget* canvas, QWidget* viewport);
    ~ChartTools() override;

    /// Takes the figure's tools and active tools (again after add_tools).
    void configure(const Figure& figure);
    QToolBar* toolbar() const { return toolbar_; }

    std::optional<ToolKind> activeDrag() const { return activeDrag_; }
    std::optional<ToolKind> activeScroll() const { return activeScroll_; }
    bool hoverActive() const { return hoverActive_; }
    void setActiveDrag(std::optional<ToolKind> tool);
    void setActiveScroll(std::optional<ToolKind> tool);
    void setHoverActive(bool active);

    /// The hover readout shown now; empty when nothing is hovered.
    QString hoverText() const { return hoverText_; }
    /// The box zoom's rubber band (viewport coordinates) while dragging.
    std::optional<QRectF> rubberBand() const;
    /// Updates the hover readout for the cursor at `pos` (viewport
    /// coordinates), as a mouse move does; data changes call it too.
    void hoverAt(QPointF pos);
    void clearHover();
    /// Hides the readout and the rubber band (for a clean image).
    void setOverlaysVisible(bool visible);

    /// The QAction of a tool in the toolbar, or null.
    QAction* action(ToolKind kind) const;

signals:
    void saveRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Gesture { None, Pan, BoxZoom };
    QRectF plotRect() const;
    bool overLegend(QPointF pos) const;
    bool mousePress(QMouseEvent* event);
    bool mouseMove(QMouseEvent* event);
    bool mouseRelease(QMouseEvent* event);
    bool wheel(QWheelEvent* event);
    void cancelGesture();
    void rebuildToolbar(const Figure& figure);
    void refreshIcons();
    void syncActions();

    ChartView* view_;
    QPointer<QWidget> canvas_;
    QPointer<QWidget> viewport_;
    QToolBar* toolbar_ = nullptr;
    ToolOverlay* overlay_ = nullptr;
    QLabel* tooltip_ = nullptr;
    QList<std::pair<ToolKind, QAction*>> actions_;
    std::optional<ToolKind> activeDrag_;
    std::optional<ToolKind> activeScroll_;
    bool hoverActive_ = false;
    QList<std::pair<QString, QString>> tooltips_;

    Gesture gesture_ = Gesture::None;
    QPointF pressPos_;
    QRectF pressPlot_;  // a pan maps pixels as they were at the press
    std::pair<double, double> pressX_;
    std::pair<double, double> pressY_;
    std::optional<QPointF> hoverPos_;
    QString hoverText_;
};

}  // namespace qpanel
