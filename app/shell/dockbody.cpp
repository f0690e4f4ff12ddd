#include "shell/dockbody.h"

#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace qpanel {

QToolButton* dockButton(const QString& text, const QString& toolTip) {
    auto* button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

QWidget* dockBody(const QList<QToolButton*>& buttons, QWidget* content) {
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    bar->addStretch();
    for (QToolButton* button : buttons) bar->addWidget(button);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(content);
    return body;
}

}  // namespace qpanel
