#include "widgets/panes/str.h"

#include <QFontDatabase>
#include <QLabel>

namespace qpanel {

Str::Str(const QVariantMap& params, QObject* parent) : Component(QStringLiteral("Str"), parent) {
    declare({QStringLiteral("object"), QMetaType::fromType<QVariant>(), QVariant(), false, true});
    configure(params);
}

Str::Str(const QVariant& object, QObject* parent)
    : Str(QVariantMap{{QStringLiteral("object"), object}}, parent) {}

QWidget* Str::createView() {
    label_ = new QLabel;
    label_->setTextFormat(Qt::PlainText);
    label_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label_;
}

void Str::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("object")) label_->setText(value.toString());
}

}  // namespace qpanel
