#pragma once
// The qpanel executable's exit statuses, one place for the command line,
// the headless runner, the checker and the tests that assert them.

namespace qpanel::cli {

enum class ExitCode : int {
    Ok = 0,
    ScriptError = 1,  ///< a script failed to transpile, threw, or a callback reported an error
    Usage = 2,        ///< bad command line: unknown option, missing file, bad value, conflict
    TimedOut = 3,     ///< --timeout passed before the app became idle
};

inline int toInt(ExitCode code) {
    return static_cast<int>(code);
}

}  // namespace qpanel::cli
