#pragma once
// Panel's Card: a framed Column with a header showing `title`; when
// `collapsible`, the header's arrow toggles `collapsed`.
//
//   auto* card = new qpanel::Card({slider, image}, {{"title", "Controls"}});

#include "widgets/layouts/listlayout.h"

class QLabel;
class QToolButton;

namespace qpanel {

class Card : public ListLayout {
    Q_OBJECT

public:
    explicit Card(std::initializer_list<Panelable> items = {}, const QVariantMap& params = {},
                  QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    QToolButton* toggle_ = nullptr;
    QLabel* title_ = nullptr;
    QWidget* body_ = nullptr;
};

}  // namespace qpanel
