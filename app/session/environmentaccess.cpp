#include "session/environmentaccess.h"

namespace qpanel {

EnvironmentAccess::EnvironmentAccess(QStringList allowed, QString settingsFile)
    : allowed_(std::move(allowed)), settingsFile_(std::move(settingsFile)) {
    allowed_.removeDuplicates();
}

bool EnvironmentAccess::allows(const QString& name) const {
    return name.startsWith(QLatin1String("QPANEL_")) || allowed_.contains(name);
}

QString EnvironmentAccess::refusal(const QString& name) const {
    const QString where = settingsFile_.isEmpty()
                              ? QStringLiteral("to qpanel's allowedEnvironment setting")
                              : QStringLiteral("to allowedEnvironment in %1").arg(settingsFile_);
    return QStringLiteral(
               "pn.env('%1'): scripts may read only QPANEL_* environment variables and those you "
               "allow, so this gives the fallback. To allow it, start qpanel with --allow-env %1, "
               "or add %1 %2.")
        .arg(name, where);
}

QStringList EnvironmentAccess::parseNames(const QStringList& lists, QString* problem) {
    QStringList names;
    for (const QString& list : lists) {
        for (const QString& item : list.split(QLatin1Char(','))) {
            const QString name = item.trimmed();
            // Environment names cannot hold '=' (it ends the name) or NUL.
            if (name.isEmpty() || name.contains(QLatin1Char('=')) || name.contains(QChar(0))) {
                if (problem && problem->isEmpty())
                    *problem = QStringLiteral("'%1' is not an environment variable name").arg(list);
                continue;
            }
            if (!names.contains(name)) names << name;
        }
    }
    return names;
}

}  // namespace qpanel
