#include "widgets/button.h"

#include <QPushButton>

#include "widgets/buttonstyle.h"

namespace qpanel {

Button::Button(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Button"), parent) {
    declare(
        {QStringLiteral("button_type"), QMetaType::fromType<QString>(), QStringLiteral("default")});
    declare({QStringLiteral("clicks"), QMetaType::fromType<int>(), 0, false, false, 0.0});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    configure(params);
}

void Button::click() {
    set(QStringLiteral("clicks"), get(QStringLiteral("clicks")).toInt() + 1);
}

void Button::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name == QLatin1String("button_type"))
        requireButtonType(QStringLiteral("Button.button_type"), value.toString());
}

QWidget* Button::createView() {
    button_ = new QPushButton;
    button_->setCursor(Qt::PointingHandCursor);
    button_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    connect(button_, &QPushButton::clicked, this, [this] {
        setFromView(QStringLiteral("clicks"), get(QStringLiteral("clicks")).toInt() + 1);
    });
    return button_;
}

void Button::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("name"))
        button_->setText(value.toString());
    else if (name == QLatin1String("button_type"))
        applyButtonType(button_, value.toString());
    else if (name == QLatin1String("disabled"))
        button_->setEnabled(!value.toBool());
}

}  // namespace qpanel
