#pragma once
// Panel's Str pane: `object` shown as plain, monospaced text.

#include "widgets/component.h"

class QLabel;

namespace qpanel {

class Str : public Component {
    Q_OBJECT

public:
    explicit Str(const QVariantMap& params = {}, QObject* parent = nullptr);
    explicit Str(const QVariant& object, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    QLabel* label_ = nullptr;
};

}  // namespace qpanel
