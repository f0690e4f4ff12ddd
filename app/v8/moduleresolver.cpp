#include "v8/moduleresolver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <optional>

namespace qpanel::v8engine {

namespace {

ModuleResolution failure(QString why) {
    return {{}, std::move(why)};
}

bool isNodeBuiltin(const QString& name) {
    static const QSet<QString> builtins{"assert",    "async_hooks",
                                        "buffer",    "child_process",
                                        "cluster",   "console",
                                        "crypto",    "dgram",
                                        "dns",       "events",
                                        "fs",        "http",
                                        "http2",     "https",
                                        "inspector", "module",
                                        "net",       "os",
                                        "path",      "perf_hooks",
                                        "process",   "querystring",
                                        "readline",  "repl",
                                        "stream",    "string_decoder",
                                        "timers",    "tls",
                                        "tty",       "url",
                                        "util",      "v8",
                                        "vm",        "worker_threads",
                                        "zlib"};
    return builtins.contains(name.section(QLatin1Char('/'), 0, 0));
}

bool isInside(const QString& path, const QString& folder) {
    return path == folder ||
           path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

/// The suggestion for a relative specifier that names no file but almost does.
QString hintFor(const QString& specifier, const QString& candidate) {
    for (const char* extension : {".js", ".mjs"}) {
        if (QFileInfo(candidate + QLatin1String(extension)).isFile())
            return QStringLiteral(" (did you mean '%1%2'? imports name the file exactly)")
                .arg(specifier, QLatin1String(extension));
    }
    if (QFileInfo(candidate + QStringLiteral("/index.js")).isFile())
        return QStringLiteral(" (did you mean '%1/index.js'? imports name the file exactly)")
            .arg(specifier);
    return {};
}

/// `file` (absolute, cleaned) as a module: inside `root` after following links.
ModuleResolution existingFile(const QString& file, const QString& specifier, const QString& root) {
    const QFileInfo info(file);
    if (!isInside(QDir::cleanPath(file), root))
        return failure(
            QStringLiteral("'%1' is outside the app's folder (%2): imports stay inside it")
                .arg(specifier, root));
    if (!info.isFile())
        return failure(
            QStringLiteral("cannot find module '%1'%2").arg(specifier, hintFor(specifier, file)));
    const QString canonical = info.canonicalFilePath();
    if (!isInside(canonical, root))
        return failure(
            QStringLiteral(
                "'%1' is a link to %2, outside the app's folder (%3): imports stay inside it")
                .arg(specifier, canonical, root));
    if (canonical.endsWith(QStringLiteral(".cjs")))
        return failure(
            QStringLiteral("'%1' is a CommonJS file (.cjs): app scripts import ES modules only")
                .arg(specifier));
    if (canonical.endsWith(QStringLiteral(".json")))
        return failure(
            QStringLiteral("'%1' is JSON: JSON modules are not supported; fetch() it instead")
                .arg(specifier));
    return {canonical, {}};
}

std::optional<QJsonObject> readPackageJson(const QString& folder) {
    QFile file(folder + QStringLiteral("/package.json"));
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    return document.isObject() ? std::optional(document.object()) : std::nullopt;
}

/// An "exports" target for the conditions qpanel matches, in its order of
/// preference (QJsonObject does not keep the file's key order).
std::optional<QString> conditionalTarget(const QJsonValue& value) {
    if (value.isString()) return value.toString();
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            if (std::optional<QString> target = conditionalTarget(item)) return target;
        return std::nullopt;
    }
    if (!value.isObject()) return std::nullopt;
    const QJsonObject conditions = value.toObject();
    for (const char* condition : {"import", "module", "browser", "default"}) {
        if (conditions.contains(QLatin1String(condition)))
            if (std::optional<QString> target =
                    conditionalTarget(conditions[QLatin1String(condition)]))
                return target;
    }
    return std::nullopt;
}

/// `subpath` ("." or "./x") through a package's "exports"; nullopt if not exported.
std::optional<QString> exportedTarget(const QJsonValue& exports, const QString& subpath) {
    const bool isSubpathMap = exports.isObject() && !exports.toObject().isEmpty() &&
                              exports.toObject().begin().key().startsWith(QLatin1Char('.'));
    if (!isSubpathMap) {
        if (subpath != QLatin1String(".")) return std::nullopt;
        return conditionalTarget(exports);
    }
    const QJsonObject map = exports.toObject();
    if (map.contains(subpath)) return conditionalTarget(map[subpath]);
    // "./features/*": one star, replaced by what it matched.
    for (auto it = map.begin(); it != map.end(); ++it) {
        const qsizetype star = it.key().indexOf(QLatin1Char('*'));
        if (star < 0) continue;
        const QString prefix = it.key().left(star), suffix = it.key().mid(star + 1);
        if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) ||
            subpath.size() < prefix.size() + suffix.size())
            continue;
        const QString matched =
            subpath.mid(prefix.size(), subpath.size() - prefix.size() - suffix.size());
        if (std::optional<QString> target = conditionalTarget(it.value()))
            return QString(*target).replace(QLatin1Char('*'), matched);
    }
    return std::nullopt;
}

/// Whether `file` of the package in `packageFolder` is an ES module by node's
/// rule: .mjs, or the nearest package.json says "type": "module".
bool isEsModuleByType(const QString& file, const QString& packageFolder) {
    if (file.endsWith(QStringLiteral(".mjs"))) return true;
    for (QDir folder = QFileInfo(file).absoluteDir();;) {
        if (const std::optional<QJsonObject> package = readPackageJson(folder.absolutePath()))
            return (*package)[QStringLiteral("type")].toString() == QLatin1String("module");
        if (folder.absolutePath() == packageFolder || !folder.cdUp()) return false;
    }
}

ModuleResolution resolvePackage(const QString& specifier, const QString& importerFolder,
                                const QString& root) {
    const QStringList parts = specifier.split(QLatin1Char('/'));
    const int nameParts = specifier.startsWith(QLatin1Char('@')) ? 2 : 1;
    if (parts.size() < nameParts || parts.contains(QString()) ||
        parts.contains(QStringLiteral("..")))
        return failure(QStringLiteral("'%1' is not a valid package name").arg(specifier));
    const QString name = parts.mid(0, nameParts).join(QLatin1Char('/'));
    const QString rest = parts.mid(nameParts).join(QLatin1Char('/'));
    const QString subpath = rest.isEmpty() ? QStringLiteral(".") : QStringLiteral("./") + rest;

    QString packageFolder;
    for (QDir folder(importerFolder);;) {
        const QString candidate = folder.absoluteFilePath(QStringLiteral("node_modules/") + name);
        if (QFileInfo(candidate).isDir()) {
            packageFolder = candidate;
            break;
        }
        if (folder.absolutePath() == root || !folder.cdUp() ||
            !isInside(folder.absolutePath(), root))
            break;
    }
    if (packageFolder.isEmpty())
        return failure(
            QStringLiteral("cannot find package '%1': no node_modules/%1 in the app's folder (%2)")
                .arg(name, root));

    const QJsonObject package = readPackageJson(packageFolder).value_or(QJsonObject());
    QString target;
    bool declaredEsm = false;  // reached through an "import"/"module" entry point
    if (package.contains(QStringLiteral("exports"))) {
        const std::optional<QString> exported =
            exportedTarget(package[QStringLiteral("exports")], subpath);
        if (!exported)
            return failure(
                QStringLiteral("package '%1' does not export '%2' (its package.json \"exports\")")
                    .arg(name, subpath));
        target = *exported;
        const QJsonValue entry = package[QStringLiteral("exports")];
        declaredEsm =
            entry.isObject() && (entry.toObject().contains(QStringLiteral("import")) ||
                                 entry.toObject().contains(QStringLiteral("module")) ||
                                 entry[subpath].toObject().contains(QStringLiteral("import")) ||
                                 entry[subpath].toObject().contains(QStringLiteral("module")));
    } else if (subpath != QLatin1String(".")) {
        target = subpath;
    } else if (package[QStringLiteral("module")].isString()) {
        target = package[QStringLiteral("module")].toString();
        declaredEsm = true;
    } else if (package[QStringLiteral("main")].isString()) {
        target = package[QStringLiteral("main")].toString();
    } else {
        target = QStringLiteral("./index.js");
    }
    const QString file = QDir::cleanPath(packageFolder + QLatin1Char('/') + target);
    if (!isInside(file, packageFolder))
        return failure(
            QStringLiteral("package '%1' points outside itself ('%2')").arg(name, target));
    ModuleResolution resolved = existingFile(file, specifier, root);
    if (!resolved.ok()) return resolved;
    if (!declaredEsm && !isEsModuleByType(resolved.path, packageFolder))
        return failure(
            QStringLiteral(
                "package '%1' is CommonJS (no \"type\": \"module\" in its package.json): "
                "app scripts import ES-module packages only")
                .arg(name));
    return resolved;
}

}  // namespace

ModuleResolution resolveModule(const QString& specifier, const QString& importerFolder,
                               const QString& root) {
    if (specifier.isEmpty()) return failure(QStringLiteral("an empty module specifier"));
    if (specifier.startsWith(QStringLiteral("node:")) || isNodeBuiltin(specifier))
        return failure(
            QStringLiteral("'%1' is one of node's built-in modules: app scripts run in a sandbox "
                           "without them")
                .arg(specifier));
    QString path = specifier;
    if (specifier.startsWith(QStringLiteral("file:"))) {
        path = QUrl(specifier).toLocalFile();
    } else if (specifier.contains(QStringLiteral("://")) ||
               specifier.startsWith(QStringLiteral("data:"))) {
        return failure(
            QStringLiteral("'%1': imports from URLs are not supported; put the module in the "
                           "app's folder")
                .arg(specifier));
    }
    const bool relative = path.startsWith(QStringLiteral("./")) ||
                          path.startsWith(QStringLiteral("../")) || path == QLatin1String(".") ||
                          path == QLatin1String("..");
    if (relative || path.startsWith(QLatin1Char('/')))
        return existingFile(
            QDir::cleanPath(relative ? importerFolder + QLatin1Char('/') + path : path), specifier,
            root);
    return resolvePackage(specifier, importerFolder, root);
}

}  // namespace qpanel::v8engine
