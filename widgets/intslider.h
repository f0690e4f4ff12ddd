#pragma once
// Panel's IntSlider: integer `start`, `end`, `step`, `value`.
//
//   auto* slider = new qpanel::IntSlider({{"name", "Index"}, {"start", 0}, {"end", 10}});

#include "widgets/slider.h"

namespace qpanel {

class IntSlider : public Slider {
    Q_OBJECT

public:
    explicit IntSlider(const QVariantMap& params = {}, QObject* parent = nullptr)
        : Slider(QStringLiteral("IntSlider"), QMetaType::fromType<int>(), params, parent) {}
};

}  // namespace qpanel
