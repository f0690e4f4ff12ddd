#pragma once
// Drives one loaded app until it is idle or --timeout passes, and turns the
// outcome into the exit code: the shared core of --exit-when-idle and
// --screenshot.

#include "cli/exitcode.h"

#include <QObject>
#include <functional>
#include <optional>

namespace qpanel {
class ScriptSession;
}

namespace qpanel::cli {

class ConsoleEcho;

/// Starts watching `session` from the next loop pass. When it is idle,
/// `onIdle` runs and its code (or ScriptError if the echo counted errors)
/// ends the event loop; on timeout a message naming --timeout goes to stderr
/// and the loop ends with TimedOut.
void exitWhenIdle(ScriptSession& session, const ConsoleEcho& echo, std::optional<int> timeoutMs,
                  std::function<ExitCode()> onIdle);

/// What keeps the session busy, for the timeout message.
QString describeActivity(ScriptSession& session);

}  // namespace qpanel::cli
