#pragma once
// Watches one app script for saves and reports each save once, debounced.
// Editors that save by writing a new file and renaming it over the old one
// make QFileSystemWatcher drop the path; the script's folder is watched too,
// so the path is watched again as soon as the file reappears.
//
//   ScriptWatcher watcher;
//   watcher.watch("/home/me/app.js");
//   connect(&watcher, &ScriptWatcher::scriptChanged, window, &MainWindow::reload);

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace qpanel {

class ScriptWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 200;

    explicit ScriptWatcher(QObject* parent = nullptr);

    /// Watches `path` (replacing the previous one); an empty path stops watching.
    void watch(const QString& path);
    QString path() const { return path_; }

signals:
    /// The script was saved (and exists); bursts of writes give one signal.
    void scriptChanged(const QString& path);

private:
    void noticeFileChange();
    void noticeFolderChange();
    /// Size and modification time, to tell our file's changes from its neighbours'.
    QString signature() const;
    void fire();

    QFileSystemWatcher watcher_;
    QTimer debounce_;
    QString path_;
    QString lastSignature_;
};

}  // namespace qpanel
