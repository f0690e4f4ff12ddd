#include "widgets/loadingoverlay.h"

#include <QEvent>
#include <QPainter>

#include "widgets/spinnerwidget.h"

namespace qpanel {

LoadingOverlay::LoadingOverlay(QWidget* parent)
    : QWidget(parent), spinner_(new SpinnerWidget(this)) {
    setObjectName(QStringLiteral("LoadingOverlay"));
    parent->installEventFilter(this);
    hide();
}

void LoadingOverlay::setActive(bool active) {
    active_ = active;
    spinner_->setSpinning(active);
    if (active) {
        follow();
        show();
        raise();
    } else {
        hide();
    }
}

bool LoadingOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() &&
        (event->type() == QEvent::Resize || event->type() == QEvent::ChildAdded)) {
        follow();
        if (active_) raise();  // stay above children added later
    }
    return QWidget::eventFilter(watched, event);
}

void LoadingOverlay::follow() {
    setGeometry(parentWidget()->rect());
    const int side = qBound(16, qMin(width(), height()) - 8, 40);
    spinner_->setGeometry((width() - side) / 2, (height() - side) / 2, side, side);
}

void LoadingOverlay::paintEvent(QPaintEvent*) {
    QPainter p(this);
    QColor veil = palette().color(QPalette::Window);
    veil.setAlphaF(0.6f);
    p.fillRect(rect(), veil);
}

}  // namespace qpanel
