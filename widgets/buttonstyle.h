#pragma once
// Panel's button_type colours (default, primary, success, warning, danger,
// light) for push buttons; "default" keeps the platform style.

#include <QStringList>

class QAbstractButton;

namespace qpanel {

/// The accepted button_type values, in Panel's order.
const QStringList& buttonTypes();
void applyButtonType(QAbstractButton* button, const QString& type);
/// Throws ParamError naming `where` ("Button.button_type") for unknown types.
void requireButtonType(const QString& where, const QString& type);

}  // namespace qpanel
