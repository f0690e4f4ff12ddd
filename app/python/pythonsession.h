#pragma once
// One loaded Python app script: its document (which owns its tasks and
// components) in qpanel's one embedded interpreter. The script runs as a
// fresh `__main__` module with its folder on sys.path; destroying the
// session closes the app (every task cancelled, then components go).
// Shaped like the JS ScriptSession until the language-neutral session
// interface lands.
//
//   PythonSession session;
//   if (session.load("/home/me/app.py")) window->setCentralWidget(session.createContent());

#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

#include "python/pyapp.h"

class QWidget;

namespace qpanel {

/// A problem in an app script, at a place in the user's own file (the same
/// shape as the JS bridge's ScriptError, which the seam will share).
struct PythonScriptError {
    QString message;
    QString fileName;
    int line = 0;
    int column = 0;
    QString toString() const;
};

class PythonSession : public QObject {
    Q_OBJECT

public:
    explicit PythonSession(QObject* parent = nullptr);
    ~PythonSession() override;

    /// Reads and runs `path`; false (with errorReported) on failure.
    bool load(const QString& path);
    /// Runs `source` as the file `fileName` (its folder holds the user's frames).
    bool run(const QString& source, const QString& fileName);
    /// Compiles only (qpanel --check); false with errorReported on a syntax error.
    bool check(const QString& source, const QString& fileName);

    Document* document() const { return document_.get(); }
    void setScriptTimeLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds scriptTimeLimit() const;
    /// The servable roots, stacked (for the window).
    QWidget* createContent() const;
    /// No task of this app in flight, no pn.state.execute call pending, no
    /// periodic callback running.
    bool isIdle() const;
    /// The script's globals (tests look at what it defined).
    python::PyRef globals() const { return globals_; }
    /// Whether the script ended itself with sys.exit().
    bool exited() const { return exited_; }

signals:
    void messageLogged(const QString& level, const QString& text);
    void errorReported(const qpanel::PythonScriptError& error, const QString& stack);

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
