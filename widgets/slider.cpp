#include "widgets/slider.h"

#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

#include "widgets/labeledview.h"

namespace qpanel {

Slider::Slider(QString typeName, QMetaType numberType, const QVariantMap& params, QObject* parent)
    : Component(std::move(typeName), parent), integer_(numberType == QMetaType::fromType<int>()) {
    const QVariant zero = integer_ ? QVariant(0) : QVariant(0.0);
    declare({QStringLiteral("start"), numberType, zero});
    declare({QStringLiteral("end"), numberType, integer_ ? QVariant(1) : QVariant(1.0)});
    declare({QStringLiteral("step"), numberType, integer_ ? QVariant(1) : QVariant(0.1)});
    declare({QStringLiteral("value"), numberType, zero});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    // Moving a bound past the value pulls the value along (as the handle would).
    connect(this, &Parameterized::paramChanged, this, [this](const QString& name) {
        if (name != QLatin1String("start") && name != QLatin1String("end")) return;
        const double v = number("value");
        const double clamped = qBound(number("start"), v, qMax(number("start"), number("end")));
        // Unvalidated: configure() sets start before end, so end may still be stale.
        if (clamped != v) setInternal(QStringLiteral("value"), clamped);
    });
    configure(params);
}

void Slider::validate(const ParamSpec& spec, QVariant& value) const {
    const double v = value.toDouble();
    if (spec.name == QLatin1String("step") && !(v > 0))
        throw ParamError(QStringLiteral("%1.step: must be positive, got %2")
                             .arg(typeName(), value.toString())
                             .toStdString());
    if (spec.name == QLatin1String("value") && (v < number("start") || v > number("end")))
        throw ParamError(QStringLiteral("%1.value: %2 is outside [start, end] = [%3, %4]")
                             .arg(typeName(), value.toString(),
                                  get(QStringLiteral("start")).toString(),
                                  get(QStringLiteral("end")).toString())
                             .toStdString());
}

int Slider::steps() const {
    const double span = number("end") - number("start");
    return span <= 0 ? 0 : int(std::floor(span / number("step") + 1e-9));
}

QVariant Slider::valueAt(int position) const {
    const double v = qMin(number("start") + position * number("step"), number("end"));
    if (integer_) return int(std::lround(v));
    // Snap away float noise (0.1 * 3 = 0.30000000000000004) to the step's decimals.
    const double scale = std::pow(10.0, decimals());
    return std::round(v * scale) / scale;
}

int Slider::decimals() const {
    QString stepText = QString::number(number("step"), 'f', 6);
    while (stepText.endsWith(QLatin1Char('0'))) stepText.chop(1);
    return int(stepText.size() - stepText.indexOf(QLatin1Char('.')) - 1);
}

QString Slider::valueText() const {
    if (integer_) return get(QStringLiteral("value")).toString();
    return QString::number(number("value"), 'f', decimals());
}

QWidget* Slider::createView() {
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setFocusPolicy(Qt::StrongFocus);
    slider_->setMinimumWidth(160);
    labeled_ = new LabeledView(slider_);
    labeled_->caption()->setTextFormat(Qt::RichText);
    connect(slider_, &QSlider::valueChanged, this,
            [this](int position) { setFromView(QStringLiteral("value"), valueAt(position)); });
    return labeled_;
}

void Slider::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("start") || name == QLatin1String("end") ||
        name == QLatin1String("step") || name == QLatin1String("value")) {
        syncRange();
        syncCaption();
    } else if (name == QLatin1String("name")) {
        syncCaption();
    } else if (name == QLatin1String("disabled")) {
        slider_->setEnabled(!value.toBool());
    }
}

void Slider::syncRange() {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, steps());
    slider_->setSingleStep(1);
    slider_->setPageStep(qMax(1, steps() / 10));
    const double offset = (number("value") - number("start")) / number("step");
    slider_->setValue(int(std::lround(offset)));
}

void Slider::syncCaption() {
    const QString name = get(QStringLiteral("name")).toString();
    const QString value = QStringLiteral("<b>%1</b>").arg(valueText().toHtmlEscaped());
    labeled_->setCaption(name.isEmpty() ? value
                                        : name.toHtmlEscaped() + QStringLiteral(": ") + value);
}

}  // namespace qpanel
