#pragma once
// One loaded JavaScript app script on V8, the JS language's AppSession when
// QPANEL_JS_ENGINE=v8 (app/session/appsession.h has the map of a load): its
// isolate (JsEngine), document (which owns its tasks and components), task
// runner and the `pn` API (pn.js over V8Pn). Scripts run as written: no
// transpiling, V8's own promises. Destroying the session closes the app:
// every task is cancelled while the engine still exists, then the rest goes.
//
//   V8Session session;
//   if (session.load("/home/me/app.js")) window->setCentralWidget(session.createContent());

#include <memory>

#include "session/appsession.h"
#include "session/environmentaccess.h"
#include "session/scripterror.h"

namespace qpanel {

class Document;
class V8Pn;
struct ErrorReport;

namespace v8engine {
class JsEngine;
class JsModules;
class JsTaskRunner;
class JsValueRef;
struct JsError;
}  // namespace v8engine

class V8Session : public AppSession {
    Q_OBJECT

public:
    explicit V8Session(QObject* parent = nullptr);
    ~V8Session() override;

    bool load(const QString& path) override;
    /// Runs `source` as the app script `fileName`; false (with errorReported) if it failed.
    bool run(const QString& source, const QString& fileName);

    Document* document() const override { return document_.get(); }
    v8engine::JsEngine& engine() { return *engine_; }
    V8Pn& native() { return *native_; }
    void setScriptTimeLimit(std::chrono::milliseconds limit) override;
    std::chrono::milliseconds scriptTimeLimit() const override;
    void interruptRunaway() override;
    /// Which environment variables pn.env reads (default: QPANEL_* only).
    void setEnvironmentAccess(EnvironmentAccess access);

protected:
    bool hostIsIdle() const override;
    QStringList hostActivity() const override;

private:
    void installPn();
    /// The session's ES modules, rooted at the first script's folder.
    v8engine::JsModules& modules(const QString& fileName);
    /// An error of a callback or task: to pn.config.exception_handler if
    /// the script set one, else errorReported.
    void reportCallbackError(const ScriptError& error, const QString& stack, ErrorEcho echo,
                             const std::shared_ptr<v8engine::JsValueRef>& thrown = {});
    bool callExceptionHandler(const ScriptError& error,
                              const std::shared_ptr<v8engine::JsValueRef>& thrown);
    void reportHandlerFailure(const v8engine::JsError& failure);

    std::unique_ptr<v8engine::JsEngine> engine_;
    std::unique_ptr<Document> document_;
    std::unique_ptr<v8engine::JsTaskRunner> tasks_;
    std::unique_ptr<V8Pn> native_;
    std::unique_ptr<v8engine::JsModules> modules_;  ///< made for the first module script
    bool hasExceptionHandler_ = false;
    bool handlingError_ = false;  // inside the exception handler: no recursion
};

}  // namespace qpanel
