#pragma once
// Panel's pn.pane.Bokeh for qpanel figures (scripts call it pn.pane.Chart):
// a component whose `object` is a Figure, shown by a ChartView.
//
//   auto* pane = new qpanel::ChartPane(&figure);
//   pn_row->add(pane);   // or pane->view() into any layout

#include "plots/chartview.h"
#include "plots/figure.h"
#include "widgets/component.h"

class QVBoxLayout;

namespace qpanel {

class ChartPane : public Component {
    Q_OBJECT

public:
    explicit ChartPane(Figure* figure = nullptr, QObject* parent = nullptr);

    Figure* figure() const;
    /// The chart shown (null until the view exists or without a figure).
    ChartView* chartView() const { return chart_; }

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    QVBoxLayout* layout_ = nullptr;
    QPointer<ChartView> chart_;
};

}  // namespace qpanel
