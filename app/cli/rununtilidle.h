#pragma once
// Drives one loaded app until it is idle or --timeout passes, and turns the
// outcome into the exit code: the shared core of --exit-when-idle and
// --screenshot.

#include <QObject>
#include <functional>
#include <optional>

#include "cli/exitcode.h"

namespace qpanel {
class AppSession;
}

namespace qpanel::cli {

class ConsoleEcho;

struct IdleRun {
    std::optional<int> timeoutMs;
    QString timeoutName;  ///< how the timeout message names it, e.g. "--timeout 500 ms"
    std::function<ExitCode()> onIdle;
    std::function<void()> onTimeout =
        {};  ///< after the message, before exiting (e.g. save the window)
};

/// Starts watching `session` from the next loop pass. When it is idle,
/// `run.onIdle` runs and its code (or ScriptError if the echo counted errors)
/// ends the event loop; on timeout a message naming the timeout goes to
/// stderr, `run.onTimeout` runs and the loop ends with TimedOut.
void exitWhenIdle(AppSession& session, const ConsoleEcho& echo, IdleRun run);

}  // namespace qpanel::cli
