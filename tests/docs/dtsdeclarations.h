#pragma once
// Reads docs/qpanel.d.ts in the regular shape that file's header describes
// (one declaration per line, blocks closed by a line holding `}`), so a test
// can compare what it declares with the running `pn` API. Not a TypeScript
// parser: a line outside that shape is an error naming its line number.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace qpanel::test {

struct DeclaredMember {
    enum class Kind { Function, Property, Namespace, Class };
    QString name;
    Kind kind = Kind::Property;
    /// Return type (functions), type (properties), or the scope name
    /// (namespaces: "pn.widgets"; classes: "ColumnDataSource").
    QString type;
    bool readOnly = false;
    int line = 0;
};

struct DeclaredScope {
    QString name;
    bool isNamespace = false;
    QStringList bases;  ///< interfaces this one extends
    QList<DeclaredMember> members;
};

class DtsDeclarations {
public:
    /// Parses `text`; problems() lists every line it could not read.
    DtsDeclarations(const QString& text, QString fileName);

    const QStringList& problems() const { return problems_; }
    /// Top-level runtime names: `declare function|var|const`.
    const QList<DeclaredMember>& globals() const { return globals_; }
    /// Namespaces by path ("pn", "pn.state"), interfaces and classes by name.
    const DeclaredScope* scope(const QString& name) const;
    /// The scope a type names ("models.ColumnDataSource" → ColumnDataSource),
    /// or null for anything else (unions, arrays, built-in types).
    const DeclaredScope* scopeOfType(const QString& type) const;
    /// Members with those of base interfaces; for overloads, the first.
    QList<DeclaredMember> members(const DeclaredScope& scope) const;

private:
    void readLine(const QString& line, int number);
    void fail(int number, const QString& what);

    QString fileName_;
    QHash<QString, DeclaredScope> scopes_;
    QList<DeclaredMember> globals_;
    QStringList open_;  ///< keys into scopes_ of the blocks being read
    QStringList problems_;
    bool inComment_ = false;
};

}  // namespace qpanel::test
