#pragma once
// The Python language of app scripts, for the AppLanguages registry: .py
// files, each app a PythonSession in qpanel's one embedded interpreter,
// --check by compiling (nothing runs), and the interpreter started early
// when the window has nothing to load yet.
//
//   qpanel::AppLanguages languages;
//   qpanel::registerPython(languages);

namespace qpanel {

class AppLanguages;

/// Registers Python with `languages`.
void registerPython(AppLanguages& languages);

}  // namespace qpanel
