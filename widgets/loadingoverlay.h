#pragma once
// The `loading` overlay: dims its parent view and shows a spinner on top,
// following the parent's size. Input to the view is blocked while active.

#include <QWidget>

namespace qpanel {

class SpinnerWidget;

class LoadingOverlay : public QWidget {
    Q_OBJECT

public:
    explicit LoadingOverlay(QWidget* parent);
    void setActive(bool active);
    bool isActive() const { return active_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void follow();

    SpinnerWidget* spinner_;
    bool active_ = false;
};

}  // namespace qpanel
