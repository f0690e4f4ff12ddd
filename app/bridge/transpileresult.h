#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

#include "bridge/sourcemap.h"
#include "session/scripterror.h"

namespace qpanel {

/// What the transpiler made of one script: code QJSEngine (Qt 6.4) can run,
/// or an error at the user's line and column.
struct TranspileResult {
    enum class Origin {
        Native,  ///< parsed as it is; Babel was skipped
        Cache,   ///< Babel's earlier output, from the disk cache
        Babel,   ///< transpiled just now
    };

    QString fileName;
    QString code;  ///< empty when error is set
    Origin origin = Origin::Native;
    /// The script awaits at top level: code is wrapped in an async arrow whose
    /// promise is the script's completion value (watch it for rejection).
    bool topLevelAwait = false;
    QByteArray sourceMapJson;  ///< empty for Origin::Native
    SourceMap sourceMap;
    std::optional<ScriptError> error;

    bool ok() const { return !error.has_value(); }
    /// Maps a position in code (e.g. of a runtime error) to the user's source.
    SourcePosition mapPosition(int line, int column) const;
};

}  // namespace qpanel
