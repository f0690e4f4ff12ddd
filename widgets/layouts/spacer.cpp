#include "widgets/layouts/spacer.h"

namespace qpanel {

namespace {
class SpacerView : public QWidget {
public:
    QSize sizeHint() const override { return {10, 10}; }
};
}  // namespace

Spacer::Spacer(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Spacer"), parent) {
    configure(params);
}

QWidget* Spacer::createView() {
    return new SpacerView;
}

}  // namespace qpanel
