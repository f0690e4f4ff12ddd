#pragma once
// One loaded app script: its JS engine, host, document (which owns its tasks
// and components), and the `pn` API. Destroying the session closes the app:
// every task is cancelled while the engine still exists, then the rest goes.
//
//   ScriptSession session(&transpiler);
//   if (session.load("/home/me/app.js")) window->setCentralWidget(session.createContent());

#include "bridge/jstasks.h"
#include "bridge/pnnative.h"
#include "bridge/scripthost.h"
#include "bridge/transpiler.h"

#include <QJSEngine>
#include <QObject>
#include <memory>

class QWidget;

namespace qpanel {

class ScriptSession : public QObject {
    Q_OBJECT

public:
    explicit ScriptSession(Transpiler* transpiler, QObject* parent = nullptr);
    ~ScriptSession() override;

    /// Reads, transpiles and runs `path`; false (with errorReported) on failure.
    bool load(const QString& path);
    bool run(const QString& source, const QString& fileName);

    Document* document() const { return document_.get(); }
    ScriptHost& host() { return host_; }
    PnNative& native() { return *native_; }
    /// How long script code may run at a stretch before it is interrupted
    /// (awaiting does not count). Default: QPANEL_SCRIPT_TIME_LIMIT_MS or 5 s.
    void setScriptTimeLimit(std::chrono::milliseconds limit) { host_.watchdog().setLimit(limit); }
    std::chrono::milliseconds scriptTimeLimit() const { return host_.watchdog().limit(); }
    /// Which environment variables pn.env reads (default: QPANEL_* only).
    void setEnvironmentAccess(EnvironmentAccess access) {
        native_->setEnvironmentAccess(std::move(access));
    }
    /// The servable roots, stacked (for the window).
    QWidget* createContent() const;
    /// Idle, as --exit-when-idle waits for it: no task of this app in flight, no script timer, sleep,
    /// job or pn.state.execute call pending, no periodic callback running.
    bool isIdle() const;

signals:
    void messageLogged(const QString& level, const QString& text);
    void errorReported(const qpanel::ScriptError& error, const QString& stack);

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
