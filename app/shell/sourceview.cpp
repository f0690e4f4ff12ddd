#include "shell/sourceview.h"

#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace qpanel {

class LineNumberGutter : public QWidget {
public:
    explicit LineNumberGutter(SourceView* view) : QWidget(view), view_(view) {}
    QSize sizeHint() const override { return {view_->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { view_->paintGutter(event); }

private:
    SourceView* view_;
};

SourceView::SourceView(QWidget* parent)
    : QPlainTextEdit(parent), gutter_(new LineNumberGutter(this)) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Keep the cursor visible in a read-only editor so keyboard users see where they are.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceView::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

bool SourceView::openFile(const QString& path) {
    path_ = path;
    highlightedLine_ = 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        setPlainText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    setPlainText(QString::fromUtf8(file.readAll()));
    return true;
}

void SourceView::showLine(int line) {
    const QTextBlock block = document()->findBlockByLineNumber(qMax(0, line - 1));
    if (!block.isValid()) return;
    highlightedLine_ = block.blockNumber() + 1;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    // Centre the line so its context shows above and below it.
    centerCursor();
    applyHighlight();
}

void SourceView::applyHighlight() {
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = document()->findBlockByNumber(highlightedLine_ - 1);
    if (highlightedLine_ > 0 && block.isValid()) {
        QTextEdit::ExtraSelection selection;
        // The palette's highlight, softened, reads well on light and dark bases.
        QColor colour = palette().color(QPalette::Highlight);
        colour.setAlphaF(0.35f);
        selection.format.setBackground(colour);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

int SourceView::gutterWidth() const {
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void SourceView::updateGutter(const QRect& rect, int dy) {
    if (dy)
        gutter_->scroll(0, dy);
    else
        gutter_->update(0, rect.y(), gutter_->width(), rect.height());
}

void SourceView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void SourceView::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyHighlight();
}

void SourceView::paintGutter(QPaintEvent* event) {
    QPainter painter(gutter_);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const bool current = block.blockNumber() + 1 == highlightedLine_;
            QFont font = this->font();
            font.setBold(current);
            painter.setFont(font);
            painter.setPen(palette().color(current ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, gutter_->width() - 6, height,
                             Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        }
        top += height;
        block = block.next();
    }
}

}  // namespace qpanel
