#pragma once
// How panes show an error in place of their content: a tinted, word-wrapped
// box that stays readable in light and dark palettes.

#include <QLabel>

namespace qpanel {

class ErrorBox : public QLabel {
    Q_OBJECT

public:
    explicit ErrorBox(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    bool styled_ = false;
    bool dark_ = false;
};

}  // namespace qpanel
