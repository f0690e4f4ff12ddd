#include "bridge/babelengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>

#include "bridge/compilerlints.h"
#include "bridge/nativesyntax.h"
#include "bridge/sourcemap.h"

namespace qpanel::detail {
namespace {

QString readResource(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString errorText(const QJSValue& error) {
    return error.property(QStringLiteral("message")).toString() + QStringLiteral(" (line ") +
           error.property(QStringLiteral("lineNumber")).toString() + QLatin1Char(')');
}

}  // namespace

BabelEngine::BabelEngine() = default;
BabelEngine::~BabelEngine() = default;

bool BabelEngine::load() {
    if (isLoaded()) return true;
    if (!loadError_.isEmpty()) return false;
    silenceCompilerLints();

    QElapsedTimer timer;
    timer.start();
    engine_ = std::make_unique<QJSEngine>();
    // Babel reports through console (e.g. deprecation notes); nobody reads them here.
    engine_->evaluate(QStringLiteral(
        "var console = (function () { var quiet = function () {};"
        " return {log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, trace: quiet};"
        " })();"));
    const QString babel = readResource(QStringLiteral(":/qpanel/babel/babel.min.js"), &loadError_);
    const QString glue = readResource(QStringLiteral(":/qpanel/bridge/babelglue.js"), &loadError_);
    if (!loadError_.isEmpty()) return false;
    for (const auto& [code, name] : {std::pair{&babel, "babel.min.js"}, {&glue, "babelglue.js"}}) {
        const QJSValue result = engine_->evaluate(*code, QString::fromLatin1(name));
        if (result.isError()) {
            loadError_ = QStringLiteral("%1: %2").arg(QLatin1String(name), errorText(result));
            return false;
        }
    }
    transpile_ = engine_->globalObject().property(QStringLiteral("__qpanelTranspile"));
    loadMs_ = timer.elapsed();
    if (!transpile_.isCallable()) loadError_ = QStringLiteral("babelglue.js defines no transpile");
    return isLoaded();
}

BabelOutput BabelEngine::transform(const QString& source, const QString& fileName,
                                   bool typeScript) {
    BabelOutput out;
    if (!load()) {
        out.error = ScriptError{
            QStringLiteral("the script transpiler (Babel) failed to load: ") + loadError_,
            {.file = fileName}};
        return out;
    }
    const QJSValue json =
        transpile_.call({QJSValue(source), QJSValue(fileName), QJSValue(typeScript)});
    if (json.isError()) {
        out.error = ScriptError{QStringLiteral("internal transpiler error: ") + errorText(json),
                                {.file = fileName}};
        return out;
    }
    const QJsonObject root = QJsonDocument::fromJson(json.toString().toUtf8()).object();
    if (root.contains(QLatin1String("error"))) {
        const QJsonObject e = root.value(QLatin1String("error")).toObject();
        out.error = ScriptError{e.value(QLatin1String("message")).toString(),
                                {.file = fileName,
                                 .line = e.value(QLatin1String("line")).toInt(),
                                 .column = e.value(QLatin1String("column")).toInt()}};
        return out;
    }
    out.code = root.value(QLatin1String("code")).toString();
    out.sourceMapJson =
        QJsonDocument(root.value(QLatin1String("map")).toObject()).toJson(QJsonDocument::Compact);
    out.topLevelAwait = root.value(QLatin1String("topLevelAwait")).toBool();

    // Babel accepted it, but V4 might still not parse what came out.
    if (auto error = nativeSyntaxError(*engine_, out.code, fileName)) {
        const SourcePosition at =
            SourceMap::fromJson(out.sourceMapJson).originalPosition(error->location.line, 1);
        error->message =
            QStringLiteral("this form is not supported by the Qt 6.4 JavaScript engine (") +
            error->message + QLatin1Char(')');
        error->location.line = at.line;
        error->location.column = 0;
        out = BabelOutput{};
        out.error = *error;
    }
    return out;
}

}  // namespace qpanel::detail
