#include "widgets/loadingspinner.h"

#include <QColor>
#include <QHBoxLayout>
#include <QLabel>

#include "widgets/spinnerwidget.h"

namespace qpanel {

LoadingSpinner::LoadingSpinner(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("LoadingSpinner"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<bool>(), false});
    declare({QStringLiteral("color"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("size"), QMetaType::fromType<int>(), 40, false, false, 8.0, 512.0});
    configure(params);
}

void LoadingSpinner::validate(const ParamSpec& spec, QVariant& value) const {
    const QString color = value.toString();
    if (spec.name == QLatin1String("color") && !color.isEmpty() && !QColor::isValidColorName(color))
        throw ParamError(
            QStringLiteral("LoadingSpinner.color: '%1' is not a colour").arg(color).toStdString());
}

QWidget* LoadingSpinner::createView() {
    auto* view = new QWidget;
    auto* layout = new QHBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    spinner_ = new SpinnerWidget;
    label_ = new QLabel;
    label_->hide();
    layout->addWidget(spinner_);
    layout->addWidget(label_);
    layout->addStretch(1);
    return view;
}

void LoadingSpinner::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("value")) {
        spinner_->setSpinning(value.toBool());
    } else if (name == QLatin1String("color")) {
        spinner_->setColor(QColor::fromString(value.toString()));
    } else if (name == QLatin1String("size")) {
        spinner_->setFixedSize(value.toInt(), value.toInt());
    } else if (name == QLatin1String("name")) {
        label_->setText(value.toString());
        label_->setVisible(!value.toString().isEmpty());
    }
}

}  // namespace qpanel
