#pragma once
// Panel's Column: components stacked top to bottom, full width.
//
//   auto* column = new qpanel::Column({slider, qpanel::bind(getImage, slider)});

#include "widgets/layouts/listlayout.h"

namespace qpanel {

class Column : public ListLayout {
    Q_OBJECT

public:
    explicit Column(std::initializer_list<Panelable> items = {}, const QVariantMap& params = {},
                    QObject* parent = nullptr)
        : ListLayout(QStringLiteral("Column"), Qt::Vertical, items, params, parent) {}
};

}  // namespace qpanel
