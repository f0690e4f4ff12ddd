#include "session/scripterror.h"

namespace qpanel {

QString ScriptError::toString() const {
    return location.describe(message);
}

}  // namespace qpanel
