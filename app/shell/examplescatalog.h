#pragma once
// The bundled example apps: where they live and what each one shows. Used by
// the start page, the Examples menu, and the command line (--list-examples,
// --example NAME). An example is a script of any registered language
// (AppLanguages) in the examples folder.
//
//   for (const qpanel::Example& e : qpanel::ExamplesCatalog::list(languages))
//       std::printf("%-24s %s\n", qPrintable(e.name), qPrintable(e.description));
//   if (auto e = qpanel::ExamplesCatalog::find("async_button", languages))
//   window.openScript(e->path);

#include <QList>
#include <QString>
#include <optional>

#include "session/applanguages.h"

namespace qpanel {

struct Example {
    /// File name without extension: "async_button"; with it when an example
    /// of a language registered earlier has that name: "async_button.py".
    QString name;
    QString description;  ///< the first sentence of the file's leading comment
    QString path;         ///< absolute path of the script
};

class ExamplesCatalog {
public:
    /// The installed examples (`../share/qpanel/examples` beside the binary),
    /// else the source tree's resources/examples; empty if neither exists.
    static QString folder();
    /// Every script in `folder` that a registered language runs, sorted by file name.
    static QList<Example> list(const QString& folder, const AppLanguages& languages);
    static QList<Example> list(const AppLanguages& languages) { return list(folder(), languages); }
    /// The example called `name` (its name, or its file name) in `folder`.
    static std::optional<Example> find(const QString& name, const QString& folder,
                                       const AppLanguages& languages);
    static std::optional<Example> find(const QString& name, const AppLanguages& languages) {
        return find(name, folder(), languages);
    }
    /// The first sentence of the comment block (`//` or `#` lines) that opens `path`.
    static QString describe(const QString& path);
};

}  // namespace qpanel
