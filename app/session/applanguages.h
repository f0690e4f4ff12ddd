#pragma once
// The languages app scripts can be written in, chosen by file extension.
// main() registers them (JavaScript from app/bridge, Python from app/python);
// the shell (File → Open filter, drops, Examples, Recent, reload) and the CLI
// (--check, --exit-when-idle, --screenshot, --list-examples) ask this
// registry, never a language's library.
//
//   AppLanguages languages;
//   registerJavaScript(languages, &transpiler);
//   if (const AppLanguage* js = languages.forFile("/home/me/app.ts")) auto s = js->createSession();

#include <QFuture>
#include <QList>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

#include "session/scripterror.h"

namespace qpanel {

class AppSession;

/// What a language does before its first load of a script, off the GUI
/// thread, while the window shows its loading page.
struct Preparation {
    QFuture<void> ready;  ///< finished: load now (a finished future is fine)
    QString status;       ///< what the loading page says meanwhile
};

struct AppLanguage {
    QString name;            ///< "JavaScript"
    QStringList extensions;  ///< lower case, with the dot: {".js", ".ts"}
    /// A new, empty session for one app of this language.
    std::function<std::unique_ptr<AppSession>()> createSession;
    /// --check: compiles `paths` without running any of their code; one
    /// error per script that does not compile (none: all fine).
    std::function<QList<ScriptError>(const QStringList& paths)> check;
    /// Optional: work a load of `path` needs first that can run in the
    /// background (JS: loading Babel and transpiling, on its worker).
    std::function<Preparation(const QString& path)> prepare = {};
    /// Optional: start loading the runtime now, for an open that may follow
    /// (the window calls it after its first frame when no script is given).
    std::function<void()> warmUp = {};
    /// Optional: the runtime's version for --version and About ("Babel 7.24.0").
    QString versionInfo = {};
};

class AppLanguages {
public:
    /// Registers `language`; its extensions must not be taken already.
    void add(AppLanguage language);
    const std::vector<AppLanguage>& all() const { return languages_; }

    /// The language of the script at `path`, by its extension (any case);
    /// null when no registered language runs such files.
    const AppLanguage* forFile(const QString& path) const;
    /// Every registered extension, in registration order: {".js", ".ts", ".py"}.
    QStringList extensions() const;
    /// The same as name filters: {"*.js", "*.ts", "*.py"}.
    QStringList nameFilters() const;
    /// ".js, .ts (JavaScript); .py (Python)": for messages and help texts.
    QString describeExtensions() const;
    /// The error for a file no language runs: at that file, naming what is supported.
    ScriptError unsupportedFile(const QString& path) const;

private:
    std::vector<AppLanguage> languages_;
};

}  // namespace qpanel
