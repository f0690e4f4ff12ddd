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
    bool isLoaded() const { return transpile_.isCallable(); }
    qint64 loadMilliseconds() const { return loadMs_; }

    BabelOutput transform(const QString& source, const QString& fileName, bool typeScript);

private:
    std::unique_ptr<QJSEngine> engine_;
    QJSValue transpile_;
    QString loadError_;
    qint64 loadMs_ = -1;
};

}  // namespace qpanel::detail
