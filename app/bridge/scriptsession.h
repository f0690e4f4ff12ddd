#pragma once
// One loaded JavaScript/TypeScript app script, the JS language's AppSession
// (app/session/appsession.h has the map of a load): its JS engine, host,
// document (which owns its tasks and components), and the `pn` API.
// Destroying the session closes the app: every task is cancelled while the
// engine still exists, then the rest goes.
//
//   ScriptSession session(&transpiler);
//   if (session.load("/home/me/app.js")) window->setCentralWidget(session.createContent());

#include <QJSEngine>
#include <QObject>
#include <memory>

#include "bridge/jstasks.h"
#include "bridge/pnnative.h"
#include "bridge/scripthost.h"
#include "bridge/transpiler.h"
#include "session/appsession.h"

class QWidget;

namespace qpanel {

class ScriptSession : public AppSession {
    Q_OBJECT

public:
    explicit ScriptSession(Transpiler* transpiler, QObject* parent = nullptr);
    ~ScriptSession() override;

    /// Reads, transpiles and runs `path`; false (with errorReported) on failure.
    bool load(const QString& path) override;
    bool run(const QString& source, const QString& fileName);

    Document* document() const override { return document_.get(); }
    ScriptHost& host() { return host_; }
    PnNative& native() { return *native_; }
    /// How long script code may run at a stretch before it is interrupted
    /// (awaiting does not count). Default: QPANEL_SCRIPT_TIME_LIMIT_MS or 5 s.
    void setScriptTimeLimit(std::chrono::milliseconds limit) override {
        host_.watchdog().setLimit(limit);
    }
    std::chrono::milliseconds scriptTimeLimit() const override { return host_.watchdog().limit(); }
    /// QJSEngine::setInterrupted, which is thread-safe.
    void interruptRunaway() override { engine_.setInterrupted(true); }
    /// Which environment variables pn.env reads (default: QPANEL_* only).
    void setEnvironmentAccess(EnvironmentAccess access) {
        native_->setEnvironmentAccess(std::move(access));
    }

protected:
    /// No script timer, sleep or promise job pending.
    bool hostIsIdle() const override { return host_.isIdle(); }
    QStringList hostActivity() const override;
    QString uncountedActivity() const override { return QStringLiteral("promise jobs pending"); }

private:
    void reportTaskError(const ErrorReport& report);

    Transpiler* transpiler_;
    QJSEngine engine_;
    ScriptHost host_{&engine_};
    std::unique_ptr<Document> document_ = std::make_unique<Document>();
    std::unique_ptr<JsTasks> tasks_;
    std::unique_ptr<PnNative> native_;
};

}  // namespace qpanel
