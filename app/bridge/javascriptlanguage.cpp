#include "bridge/javascriptlanguage.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <optional>

#include "bridge/nativesyntax.h"
#include "bridge/scriptsession.h"
#include "bridge/transpiler.h"
#include "session/applanguages.h"

namespace qpanel {

namespace {

/// --check of one script: transpile, then parse in V4 without running it.
std::optional<ScriptError> problemIn(Transpiler& transpiler, QJSEngine& engine,
                                     const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                           {.file = path}};
    const TranspileResult result = transpiler.transpile(QString::fromUtf8(file.readAll()), path);
    if (!result.ok()) return result.error;
    // Babel's output (or the native source) must also compile in V4; this
    // compiles it as a function that is never called.
    std::optional<ScriptError> error = nativeSyntaxError(engine, result.code, path);
    if (error && error->location.line > 0 && result.origin != TranspileResult::Origin::Native) {
        // retainLines keeps lines; the map refines them when it knows the spot.
        const SourcePosition mapped =
            result.mapPosition(error->location.line, error->location.column);
        if (mapped.line > 0)
            *error = ScriptError{error->message,
                                 {.file = path, .line = mapped.line, .column = mapped.column}};
    }
    return error;
}

Preparation prepare(Transpiler* transpiler, const QString& path) {
    QFile file(path);
    // Unreadable: the load reports it as it always does.
    if (!file.open(QIODevice::ReadOnly)) return {};
    // Native syntax and cache hits finish at once; Babel runs (and loads, the
    // first time) on the transpiler's worker. Its output lands in the
    // transpile cache, where the session's load finds it.
    const QFuture<void> ready(transpiler->transpileAsync(QString::fromUtf8(file.readAll()), path));
    return {
        .ready = ready,
        .status = transpiler->isWarm()
                      ? QCoreApplication::translate("qpanel", "Transpiling %1…")
                            .arg(QFileInfo(path).fileName())
                      : QCoreApplication::translate("qpanel", "Preparing the JavaScript engine…")};
}

}  // namespace

void registerJavaScript(AppLanguages& languages, Transpiler* transpiler,
                        const EnvironmentAccess* environment, const QStringList& extensions) {
    languages.add({
        .name = QStringLiteral("JavaScript"),
        .extensions = extensions,
        .createSession =
            [transpiler, environment] {
                auto session = std::make_unique<ScriptSession>(transpiler);
                if (environment) session->setEnvironmentAccess(*environment);
                return session;
            },
        .check =
            [transpiler](const QStringList& paths) {
                QJSEngine engine;
                QList<ScriptError> problems;
                for (const QString& path : paths)
                    if (auto error = problemIn(*transpiler, engine, path)) problems << *error;
                return problems;
            },
        .prepare = [transpiler](const QString& path) { return prepare(transpiler, path); },
        .warmUp = [transpiler] { transpiler->warmUp(); },
        .versionInfo = QStringLiteral("Babel %1").arg(Transpiler::babelVersion()),
    });
}

}  // namespace qpanel
