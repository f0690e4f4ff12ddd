#include "session/scripterror.h"

namespace qpanel {

QString ScriptError::toString() const {
    SourceLocation where = location;
    if (where.file.isEmpty()) where.file = QStringLiteral("<script>");
    return where.toString() + QStringLiteral(": ") + message;
}

}  // namespace qpanel
