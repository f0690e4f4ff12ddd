#include "shell/examplescatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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

QList<Example> ExamplesCatalog::list(const QString& folder, const AppLanguages& languages) {
    QList<Example> examples;
    if (folder.isEmpty() || languages.all().empty()) return examples;
    // A name stays short unless a language registered earlier has it:
    // async_button (.js) and async_button.py.
    QHash<QString, qsizetype> claimedBy;  // base name -> lowest language index
    QList<std::pair<qsizetype, QFileInfo>> files;
    const QFileInfoList entries =
        QDir(folder).entryInfoList(languages.nameFilters(), QDir::Files, QDir::Name);
    for (const QFileInfo& file : entries) {
        const AppLanguage* language = languages.forFile(file.fileName());
        if (!language) continue;
        const qsizetype rank = language - languages.all().data();
        files.append({rank, file});
        const auto claimed = claimedBy.constFind(file.completeBaseName());
        if (claimed == claimedBy.constEnd() || rank < *claimed)
            claimedBy.insert(file.completeBaseName(), rank);
    }
    for (const auto& [rank, file] : files) {
        const bool shortName = claimedBy.value(file.completeBaseName()) == rank;
        examples.append({shortName ? file.completeBaseName() : file.fileName(),
                         describe(file.absoluteFilePath()), file.absoluteFilePath()});
    }
    return examples;
}

std::optional<Example> ExamplesCatalog::find(const QString& name, const QString& folder,
                                             const AppLanguages& languages) {
    const QList<Example> examples = list(folder, languages);
    // Its name first, then its file name ("async_button.js" for "async_button").
    for (const Example& example : examples)
        if (example.name == name) return example;
    for (const Example& example : examples)
        if (QFileInfo(example.path).fileName() == name) return example;
    return std::nullopt;
}

QString ExamplesCatalog::describe(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QTextStream in(&file);
    // The leading comment often wraps mid-sentence: join it, keep sentence one.
    // `//` for JavaScript, `#` for Python (a leading `#!` line is skipped).
    QString comment;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.startsWith(QLatin1String("#!")) && comment.isEmpty()) continue;
        const qsizetype marker = line.startsWith(QLatin1String("//")) ? 2
                                 : line.startsWith(QLatin1Char('#'))  ? 1
                                                                      : 0;
        if (marker == 0) break;
        comment += line.mid(marker).trimmed() + QLatin1Char(' ');
    }
    comment = comment.simplified();
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?](\\s|$)"));
    const QRegularExpressionMatch end = sentenceEnd.match(comment);
    return end.hasMatch() ? comment.left(end.capturedStart() + 1) : comment;
}

}  // namespace qpanel
