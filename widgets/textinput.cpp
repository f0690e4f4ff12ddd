#include "widgets/textinput.h"

#include <QLineEdit>
#include <QSignalBlocker>

#include "widgets/labeledview.h"

namespace qpanel {

TextInput::TextInput(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("TextInput"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("value_input"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("placeholder"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    // A value set from code is also what the field now holds.
    connect(this, &Parameterized::paramChanged, this,
            [this](const QString& name, const QVariant& v) {
                if (name == QLatin1String("value")) setInternal(QStringLiteral("value_input"), v);
            });
    configure(params);
}

QWidget* TextInput::createView() {
    edit_ = new QLineEdit;
    edit_->setClearButtonEnabled(true);
    labeled_ = new LabeledView(edit_);
    connect(edit_, &QLineEdit::textEdited, this,
            [this](const QString& text) { setFromView(QStringLiteral("value_input"), text); });
    connect(edit_, &QLineEdit::editingFinished, this,
            [this] { setFromView(QStringLiteral("value"), edit_->text()); });
    return labeled_;
}

void TextInput::syncView(const QString& name, const QVariant& value) {
    const QSignalBlocker blocker(edit_);
    if (name == QLatin1String("name")) {
        labeled_->setCaption(value.toString());
    } else if (name == QLatin1String("value") || name == QLatin1String("value_input")) {
        if (edit_->text() != value.toString()) edit_->setText(value.toString());
    } else if (name == QLatin1String("placeholder")) {
        edit_->setPlaceholderText(value.toString());
    } else if (name == QLatin1String("disabled")) {
        edit_->setEnabled(!value.toBool());
    }
}

}  // namespace qpanel
