#include "bridge/transpileresult.h"

namespace qpanel {

SourcePosition TranspileResult::mapPosition(int line, int column) const {
    return sourceMap.originalPosition(line, column);
}

}  // namespace qpanel
