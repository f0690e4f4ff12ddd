#include "widgets/textareainput.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QSignalBlocker>

#include "widgets/labeledview.h"

namespace qpanel {

TextAreaInput::TextAreaInput(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("TextAreaInput"), parent) {
    declare({QStringLiteral("value"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("value_input"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("placeholder"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("rows"), QMetaType::fromType<int>(), 2, false, false, 1.0});
    declare({QStringLiteral("disabled"), QMetaType::fromType<bool>(), false});
    connect(this, &Parameterized::paramChanged, this,
            [this](const QString& name, const QVariant& v) {
                if (name == QLatin1String("value")) setInternal(QStringLiteral("value_input"), v);
            });
    configure(params);
}

QWidget* TextAreaInput::createView() {
    edit_ = new QPlainTextEdit;
    edit_->setTabChangesFocus(true);
    edit_->installEventFilter(this);
    labeled_ = new LabeledView(edit_);
    connect(edit_, &QPlainTextEdit::textChanged, this,
            [this] { setFromView(QStringLiteral("value_input"), edit_->toPlainText()); });
    return labeled_;
}

bool TextAreaInput::eventFilter(QObject* watched, QEvent* event) {
    if (watched == edit_) {
        const bool commitKey = event->type() == QEvent::KeyPress &&
                               static_cast<QKeyEvent*>(event)->modifiers() & Qt::ControlModifier &&
                               (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Return ||
                                static_cast<QKeyEvent*>(event)->key() == Qt::Key_Enter);
        if (commitKey || event->type() == QEvent::FocusOut)
            setFromView(QStringLiteral("value"), edit_->toPlainText());
        if (commitKey) return true;
    }
    return Component::eventFilter(watched, event);
}

void TextAreaInput::syncView(const QString& name, const QVariant& value) {
    const QSignalBlocker blocker(edit_);
    if (name == QLatin1String("name")) {
        labeled_->setCaption(value.toString());
    } else if (name == QLatin1String("value") || name == QLatin1String("value_input")) {
        if (edit_->toPlainText() != value.toString()) edit_->setPlainText(value.toString());
    } else if (name == QLatin1String("placeholder")) {
        edit_->setPlaceholderText(value.toString());
    } else if (name == QLatin1String("rows")) {
        const QMargins m = edit_->contentsMargins();
        const int line = edit_->fontMetrics().lineSpacing();
        edit_->setFixedHeight(line * value.toInt() + m.top() + m.bottom() +
                              2 * int(edit_->document()->documentMargin()) + 2);
    } else if (name == QLatin1String("disabled")) {
        edit_->setEnabled(!value.toBool());
    }
}

}  // namespace qpanel
