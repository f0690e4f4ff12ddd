#include "cli/checkscripts.h"

#include "bridge/nativesyntax.h"
#include "bridge/transpiler.h"

#include <QFile>
#include <QJSEngine>
#include <cstdio>
#include <optional>

namespace qpanel::cli {

namespace {

std::optional<ScriptError> problemIn(Transpiler& transpiler, QJSEngine& engine, const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()), path, 0, 0};
    const TranspileResult result = transpiler.transpile(QString::fromUtf8(file.readAll()), path);
    if (!result.ok()) return result.error;
    // Babel's output (or the native source) must also compile in V4; this
    // compiles it as a function that is never called.
    std::optional<ScriptError> error = nativeSyntaxError(engine, result.code, path);
    if (error && error->line > 0 && result.origin != TranspileResult::Origin::Native) {
        // retainLines keeps lines; the map refines them when it knows the spot.
        const SourcePosition mapped = result.mapPosition(error->line, error->column);
        if (mapped.line > 0) *error = ScriptError{error->message, path, mapped.line, mapped.column};
    }
    return error;
}

}  // namespace

ExitCode checkScripts(Transpiler& transpiler, const QStringList& paths) {
    QJSEngine engine;
    ExitCode code = ExitCode::Ok;
    for (const QString& path : paths) {
        if (const auto error = problemIn(transpiler, engine, path)) {
            std::fprintf(stderr, "%s\n", qPrintable(error->toString()));
            code = ExitCode::ScriptError;
        }
    }
    return code;
}

}  // namespace qpanel::cli
