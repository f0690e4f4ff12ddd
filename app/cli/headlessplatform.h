#pragma once
// Runs that show no window must not need a display: before QApplication
// exists, pick Qt's offscreen platform for them (--exit-when-idle, --screenshot,
// --check).

namespace qpanel::cli {

enum class PlatformChoice {
    AsRequested,         ///< QT_QPA_PLATFORM or -platform given, or a display is there for a window
    NoGui,               ///< --check, --list-examples, --version, --help: no QGuiApplication at all
    OffscreenHeadless,   ///< --exit-when-idle: widgets, never shown
    OffscreenNoDisplay,  ///< no DISPLAY / WAYLAND_DISPLAY: only headless modes and --screenshot can
                         ///< run
};

/// Looks at the raw argv (before Qt removes its own options) and the
/// environment; sets QT_QPA_PLATFORM=offscreen when it chooses offscreen.
/// NoGui means a QCoreApplication serves: these modes never touch a widget.
PlatformChoice choosePlatform(int argc, char** argv);

}  // namespace qpanel::cli
