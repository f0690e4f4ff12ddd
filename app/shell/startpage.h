#pragma once
// What the window shows with no app open: an Open button, the bundled
// examples (name and one line each) and the recent scripts.

#include <QScrollArea>

#include "shell/examplescatalog.h"

class QVBoxLayout;

namespace qpanel {

class StartPage : public QScrollArea {
    Q_OBJECT

public:
    explicit StartPage(QList<Example> examples, QWidget* parent = nullptr);

    /// Re-reads the recent scripts (after one was opened).
    void refresh();

signals:
    void scriptChosen(const QString& path);
    void openRequested();

private:
    void fill(QVBoxLayout* list, const QList<Example>& entries, const QString& emptyText);

    QList<Example> examples_;
    QVBoxLayout* exampleList_;
    QVBoxLayout* recentList_;
};

}  // namespace qpanel
