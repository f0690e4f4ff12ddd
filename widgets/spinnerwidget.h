#pragma once
// A spinning arc (the busy indicator of LoadingSpinner and the loading
// overlay). It animates only while spinning and visible.

#include <QBasicTimer>
#include <QColor>
#include <QWidget>

namespace qpanel {

class SpinnerWidget : public QWidget {
    Q_OBJECT

public:
    explicit SpinnerWidget(QWidget* parent = nullptr);

    void setSpinning(bool spinning);
    bool spinning() const { return spinning_; }
    /// Arc colour; invalid means the palette's highlight colour.
    void setColor(const QColor& color);
    QSize sizeHint() const override { return {40, 40}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void timerEvent(QTimerEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateTimer();

    QBasicTimer timer_;
    QColor color_;
    int angle_ = 0;
    bool spinning_ = false;
};

}  // namespace qpanel
