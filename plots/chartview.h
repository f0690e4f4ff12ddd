#pragma once
// Renders a Figure with Qt Charts. Each frame draws at most two points per
// pixel column per line (min and max, so one-sample spikes stay visible),
// read from the sources' min/max pyramids: the cost of a frame does not grow
// with the number of points kept. Source changes are coalesced into at most
// one frame per event-loop pass.
//
// The view follows the data (or the figure's fixed ranges) until the user
// pans or zooms (ChartTools); then it stays put while data streams in, until
// resetView() (the reset tool, a double-click).

#include <QImage>
#include <QPixmap>
#include <QWidget>
#include <memory>

#include "plots/figure.h"

namespace qpanel {

class ChartTools;

class ChartView : public QWidget {
    Q_OBJECT

public:
    explicit ChartView(Figure* figure, QWidget* parent = nullptr);
    ~ChartView() override;

    Figure* figure() const { return figure_; }
    /// Frames built so far (each is one series update per line).
    int frames() const { return frames_; }
    /// A frame is scheduled for the next loop pass (data or size changed).
    bool framePending() const { return framePending_; }
    /// Points handed to Qt Charts in the last frame, all lines together.
    int lastFramePoints() const { return lastFramePoints_; }
    using Range = std::pair<double, double>;
    /// Current axis ranges (following the data unless the user moved them).
    Range xRange() const;
    Range yRange() const;
    /// The plot area in widget coordinates (where lines are drawn).
    QRectF plotArea() const;

    /// Shows these ranges and stops following the data (pan and zoom do this).
    void setViewRanges(Range x, Range y);
    /// Back to the figure's ranges: following the data, or fixed ones.
    void resetView();
    /// True until the user pans or zooms; true again after resetView().
    bool isFollowing() const;

    ChartTools* tools() const;
    /// The chart without its toolbar (what save writes), and where it is.
    QWidget* canvas() const;
    QRect canvasRect() const;
    /// legend.click_policy = 'hide' toggles these; hidden lines are not drawn.
    bool isLineVisible(int line) const;
    void setLineVisible(int line, bool visible);
    /// The legend box in widget coordinates (empty if no line has a label);
    /// inside the plot area, where legend.location puts it.
    QRectF legendRect() const;
    /// The legend entry of a line in widget coordinates (empty if none).
    QRectF legendEntryRect(int line) const;

    /// Builds the pending frame now (normally done on the next loop pass).
    void refreshNow();
    QImage renderImage();
    /// Builds any pending frame and grabs the widget (what a screen shows).
    QPixmap grabFrame();
    /// The chart as save writes it: the canvas without toolbar, hover readout
    /// or rubber band.
    QImage renderPlot();
    /// Saves renderPlot() as PNG; false (with `error`) if the file can't be written.
    bool savePng(const QString& path, QString* error = nullptr);

    QSize sizeHint() const override;

signals:
    void frameRendered();
    /// A line was shown or hidden (legend click).
    void lineVisibilityChanged(int line, bool visible);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildSeries();
    void applyPaletteTheme();
    void scheduleFrame();
    void buildFrame();
    void applyInteraction();
    void placeToolbar();
    void placeLegend();
    void saveWithDialog();

    struct Private;
    std::unique_ptr<Private> d_;
    QPointer<Figure> figure_;
    bool framePending_ = false;
    int frames_ = 0;
    int lastFramePoints_ = 0;
};

}  // namespace qpanel
