#pragma once
// Which environment variables scripts may read with pn.env: those named
// QPANEL_* and those the user allows (qpanel's --allow-env option and its
// allowedEnvironment setting). Any other name reads as its fallback, so a
// script cannot pick up a token a user keeps in the environment and send
// it away with pn.fetch.
//
//   EnvironmentAccess access({"API_TOKEN"});
//   access.allows("QPANEL_IMAGE_URL");  // true
//   access.allows("HOME");              // false: access.refusal("HOME") says how to allow it

#include <QString>
#include <QStringList>

namespace qpanel {

class EnvironmentAccess {
public:
    /// `settingsFile`, if known, is named in refusals (where the setting lives).
    explicit EnvironmentAccess(QStringList allowed = {}, QString settingsFile = {});

    bool allows(const QString& name) const;
    const QStringList& allowed() const { return allowed_; }
    /// The console warning for a refused `name`: why, and how to allow it.
    QString refusal(const QString& name) const;

    /// Names from a comma-separated list ("A, B,C"), as --allow-env and the
    /// setting take them; `problem` is set for an empty or malformed name.
    static QStringList parseNames(const QStringList& lists, QString* problem = nullptr);

private:
    QStringList allowed_;
    QString settingsFile_;
};

}  // namespace qpanel
