#pragma once
// A session's console on the terminal: console.log/info/debug lines verbatim
// on stdout, warnings and errors on stderr, script errors (with file:line)
// on stderr; counts the script errors for the exit code.

#include <QObject>

namespace qpanel {
class ScriptSession;
struct ScriptError;
}  // namespace qpanel

namespace qpanel::cli {

class ConsoleEcho : public QObject {
    Q_OBJECT
public:
    explicit ConsoleEcho(ScriptSession* session);
    int errorCount() const { return errors_; }

private:
    int errors_ = 0;
};

}  // namespace qpanel::cli
