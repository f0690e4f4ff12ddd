#pragma once
// For the start-time benchmark (tests/bench/startup_bench.cpp): with
// QPANEL_FIRST_PAINT_PROBE set, qpanel prints "qpanel-first-paint MS" on
// stdout once its window has painted (MS since main() began) and, when an
// app script is being opened, "qpanel-app-shown MS" once the app's views
// have painted (or "qpanel-app-failed MS" if it did not load). With
// QPANEL_FIRST_PAINT_PROBE=exit it then quits (exit code 0, or 1 on failure).

class QWidget;

namespace qpanel::cli {

/// Call first thing in main(): the clock the probe reports against.
void markMainStarted();
/// Watches `window` when the environment asks for it; does nothing otherwise.
/// With `appFollows`, the "exit" mode waits for probeAppShown.
void probeFirstPaint(QWidget* window, bool appFollows = false);
/// The opened app's views (null: the script did not load).
void probeAppShown(QWidget* content);

}  // namespace qpanel::cli
