#pragma once
// Panel's FloatSlider: `start`, `end`, `step` (default 0.1), `value` as
// doubles; the caption shows as many decimals as the step has.

#include "widgets/slider.h"

namespace qpanel {

class FloatSlider : public Slider {
    Q_OBJECT

public:
    explicit FloatSlider(const QVariantMap& params = {}, QObject* parent = nullptr)
        : Slider(QStringLiteral("FloatSlider"), QMetaType::fromType<double>(), params, parent) {}
};

}  // namespace qpanel
