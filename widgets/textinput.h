#pragma once
// Panel's TextInput: `value` is committed on Enter or when focus leaves;
// `value_input` follows every keystroke. `placeholder` shows while empty.

#include "widgets/component.h"

class QLineEdit;

namespace qpanel {

class LabeledView;

class TextInput : public Component {
    Q_OBJECT

public:
    explicit TextInput(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    LabeledView* labeled_ = nullptr;
    QLineEdit* edit_ = nullptr;
};

}  // namespace qpanel
