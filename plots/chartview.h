#pragma once
// Renders a Figure with Qt Charts. Each frame draws at most two points per
// pixel column per line (min and max, so one-sample spikes stay visible),
// read from the sources' min/max pyramids: the cost of a frame does not grow
// with the number of points kept. Source changes are coalesced into at most
// one frame per event-loop pass.

#include <QImage>
#include <QPixmap>
#include <QWidget>
#include <memory>

#include "plots/figure.h"

namespace qpanel {

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
    /// Current axis ranges (they follow the data).
    std::pair<double, double> xRange() const;
    std::pair<double, double> yRange() const;
    /// The plot area in widget coordinates (where lines are drawn).
    QRectF plotArea() const;

    /// Builds the pending frame now (normally done on the next loop pass).
    void refreshNow();
    QImage renderImage();
    /// Builds any pending frame and grabs the widget (what a screen shows).
    QPixmap grabFrame();
    /// Saves the chart as PNG; false (with `error`) if the file can't be written.
    bool savePng(const QString& path, QString* error = nullptr);

    QSize sizeHint() const override;

signals:
    void frameRendered();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildSeries();
    void applyPaletteTheme();
    void scheduleFrame();
    void buildFrame();

    struct Private;
    std::unique_ptr<Private> d_;
    QPointer<Figure> figure_;
    bool framePending_ = false;
    int frames_ = 0;
    int lastFramePoints_ = 0;
};

}  // namespace qpanel
