#pragma once

#include <QByteArray>
#include <QJSValue>
#include <QString>
#include <memory>
#include <optional>

#include "session/scripterror.h"

class QJSEngine;

namespace qpanel::detail {

struct BabelOutput {
    QString code;
    QByteArray sourceMapJson;
    bool topLevelAwait = false;
    std::optional<ScriptError> error;
};

/// @babel/standalone in a QJSEngine of its own. Lives and is used on one
/// thread only (the Transpiler's worker), as QJSEngine requires.
class BabelEngine {
public:
    BabelEngine();
    ~BabelEngine();
    BabelEngine(const BabelEngine&) = delete;
    BabelEngine& operator=(const BabelEngine&) = delete;

    /// Evaluates babel.min.js and the glue (about a second); idempotent.
    bool load();
    bool isLoaded() const { return m_transpile.isCallable(); }
    qint64 loadMilliseconds() const { return m_loadMs; }

    BabelOutput transform(const QString& source, const QString& fileName, bool typeScript);

private:
    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_transpile;
    QString m_loadError;
    qint64 m_loadMs = -1;
};

}  // namespace qpanel::detail
