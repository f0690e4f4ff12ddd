#pragma once
// Panel's Row: components side by side, top-aligned, at their natural widths.
//
//   auto* row = new qpanel::Row({button, text});

#include "widgets/layouts/listlayout.h"

namespace qpanel {

class Row : public ListLayout {
    Q_OBJECT

public:
    explicit Row(std::initializer_list<Panelable> items = {}, const QVariantMap& params = {},
                 QObject* parent = nullptr)
        : ListLayout(QStringLiteral("Row"), Qt::Horizontal, items, params, parent) {}
};

}  // namespace qpanel
