#include "plots/chartpane.h"

#include <QVBoxLayout>

#include "plots/chartview.h"

namespace qpanel {

ChartPane::ChartPane(Figure* figure, QObject* parent) : Component(QStringLiteral("Chart"), parent) {
    declare({QStringLiteral("object"), QMetaType::fromType<QVariant>(), QVariant(), false, true});
    if (figure) set(QStringLiteral("object"), QVariant::fromValue<QObject*>(figure));
}

Figure* ChartPane::figure() const {
    return qobject_cast<Figure*>(get(QStringLiteral("object")).value<QObject*>());
}

void ChartPane::validate(const ParamSpec& spec, QVariant& value) const {
    if (spec.name != QLatin1String("object") || !value.isValid()) return;
    const bool isFigure = value.metaType().flags().testFlag(QMetaType::PointerToQObject) &&
                          qobject_cast<Figure*>(value.value<QObject*>());
    if (!isFigure)
        throw ParamError(
            QStringLiteral("Chart.object: expected a figure (pn.plotting.figure()), got %1")
                .arg(QString::fromLatin1(value.metaType().name()))
                .toStdString());
}

QWidget* ChartPane::createView() {
    auto* container = new QWidget;
    layout_ = new QVBoxLayout(container);
    layout_->setContentsMargins(0, 0, 0, 0);
    return container;
}

void ChartPane::syncView(const QString& name, const QVariant&) {
    if (name != QLatin1String("object")) return;
    delete chart_.data();
    if (Figure* fig = figure()) {
        chart_ = new ChartView(fig);
        layout_->addWidget(chart_);
    }
}

}  // namespace qpanel
