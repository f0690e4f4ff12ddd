#pragma once
// Panel's Checkbox: `name` is its label, `value` its state.

#include "widgets/component.h"

class QCheckBox;

namespace qpanel {

class Checkbox : public Component {
    Q_OBJECT

public:
    explicit Checkbox(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    QCheckBox* box_ = nullptr;
};

}  // namespace qpanel
