#pragma once
// Panel's TextAreaInput: multi-line text; `value` is committed when focus
// leaves (or Ctrl+Enter), `value_input` follows every keystroke; `rows`
// sets the visible height.

#include "widgets/component.h"

class QPlainTextEdit;

namespace qpanel {

class LabeledView;

class TextAreaInput : public Component {
    Q_OBJECT

public:
    explicit TextAreaInput(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    LabeledView* labeled_ = nullptr;
    QPlainTextEdit* edit_ = nullptr;
};

}  // namespace qpanel
