#include "jsapp/v8language.h"

#include <QFile>
#include <QFileInfo>

#include "jsapp/v8session.h"
#include "session/applanguages.h"
#include "v8/jsengine.h"
#include "v8/v8string.h"

namespace qpanel {

namespace {

/// --check of one script: compiled by V8, never run.
std::optional<ScriptError> problemIn(v8engine::JsEngine& engine, const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScriptError{QStringLiteral("cannot read the app script: %1").arg(file.errorString()),
                           {.file = path}};
    const QString source = QString::fromUtf8(file.readAll());
    const QString name = QFileInfo(path).absoluteFilePath();
    const std::optional<v8engine::JsError> error =
        engine.runMacrotask([&](v8::Local<v8::Context> context) {
            v8::Isolate* isolate = context->GetIsolate();
            v8::ScriptOrigin origin(isolate, v8engine::toV8(isolate, name));
            v8::ScriptCompiler::Source script(v8engine::toV8(isolate, source), origin);
            static_cast<void>(v8::ScriptCompiler::CompileUnboundScript(isolate, &script).IsEmpty());
        });
    if (!error) return std::nullopt;
    return ScriptError{error->message, error->location};
}

}  // namespace

bool javaScriptOnV8Requested() {
    return qEnvironmentVariable("QPANEL_JS_ENGINE")
               .compare(QLatin1String("v8"), Qt::CaseInsensitive) == 0;
}

void registerJavaScriptOnV8(AppLanguages& languages, const EnvironmentAccess* environment) {
    languages.add({
        .name = QStringLiteral("JavaScript"),
        .extensions = {QStringLiteral(".js")},
        .createSession =
            [environment] {
                auto session = std::make_unique<V8Session>();
                if (environment) session->setEnvironmentAccess(*environment);
                return session;
            },
        .check =
            [](const QStringList& paths) {
                v8engine::JsEngine engine;
                QList<ScriptError> problems;
                for (const QString& path : paths)
                    if (auto error = problemIn(engine, path)) problems << *error;
                return problems;
            },
        .versionInfo = QStringLiteral("V8 %1").arg(QString::fromLatin1(v8::V8::GetVersion())),
    });
}

}  // namespace qpanel
