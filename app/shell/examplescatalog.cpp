#include "shell/examplescatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace qpanel {

QString ExamplesCatalog::folder() {
    const QStringList candidates{
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/qpanel/examples"),
        QStringLiteral(QPANEL_SOURCE_EXAMPLES)};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir()) return QDir(candidate).absolutePath();
    }
    return {};
}

QList<Example> ExamplesCatalog::list(const QString& folder) {
    QList<Example> examples;
    if (folder.isEmpty()) return examples;
    const QDir dir(folder);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.js"), QStringLiteral("*.ts")},
                                                  QDir::Files, QDir::Name);
    for (const QFileInfo& file : files)
        examples.append(
            {file.completeBaseName(), describe(file.absoluteFilePath()), file.absoluteFilePath()});
    return examples;
}

std::optional<Example> ExamplesCatalog::find(const QString& name) {
    const QString wanted = QFileInfo(name).completeBaseName();
    for (const Example& example : list()) {
        if (example.name == wanted) return example;
    }
    return std::nullopt;
}

QString ExamplesCatalog::describe(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QTextStream in(&file);
    // The leading comment often wraps mid-sentence: join it, keep sentence one.
    QString comment;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.startsWith(QLatin1String("//"))) break;
        comment += line.mid(2).trimmed() + QLatin1Char(' ');
    }
    comment = comment.simplified();
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?](\\s|$)"));
    const QRegularExpressionMatch end = sentenceEnd.match(comment);
    return end.hasMatch() ? comment.left(end.capturedStart() + 1) : comment;
}

}  // namespace qpanel
