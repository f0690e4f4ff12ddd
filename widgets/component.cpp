#include "widgets/component.h"

#include <algorithm>

#include "core/runtime.h"
#include "widgets/layoutoptions.h"
#include "widgets/loadingoverlay.h"
#include "widgets/servable.h"

namespace qpanel {

Component::Component(QString typeName, QObject* parent)
    : Parameterized(std::move(typeName), parent) {
    declare({QStringLiteral("name"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("loading"), QMetaType::fromType<bool>(), false});
    declare({QStringLiteral("visible"), QMetaType::fromType<bool>(), true});
    declare({QStringLiteral("width"), QMetaType::fromType<int>(), QVariant(), false, true, 0.0});
    declare({QStringLiteral("height"), QMetaType::fromType<int>(), QVariant(), false, true, 0.0});
    connect(this, &Parameterized::paramChanged, this,
            [this](const QString& name, const QVariant& v) {
                if (view_) applyToView(name, v, false);
            });
}

Component::~Component() {
    if (!view_) return;
    // Deleting the view emits (focus loss ends editing...) into handlers of a
    // subclass already destroyed: silence the view first.
    view_->blockSignals(true);
    for (QObject* child : view_->findChildren<QObject*>()) child->blockSignals(true);
    delete view_.data();
}

QWidget* Component::view() {
    if (view_) return view_;
    view_ = createView();
    view_->setObjectName(typeName());
    for (const QString& name : paramNames()) applyToView(name, get(name), true);
    basePolicy_ = view_->sizePolicy();
    for (auto it = layoutOptions_.cbegin(); it != layoutOptions_.cend(); ++it)
        layoutoptions::apply(view_, it.key(), it.value(), basePolicy_);
    emit viewCreated(view_);
    return view_;
}

void Component::configure(const QVariantMap& params) {
    for (auto it = params.begin(); it != params.end(); ++it) spec(it.key());  // unknown names throw
    Batch batch(this);
    for (const QString& name : paramNames())
        if (params.contains(name)) set(name, params.value(name));
}

bool Component::setLayoutOption(const QString& name, const QVariant& value) {
    if (!layoutoptions::isOption(name))
        throw ParamError(QStringLiteral("'%1' is not a layout option (layout options: %2)")
                             .arg(name, layoutoptions::names().join(QStringLiteral(", ")))
                             .toStdString());
    layoutoptions::check(name, value);
    layoutOptions_.insert(name, value);
    if (view_) layoutoptions::apply(view_, name, value, basePolicy_);
    return layoutoptions::supported(name);
}

Component* Component::servable(const QString& title) {
    Servables::of(document())->add(this, title);
    return this;
}

void Component::syncView(const QString&, const QVariant&) {}

void Component::setFromView(const QString& name, const QVariant& value) {
    try {
        set(name, value);
    } catch (...) {
        Runtime::instance().reportCurrentException(label());
        if (view_) applyToView(name, get(name), false);
    }
}

void Component::applyToView(const QString& name, const QVariant& value, bool initial) {
    if (name == QLatin1String("loading")) {
        if (value.toBool() && !overlay_) overlay_ = new LoadingOverlay(view_);
        if (overlay_) overlay_->setActive(value.toBool());
    } else if (name == QLatin1String("visible")) {
        // Hidden explicitly so a parent showing its children leaves it hidden.
        if (view_->parentWidget() || !value.toBool()) view_->setVisible(value.toBool());
    } else if ((name == QLatin1String("width") || name == QLatin1String("height")) && initial &&
               !value.isValid()) {
        // Unset: keep the size limits the view chose for itself.
    } else if (name == QLatin1String("width")) {
        view_->setMinimumWidth(value.isValid() ? value.toInt() : 0);
        view_->setMaximumWidth(value.isValid() ? value.toInt() : QWIDGETSIZE_MAX);
    } else if (name == QLatin1String("height")) {
        view_->setMinimumHeight(value.isValid() ? value.toInt() : 0);
        view_->setMaximumHeight(value.isValid() ? value.toInt() : QWIDGETSIZE_MAX);
    }
    syncView(name, value);
}

Component* componentFrom(const QVariant& value) {
    if (!value.metaType().flags().testFlag(QMetaType::PointerToQObject)) return nullptr;
    return qobject_cast<Component*>(value.value<QObject*>());
}

}  // namespace qpanel
