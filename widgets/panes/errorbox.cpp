#include "widgets/panes/errorbox.h"

#include <QEvent>

namespace qpanel {

ErrorBox::ErrorBox(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("ErrorBox"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    restyle();
}

void ErrorBox::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) restyle();
}

void ErrorBox::restyle() {
    // Setting a style sheet changes the palette too: act only when darkness flips.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    if (styled_ && dark == dark_) return;
    styled_ = true;
    dark_ = dark;
    // Bootstrap's danger alert colours, and their dark-theme counterparts.
    setStyleSheet(
        dark ? QStringLiteral("QLabel { color: #ea868f; background: #2c0b0e;"
                              " border: 1px solid #842029; border-radius: 4px; padding: 8px; }")
             : QStringLiteral("QLabel { color: #842029; background: #f8d7da;"
                              " border: 1px solid #f5c2c7; border-radius: 4px; padding: 8px; }"));
}

}  // namespace qpanel
