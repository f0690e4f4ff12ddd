#pragma once
// JavaScript app scripts (.js) on V8, for the AppLanguages registry: each
// app a V8Session, --check by compiling with V8. main() registers it instead
// of the QJSEngine path's .js when QPANEL_JS_ENGINE=v8 (issue 14's switch);
// .ts stays on the QJSEngine path's transpiler until it moves too.
//
//   qpanel::registerJavaScriptOnV8(languages, &environment);

namespace qpanel {

class AppLanguages;
class EnvironmentAccess;

/// Whether QPANEL_JS_ENGINE asks for V8 ("v8").
bool javaScriptOnV8Requested();
/// Registers .js on V8; `environment` (what pn.env may read; null: QPANEL_*
/// only) must outlive every session.
void registerJavaScriptOnV8(AppLanguages& languages,
                            const EnvironmentAccess* environment = nullptr);

}  // namespace qpanel
