#include "shell/mainwindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <utility>

#include "core/runtime.h"
#include "session/appsession.h"
#include "shell/consoledock.h"
#include "shell/examplescatalog.h"
#include "shell/loadingpage.h"
#include "shell/recentfiles.h"
#include "shell/scriptwatcher.h"
#include "shell/shellsettings.h"
#include "shell/sourceview.h"
#include "shell/startpage.h"
#include "shell/tasksdock.h"
#include "widgets/component.h"
#include "widgets/servable.h"
#include "widgets/spinnerwidget.h"

namespace qpanel {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kAutoReloadKey = QStringLiteral("autoReload");
// How long a background open waits for the loading page to paint.
constexpr int kLoadingPaintWaitMs = 300;
}  // namespace

MainWindow::MainWindow(const AppLanguages* languages, UserSettings userSettings, QWidget* parent)
    : QMainWindow(parent),
      languages_(languages),
      pages_(new QStackedWidget),
      startPage_(new StartPage(ExamplesCatalog::list(*languages))),
      loadingPage_(new LoadingPage),
      userSettings_(userSettings),
      console_(new ConsoleDock(this)),
      tasks_(new TasksDock(&Runtime::instance().tasks(), this)),
      watcher_(new ScriptWatcher(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    qRegisterMetaType<qpanel::AppSession*>();
    setWindowTitle(QStringLiteral("qpanel"));
    pages_->addWidget(startPage_);
    pages_->addWidget(loadingPage_);
    setCentralWidget(pages_);
    setAcceptDrops(true);
    // Side by side under the app: output and the work behind it, both in view.
    addDockWidget(Qt::BottomDockWidgetArea, console_);
    splitDockWidget(console_, tasks_, Qt::Horizontal);

    // What the user picks opens behind the loading page: a script that needs
    // Babel never freezes the window (reload stays synchronous, see reload()).
    connect(startPage_, &StartPage::scriptChosen, this, &MainWindow::openScriptInBackground);
    connect(startPage_, &StartPage::openRequested, this, &MainWindow::showOpenDialog);
    connect(console_, &ConsoleDock::sourceRequested, this, &MainWindow::showSource);
    connect(watcher_, &ScriptWatcher::scriptChanged, this, &MainWindow::reload);
    connect(this, &MainWindow::messageLogged, console_, &ConsoleDock::appendMessage);
    connect(this, &MainWindow::errorReported, console_, &ConsoleDock::appendError);

    createActions();
    createMenus();
    createStatusBar();
    resize(kDefaultSize);
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow() {
    // The app's views live in appContent_: close the app while they exist.
    session_.reset();
}

bool MainWindow::openScript(const QString& path) {
    ++openGeneration_;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const AppLanguage* language = languages_->forFile(absolute);
    std::unique_ptr<AppSession> candidate = language ? language->createSession() : nullptr;
    if (candidate) {
        connect(candidate.get(), &AppSession::messageLogged, this, &MainWindow::messageLogged);
        connect(candidate.get(), &AppSession::errorReported, this, &MainWindow::errorReported);
        emit sessionCreated(candidate.get(), absolute);
    } else {
        emit errorReported(languages_->unsupportedFile(absolute), QString());
    }
    if (!candidate || !candidate->load(absolute)) {
        console_->appendNote(
            session_ ? tr("%1 did not load; %2 keeps running.")
                           .arg(QFileInfo(absolute).fileName(), QFileInfo(scriptPath_).fileName())
                     : tr("%1 did not load.").arg(QFileInfo(absolute).fileName()));
        console_->show();
        return false;
    }
    swapIn(std::move(candidate), absolute);
    return true;
}

void MainWindow::openScriptInBackground(const QString& path) {
    const int generation = ++openGeneration_;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString name = QFileInfo(absolute).fileName();
    loadingPage_->showScript(name, tr("Loading %1…").arg(name));
    pages_->setCurrentWidget(loadingPage_);
    afterLoadingPagePainted([this, absolute, name, generation] {
        if (generation != openGeneration_) return;
        // No language, or nothing to prepare: openScript loads (or reports) at once.
        const AppLanguage* language = languages_->forFile(absolute);
        if (!language || !language->prepare) return finishBackgroundOpen(absolute, generation);
        // What finishes at once (JS: native syntax, cache hits) loads now;
        // the rest runs off the GUI thread while the page says what it is.
        const Preparation preparation = language->prepare(absolute);
        if (preparation.ready.isFinished()) return finishBackgroundOpen(absolute, generation);
        loadingPage_->setStatus(preparation.status);
        auto* watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcher<void>::finished, this,
                [this, watcher, absolute, name, generation] {
                    watcher->deleteLater();
                    if (generation != openGeneration_) return;
                    loadingPage_->setStatus(tr("Loading %1…").arg(name));
                    afterLoadingPagePainted([this, absolute, generation] {
                        if (generation == openGeneration_)
                            finishBackgroundOpen(absolute, generation);
                    });
                });
        watcher->setFuture(preparation.ready);
    });
}

void MainWindow::afterLoadingPagePainted(std::function<void()> step) {
    // Runs `step` once, on whichever comes first.
    auto pending = std::make_shared<std::function<void()>>(std::move(step));
    auto runOnce = [pending] {
        if (!*pending) return;
        const std::function<void()> step = std::exchange(*pending, nullptr);
        step();
    };
    if (!loadingPage_->isVisible()) {
        QTimer::singleShot(0, this, runOnce);
        return;
    }
    loadingPage_->update();
    // Queued: the step runs after the whole paint pass, once it is on screen.
    connect(loadingPage_, &LoadingPage::painted, this, runOnce,
            Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    // A minimized or hidden-behind window may not paint soon: never wait long.
    QTimer::singleShot(kLoadingPaintWaitMs, this, runOnce);
}

void MainWindow::finishBackgroundOpen(const QString& path, int generation) {
    if (generation != openGeneration_) return;
    const bool loaded = openScript(path);
    if (!loaded)
        pages_->setCurrentWidget(appContent_ ? appContent_ : static_cast<QWidget*>(startPage_));
    emit openFinished(loaded);
}

bool MainWindow::reload() {
    if (scriptPath_.isEmpty()) return false;
    return openScript(scriptPath_);
}

void MainWindow::closeApp() {
    if (!session_) return;
    delete appContent_;
    appContent_ = nullptr;
    session_.reset();
    console_->appendNote(tr("Closed %1.").arg(QFileInfo(scriptPath_).fileName()));
    scriptPath_.clear();
    watcher_->watch({});
    pages_->setCurrentWidget(startPage_);
    startPage_->refresh();
    updateTitle();
    updateActions();
    emit sessionChanged(nullptr);
}

void MainWindow::swapIn(std::unique_ptr<AppSession> session, const QString& path) {
    const bool reloading = path == scriptPath_;
    // The old app goes first (its views, then its tasks), so the new one never
    // shares the event loop with it.
    delete appContent_;
    session_ = std::move(session);
    scriptPath_ = path;
    appContent_ = session_->createContent();
    pages_->addWidget(appContent_);
    pages_->setCurrentWidget(appContent_);
    connect(Servables::of(session_->document()), &Servables::rootAdded, this,
            &MainWindow::updateTitle);

    console_->appendNote(reloading ? tr("Reloaded %1.").arg(QFileInfo(path).fileName())
                                   : tr("Opened %1.").arg(QDir::toNativeSeparators(path)));
    if (userSettings_ == UserSettings::Use) RecentFiles::add(path);
    rebuildRecentMenu();
    startPage_->refresh();
    watcher_->watch(autoReload() ? path : QString());
    updateTitle();
    updateActions();
    emit sessionChanged(session_.get());
}

bool MainWindow::isIdle() const {
    return !session_ || session_->isIdle();
}

bool MainWindow::autoReload() const {
    return autoReloadAction_->isChecked();
}

void MainWindow::setAutoReload(bool on) {
    autoReloadAction_->setChecked(on);
}

void MainWindow::updateTitle() {
    if (!session_) {
        setWindowTitle(QStringLiteral("qpanel"));
        return;
    }
    const QString title = Servables::of(session_->document())->title();
    setWindowTitle(title.isEmpty() ? tr("%1 — qpanel").arg(QFileInfo(scriptPath_).fileName())
                                   : title);
}

void MainWindow::updateActions() {
    reloadAction_->setEnabled(session_ != nullptr);
    closeAppAction_->setEnabled(session_ != nullptr);
}

void MainWindow::createStatusBar() {
    spinner_ = new SpinnerWidget;
    spinner_->setObjectName(QStringLiteral("BusySpinner"));
    spinner_->setToolTip(tr("Tasks are running"));
    const int side = fontMetrics().height();
    spinner_->setFixedSize(side, side);
    // Hidden while idle, keeping its place so the count does not jump.
    QSizePolicy policy = spinner_->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    spinner_->setSizePolicy(policy);
    taskCount_ = new QLabel;
    taskCount_->setObjectName(QStringLiteral("TaskCount"));
    statusBar()->addPermanentWidget(taskCount_);
    statusBar()->addPermanentWidget(spinner_);
    Runtime& runtime = Runtime::instance();
    connect(&runtime, &Runtime::busyChanged, this, &MainWindow::showBusy);
    connect(&runtime.tasks(), &TaskRegistry::countChanged, this, &MainWindow::updateTaskCount);
    showBusy(runtime.busy());
    updateTaskCount(runtime.tasks().count());
}

void MainWindow::showBusy(bool busy) {
    spinner_->setSpinning(busy);
    spinner_->setVisible(busy);
}

void MainWindow::updateTaskCount(int count) {
    taskCount_->setText(count == 0   ? tr("Idle")
                        : count == 1 ? tr("1 task running")
                                     : tr("%1 tasks running").arg(count));
}

void MainWindow::showSource(const QString& path, int line) {
    if (!sourceView_) {
        sourceView_ = new SourceView(this);
        sourceView_->setWindowFlag(Qt::Window);
        sourceView_->resize(720, 520);
    }
    sourceView_->openFile(path);
    sourceView_->setWindowTitle(tr("%1 (read-only) — qpanel").arg(QFileInfo(path).fileName()));
    sourceView_->show();
    sourceView_->raise();
    sourceView_->activateWindow();
    sourceView_->showLine(line);
}

void MainWindow::restoreSettings() {
    const bool use = userSettings_ == UserSettings::Use;
    ShellSettings settings;
    if (use) restoreGeometry(settings.value(kGeometryKey).toByteArray());
    if (!use || !restoreState(settings.value(kStateKey).toByteArray())) {
        // First run: the app gets most of the height, the console most of the docks' width.
        resizeDocks({console_, tasks_}, {width() * 3 / 5, width() * 2 / 5}, Qt::Horizontal);
        resizeDocks({console_}, {height() / 4}, Qt::Vertical);
    }
    autoReloadAction_->setChecked(use && settings.value(kAutoReloadKey, false).toBool());
}

void MainWindow::saveSettings() const {
    if (userSettings_ == UserSettings::Ignore) return;
    ShellSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kAutoReloadKey, autoReload());
}

QString MainWindow::droppedScript(const QMimeData* data) const {
    if (!data || !data->hasUrls() || data->urls().size() != 1) return {};
    const QString path = data->urls().constFirst().toLocalFile();
    return languages_->forFile(path) ? path : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedScript(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedScript(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    openScriptInBackground(path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    if (sourceView_) sourceView_->close();
    QMainWindow::closeEvent(event);
}

}  // namespace qpanel
