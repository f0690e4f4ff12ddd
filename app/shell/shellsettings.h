#pragma once
// The desktop app's persistent settings (organization and application
// "qpanel"): recent files, window geometry and state, auto-reload.

#include <QSettings>

namespace qpanel {

class ShellSettings : public QSettings {
public:
    ShellSettings() : QSettings(QStringLiteral("qpanel"), QStringLiteral("qpanel")) {}
};

}  // namespace qpanel
