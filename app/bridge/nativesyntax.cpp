#include "bridge/nativesyntax.h"

#include <QJSEngine>
#include <QRegularExpression>

namespace qpanel {

bool isNativeSyntax(const QString& source) {
    // V4 parses named groups, lookbehind, \p{..} and {__proto__: p} but gets
    // them wrong: let Babel rewrite them (or reject them with a line number).
    static const QLatin1String misread[] = {QLatin1String("(?<"), QLatin1String("\\p{"),
                                            QLatin1String("\\P{"), QLatin1String("__proto__")};
    for (const QLatin1String& pattern : misread)
        if (source.contains(pattern)) return false;
    // A u-flag regex literal (or something like it, e.g. "a/u"): V4 finds
    // u-flag matches only at index 0.
    static const QRegularExpression unicodeFlag(QStringLiteral("/[dgimsy]*u[dgimsy]*(?![\\w$])"));
    if (source.contains(unicodeFlag)) return false;

    QJSEngine engine;
    const QJSValue functionCtor = engine.globalObject().property(QStringLiteral("Function"));
    // new Function(body) parses body as one FunctionBody: text cannot escape it.
    return !functionCtor.callAsConstructor({QJSValue(source)}).isError();
}

std::optional<ScriptError> nativeSyntaxError(QJSEngine& engine, const QString& code,
                                             const QString& fileName) {
    // Babel's output is a well-formed Program, so wrapping it cannot run it;
    // keeping "(function(){" on line 1 keeps line numbers.
    const QJSValue result =
        engine.evaluate(QStringLiteral("(function(){") + code + QStringLiteral("\n})"), fileName);
    if (!result.isError()) return std::nullopt;
    return ScriptError{
        result.property(QStringLiteral("message")).toString(),
        {.file = fileName, .line = result.property(QStringLiteral("lineNumber")).toInt()}};
}

}  // namespace qpanel
