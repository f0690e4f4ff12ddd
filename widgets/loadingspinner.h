#pragma once
// Panel's LoadingSpinner: spins while `value` is true; `color` (a CSS
// colour name; empty = the palette's highlight), `size` in pixels, and an
// optional `name` shown beside it.

#include "widgets/component.h"

class QLabel;

namespace qpanel {

class SpinnerWidget;

class LoadingSpinner : public Component {
    Q_OBJECT

public:
    explicit LoadingSpinner(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    SpinnerWidget* spinner_ = nullptr;
    QLabel* label_ = nullptr;
};

}  // namespace qpanel
