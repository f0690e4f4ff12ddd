#include "shell/cancelbuttondelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

#include "shell/tasklistmodel.h"

namespace qpanel {

namespace {
QString label() {
    return CancelButtonDelegate::tr("Cancel");
}
}  // namespace

QRect CancelButtonDelegate::buttonRect(const QRect& cell) {
    return cell.adjusted(2, 1, -2, -1);
}

void CancelButtonDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyledItemDelegate::paint(painter, option, index);
    if (!index.data(TaskListModel::CancellableRole).toBool()) return;
    QStyleOptionButton button;
    button.rect = buttonRect(option.rect);
    button.text = label();
    button.palette = option.palette;
    button.state =
        QStyle::State_Enabled | (pressed_ == index ? QStyle::State_Sunken : QStyle::State_Raised);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_PushButton, &button, painter, widget);
}

QSize CancelButtonDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int text = option.fontMetrics.horizontalAdvance(label());
    return {qMax(size.width(), text + 24), qMax(size.height(), option.fontMetrics.height() + 10)};
}

bool CancelButtonDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                       const QStyleOptionViewItem& option,
                                       const QModelIndex& index) {
    if (!index.data(TaskListModel::CancellableRole).toBool()) return false;
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const bool inside = buttonRect(option.rect).contains(mouse->position().toPoint());
    if (event->type() == QEvent::MouseButtonPress) {
        pressed_ = inside ? QPersistentModelIndex(index) : QPersistentModelIndex();
        return inside;
    }
    const bool click = inside && pressed_ == index;
    pressed_ = QPersistentModelIndex();
    if (click) emit clicked(index);
    return click;
}

}  // namespace qpanel
