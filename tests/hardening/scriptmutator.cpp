#include "hardening/scriptmutator.h"

#include <QRegularExpression>

namespace qpanel::test {

namespace {

const QStringList fragments = {
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    ".",
    "=>",
    "=",
    "await ",
    "async ",
    "function ",
    "yield ",
    "*",
    "`",
    "'",
    "\"",
    "/",
    "\\",
    "${",
    "?.",
    "??",
    "...",
    "#",
    "@",
    "\n",
    "0",
    "-1",
    "1e309",
    "null",
    "undefined",
    "new ",
    "class ",
    "extends ",
    "return ",
    "throw ",
    "try {",
    "} catch (e) {",
    "for (;;) {",
    "while (",
    "pn.",
    "pn.widgets.Button(",
    "pn.state.execute(",
    "pn.sleep(",
    "pn.bind(",
    "pn.io.with_lock(",
    ".servable()",
    ".on_click(",
    ".param.watch(",
    "pn.fetch('http://127.0.0.1:9/')",
    "new pn.models.ColumnDataSource({data: {x: [1]}})",
    ".stream({x: [1, 2]})",
    "setTimeout(",
    "pn.state.add_periodic_callback(",
    "Promise.reject(",
    "\u00e9",
    "\u2028",
    "\ufeff",
};

/// Lines or tokens of `source` (words, strings of punctuation, spaces).
QStringList tokens(const QString& source) {
    static const QRegularExpression token(QStringLiteral("\\w+|\\s+|[^\\w\\s]"));
    QStringList list;
    for (auto it = token.globalMatch(source); it.hasNext();) list << it.next().captured();
    return list;
}

}  // namespace

QString ScriptMutator::mutate(const QString& source) {
    QString result = source;
    const int times = below(3) == 0 ? 2 : 1;  // mostly one: more mutants get past the parser
    for (int i = 0; i < times; ++i) result = mutateOnce(result);
    return result;
}

QString ScriptMutator::mutateOnce(const QString& source) {
    const bool byLine = below(2) == 0;
    QStringList parts = byLine ? source.split(QLatin1Char('\n')) : tokens(source);
    if (parts.isEmpty()) return randomScript();
    const auto join = [byLine](const QStringList& p) {
        return p.join(byLine ? QStringLiteral("\n") : QString());
    };
    const int at = below(parts.size());
    switch (below(6)) {
        case 0:
            parts.removeAt(at);
            return join(parts);
        case 1:
            parts.insert(at, parts[at]);
            return join(parts);
        case 2:
            parts.swapItemsAt(at, below(parts.size()));
            return join(parts);
        case 3:
            parts.insert(at, fragments[below(fragments.size())]);
            return join(parts);
        case 4:
            return source.left(below(source.size() + 1));
        default: {
            QString text = source;
            text.insert(below(text.size() + 1), QChar(char16_t(1 + below(0x7f))));
            return text;
        }
    }
}

QString ScriptMutator::randomScript() {
    QString text;
    const int length = 1 + below(60);
    for (int i = 0; i < length; ++i) {
        text += fragments[below(fragments.size())];
        if (below(4) == 0) text += QLatin1Char(' ');
    }
    return text;
}

}  // namespace qpanel::test
