#pragma once
// The desktop app's persistent settings (organization and application
// "qpanel"): recent files, window geometry and state, auto-reload, and the
// environment variables scripts may read.

#include <QSettings>

#include "session/environmentaccess.h"

namespace qpanel {

class ShellSettings : public QSettings {
public:
    ShellSettings() : QSettings(QStringLiteral("qpanel"), QStringLiteral("qpanel")) {}

    /// `allowedEnvironment`: variables pn.env may read besides QPANEL_*, a
    /// comma-separated list of names (as --allow-env takes them).
    QStringList allowedEnvironment() const {
        const QVariant names = value(QStringLiteral("allowedEnvironment"));
        return EnvironmentAccess::parseNames(names.toStringList());
    }
};

}  // namespace qpanel
