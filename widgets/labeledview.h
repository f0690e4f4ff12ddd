#pragma once
// The view of a titled input (Panel shows a widget's name above it): a
// caption, hidden while empty, over the control.

#include <QLabel>
#include <QWidget>

namespace qpanel {

class LabeledView : public QWidget {
    Q_OBJECT

public:
    explicit LabeledView(QWidget* control, QWidget* parent = nullptr);
    QLabel* caption() const { return caption_; }
    QWidget* control() const { return control_; }
    void setCaption(const QString& text);

private:
    QLabel* caption_;
    QWidget* control_;
};

}  // namespace qpanel
