// MainWindow's actions and menus: File, View, Help, with standard shortcuts.
#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QUrl>

#include "shell/consoledock.h"
#include "shell/examplescatalog.h"
#include "shell/mainwindow.h"
#include "shell/recentfiles.h"
#include "shell/scriptwatcher.h"
#include "shell/shellsettings.h"
#include "shell/startpage.h"
#include "shell/tasksdock.h"

namespace qpanel {

namespace {
const QString kLastFolderKey = QStringLiteral("lastOpenFolder");

// "JavaScript or Python": the registered languages, for people.
QString languageNames(const AppLanguages& languages) {
    QStringList names;
    for (const AppLanguage& language : languages.all()) names << language.name;
    if (names.size() < 2) return names.value(0);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}
}  // namespace

void MainWindow::createActions() {
    openAction_ = new QAction(tr("&Open App Script…"), this);
    openAction_->setObjectName(QStringLiteral("actionOpen"));
    openAction_->setShortcuts(QKeySequence::Open);
    openAction_->setStatusTip(tr("Open a %1 app script").arg(languageNames(*languages_)));
    connect(openAction_, &QAction::triggered, this, &MainWindow::showOpenDialog);

    reloadAction_ = new QAction(tr("&Reload"), this);
    reloadAction_->setObjectName(QStringLiteral("actionReload"));
    reloadAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    reloadAction_->setStatusTip(tr("Run the app script again from the start"));
    connect(reloadAction_, &QAction::triggered, this, &MainWindow::reload);

    autoReloadAction_ = new QAction(tr("&Auto-reload on Save"), this);
    autoReloadAction_->setObjectName(QStringLiteral("actionAutoReload"));
    autoReloadAction_->setCheckable(true);
    autoReloadAction_->setStatusTip(tr("Reload the app whenever its script is saved"));
    connect(autoReloadAction_, &QAction::toggled, this, [this](bool on) {
        watcher_->watch(on ? scriptPath_ : QString());
        if (userSettings_ == UserSettings::Use)
            ShellSettings().setValue(QStringLiteral("autoReload"), on);
    });

    closeAppAction_ = new QAction(tr("&Close App"), this);
    closeAppAction_->setObjectName(QStringLiteral("actionCloseApp"));
    closeAppAction_->setShortcuts(QKeySequence::Close);
    closeAppAction_->setStatusTip(tr("Stop the app and return to the start page"));
    connect(closeAppAction_, &QAction::triggered, this, &MainWindow::closeApp);

    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setObjectName(QStringLiteral("actionQuit"));
    // Windows' key scheme (also the offscreen platform's) has no Quit key.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setShortcuts(quitKeys);
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    apiAction_ = new QAction(tr("&JavaScript API"), this);
    apiAction_->setObjectName(QStringLiteral("actionApi"));
    apiAction_->setShortcuts(QKeySequence::HelpContents);
    connect(apiAction_, &QAction::triggered, this, &MainWindow::showApiReference);

    aboutAction_ = new QAction(tr("&About qpanel"), this);
    aboutAction_->setObjectName(QStringLiteral("actionAbout"));
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("menuRecent"));
    examplesMenu_ = file->addMenu(tr("&Examples"));
    examplesMenu_->setObjectName(QStringLiteral("menuExamples"));
    file->addSeparator();
    file->addAction(reloadAction_);
    file->addAction(autoReloadAction_);
    file->addSeparator();
    file->addAction(closeAppAction_);
    file->addAction(quitAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* consoleToggle = console_->toggleViewAction();
    consoleToggle->setObjectName(QStringLiteral("actionConsole"));
    consoleToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction* tasksToggle = tasks_->toggleViewAction();
    tasksToggle->setObjectName(QStringLiteral("actionTasks"));
    tasksToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    view->addAction(consoleToggle);
    view->addAction(tasksToggle);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(apiAction_);
    help->addAction(aboutAction_);

    rebuildRecentMenu();
    rebuildExamplesMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& path : files) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName());
        action->setData(path);
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openScriptInBackground(path); });
    }
    if (files.isEmpty()) recentMenu_->addAction(tr("No Recent Scripts"))->setEnabled(false);
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("Clear Recent"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentFiles::clear();
        rebuildRecentMenu();
        startPage_->refresh();
    });
}

void MainWindow::rebuildExamplesMenu() {
    examplesMenu_->clear();
    const QList<Example> examples = ExamplesCatalog::list(*languages_);
    for (const Example& example : examples) {
        QAction* action = examplesMenu_->addAction(example.name);
        action->setData(example.path);
        action->setStatusTip(example.description);
        action->setToolTip(example.description);
        connect(action, &QAction::triggered, this,
                [this, path = example.path] { openScriptInBackground(path); });
    }
    examplesMenu_->setEnabled(!examples.isEmpty());
}

void MainWindow::showOpenDialog() {
    // Window-modal and asynchronous, so the app keeps running behind it.
    ShellSettings settings;
    const QString folder = !scriptPath_.isEmpty()
                               ? QFileInfo(scriptPath_).absolutePath()
                               : settings.value(kLastFolderKey, QDir::homePath()).toString();
    auto* dialog = new QFileDialog(this, tr("Open App Script"), folder, openFilter(*languages_));
    dialog->setObjectName(QStringLiteral("OpenScriptDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (userSettings_ == UserSettings::Use)
            ShellSettings().setValue(kLastFolderKey, QFileInfo(path).absolutePath());
        openScriptInBackground(path);
    });
    dialog->open();
}

QString MainWindow::apiReferencePath() {
    const QStringList candidates{
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/qpanel/API.md"),
        QStringLiteral(QPANEL_SOURCE_DOCS "/API.md")};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isFile()) return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

void MainWindow::showApiReference() {
    const QString path = apiReferencePath();
    if (path.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
        QMessageBox::information(
            this, tr("JavaScript API"),
            path.isEmpty()
                ? tr("The JavaScript API reference (API.md) is not installed.\n"
                     "Looked in %1 and %2.")
                      .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath() +
                                                    "/../share/doc/qpanel"),
                           QStringLiteral(QPANEL_SOURCE_DOCS))
                : tr("No application is set up to open %1.").arg(path));
    }
}

void MainWindow::showAbout() {
    QStringList versions{QStringLiteral("Qt ") + QString::fromLatin1(qVersion())};
    for (const AppLanguage& language : languages_->all())
        if (!language.versionInfo.isEmpty()) versions << language.versionInfo;
    QMessageBox::about(this, tr("About qpanel"),
                       tr("<h3>qpanel %1</h3>"
                          "<p>Panel-style async callbacks for Qt desktop apps: app scripts in %2 "
                          "with a <code>pn</code> API, async callbacks on the Qt event loop.</p>"
                          "<p>%3</p>")
                           .arg(QCoreApplication::applicationVersion(), languageNames(*languages_),
                                versions.join(QStringLiteral(" · "))));
}

QString MainWindow::openFilter(const AppLanguages& languages) {
    return tr("App scripts (%1);;All files (*)")
        .arg(languages.nameFilters().join(QLatin1Char(' ')));
}

}  // namespace qpanel
