#include "shell/loadingpage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "widgets/spinnerwidget.h"

namespace qpanel {

LoadingPage::LoadingPage(QWidget* parent)
    : QWidget(parent), name_(new QLabel), status_(new QLabel), spinner_(new SpinnerWidget) {
    setObjectName(QStringLiteral("LoadingPage"));
    name_->setObjectName(QStringLiteral("LoadingScript"));
    status_->setObjectName(QStringLiteral("LoadingStatus"));
    QFont font = name_->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    name_->setFont(font);
    status_->setForegroundRole(QPalette::PlaceholderText);
    spinner_->setObjectName(QStringLiteral("LoadingSpinner"));
    spinner_->setFixedSize(spinner_->sizeHint());
    spinner_->setSpinning(true);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(spinner_, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    // Full width, text centred: a longer status never waits on a relayout.
    name_->setAlignment(Qt::AlignHCenter);
    status_->setAlignment(Qt::AlignHCenter);
    layout->addWidget(name_);
    layout->addWidget(status_);
    layout->addStretch();
}

void LoadingPage::showScript(const QString& fileName, const QString& status) {
    name_->setText(fileName);
    setStatus(status);
}

void LoadingPage::setStatus(const QString& status) {
    status_->setText(status);
}

QString LoadingPage::scriptName() const {
    return name_->text();
}

QString LoadingPage::status() const {
    return status_->text();
}

void LoadingPage::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    emit painted();
}

}  // namespace qpanel
