#pragma once
// The `then:` steps of a bad script (badscript.h), run against an app's
// document whatever the script's language: click "NAME", set "NAME" VALUE,
// close, wait MS.

#include <QString>
#include <functional>
#include <string>

namespace qpanel {
class Component;
class Document;
}  // namespace qpanel

namespace qpanel::test {

/// The component of `document` whose `name` param is `name` (null if none).
Component* findComponent(const Document* document, const QString& name);

/// Runs one step on the app of `document` (null once closed); `close`
/// closes the app. False, with `problem` set, when the step cannot run.
bool runStep(const Document* document, const QString& step, const std::function<void()>& close,
             std::string& problem);

}  // namespace qpanel::test
