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
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || hasFlag(argc, argv, {"-platform", "--platform"}))
        return PlatformChoice::AsRequested;
    const QByteArrayList headless = {"--exit-when-idle", "--check", "--list-examples", "--version",
                                     "-v", "--help", "-h"};
    if (hasFlag(argc, argv, headless)) {
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
