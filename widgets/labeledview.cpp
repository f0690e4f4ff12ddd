#include "widgets/labeledview.h"

#include <QVBoxLayout>

namespace qpanel {

LabeledView::LabeledView(QWidget* control, QWidget* parent)
    : QWidget(parent), caption_(new QLabel), control_(control) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    caption_->setObjectName(QStringLiteral("caption"));
    caption_->setTextFormat(Qt::PlainText);
    caption_->setBuddy(control);
    caption_->hide();
    layout->addWidget(caption_);
    layout->addWidget(control);
    setFocusProxy(control);
}

void LabeledView::setCaption(const QString& text) {
    caption_->setText(text);
    caption_->setVisible(!text.isEmpty());
}

}  // namespace qpanel
