#include "bridge/scripterror.h"

namespace qpanel {

QString ScriptError::toString() const {
    QString where = fileName.isEmpty() ? QStringLiteral("<script>") : fileName;
    if (line > 0) where += QLatin1Char(':') + QString::number(line);
    if (line > 0 && column > 0) where += QLatin1Char(':') + QString::number(column);
    return where + QStringLiteral(": ") + message;
}

}  // namespace qpanel
