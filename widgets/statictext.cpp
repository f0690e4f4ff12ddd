#include "widgets/statictext.h"

#include <QLabel>

namespace qpanel {

StaticText::StaticText(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("StaticText"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<QVariant>(), QString(), false, true});
    configure(params);
}

QString StaticText::text() const {
    const QString name = get(QStringLiteral("name")).toString();
    const QString value = get(QStringLiteral("value")).toString();
    return name.isEmpty() ? value : name + QStringLiteral(": ") + value;
}

QWidget* StaticText::createView() {
    label_ = new QLabel;
    label_->setTextFormat(Qt::RichText);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_->setMinimumHeight(label_->fontMetrics().height() + 8);
    return label_;
}

void StaticText::syncView(const QString& name, const QVariant&) {
    if (name != QLatin1String("name") && name != QLatin1String("value")) return;
    // The name in bold, as Panel renders it; both escaped — values are not markup.
    const QString label = get(QStringLiteral("name")).toString();
    const QString value = get(QStringLiteral("value")).toString().toHtmlEscaped();
    label_->setText(label.isEmpty()
                        ? value
                        : QStringLiteral("<b>%1:</b> %2").arg(label.toHtmlEscaped(), value));
}

}  // namespace qpanel
