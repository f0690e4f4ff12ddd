#include "widgets/layouts/card.h"

#include <QFrame>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace qpanel {

Card::Card(std::initializer_list<Panelable> items, const QVariantMap& params, QObject* parent)
    : ListLayout(QStringLiteral("Card"), Qt::Vertical, items, {}, parent) {
    declare({QStringLiteral("title"), QMetaType::fromType<QString>(), QString()});
    declare({QStringLiteral("collapsible"), QMetaType::fromType<bool>(), true});
    declare({QStringLiteral("collapsed"), QMetaType::fromType<bool>(), false});
    configure(params);  // here: the base could not know this class's params
}

QWidget* Card::createView() {
    auto* frame = new QFrame;
    frame->setObjectName(QStringLiteral("Card"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* header = new QFrame;
    header->setObjectName(QStringLiteral("CardHeader"));
    header->setAutoFillBackground(true);
    header->setBackgroundRole(QPalette::AlternateBase);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(6, 4, 10, 4);
    toggle_ = new QToolButton;
    toggle_->setAutoRaise(true);
    toggle_->setCursor(Qt::PointingHandCursor);
    connect(toggle_, &QToolButton::clicked, this, [this] {
        setFromView(QStringLiteral("collapsed"), !get(QStringLiteral("collapsed")).toBool());
    });
    title_ = new QLabel;
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    headerLayout->addWidget(toggle_);
    headerLayout->addWidget(title_, 1);
    layout->addWidget(header);

    body_ = new QWidget;
    fill(body_);
    body_->layout()->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(body_);
    return frame;
}

void Card::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("title")) {
        title_->setText(value.toString());
    } else if (name == QLatin1String("collapsible")) {
        toggle_->setVisible(value.toBool());
    } else if (name == QLatin1String("collapsed")) {
        body_->setVisible(!value.toBool());
        toggle_->setArrowType(value.toBool() ? Qt::RightArrow : Qt::DownArrow);
        toggle_->setToolTip(value.toBool() ? tr("Expand") : tr("Collapse"));
    }
}

}  // namespace qpanel
