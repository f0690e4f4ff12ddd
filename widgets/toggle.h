#pragma once
// Panel's Toggle: a button that stays pressed; `value` is its state.

#include "widgets/component.h"

class QPushButton;

namespace qpanel {

class Toggle : public Component {
    Q_OBJECT

public:
    explicit Toggle(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    QPushButton* button_ = nullptr;
};

}  // namespace qpanel
