#include "docs/dtsdeclarations.h"

#include <QRegularExpression>
#include <QSet>

namespace qpanel::test {

namespace {

using Kind = DeclaredMember::Kind;

const QRegularExpression& pattern(const char* source) {
    // One compiled expression per literal (each call site passes a literal).
    static QHash<const char*, QRegularExpression> cache;
    auto it = cache.find(source);
    if (it == cache.end())
        it = cache.insert(source, QRegularExpression(QString::fromLatin1(source)));
    return *it;
}

// `name(args): Ret;` or `name<T>(args): Ret;` — the return type follows the
// last "):" (argument types may hold arrows and parentheses of their own).
const char* const kFunction = R"(^(\w+)\??\s*[<(].*\)\s*:\s*(.+);$)";

}  // namespace

DtsDeclarations::DtsDeclarations(const QString& text, QString fileName)
    : fileName_(std::move(fileName)) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) readLine(lines[i].trimmed(), i + 1);
    if (!open_.isEmpty())
        fail(lines.size(), QStringLiteral("'%1' is never closed with '}'").arg(open_.last()));
}

void DtsDeclarations::fail(int number, const QString& what) {
    problems_ << QStringLiteral("%1:%2: %3").arg(fileName_).arg(number).arg(what);
}

void DtsDeclarations::readLine(const QString& line, int number) {
    if (inComment_) {
        inComment_ = !line.contains(QLatin1String("*/"));
        return;
    }
    if (line.isEmpty() || line.startsWith(QLatin1String("//"))) return;
    if (line.startsWith(QLatin1String("/*"))) {
        inComment_ = !line.contains(QLatin1String("*/"));
        return;
    }
    if (line == QLatin1String("}")) {
        if (open_.isEmpty())
            fail(number, QStringLiteral("'}' closes nothing"));
        else
            open_.removeLast();
        return;
    }

    DeclaredScope* parent = open_.isEmpty() ? nullptr : &scopes_[open_.last()];
    const bool inNamespace = parent && parent->isNamespace;
    const bool topLevel = parent == nullptr;
    auto add = [&](DeclaredMember member) {
        member.line = number;
        if (topLevel)
            globals_.append(member);
        else
            parent->members.append(member);
    };
    auto open = [&](const QString& key, DeclaredScope scope) {
        if (scopes_.contains(key)) fail(number, QStringLiteral("'%1' is declared twice").arg(key));
        scopes_.insert(key, std::move(scope));
        open_.append(key);
    };
    QRegularExpressionMatch m;

    if ((m = pattern(R"(^(?:declare )?namespace (\w+) \{$)").match(line)).hasMatch()) {
        if (!topLevel && !inNamespace)
            return fail(number, QStringLiteral("a namespace inside an interface"));
        const QString path =
            topLevel ? m.captured(1) : parent->name + QLatin1Char('.') + m.captured(1);
        if (!topLevel) add({m.captured(1), Kind::Namespace, path});
        open(path, DeclaredScope{path, true, {}, {}});
        return;
    }
    if ((m = pattern(R"(^(?:declare )?interface (\w+)(?: extends ([\w., ]+))? \{$)").match(line))
            .hasMatch()) {
        QStringList bases;
        for (const QString& base : m.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts))
            bases << base.trimmed();
        open(m.captured(1), DeclaredScope{m.captured(1), false, bases, {}});
        return;
    }
    if ((m = pattern(R"(^(?:declare )?class (\w+) \{$)").match(line)).hasMatch()) {
        if (!topLevel && !inNamespace)
            return fail(number, QStringLiteral("a class inside an interface"));
        add({m.captured(1), Kind::Class, m.captured(1)});
        open(m.captured(1), DeclaredScope{m.captured(1), false, {}, {}});
        return;
    }

    if (topLevel || inNamespace) {
        // Outside namespaces only `declare ...` lines declare runtime names.
        QString rest = line;
        if (topLevel) {
            if (!rest.startsWith(QLatin1String("declare ")))
                return fail(number,
                            QStringLiteral("cannot read (top-level lines start with 'declare'): %1")
                                .arg(line));
            rest = rest.mid(8);
        }
        if (pattern(R"(^type \w+.*;$)").match(rest).hasMatch()) return;  // a type, no runtime name
        if (rest.startsWith(QLatin1String("function ")) &&
            (m = pattern(kFunction).match(rest.mid(9))).hasMatch())
            return add({m.captured(1), Kind::Function, m.captured(2).trimmed()});
        if ((m = pattern(R"(^(?:const|let|var) (\w+): (.+);$)").match(rest)).hasMatch())
            return add({m.captured(1), Kind::Property, m.captured(2).trimmed()});
        return fail(number, QStringLiteral("cannot read: %1").arg(line));
    }

    // Interface or class body.
    if (pattern(R"(^constructor\(.*\);$)").match(line).hasMatch()) return;
    if ((m = pattern(R"(^(readonly )?(\w+)\??: (.+);$)").match(line)).hasMatch()) {
        DeclaredMember member{m.captured(2), Kind::Property, m.captured(3).trimmed()};
        member.readOnly = m.hasCaptured(1);
        return add(member);
    }
    if ((m = pattern(kFunction).match(line)).hasMatch())
        return add({m.captured(1), Kind::Function, m.captured(2).trimmed()});
    fail(number, QStringLiteral("cannot read: %1").arg(line));
}

const DeclaredScope* DtsDeclarations::scope(const QString& name) const {
    const auto it = scopes_.constFind(name);
    return it == scopes_.cend() ? nullptr : &*it;
}

const DeclaredScope* DtsDeclarations::scopeOfType(const QString& type) const {
    if (!pattern(R"(^[\w.]+$)").match(type).hasMatch()) return nullptr;
    const DeclaredScope* found = scope(type.section(QLatin1Char('.'), -1));
    return found && !found->isNamespace ? found : nullptr;
}

QList<DeclaredMember> DtsDeclarations::members(const DeclaredScope& scope) const {
    QList<DeclaredMember> all;
    QSet<QString> seen;
    QList<const DeclaredScope*> pending{&scope};
    while (!pending.isEmpty()) {
        const DeclaredScope* current = pending.takeFirst();
        for (const DeclaredMember& member : current->members)
            if (!seen.contains(member.name)) {
                seen.insert(member.name);
                all.append(member);
            }
        for (const QString& base : current->bases)
            if (const DeclaredScope* b = scopeOfType(base)) pending.append(b);
    }
    return all;
}

}  // namespace qpanel::test
