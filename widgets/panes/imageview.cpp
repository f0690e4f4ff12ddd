#include "widgets/panes/imageview.h"

#include <QPainter>
#include <QResizeEvent>
#include <cmath>

#include "widgets/panes/errorbox.h"

namespace qpanel {

// No QLayout here on purpose: a parent layout asks a widget's own layout,
// not the widget, for height-for-width, which would lose the aspect ratio.
ImageView::ImageView(QWidget* parent) : QWidget(parent), errorBox_(new ErrorBox(this)) {
    errorBox_->hide();
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ImageView::setImage(const QImage& image) {
    image_ = image;
    errorBox_->hide();
    updateGeometry();
    update();
}

void ImageView::setError(const QString& message) {
    image_ = QImage();
    errorBox_->setText(message);
    errorBox_->setVisible(!message.isEmpty());
    updateGeometry();
    update();
}

QString ImageView::error() const {
    return errorBox_->isVisibleTo(this) ? errorBox_->text() : QString();
}

QSize ImageView::sizeHint() const {
    if (!image_.isNull()) return image_.deviceIndependentSize().toSize();
    return errorBox_->isVisibleTo(this) ? QSize(360, errorBox_->heightForWidth(360)) : QSize(0, 0);
}

QSize ImageView::minimumSizeHint() const {
    // Shrinks with the window, but never to a sliver: at most to 200 px wide.
    if (!image_.isNull()) {
        const QSize natural = image_.deviceIndependentSize().toSize();
        return natural.width() <= 200 ? natural
                                      : natural.scaled(200, natural.height(), Qt::KeepAspectRatio);
    }
    return errorBox_->isVisibleTo(this) ? errorBox_->minimumSizeHint() : QSize(0, 0);
}

bool ImageView::hasHeightForWidth() const {
    return true;
}

int ImageView::heightForWidth(int width) const {
    if (image_.isNull()) return errorBox_->isVisibleTo(this) ? errorBox_->heightForWidth(width) : 0;
    const QSizeF natural = image_.deviceIndependentSize();
    return int(std::ceil(natural.height() * qMin(1.0, width / natural.width())));
}

QRect ImageView::imageRect() const {
    if (image_.isNull()) return {};
    const QSize fitted = image_.deviceIndependentSize().toSize().scaled(
        size().boundedTo(sizeHint()), Qt::KeepAspectRatio);
    return {QPoint(0, 0), fitted};
}

void ImageView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    errorBox_->setGeometry(rect());
}

void ImageView::paintEvent(QPaintEvent*) {
    if (image_.isNull()) return;
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(imageRect(), image_);
}

}  // namespace qpanel
