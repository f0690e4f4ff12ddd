#pragma once
// For the start-time benchmark (tests/bench/startup_bench.cpp): with
// QPANEL_FIRST_PAINT_PROBE set, the first time the window has painted
// qpanel prints "qpanel-first-paint MS" (MS since main() began) on stdout;
// with QPANEL_FIRST_PAINT_PROBE=exit it then quits with exit code 0.

class QWidget;

namespace qpanel::cli {

/// Call first thing in main(): the clock the probe reports against.
void markMainStarted();
/// Watches `window` when the environment asks for it; does nothing otherwise.
void probeFirstPaint(QWidget* window);

}  // namespace qpanel::cli
