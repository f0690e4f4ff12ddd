#pragma once
// Panel's pn.panel(obj): the pane that shows a value. A component is itself;
// a Reactive gets a ReactivePane; bytes, QImage and QUrl an Image; text a
// Markdown pane; anything else a Str pane.
//
//   layout->append(qpanel::panel(QStringLiteral("# Title")));

#include "widgets/component.h"

namespace qpanel {

class Reactive;

/// The pane for `object`; a new pane gets `parent`.
Component* panel(const QVariant& object, QObject* parent = nullptr);

/// What layouts accept: a component, a reactive function or a plain value
/// (made into a pane by panel()).
class Panelable {
public:
    Panelable(Component* component) : component_(component) {}  // NOLINT: implicit by design
    Panelable(Reactive* reactive);                              // NOLINT
    Panelable(const QString& text);                             // NOLINT
    Panelable(const char* text) : Panelable(QString::fromUtf8(text)) {}  // NOLINT
    Component* component() const { return component_; }

private:
    Component* component_;
};

}  // namespace qpanel
