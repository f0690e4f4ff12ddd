#include "widgets/panes/panel.h"

#include "core/reactive.h"
#include "widgets/panes/image.h"
#include "widgets/panes/markdown.h"
#include "widgets/panes/reactivepane.h"
#include "widgets/panes/str.h"

namespace qpanel {

Component* panel(const QVariant& object, QObject* parent) {
    if (Component* component = componentFrom(object)) return component;
    if (object.metaType().flags().testFlag(QMetaType::PointerToQObject)) {
        if (auto* reactive = qobject_cast<Reactive*>(object.value<QObject*>()))
            return new ReactivePane(reactive, parent);
    }
    switch (object.metaType().id()) {
        case QMetaType::QByteArray:
        case QMetaType::QImage:
        case QMetaType::QPixmap:
        case QMetaType::QUrl:
            return new Image(object, parent);
        case QMetaType::QString:
            return new Markdown(object.toString(), parent);
        default:
            return new Str(object, parent);
    }
}

Panelable::Panelable(Reactive* reactive) : component_(new ReactivePane(reactive)) {}

Panelable::Panelable(const QString& text) : component_(new Markdown(text)) {}

}  // namespace qpanel
