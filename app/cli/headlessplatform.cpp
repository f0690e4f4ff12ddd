#include "cli/headlessplatform.h"

#include <QByteArray>
#include <QByteArrayList>

namespace qpanel::cli {

namespace {

bool hasFlag(int argc, char** argv, const QByteArrayList& flags) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--") return false;
        for (const QByteArray& flag : flags)
            if (arg == flag || arg.startsWith(flag + '=')) return true;
    }
    return false;
}

}  // namespace

PlatformChoice choosePlatform(int argc, char** argv) {
    // Qt's own -platform option needs a QGuiApplication to take it off argv.
    if (hasFlag(argc, argv, {"-platform", "--platform"})) return PlatformChoice::AsRequested;
    // These modes resolve to themselves or to a usage error (see parseCommandLine).
    if (hasFlag(argc, argv, {"--check", "--list-examples", "--version", "-v", "--help", "-h"}))
        return PlatformChoice::NoGui;
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) return PlatformChoice::AsRequested;
    if (hasFlag(argc, argv, {"--exit-when-idle"})) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return PlatformChoice::OffscreenHeadless;
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return PlatformChoice::OffscreenNoDisplay;
    }
    return PlatformChoice::AsRequested;
}

}  // namespace qpanel::cli
