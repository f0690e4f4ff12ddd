#include "widgets/toggle.h"

#include <QPushButton>
#include <QSignalBlocker>

#include "widgets/buttonstyle.h"

namespace qpanel {

Toggle::Toggle(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Toggle"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<bool>(), false});
    declare(
        {QStringLiteral("button_type"), QMetaType::fromType<QString>(), QStringLiteral("default")});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    configure(params);
}

void Toggle::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name == QLatin1String("button_type"))
        requireButtonType(QStringLiteral("Toggle.button_type"), value.toString());
}

QWidget* Toggle::createView() {
    button_ = new QPushButton;
    button_->setCheckable(true);
    button_->setCursor(Qt::PointingHandCursor);
    button_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    connect(button_, &QPushButton::toggled, this,
            [this](bool on) { setFromView(QStringLiteral("value"), on); });
    return button_;
}

void Toggle::syncView(const QString& name, const QVariant& value) {
    const QSignalBlocker blocker(button_);
    if (name == QLatin1String("name"))
        button_->setText(value.toString());
    else if (name == QLatin1String("value"))
        button_->setChecked(value.toBool());
    else if (name == QLatin1String("button_type"))
        applyButtonType(button_, value.toString());
    else if (name == QLatin1String("disabled"))
        button_->setEnabled(!value.toBool());
}

}  // namespace qpanel
