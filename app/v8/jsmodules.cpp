#include "v8/jsmodules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include "v8/jsengine.h"
#include "v8/moduleresolver.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {
// Isolate data slot 0 is the JsEngine.
constexpr uint32_t kModulesSlot = 2;

/// import()'s promise, once the module evaluated: its namespace, or why not.
/// The data is [resolver, namespace].
template <bool fulfilled>
void settleImport(const v8::FunctionCallbackInfo<v8::Value>& info) {
    const v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    const auto state = info.Data().As<v8::Array>();
    const auto resolver = state->Get(context, 0).ToLocalChecked().As<v8::Promise::Resolver>();
    if constexpr (fulfilled)
        static_cast<void>(
            resolver->Resolve(context, state->Get(context, 1).ToLocalChecked()).IsNothing());
    else
        static_cast<void>(resolver->Reject(context, info[0]).IsNothing());
}
}  // namespace

struct JsModules::Record {
    QString path;
    v8::Global<v8::Module> module;
    QHash<QString, Record*> imports;  ///< specifier -> the module it resolved to
    bool complete = false;            ///< it and all it imports loaded
};

JsModules::JsModules(JsEngine& engine, const QString& appFolder)
    : engine_(engine), root_(QFileInfo(appFolder).canonicalFilePath()) {
    if (root_.isEmpty()) root_ = QDir::cleanPath(QFileInfo(appFolder).absoluteFilePath());
    v8::Isolate* isolate = engine_.isolate();
    isolate->SetData(kModulesSlot, this);
    isolate->SetHostImportModuleDynamicallyCallback(&JsModules::onDynamicImport);
    isolate->SetHostInitializeImportMetaObjectCallback(&JsModules::onImportMeta);
}

JsModules::~JsModules() {
    v8::Isolate* isolate = engine_.isolate();
    isolate->SetData(kModulesSlot, nullptr);
    // V8 keeps the callbacks; without a JsModules they refuse (of() is null).
    byPath_.clear();
}

JsModules* JsModules::of(v8::Isolate* isolate) {
    return static_cast<JsModules*>(isolate->GetData(kModulesSlot));
}

JsModules::Record* JsModules::recordOf(v8::Local<v8::Module> module) const {
    v8::Isolate* isolate = engine_.isolate();
    for (auto it = byHash_.find(module->GetIdentityHash());
         it != byHash_.end() && it.key() == module->GetIdentityHash(); ++it) {
        if ((*it)->module.Get(isolate) == module) return *it;
    }
    return nullptr;
}

JsModules::Record* JsModules::load(v8::Local<v8::Context> context, const QString& path,
                                   std::optional<JsError>& error) {
    if (auto found = byPath_.find(path); found != byPath_.end()) return found->second.get();
    v8::Isolate* isolate = engine_.isolate();
    QFile file(path);
    if (path != givenPath_ && !file.open(QIODevice::ReadOnly)) {
        error =
            JsError{.message = QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                    .location = {.file = path}};
        return nullptr;
    }
    const QString source = path == givenPath_ ? givenSource_ : QString::fromUtf8(file.readAll());
    v8::ScriptOrigin origin(isolate, toV8(isolate, path), 0, 0, false, -1, {}, false, false, true);
    v8::ScriptCompiler::Source compileSource(toV8(isolate, source), origin);
    v8::Local<v8::Module> module;
    {
        v8::TryCatch tryCatch(isolate);
        if (!v8::ScriptCompiler::CompileModule(isolate, &compileSource).ToLocal(&module)) {
            error = JsError::fromTryCatch(isolate, context, tryCatch);
            return nullptr;
        }
    }
    auto owned = std::make_unique<Record>();
    Record* record = owned.get();
    record->path = path;
    record->module.Reset(isolate, module);
    byPath_.emplace(path, std::move(owned));
    byHash_.insert(module->GetIdentityHash(), record);

    const QString folder = QFileInfo(path).absolutePath();
    const v8::Local<v8::FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); ++i) {
        const auto request = requests->Get(context, i).As<v8::ModuleRequest>();
        const QString specifier = toQString(isolate, request->GetSpecifier());
        v8::Location where = module->SourceOffsetToLocation(request->GetSourceOffset());
        const SourceLocation location{
            .file = path, .line = where.GetLineNumber() + 1, .column = where.GetColumnNumber() + 1};
        if (request->GetImportAssertions()->Length() > 0) {
            error = JsError{
                .message = QStringLiteral("import '%1' has an assertion (`assert {...}`): "
                                          "JSON and other non-JavaScript modules are not supported")
                               .arg(specifier),
                .location = location};
            return nullptr;
        }
        const ModuleResolution resolved = resolveModule(specifier, folder, root_);
        if (!resolved.ok()) {
            error = JsError{.message = resolved.error, .location = location};
            return nullptr;
        }
        Record* imported = load(context, resolved.path, error);
        if (!imported) return nullptr;
        record->imports.insert(specifier, imported);
    }
    record->complete = true;
    return record;
}

void JsModules::dropIncomplete() {
    // What a failed load left half done; a cycle in progress is part of it.
    for (auto it = byPath_.begin(); it != byPath_.end();) {
        if (it->second->complete) {
            ++it;
            continue;
        }
        byHash_.remove(it->second->module.Get(engine_.isolate())->GetIdentityHash(),
                       it->second.get());
        it = byPath_.erase(it);
    }
}

v8::MaybeLocal<v8::Promise> JsModules::evaluate(v8::Local<v8::Context> context, const QString& path,
                                                std::optional<JsError>& loadError,
                                                v8::Local<v8::Module>* loaded) {
    Record* record = load(context, path, loadError);
    if (!record) {
        dropIncomplete();
        return {};
    }
    v8::Local<v8::Module> module = record->module.Get(engine_.isolate());
    if (loaded) *loaded = module;
    if (!module->InstantiateModule(context, &JsModules::onResolve).FromMaybe(false)) return {};
    v8::Local<v8::Value> result;
    if (!module->Evaluate(context).ToLocal(&result)) return {};
    // With top-level await (on in V8 10.2) evaluation is a promise.
    return result.As<v8::Promise>();
}

std::optional<JsError> JsModules::run(const QString& file, const std::optional<QString>& source) {
    QString path = QFileInfo(file).canonicalFilePath();
    if (source) {
        if (path.isEmpty()) path = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
        givenPath_ = path;
        givenSource_ = *source;
    }
    if (path.isEmpty())
        return JsError{.message = QStringLiteral("cannot find %1").arg(file),
                       .location = {.file = file}};
    if (!path.startsWith(root_ + QLatin1Char('/')))
        return JsError{
            .message = QStringLiteral("%1 is outside the app's folder (%2)").arg(path, root_),
            .location = {.file = file}};
    std::optional<JsError> loadError, rejection;
    runError_ = &rejection;
    std::optional<JsError> error = engine_.runMacrotask([&](v8::Local<v8::Context> context) {
        v8::Local<v8::Promise> promise;
        if (!evaluate(context, path, loadError, nullptr).ToLocal(&promise)) return;
        // Handled at once, so the engine does not also report it as unhandled:
        // a rejection during run() is its result, a later one (after an
        // await) is reported.
        const auto report = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
            v8::Isolate* isolate = info.GetIsolate();
            JsModules* self = of(isolate);
            if (!self) return;
            JsError error = JsError::fromValue(isolate, isolate->GetCurrentContext(), info[0],
                                               v8::Exception::CreateMessage(isolate, info[0]));
            if (self->runError_) {
                *self->runError_ = std::move(error);
            } else {
                self->engine_.report(error);
            }
        };
        v8::Local<v8::Function> handler;
        if (v8::Function::New(context, report).ToLocal(&handler))
            static_cast<void>(promise->Catch(context, handler).IsEmpty());
    });
    runError_ = nullptr;
    if (loadError) return loadError;
    if (error) return error;
    return rejection;
}

v8::MaybeLocal<v8::Module> JsModules::onResolve(v8::Local<v8::Context> context,
                                                v8::Local<v8::String> specifier,
                                                v8::Local<v8::FixedArray>,
                                                v8::Local<v8::Module> referrer) {
    v8::Isolate* isolate = context->GetIsolate();
    JsModules* self = of(isolate);
    Record* from = self ? self->recordOf(referrer) : nullptr;
    // load() resolved every import before linking; anything else is a bug.
    Record* to = from ? from->imports.value(toQString(isolate, specifier)) : nullptr;
    if (!to) {
        isolate->ThrowException(
            v8::Exception::Error(toV8(isolate, QStringLiteral("qpanel: module '%1' was not loaded")
                                                   .arg(toQString(isolate, specifier)))));
        return {};
    }
    return to->module.Get(isolate);
}

v8::MaybeLocal<v8::Promise> JsModules::onDynamicImport(v8::Local<v8::Context> context,
                                                       v8::Local<v8::Data>,
                                                       v8::Local<v8::Value> resourceName,
                                                       v8::Local<v8::String> specifier,
                                                       v8::Local<v8::FixedArray> assertions) {
    v8::Isolate* isolate = context->GetIsolate();
    v8::EscapableHandleScope scope(isolate);
    v8::Local<v8::Promise::Resolver> resolver;
    if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
    const auto reject = [&](const QString& message, const SourceLocation& where) {
        const QString text = where.isEmpty() ? message : where.describe(message);
        static_cast<void>(
            resolver->Reject(context, v8::Exception::Error(toV8(isolate, text))).IsNothing());
        return scope.Escape(resolver->GetPromise());
    };
    JsModules* self = of(isolate);
    const QString name = toQString(isolate, specifier);
    const SourceLocation here = currentLocation(isolate);
    if (!self)
        return reject(
            QStringLiteral("import('%1'): modules are not enabled for this script").arg(name),
            here);
    if (assertions->Length() > 0)
        return reject(
            QStringLiteral("import('%1') has an assertion: JSON and other non-JavaScript modules "
                           "are not supported")
                .arg(name),
            here);
    // A classic script's name may be relative to the app's folder.
    QString importer =
        resourceName->IsString() ? toQString(isolate, resourceName.As<v8::String>()) : QString();
    if (!QFileInfo(importer).isAbsolute()) importer = self->root_ + QLatin1Char('/') + importer;
    const ModuleResolution resolved =
        resolveModule(name, QFileInfo(importer).absolutePath(), self->root_);
    if (!resolved.ok()) return reject(resolved.error, here);

    std::optional<JsError> loadError;
    v8::Local<v8::Module> module;
    v8::Local<v8::Promise> evaluated;
    {
        v8::TryCatch tryCatch(isolate);
        if (!self->evaluate(context, resolved.path, loadError, &module).ToLocal(&evaluated)) {
            if (loadError) return reject(loadError->message, loadError->location);
            if (tryCatch.HasTerminated()) {
                tryCatch.ReThrow();
                return {};
            }
            static_cast<void>(resolver->Reject(context, tryCatch.Exception()).IsNothing());
            return scope.Escape(resolver->GetPromise());
        }
    }
    // Settles with the namespace once the module (and its awaits) ran.
    v8::Local<v8::Array> state = v8::Array::New(isolate, 2);
    static_cast<void>(state->Set(context, 0, resolver).IsNothing());
    static_cast<void>(state->Set(context, 1, module->GetModuleNamespace()).IsNothing());
    v8::Local<v8::Function> onFulfilled, onRejected;
    if (!v8::Function::New(context, &settleImport<true>, state).ToLocal(&onFulfilled) ||
        !v8::Function::New(context, &settleImport<false>, state).ToLocal(&onRejected) ||
        evaluated->Then(context, onFulfilled, onRejected).IsEmpty())
        return {};
    return scope.Escape(resolver->GetPromise());
}

void JsModules::onImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                             v8::Local<v8::Object> meta) {
    v8::Isolate* isolate = context->GetIsolate();
    JsModules* self = of(isolate);
    const Record* record = self ? self->recordOf(module) : nullptr;
    if (!record) return;
    static_cast<void>(
        meta->CreateDataProperty(context, toV8(isolate, QStringLiteral("url")),
                                 toV8(isolate, QUrl::fromLocalFile(record->path).toString()))
            .IsNothing());
}

}  // namespace qpanel::v8engine
