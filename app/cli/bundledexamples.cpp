#include "cli/bundledexamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace qpanel::cli {

namespace {

QString firstCommentLine(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty()) continue;
        if (!line.startsWith(QLatin1String("//"))) return {};
        return line.mid(2).trimmed();
    }
    return {};
}

}  // namespace

QString examplesFolder() {
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/qpanel/examples");
    for (const QString& candidate : {installed, QStringLiteral(QPANEL_SOURCE_EXAMPLES)}) {
        if (QFileInfo(candidate).isDir()) return QDir(candidate).absolutePath();
    }
    return {};
}

QList<BundledExample> bundledExamples(const QString& folder) {
    QList<BundledExample> examples;
    if (folder.isEmpty()) return examples;
    const QFileInfoList files =
        QDir(folder).entryInfoList({QStringLiteral("*.js"), QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files)
        examples.append({file.completeBaseName(), firstCommentLine(file.absoluteFilePath()), file.absoluteFilePath()});
    return examples;
}

QString examplePath(const QString& folder, const QString& name) {
    for (const BundledExample& example : bundledExamples(folder))
        if (example.name == name) return example.path;
    return {};
}

}  // namespace qpanel::cli
