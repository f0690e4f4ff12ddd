#pragma once
// Makes the components scripts ask for by Panel name (pn.widgets.Button,
// pn.pane.Markdown, pn.Row, ...). Unknown names and bad params are errors
// that say which name or which param of which component.

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace qpanel {

class Component;

enum class ComponentGroup { Widget, Indicator, Pane, Layout };

/// The names a group offers, in a stable order.
QStringList componentNames(ComponentGroup group);

/// A new parentless component; throws ParamError for an unknown kind or param.
/// Panel's layout options among `params` (sizing_mode, margin, ...:
/// widgets/layoutoptions.h) are applied; those qpanel cannot show are listed
/// in `ignored` (for the caller's warning).
Component* createComponent(ComponentGroup group, const QString& kind, const QVariantMap& params,
                           QStringList* ignored = nullptr);

}  // namespace qpanel
