#include "shell/recentfiles.h"

#include <QFileInfo>

#include "shell/shellsettings.h"

namespace qpanel {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::list() {
    // Reading never writes (a screenshot run only reads); add() stores the pruned list.
    const QStringList stored = ShellSettings().value(kKey).toStringList();
    QStringList existing;
    for (const QString& path : stored) {
        if (QFileInfo(path).isFile()) existing.append(path);
    }
    return existing;
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = list();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMax) files.removeLast();
    ShellSettings().setValue(kKey, files);
}

void RecentFiles::clear() {
    ShellSettings().remove(kKey);
}

}  // namespace qpanel
