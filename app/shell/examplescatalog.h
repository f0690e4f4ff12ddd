#pragma once
// The bundled example apps: where they live and what each one shows. Used by
// the start page, the Examples menu, and the command line (--list-examples,
// --example NAME).
//
//   for (const qpanel::Example& e : qpanel::ExamplesCatalog::list())
//       std::printf("%-24s %s\n", qPrintable(e.name), qPrintable(e.description));
//   if (auto e = qpanel::ExamplesCatalog::find("async_button")) window.openScript(e->path);

#include <QList>
#include <QString>
#include <optional>

namespace qpanel {

struct Example {
    QString name;         ///< file name without extension: "async_button"
    QString description;  ///< the first sentence of the file's leading comment
    QString path;         ///< absolute path of the script
};

class ExamplesCatalog {
public:
    /// The installed examples (`../share/qpanel/examples` beside the binary),
    /// else the source tree's resources/examples; empty if neither exists.
    static QString folder();
    /// Every *.js / *.ts script in `folder`, sorted by name.
    static QList<Example> list(const QString& folder);
    static QList<Example> list() { return list(folder()); }
    /// The example called `name` (with or without extension) in the default folder.
    static std::optional<Example> find(const QString& name);
    /// The first sentence of the `//` comment block that opens `path`.
    static QString describe(const QString& path);
};

}  // namespace qpanel
