// docs/qpanel.d.ts against the running pn API, both ways: every name a
// script can reach under `pn` is declared, every declared name exists, and
// what the API's functions return (components, bound panes, figures,
// sources, periodic callbacks) has exactly the declared members — params,
// methods and `param`'s own API. Adding a pn name without declaring it fails.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <optional>

#include "bridge/scriptsession.h"
#include "common/eventloop.h"
#include "docs/dtsdeclarations.h"

using qpanel::ScriptSession;
using qpanel::test::DeclaredMember;
using qpanel::test::DeclaredScope;
using qpanel::test::DtsDeclarations;

namespace {

const QString kDtsFile = QStringLiteral(QPANEL_DTS_FILE);

QString readDts() {
    QFile file(kDtsFile);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

// How to call the namespace functions that need arguments to return their
// object; every other function whose declared return type is an interface
// or class of the .d.ts is called with none (classes with `new`).
const QHash<QString, QString>& factoryCalls() {
    static const QHash<QString, QString> calls{
        {"pn.pane.Chart", "pn.pane.Chart(pn.plotting.figure())"},
        {"pn.pane.Bokeh", "pn.pane.Bokeh(pn.plotting.figure())"},
        {"pn.bind", "pn.bind(function (x) { return x; }, 1)"},
        {"pn.panel", "pn.panel(pn.bind(function () { return 'text'; }))"},
        {"pn.state.add_periodic_callback",
         "pn.state.add_periodic_callback(function () {}, {period: 60000, start: false})"},
    };
    return calls;
}

// A value's members as a script sees them: own names and its prototypes'
// (not Object's or Function's), without `constructor` and `__` internals.
const char* const kMembersJs = R"((function (value) {
    const names = [];
    for (let o = value; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o))
        for (const name of Object.getOwnPropertyNames(o))
            if (name !== 'constructor' && name.indexOf('__') !== 0 && names.indexOf(name) < 0) names.push(name);
    return names;
}))";

/// Compares runtime values with their declarations, collecting problems.
class ApiCheck {
public:
    ApiCheck(const DtsDeclarations& declarations, QJSEngine* engine)
        : declarations_(declarations),
          engine_(engine),
          membersOf_(engine->evaluate(QString::fromLatin1(kMembersJs))) {}

    QStringList problems;

    void checkPn() {
        const DeclaredScope* pn = declarations_.scope(QStringLiteral("pn"));
        if (!pn) {
            problems << kDtsFile + QStringLiteral(": no 'declare namespace pn {'");
            return;
        }
        compare(engine_->globalObject().property(QStringLiteral("pn")), *pn, QStringLiteral("pn"),
                0);
        // Each factory's object, made as a script would (the list grows only
        // from namespaces, so a copy suffices).
        const QList<Factory> factories = factories_;
        for (const Factory& f : factories) {
            const QString call =
                factoryCalls().value(f.path, (f.isClass ? QStringLiteral("new ") : QString()) +
                                                 f.path + QStringLiteral("()"));
            const QJSValue made = engine_->evaluate(call);
            if (made.isError()) {
                problems << QStringLiteral("%1 threw %2 — give it arguments in factoryCalls()")
                                .arg(call, made.toString());
                continue;
            }
            compare(made, *f.type, call, 0);
        }
    }

    void checkGlobals() {
        const QJSValue global = engine_->globalObject();
        for (const DeclaredMember& member : declarations_.globals()) {
            const QJSValue value = global.property(member.name);
            if (value.isUndefined()) {
                problems << QStringLiteral("%1 (%2:%3) does not exist at runtime")
                                .arg(member.name, kDtsFile)
                                .arg(member.line);
            } else if (const DeclaredScope* type = declarations_.scopeOfType(member.type)) {
                compare(value, *type, member.name, 0);
            }
        }
    }

    /// `value` against the declared type named `typeName`.
    void compare(const QJSValue& value, const QString& typeName, const QString& path) {
        if (const DeclaredScope* type = declarations_.scopeOfType(typeName))
            compare(value, *type, path, 0);
        else
            problems << QStringLiteral("%1 does not declare '%2'").arg(kDtsFile, typeName);
    }

    void compare(const QJSValue& value, const DeclaredScope& scope, const QString& path,
                 int depth) {
        if (depth > 8) return;  // declarations that refer to themselves
        const QStringList runtime = membersOf_.call({value}).toVariant().toStringList();
        const QList<DeclaredMember> declared = declarations_.members(scope);
        QSet<QString> declaredNames;
        for (const DeclaredMember& member : declared) declaredNames.insert(member.name);
        for (const QString& name : runtime)
            if (!declaredNames.contains(name))
                problems
                    << QStringLiteral(
                           "%1.%2 exists at runtime but is not declared (add it to '%3' in %4)")
                           .arg(path, name, scope.name, kDtsFile);
        for (const DeclaredMember& member : declared) {
            const QString where = QStringLiteral("%1:%2").arg(kDtsFile).arg(member.line);
            const QString memberPath = path + QLatin1Char('.') + member.name;
            if (!runtime.contains(member.name)) {
                problems << QStringLiteral("%1 is declared (%2) but does not exist at runtime")
                                .arg(memberPath, where);
                continue;
            }
            const QJSValue v = value.property(member.name);
            switch (member.kind) {
                case DeclaredMember::Kind::Namespace:
                    compare(v, *declarations_.scope(member.type), memberPath, depth + 1);
                    break;
                case DeclaredMember::Kind::Class:
                case DeclaredMember::Kind::Function:
                    if (!v.isCallable()) {
                        problems << QStringLiteral(
                                        "%1 is declared as a function (%2) but is not callable")
                                        .arg(memberPath, where);
                    } else if (scope.isNamespace) {
                        const bool isClass = member.kind == DeclaredMember::Kind::Class;
                        if (const DeclaredScope* type = declarations_.scopeOfType(member.type))
                            factories_.append({memberPath, type, isClass});
                    }
                    break;
                case DeclaredMember::Kind::Property:
                    if (const DeclaredScope* type = declarations_.scopeOfType(member.type);
                        type && v.isObject() && !v.isCallable())
                        compare(v, *type, memberPath, depth + 1);
                    break;
            }
        }
    }

private:
    struct Factory {
        QString path;
        const DeclaredScope* type;
        bool isClass;
    };
    const DtsDeclarations& declarations_;
    QJSEngine* engine_;
    QJSValue membersOf_;
    QList<Factory> factories_;
};

struct Session {
    QTemporaryDir cache;
    qpanel::Transpiler transpiler{qpanel::Transpiler::Options{cache.path(), true}};
    ScriptSession session{&transpiler};
    QJSEngine* engine() { return session.host().engine(); }
};

QStringList matching(const QStringList& problems, const QString& text) {
    QStringList found;
    for (const QString& p : problems)
        if (p.contains(text)) found << p;
    return found;
}

QStringList pnProblems(Session& s, const DtsDeclarations& declarations) {
    ApiCheck check(declarations, s.engine());
    check.checkPn();
    return check.problems;
}

}  // namespace

TEST(DtsDeclarations, ReadsTheShapeTheDeclarationFileDescribes) {
    const DtsDeclarations d(QStringLiteral(R"(// a comment
/**
 * a block
 */
declare namespace pn {
    interface Base {
        readonly name: string;
        watch(cb: (e: Event) => void, names?: string[]): number;
    }
    interface Thing extends Base {
        value?: number | null;
        make<T extends (...a: any[]) => any>(fn: T): T;
    }
    type Alias = 'a' | 'b';
    namespace inner {
        function Thing(params?: {a: number}): Thing;
        function Thing(text: string): Base;
        const answer: number;
        class Model {
            constructor(options?: {data?: number[]});
            stream(data: number[], rollover?: number | null): void;
        }
    }
}
declare function setTimeout(callback: (...args: any[]) => void, ms?: number): number;
declare var console: Console;
)"),
                            QStringLiteral("sample.d.ts"));
    ASSERT_EQ(d.problems(), QStringList());
    const DeclaredScope* inner = d.scope(QStringLiteral("pn.inner"));
    ASSERT_NE(inner, nullptr);
    const QList<DeclaredMember> members = d.members(*inner);
    ASSERT_EQ(members.size(), 3);
    EXPECT_EQ(members[0].name, QStringLiteral("Thing"));
    EXPECT_EQ(members[0].type, QStringLiteral("Thing"))
        << "an overload keeps the first return type";
    EXPECT_EQ(members[1].name, QStringLiteral("answer"));
    EXPECT_EQ(members[2].kind, DeclaredMember::Kind::Class);
    QStringList thing;
    for (const DeclaredMember& m : d.members(*d.scopeOfType(QStringLiteral("Thing"))))
        thing << m.name;
    EXPECT_EQ(thing, (QStringList{"value", "make", "name", "watch"}));
    EXPECT_TRUE(d.members(*d.scope(QStringLiteral("Base")))[0].readOnly);
    EXPECT_EQ(d.scopeOfType(QStringLiteral("inner.Model"))->members.size(), 1)
        << "the constructor is not a member";
    EXPECT_EQ(d.scopeOfType(QStringLiteral("Thing | null")), nullptr);
    ASSERT_EQ(d.globals().size(), 2);
    EXPECT_EQ(d.globals()[1].type, QStringLiteral("Console"));
}

TEST(DtsDeclarations, NamesEachLineItCannotRead) {
    const DtsDeclarations d(QStringLiteral("declare namespace pn {\n"
                                           "    function Broken(a: number;\n"
                                           "    interface Open {\n"
                                           "}\n"),
                            QStringLiteral("bad.d.ts"));
    ASSERT_EQ(d.problems().size(), 2);
    EXPECT_EQ(d.problems()[0],
              QStringLiteral("bad.d.ts:2: cannot read: function Broken(a: number;"));
    EXPECT_TRUE(d.problems()[1].contains(QStringLiteral("'pn' is never closed")))
        << d.problems()[1].toStdString();
}

class ApiDeclarations : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const QString text = readDts();
        ASSERT_FALSE(text.isEmpty()) << "cannot read " << kDtsFile.toStdString();
        declarations_.emplace(text, kDtsFile);
    }
    static const DtsDeclarations& declarations() { return *declarations_; }
    static inline std::optional<DtsDeclarations> declarations_;
};

TEST_F(ApiDeclarations, TheDeclarationFileKeepsItsReadableShape) {
    EXPECT_EQ(declarations().problems(), QStringList());
}

TEST_F(ApiDeclarations, EveryRuntimePnNameIsDeclared) {
    Session s;
    const QStringList missing =
        matching(pnProblems(s, declarations()), QStringLiteral("is not declared"));
    EXPECT_TRUE(missing.isEmpty()) << missing.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ApiDeclarations, EveryDeclaredPnNameExistsAtRuntime) {
    Session s;
    QStringList problems = pnProblems(s, declarations());
    problems.removeIf(
        [](const QString& p) { return p.contains(QStringLiteral("is not declared")); });
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ApiDeclarations, TheHostGlobalsExistAsDeclared) {
    Session s;
    ApiCheck check(declarations(), s.engine());
    check.checkGlobals();
    EXPECT_TRUE(check.problems.isEmpty()) << check.problems.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ApiDeclarations, AFetchResponseHasTheDeclaredMembers) {
    // A Response only comes from a finished fetch: read a file beside the script.
    QTemporaryDir folder;
    QFile data(folder.filePath(QStringLiteral("data.json")));
    ASSERT_TRUE(data.open(QIODevice::WriteOnly));
    data.write("{\"a\": 1}");
    data.close();
    QFile script(folder.filePath(QStringLiteral("app.js")));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    script.write(
        "var response = null;\n"
        "pn.fetch('data.json').then(function (r) { response = r; });\n");
    script.close();
    Session s;
    ASSERT_TRUE(s.session.load(script.fileName()));
    const QJSValue global = s.engine()->globalObject();
    ASSERT_TRUE(qpanel::test::waitUntil(
        [&] { return global.property(QStringLiteral("response")).isObject(); }));
    ApiCheck check(declarations(), s.engine());
    check.compare(global.property(QStringLiteral("response")), QStringLiteral("Response"),
                  QStringLiteral("response"));
    EXPECT_TRUE(check.problems.isEmpty()) << check.problems.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ApiDeclarations, AnUndeclaredOrMissingNameFailsTheCheck) {
    Session s;
    s.engine()->evaluate(
        QStringLiteral("pn.widgets.Slideshow = function () {};"
                       "pn.state.secret = 1;"
                       "delete pn.sleep;"));
    const QStringList problems = pnProblems(s, declarations());
    EXPECT_EQ(matching(problems,
                       QStringLiteral("pn.widgets.Slideshow exists at runtime but is not declared"))
                  .size(),
              1)
        << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(
        matching(problems, QStringLiteral("pn.state.secret exists at runtime but is not declared"))
            .size(),
        1);
    EXPECT_EQ(matching(problems, QStringLiteral("pn.sleep is declared")).size(), 1);
}

TEST_F(ApiDeclarations, AComponentParamMissingFromItsInterfaceFailsTheCheck) {
    // The same declarations with Button's `clicks` left out.
    QString text = readDts();
    const qsizetype at = text.indexOf(QStringLiteral("        clicks: number;\n"));
    ASSERT_GE(at, 0);
    text.remove(at, QStringLiteral("        clicks: number;\n").size());
    const DtsDeclarations edited(text, kDtsFile);
    Session s;
    const QStringList problems = pnProblems(s, edited);
    EXPECT_EQ(
        matching(problems,
                 QStringLiteral("pn.widgets.Button().clicks exists at runtime but is not declared"))
            .size(),
        1)
        << problems.join(QLatin1Char('\n')).toStdString();
}
