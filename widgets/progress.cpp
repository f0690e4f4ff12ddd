#include "widgets/progress.h"

#include <QProgressBar>

namespace qpanel {

Progress::Progress(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Progress"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<int>(), -1, false, false, -1.0});
    declare({QStringLiteral("max"), QMetaType::fromType<int>(), 100, false, false, 1.0});
    declare({QStringLiteral("active"), QMetaType::fromType<bool>(), true});
    configure(params);
}

bool Progress::indeterminate() const {
    return get(QStringLiteral("value")).toInt() < 0 && get(QStringLiteral("active")).toBool();
}

void Progress::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name == QLatin1String("value") && value.toInt() > get(QStringLiteral("max")).toInt())
        throw ParamError(QStringLiteral("Progress.value: %1 is above max (%2)")
                             .arg(value.toInt())
                             .arg(get(QStringLiteral("max")).toInt())
                             .toStdString());
}

QWidget* Progress::createView() {
    bar_ = new QProgressBar;
    bar_->setTextVisible(false);
    bar_->setFixedHeight(10);
    bar_->setMinimumWidth(160);
    return bar_;
}

void Progress::syncView(const QString& name, const QVariant&) {
    if (name != QLatin1String("value") && name != QLatin1String("max") &&
        name != QLatin1String("active"))
        return;
    if (indeterminate()) {
        bar_->setRange(0, 0);  // Qt's busy animation
        return;
    }
    bar_->setRange(0, get(QStringLiteral("max")).toInt());
    bar_->setValue(qMax(0, get(QStringLiteral("value")).toInt()));
}

}  // namespace qpanel
