#include "widgets/spinnerwidget.h"

#include <QPainter>
#include <QTimerEvent>

namespace qpanel {

SpinnerWidget::SpinnerWidget(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void SpinnerWidget::setSpinning(bool spinning) {
    spinning_ = spinning;
    updateTimer();
    update();
}

void SpinnerWidget::setColor(const QColor& color) {
    color_ = color;
    update();
}

void SpinnerWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int side = qMin(width(), height());
    const qreal pen = qMax(2.0, side / 10.0);
    const QRectF box((width() - side) / 2.0 + pen / 2, (height() - side) / 2.0 + pen / 2,
                     side - pen, side - pen);
    const QColor arc = color_.isValid() ? color_ : palette().color(QPalette::Highlight);
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.12f);
    p.setPen(QPen(track, pen));
    p.drawEllipse(box);
    p.setPen(QPen(spinning_ ? arc : track, pen, Qt::SolidLine, Qt::RoundCap));
    // Qt angles are 1/16 degree, counter-clockwise: negate to turn clockwise.
    p.drawArc(box, -angle_ * 16, 100 * 16);
}

void SpinnerWidget::timerEvent(QTimerEvent* event) {
    if (event->timerId() != timer_.timerId()) return QWidget::timerEvent(event);
    angle_ = (angle_ + 12) % 360;
    update();
}

void SpinnerWidget::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    updateTimer();
}

void SpinnerWidget::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    updateTimer();
}

void SpinnerWidget::updateTimer() {
    if (spinning_ && isVisible()) {
        if (!timer_.isActive()) timer_.start(33, this);
    } else {
        timer_.stop();
    }
}

}  // namespace qpanel
