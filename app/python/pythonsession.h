#pragma once
// One loaded Python app script, the Python language's AppSession
// (app/session/appsession.h has the map of a load): its document (which owns
// its tasks and components) in qpanel's one embedded interpreter. The script
// runs as a fresh `__main__` module with its folder on sys.path; print()
// goes to messageLogged, every error to errorReported at the user's
// file:line. Destroying the session closes the app (every task cancelled,
// then its asyncio leftovers, then components go).
//
//   PythonSession session;
//   if (session.load("/home/me/app.py")) window->setCentralWidget(session.createContent());

#include <QString>
#include <chrono>
#include <memory>

#include "python/pyapp.h"
#include "session/appsession.h"

namespace qpanel {

class PythonSession : public AppSession {
    Q_OBJECT

public:
    explicit PythonSession(QObject* parent = nullptr);
    ~PythonSession() override;

    /// Reads and runs `path`; false (with errorReported) on failure.
    bool load(const QString& path) override;
    /// Runs `source` as the file `fileName` (its folder holds the user's frames).
    bool run(const QString& source, const QString& fileName);

    Document* document() const override { return document_.get(); }
    void setScriptTimeLimit(std::chrono::milliseconds limit) override;
    std::chrono::milliseconds scriptTimeLimit() const override;
    /// Raises TimeoutError in the Python code running now (thread-safe).
    void interruptRunaway() override;
    /// The script's globals (tests look at what it defined).
    python::PyRef globals() const { return globals_; }
    /// Whether the script ended itself with sys.exit().
    bool exited() const { return exited_; }

protected:
    /// None of the app's asyncio tasks, callbacks or timers pending.
    bool hostIsIdle() const override;
    QStringList hostActivity() const override;

private:
    void reportLoadError(const python::PythonError& error);
    void endApp(const QString& message, const QString& location);

    std::unique_ptr<Document> document_ = std::make_unique<Document>();
    std::unique_ptr<python::PyApp> app_;
    python::PyRef globals_;
    std::chrono::milliseconds limit_;
    bool exited_ = false;
};

}  // namespace qpanel
