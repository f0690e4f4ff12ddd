#include "shell/scriptwatcher.h"

#include <QDateTime>
#include <QFileInfo>

namespace qpanel {

ScriptWatcher::ScriptWatcher(QObject* parent) : QObject(parent) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &ScriptWatcher::fire);
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &ScriptWatcher::noticeFileChange);
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this,
            &ScriptWatcher::noticeFolderChange);
}

void ScriptWatcher::watch(const QString& path) {
    const QStringList watched = watcher_.files() + watcher_.directories();
    if (!watched.isEmpty()) watcher_.removePaths(watched);
    debounce_.stop();
    path_ = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (path_.isEmpty()) return;
    watcher_.addPath(QFileInfo(path_).absolutePath());
    if (QFileInfo::exists(path_)) watcher_.addPath(path_);
    lastSignature_ = signature();
}

QString ScriptWatcher::signature() const {
    const QFileInfo file(path_);
    if (!file.exists()) return {};
    return QStringLiteral("%1/%2").arg(file.size()).arg(file.lastModified().toMSecsSinceEpoch());
}

void ScriptWatcher::noticeFileChange() {
    // A replaced file is a new inode: watch the path again once it is back.
    if (QFileInfo::exists(path_) && !watcher_.files().contains(path_)) watcher_.addPath(path_);
    debounce_.start();
}

void ScriptWatcher::noticeFolderChange() {
    // Other files in the folder change too; only our file's (re)appearance counts.
    const bool reappeared = QFileInfo::exists(path_) && !watcher_.files().contains(path_);
    if (reappeared || signature() != lastSignature_) noticeFileChange();
}

void ScriptWatcher::fire() {
    if (!QFileInfo::exists(path_)) return;  // deleted, or mid-replace: wait for it to reappear
    if (!watcher_.files().contains(path_)) watcher_.addPath(path_);
    lastSignature_ = signature();
    emit scriptChanged(path_);
}

}  // namespace qpanel
