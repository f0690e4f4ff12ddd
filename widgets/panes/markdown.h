#pragma once
// Panel's Markdown pane: renders `object` (Markdown text) with Qt's own
// CommonMark/GitHub support; links open in the desktop browser.

#include "widgets/component.h"

class QLabel;

namespace qpanel {

class Markdown : public Component {
    Q_OBJECT

public:
    explicit Markdown(const QVariantMap& params = {}, QObject* parent = nullptr);
    explicit Markdown(const QString& text, QObject* parent = nullptr);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    QLabel* label_ = nullptr;
};

}  // namespace qpanel
