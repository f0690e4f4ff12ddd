#pragma once
// ES modules for one app's JavaScript: `import`/`export` between files of
// the app's folder and ES-module packages of node_modules folders inside it
// (moduleresolver.h), dynamic import(), import.meta.url, top-level await.
// The folder is the sandbox: nothing outside it loads.
//
//   JsModules modules(engine, appFolder);
//   if (auto error = modules.run(appFolder + "/app.js")) report(*error);
//
// A module graph loads whole before any of it runs: a missing import or a
// syntax error anywhere is reported at its file:line:column and nothing runs.
// An error after a top-level await goes to JsEngine::errorReported.

#include <v8.h>

#include <QHash>
#include <QString>
#include <map>
#include <memory>
#include <optional>

#include "v8/jserror.h"

namespace qpanel::v8engine {

class JsEngine;

class JsModules {
public:
    /// Modules under `appFolder` for `engine`; one JsModules per engine,
    /// destroyed before it.
    JsModules(JsEngine& engine, const QString& appFolder);
    ~JsModules();
    JsModules(const JsModules&) = delete;
    JsModules& operator=(const JsModules&) = delete;

    /// Loads `file` (in the app's folder) with what it imports, and runs it
    /// as one macrotask. Returns what stopped it: a module not found, a
    /// syntax error, a throw before its first await, the engine's limits.
    /// With `source`, that is the file's text (which need not exist on
    /// disk): a script run from memory as a module.
    std::optional<JsError> run(const QString& file, const std::optional<QString>& source = {});

    const QString& folder() const { return root_; }
    /// Modules loaded so far (each file once, however often imported).
    int loadedCount() const { return int(byPath_.size()); }

private:
    struct Record;
    Record* load(v8::Local<v8::Context> context, const QString& path,
                 std::optional<JsError>& error);
    Record* recordOf(v8::Local<v8::Module> module) const;
    void dropIncomplete();
    /// Loads, links and evaluates `path`: the promise of its evaluation.
    v8::MaybeLocal<v8::Promise> evaluate(v8::Local<v8::Context> context, const QString& path,
                                         std::optional<JsError>& loadError,
                                         v8::Local<v8::Module>* module);

    static v8::MaybeLocal<v8::Module> onResolve(v8::Local<v8::Context> context,
                                                v8::Local<v8::String> specifier,
                                                v8::Local<v8::FixedArray> assertions,
                                                v8::Local<v8::Module> referrer);
    static v8::MaybeLocal<v8::Promise> onDynamicImport(v8::Local<v8::Context> context,
                                                       v8::Local<v8::Data> options,
                                                       v8::Local<v8::Value> resourceName,
                                                       v8::Local<v8::String> specifier,
                                                       v8::Local<v8::FixedArray> assertions);
    static void onImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                             v8::Local<v8::Object> meta);
    static JsModules* of(v8::Isolate* isolate);

    JsEngine& engine_;
    QString root_;
    std::map<QString, std::unique_ptr<Record>> byPath_;
    QMultiHash<int, Record*> byHash_;  ///< V8's identity hash of each module
    std::optional<JsError>* runError_ = nullptr;
    QString givenPath_, givenSource_;  ///< run()'s `source`, for its file  ///< where run()
                                       ///< collects its module's rejection
};

}  // namespace qpanel::v8engine
