#pragma once
// What the window shows while an app script is being prepared: the script's
// name, what is happening ("Preparing the JavaScript engine…") and a spinner,
// so the window paints at once even when Babel must load first.

#include <QWidget>

class QLabel;

namespace qpanel {

class SpinnerWidget;

class LoadingPage : public QWidget {
    Q_OBJECT

public:
    explicit LoadingPage(QWidget* parent = nullptr);

    void showScript(const QString& fileName, const QString& status);
    void setStatus(const QString& status);
    QString scriptName() const;
    QString status() const;

signals:
    /// Emitted after each paint of the page: the moment its state is on screen.
    void painted();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* name_;
    QLabel* status_;
    SpinnerWidget* spinner_;
};

}  // namespace qpanel
