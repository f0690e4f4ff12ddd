#pragma once
// Panel's Progress indicator: `value` of `max`; with no value (-1) and
// `active` it shows an indeterminate (busy) bar.

#include "widgets/component.h"

class QProgressBar;

namespace qpanel {

class Progress : public Component {
    Q_OBJECT

public:
    explicit Progress(const QVariantMap& params = {}, QObject* parent = nullptr);
    bool indeterminate() const;

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    QProgressBar* bar_ = nullptr;
};

}  // namespace qpanel
