#pragma once
// A session's console on the terminal: console.log/info/debug lines verbatim
// on stdout, warnings and errors on stderr, script errors (with file:line)
// on stderr; counts the script errors for the exit code.

#include <QObject>

namespace qpanel {
class AppSession;
}  // namespace qpanel

namespace qpanel::cli {

class ConsoleEcho : public QObject {
    Q_OBJECT
public:
    explicit ConsoleEcho(AppSession* session);
    int errorCount() const { return errors_; }

private:
    int errors_ = 0;
};

}  // namespace qpanel::cli
