#pragma once
// The JavaScript/TypeScript language of app scripts, for the AppLanguages
// registry: .js and .ts files, each app a ScriptSession, --check through the
// transpiler and V4's parser, Babel prepared on the transpiler's worker.
//
//   qpanel::Transpiler transpiler;
//   qpanel::AppLanguages languages;
//   qpanel::registerJavaScript(languages, &transpiler, &environment);

#include <QStringList>

namespace qpanel {

class AppLanguages;
class EnvironmentAccess;
class Transpiler;

/// Registers JavaScript with `languages`; `transpiler` must outlive every
/// session and call the language makes; `environment` (what pn.env may read,
/// read when a session is created; null: QPANEL_* only) too. `extensions`:
/// the files it runs (by default .js and .ts).
void registerJavaScript(AppLanguages& languages, Transpiler* transpiler,
                        const EnvironmentAccess* environment = nullptr,
                        const QStringList& extensions = {QStringLiteral(".js"),
                                                         QStringLiteral(".ts")});

}  // namespace qpanel
