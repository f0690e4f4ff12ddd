#include "shell/startpage.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "shell/recentfiles.h"

namespace qpanel {

namespace {

QLabel* heading(const QString& text, qreal scale) {
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

void clearLayout(QVBoxLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        // deleteLater: the clicked button may be the one being removed.
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
}

}  // namespace

StartPage::StartPage(QList<Example> examples, QWidget* parent)
    : QScrollArea(parent),
      examples_(std::move(examples)),
      exampleList_(new QVBoxLayout),
      recentList_(new QVBoxLayout) {
    setObjectName(QStringLiteral("StartPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);

    auto* openButton = new QPushButton(tr("Open App Script…"));
    openButton->setObjectName(QStringLiteral("OpenButton"));
    openButton->setDefault(true);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openRequested);
    auto* intro = new QLabel(
        tr("Panel-style async apps on the desktop. Open an app script (Python, JavaScript or "
           "TypeScript), or start from one of the examples."));
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(32);
    for (auto [title, list] :
         {std::pair{tr("Examples"), exampleList_}, std::pair{tr("Recent"), recentList_}}) {
        auto* column = new QVBoxLayout;
        // A nested layout takes its parent's spacing unless told: without
        // this the columns' 32 px gap would also open under each heading.
        column->setSpacing(6);
        column->addWidget(heading(title, 1.15));
        list->setSpacing(2);
        column->addLayout(list);
        column->addStretch();
        columns->addLayout(column, 1);
    }

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(heading(QStringLiteral("qpanel"), 1.8));
    layout->addWidget(intro);
    auto* openRow = new QHBoxLayout;
    openRow->addWidget(openButton);
    openRow->addStretch();
    layout->addLayout(openRow);
    layout->addSpacing(8);
    layout->addLayout(columns);
    layout->addStretch();
    setWidget(page);

    fill(exampleList_, examples_, tr("No bundled examples were found."));
    refresh();
}

void StartPage::refresh() {
    QList<Example> recent;
    for (const QString& path : RecentFiles::list()) {
        const QFileInfo file(path);
        recent.append({file.fileName(), QDir::toNativeSeparators(file.absolutePath()), path});
    }
    fill(recentList_, recent, tr("Scripts you open appear here."));
}

void StartPage::fill(QVBoxLayout* list, const QList<Example>& entries, const QString& emptyText) {
    clearLayout(list);
    if (entries.isEmpty()) {
        auto* empty = new QLabel(emptyText);
        empty->setForegroundRole(QPalette::PlaceholderText);
        list->addWidget(empty);
    }
    for (const Example& entry : entries) {
        auto* link = new QCommandLinkButton(entry.name, entry.description);
        link->setToolTip(QDir::toNativeSeparators(entry.path));
        connect(link, &QCommandLinkButton::clicked, this,
                [this, path = entry.path] { emit scriptChosen(path); });
        list->addWidget(link);
    }
}

}  // namespace qpanel
