#include "hardening/badscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <stdexcept>

namespace qpanel::test {

QString BadScript::testName() const {
    QString name = QFileInfo(path).completeBaseName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
    return name;
}

BadScript readBadScript(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    BadScript script{QFileInfo(path).absoluteFilePath()};
    static const QRegularExpression header(
        QStringLiteral("^(?://|#)\\s*(expect|at|then|needs|limit):\\s*(.*?)\\s*$"));
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QRegularExpressionMatch m = header.match(QString::fromUtf8(raw));
        if (!m.hasMatch()) continue;
        const QString key = m.captured(1), value = m.captured(2);
        if (key == QLatin1String("expect")) {
            script.expect = value;
        } else if (key == QLatin1String("at") && value == QLatin1String("file")) {
            script.line = BadScript::FileOnly;
        } else if (key == QLatin1String("at")) {
            script.line = value.section(QLatin1Char(':'), 0, 0).toInt();
            script.column = value.section(QLatin1Char(':'), 1, 1).toInt();
        } else if (key == QLatin1String("then")) {
            script.steps << value;
        } else if (key == QLatin1String("limit")) {
            script.timeLimitMs = value.toInt();
        } else {
            script.needs << value;
        }
    }
    if (script.expect.isEmpty())
        throw std::runtime_error(path.toStdString() + ": no 'expect:' header");
    if (!script.expectsNothing() && script.line == 0)
        throw std::runtime_error(path.toStdString() + ": no 'at: LINE' header");
    return script;
}

QList<BadScript> readBadScripts(const QString& folder, const QString& pattern) {
    QList<BadScript> scripts;
    const QStringList names = QDir(folder).entryList({pattern}, QDir::Files, QDir::Name);
    for (const QString& name : names) scripts << readBadScript(folder + QLatin1Char('/') + name);
    return scripts;
}

}  // namespace qpanel::test
