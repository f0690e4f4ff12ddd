#include "widgets/checkbox.h"

#include <QCheckBox>
#include <QSignalBlocker>

namespace qpanel {

Checkbox::Checkbox(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Checkbox"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<bool>(), false});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    configure(params);
}

QWidget* Checkbox::createView() {
    box_ = new QCheckBox;
    connect(box_, &QCheckBox::toggled, this,
            [this](bool on) { setFromView(QStringLiteral("value"), on); });
    return box_;
}

void Checkbox::syncView(const QString& name, const QVariant& value) {
    const QSignalBlocker blocker(box_);
    if (name == QLatin1String("name"))
        box_->setText(value.toString());
    else if (name == QLatin1String("value"))
        box_->setChecked(value.toBool());
    else if (name == QLatin1String("disabled"))
        box_->setEnabled(!value.toBool());
}

}  // namespace qpanel
