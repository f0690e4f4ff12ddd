#pragma once
// Draws a push button in a view's cell and reports clicks on it, so a list
// of thousands of tasks needs no widget per row.

#include <QStyledItemDelegate>

namespace qpanel {

class CancelButtonDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The button's rectangle inside a cell.
    static QRect buttonRect(const QRect& cell);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

signals:
    void clicked(const QModelIndex& index);

private:
    QPersistentModelIndex pressed_;
};

}  // namespace qpanel
