#pragma once
// Panel's Spacer: empty space of `width` × `height` pixels (10 × 10 when
// unset) between components.

#include "widgets/component.h"

namespace qpanel {

class Spacer : public Component {
    Q_OBJECT

public:
    explicit Spacer(const QVariantMap& params = {}, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
};

}  // namespace qpanel
