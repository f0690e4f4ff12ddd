#pragma once
// The Console dock: an app's console.log/info/warn/error lines and its
// errors. An error's file:line is a link; activating it asks to show the
// source there (sourceRequested).
//
//   auto* console = new qpanel::ConsoleDock(window);
//   connect(session, &AppSession::messageLogged, console, &ConsoleDock::appendMessage);
//   connect(session, &AppSession::errorReported, console, &ConsoleDock::appendError);

#include <QDockWidget>

#include "session/scripterror.h"

class QTextBrowser;
class QUrl;

namespace qpanel {

class ConsoleDock : public QDockWidget {
    Q_OBJECT

public:
    explicit ConsoleDock(QWidget* parent = nullptr);

    void appendMessage(const QString& level, const QString& text);
    void appendError(const qpanel::ScriptError& error, const QString& stack);
    /// A dim line marking an event of the app's life ("Loaded app.js").
    void appendNote(const QString& text);
    void clear();
    QTextBrowser* view() const { return view_; }
    /// The console's text as a person reads it.
    QString plainText() const;

signals:
    void sourceRequested(const QString& path, int line);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Normal, Dim, Warning, Error };
    void appendLine(const QString& html, Tone tone);
    QString colourFor(Tone tone) const;
    void openLink(const QUrl& url);
    void applyLinkColour();

    QTextBrowser* view_;
};

}  // namespace qpanel
