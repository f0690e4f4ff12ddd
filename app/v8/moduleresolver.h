#pragma once
// Where an `import` specifier leads, inside one app's folder (the sandbox):
// node's ES-module rules for relative paths and bare package names, without
// node's built-in modules and without leaving the folder.
//
//   ./util.js, ../lib/a.js, /abs/path.js, file:///...  a file, exactly (as node:
//                                                      no extension guessing,
//                                                      but a hint when one fits)
//   lodash-es, @scope/pkg, pkg/sub/path               node_modules/ from the
//                                                      importer's folder up to
//                                                      the app's, then the
//                                                      package's "exports"
//                                                      ("import", "module",
//                                                      "browser", "default"
//                                                      conditions), "module",
//                                                      "main", index.js
// Only ES modules load: a CommonJS package is refused with a message saying so.

#include <QString>

namespace qpanel::v8engine {

struct ModuleResolution {
    QString path;   ///< canonical file path, when found
    QString error;  ///< why not, for people ("cannot find module './a' ...")
    bool ok() const { return error.isEmpty(); }
};

/// `specifier` imported by a module in `importerFolder`, both inside `root`
/// (the app's folder; canonical paths).
ModuleResolution resolveModule(const QString& specifier, const QString& importerFolder,
                               const QString& root);

}  // namespace qpanel::v8engine
