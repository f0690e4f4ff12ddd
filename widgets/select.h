#pragma once
// Panel's Select: `options` (a list; shown as text) and `value`, which is
// always one of them (the first after options change, null when empty).

#include "widgets/component.h"

class QComboBox;

namespace qpanel {

class LabeledView;

class Select : public Component {
    Q_OBJECT

public:
    explicit Select(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    QVariantList options() const { return get(QStringLiteral("options")).toList(); }

    LabeledView* labeled_ = nullptr;
    QComboBox* combo_ = nullptr;
};

}  // namespace qpanel
