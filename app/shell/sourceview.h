#pragma once
// A read-only view of an app script with line numbers, scrolled to and
// highlighting one line: where the console's file:line links lead.
//
//   auto* view = new qpanel::SourceView(window);
//   if (view->openFile("/home/me/app.js")) view->showLine(12);

#include <QPlainTextEdit>

namespace qpanel {

class SourceView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit SourceView(QWidget* parent = nullptr);

    /// Loads `path` (false, with the reason shown in the view, if unreadable).
    bool openFile(const QString& path);
    QString filePath() const { return path_; }
    /// Scrolls to the 1-based `line`, puts the cursor there and highlights it.
    void showLine(int line);
    int highlightedLine() const { return highlightedLine_; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class LineNumberGutter;
    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);
    void updateGutter(const QRect& rect, int dy);
    void applyHighlight();

    QWidget* gutter_;
    QString path_;
    int highlightedLine_ = 0;
};

}  // namespace qpanel
