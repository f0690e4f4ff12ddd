#pragma once
// Panel's StaticText: read-only text showing "name: value" (just the value
// when unnamed). `value` may be any printable value.

#include "widgets/component.h"

class QLabel;

namespace qpanel {

class StaticText : public Component {
    Q_OBJECT

public:
    explicit StaticText(const QVariantMap& params = {}, QObject* parent = nullptr);
    /// What the view shows.
    QString text() const;

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    QLabel* label_ = nullptr;
};

}  // namespace qpanel
