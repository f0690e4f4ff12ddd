#pragma once
// The qpanel desktop window: a start page or the loaded app script, with
// File/View/Help menus, the Console and Tasks docks and a busy status bar.
//
// It sees apps only as AppSessions, made by the language AppLanguages picks
// for a script's extension (app/session/appsession.h maps a load's hops).
//
//   qpanel::AppLanguages languages;             // filled by main(): JavaScript, Python
//   qpanel::MainWindow window(&languages);
//   window.show();
//   window.openScript("/home/me/app.js");   // false: error in the console, old app kept
//   window.openScriptInBackground(path);    // paints a loading page first; openFinished(ok)

#include <QMainWindow>
#include <functional>
#include <memory>

#include "session/applanguages.h"
#include "session/scripterror.h"

class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QStackedWidget;

namespace qpanel {

class AppSession;
class ConsoleDock;
class LoadingPage;
class ScriptWatcher;
class SourceView;
class SpinnerWidget;
class StartPage;
class TasksDock;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Whether the window reads and writes the user's settings (geometry,
    /// dock state, recent files, auto-reload). Screenshot runs ignore them, so
    /// they change nothing of the user's and their picture has a fixed size.
    enum class UserSettings { Use, Ignore };
    /// The size of a window without saved geometry (and of every screenshot).
    static constexpr QSize kDefaultSize{960, 680};

    /// `languages` (which must outlive the window) decides which scripts it
    /// opens and how: File → Open's filter, drops, Examples, sessions.
    explicit MainWindow(const AppLanguages* languages,
                        UserSettings userSettings = UserSettings::Use, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads `path` as a new app next to the current one and swaps it in only
    /// if it loaded; on failure (also: no registered language runs such a
    /// file) the error is in the console, the current app keeps running, and
    /// this returns false.
    bool openScript(const QString& path);
    /// Like openScript, but the window first shows a loading page (the
    /// script's name, what is happening, a spinner) and loads only after that
    /// page has painted; the language's preparation (JS: Babel loading and
    /// transforming on the transpiler's worker) runs meanwhile, so the window
    /// stays responsive.
    /// openFinished reports the outcome; another open before then supersedes it.
    /// The start page, File → Open, the Recent and Examples menus and drops open this way.
    void openScriptInBackground(const QString& path);
    /// Loads the current script again (as openScript: a failed reload keeps
    /// the running app). On success the old app is destroyed, cancelling every
    /// task, timer and periodic callback of it, before the event loop runs
    /// again, so the two never interleave. Window geometry is kept.
    bool reload();
    /// Closes the app (cancelling all its work) and shows the start page.
    void closeApp();

    AppSession* session() const { return session_.get(); }
    /// The open app script ("" on the start page).
    QString scriptPath() const { return scriptPath_; }
    /// No app, or the app has no task in flight and no timer pending.
    bool isIdle() const;

    bool autoReload() const;
    void setAutoReload(bool on);

    ConsoleDock* console() const { return console_; }
    TasksDock* tasks() const { return tasks_; }
    /// The read-only source window (null until a file:line link opened it).
    SourceView* sourceView() const { return sourceView_; }
    StartPage* startPage() const { return startPage_; }
    LoadingPage* loadingPage() const { return loadingPage_; }
    /// The open app's views (null on the start page).
    QWidget* appContent() const { return appContent_; }
    /// Shows `path` read-only at `line` (what a console link does).
    void showSource(const QString& path, int line);

    /// docs/API.md as installed (../share/doc/qpanel) or in the source tree;
    /// "" when neither exists.
    static QString apiReferencePath();
    /// File → Open's name filter: every registered language's scripts, then all files.
    static QString openFilter(const AppLanguages& languages);
    /// Writes geometry, window and dock state to the settings (also on close).
    void saveSettings() const;

signals:
    /// A session was made for `path` and is about to load it (it may fail and
    /// be dropped): the moment to attach to its signals, e.g. a terminal echo.
    void sessionCreated(qpanel::AppSession* session, const QString& path);
    /// The app changed: a script was opened or reloaded (session set), or closed (null).
    void sessionChanged(qpanel::AppSession* session);
    /// An openScriptInBackground call ended: the app is shown, or (false) the
    /// previous page is back and the error is in the console.
    void openFinished(bool loaded);
    /// The current or loading app's console output and errors.
    void messageLogged(const QString& level, const QString& text);
    void errorReported(const qpanel::ScriptError& error, const QString& stack);

protected:
    void closeEvent(QCloseEvent* event) override;
    /// A script of a registered language dropped on the window opens like File → Open.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void restoreSettings();
    void rebuildRecentMenu();
    void rebuildExamplesMenu();
    void showOpenDialog();
    void showApiReference();
    void showAbout();
    void finishBackgroundOpen(const QString& path, int generation);
    /// Runs `step` once the loading page has painted (soon anyway if it does not).
    void afterLoadingPagePainted(std::function<void()> step);
    void swapIn(std::unique_ptr<AppSession> session, const QString& path);
    /// The one local app script among dropped data, or "".
    QString droppedScript(const QMimeData* data) const;
    void updateTitle();
    void updateActions();
    void updateTaskCount(int count);
    void showBusy(bool busy);

    const AppLanguages* languages_;
    std::unique_ptr<AppSession> session_;
    QString scriptPath_;
    QStackedWidget* pages_;
    StartPage* startPage_;
    LoadingPage* loadingPage_;
    UserSettings userSettings_;
    /// Counts opens, so a superseded background open drops its last step.
    int openGeneration_ = 0;
    QWidget* appContent_ = nullptr;
    ConsoleDock* console_;
    TasksDock* tasks_;
    SourceView* sourceView_ = nullptr;
    ScriptWatcher* watcher_;
    SpinnerWidget* spinner_ = nullptr;
    QLabel* taskCount_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;

    QAction* openAction_ = nullptr;
    QAction* reloadAction_ = nullptr;
    QAction* autoReloadAction_ = nullptr;
    QAction* closeAppAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* apiAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

}  // namespace qpanel
