#pragma once
// The JavaScript/TypeScript language of app scripts, for the AppLanguages
// registry: .js and .ts files, each app a ScriptSession, --check through the
// transpiler and V4's parser, Babel prepared on the transpiler's worker.
//
//   qpanel::Transpiler transpiler;
//   qpanel::AppLanguages languages;
//   qpanel::registerJavaScript(languages, &transpiler);

namespace qpanel {

class AppLanguages;
class Transpiler;

/// Registers JavaScript with `languages`; `transpiler` must outlive every
/// session and call the language makes.
void registerJavaScript(AppLanguages& languages, Transpiler* transpiler);

}  // namespace qpanel
