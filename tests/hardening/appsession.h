#pragma once
// An app script session for hardening tests: collects console lines and
// errors, finds components by name, and proves the app still works.

#include <QTemporaryDir>
#include <memory>

#include "common/anyjssession.h"
#include "core/runtime.h"
#include "hardening/scriptsteps.h"
#include "widgets/button.h"

namespace qpanel::test {

/// One transpiler per test process, as in the app (Babel loads once).
inline Transpiler& sharedTranspiler() {
    static QTemporaryDir cache;
    static Transpiler transpiler(Transpiler::Options{cache.path(), true});
    return transpiler;
}

struct AppSession {
    QStringList log;
    QList<ScriptError> errors;
    QStringList stacks;
    std::unique_ptr<AnySession> session = std::make_unique<AnySession>(&sharedTranspiler());

    AppSession() {
        qpanel::AppSession* app = session->app();
        QObject::connect(app, &qpanel::AppSession::messageLogged, app,
                         [this](const QString&, const QString& text) { log << text; });
        QObject::connect(app, &qpanel::AppSession::errorReported, app,
                         [this](const ScriptError& e, const QString& stack) {
                             errors << e;
                             stacks << stack;
                         });
    }

    /// The component of this app whose `name` param is `name` (null if none).
    Component* find(const QString& name) const { return findComponent(session->document(), name); }

    QString errorsText() const {
        QStringList lines;
        for (const ScriptError& e : errors) lines << e.toString();
        return lines.isEmpty() ? QStringLiteral("(no error)") : lines.join(QLatin1Char('\n'));
    }
};

/// Loads a small app in a fresh session and clicks its button: true when
/// the async callback ran to the end (the runtime still works).
bool aNewAppStillWorks();

}  // namespace qpanel::test
