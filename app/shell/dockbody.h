#pragma once
// The body of a dock: a slim row of tool buttons over the content.

#include <QList>
#include <QString>

class QToolButton;
class QWidget;

namespace qpanel {

/// A flat tool button for a dock's button row.
QToolButton* dockButton(const QString& text, const QString& toolTip);
/// `content` under a right-aligned row of `buttons`.
QWidget* dockBody(const QList<QToolButton*>& buttons, QWidget* content);

}  // namespace qpanel
