#include "widgets/select.h"

#include <QComboBox>
#include <QSignalBlocker>

#include "widgets/labeledview.h"

namespace qpanel {

Select::Select(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Select"), parent) {
    declare({QStringLiteral("options"), QMetaType::fromType<QVariantList>(), QVariantList()});
    declare({QStringLiteral("value"), QMetaType::fromType<QVariant>(), QVariant(), false, true});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    connect(this, &Parameterized::paramChanged, this, [this](const QString& name) {
        if (name != QLatin1String("options")) return;
        const QVariantList list = options();
        if (!list.contains(get(QStringLiteral("value"))))
            set(QStringLiteral("value"), list.isEmpty() ? QVariant() : list.first());
    });
    configure(params);
}

void Select::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name != QLatin1String("value")) return;
    const QVariantList list = options();
    if (list.contains(value) || (!value.isValid() && list.isEmpty())) return;
    QStringList shown;
    for (const QVariant& option : list) shown.append(option.toString());
    throw ParamError(QStringLiteral("Select.value: '%1' is not one of the options [%2]")
                         .arg(value.toString(), shown.join(QStringLiteral(", ")))
                         .toStdString());
}

QWidget* Select::createView() {
    combo_ = new QComboBox;
    combo_->setMinimumWidth(140);
    labeled_ = new LabeledView(combo_);
    connect(combo_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < options().size())
            setFromView(QStringLiteral("value"), options().at(index));
    });
    return labeled_;
}

void Select::syncView(const QString& name, const QVariant& value) {
    const QSignalBlocker blocker(combo_);
    if (name == QLatin1String("name")) {
        labeled_->setCaption(value.toString());
    } else if (name == QLatin1String("options")) {
        combo_->clear();
        for (const QVariant& option : value.toList()) combo_->addItem(option.toString());
        combo_->setCurrentIndex(int(options().indexOf(get(QStringLiteral("value")))));
    } else if (name == QLatin1String("value")) {
        combo_->setCurrentIndex(int(options().indexOf(value)));
    } else if (name == QLatin1String("disabled")) {
        combo_->setEnabled(!value.toBool());
    }
}

}  // namespace qpanel
