#include "session/applanguages.h"

#include <QFileInfo>

#include "session/appsession.h"

namespace qpanel {

void AppLanguages::add(AppLanguage language) {
    for (QString& extension : language.extensions) {
        extension = extension.toLower();
        if (const AppLanguage* owner = forFile(QStringLiteral("x") + extension))
            qFatal("AppLanguages: %s claims %s, which %s has already", qPrintable(language.name),
                   qPrintable(extension), qPrintable(owner->name));
    }
    languages_.push_back(std::move(language));
}

const AppLanguage* AppLanguages::forFile(const QString& path) const {
    const QString name = QFileInfo(path).fileName().toLower();
    for (const AppLanguage& language : languages_) {
        for (const QString& extension : language.extensions)
            if (name.endsWith(extension) && name.size() > extension.size()) return &language;
    }
    return nullptr;
}

QStringList AppLanguages::extensions() const {
    QStringList all;
    for (const AppLanguage& language : languages_) all << language.extensions;
    return all;
}

QStringList AppLanguages::nameFilters() const {
    QStringList filters;
    for (const QString& extension : extensions()) filters << QLatin1Char('*') + extension;
    return filters;
}

QString AppLanguages::describeExtensions() const {
    QStringList parts;
    for (const AppLanguage& language : languages_)
        parts << QStringLiteral("%1 (%2)").arg(language.extensions.join(QStringLiteral(", ")),
                                               language.name);
    return parts.isEmpty() ? QStringLiteral("none: no language is registered")
                           : parts.join(QStringLiteral("; "));
}

ScriptError AppLanguages::unsupportedFile(const QString& path) const {
    return ScriptError{.message = QStringLiteral("not an app script qpanel can run; it runs %1")
                                      .arg(describeExtensions()),
                       .location = {.file = path}};
}

}  // namespace qpanel
