#include "cli/consoleecho.h"

#include <cstdio>

#include "session/appsession.h"

namespace qpanel::cli {

namespace {

void writeLine(std::FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    // Readers (tests, the start-time benchmark) follow the output live.
    std::fflush(stream);
}

}  // namespace

ConsoleEcho::ConsoleEcho(AppSession* session) : QObject(session) {
    connect(
        session, &AppSession::messageLogged, this, [](const QString& level, const QString& text) {
            const bool problem = level == QLatin1String("warn") || level == QLatin1String("error");
            writeLine(problem ? stderr : stdout, text);
        });
    // Every script error counts; the runtime already printed its tasks' errors
    // to stderr, so only the others (top level, timers) are printed here.
    connect(session, &AppSession::errorReported, this,
            [this](const ScriptError& error, const QString& stack, ErrorEcho echo) {
                ++errors_;
                if (echo == ErrorEcho::PrintedByRuntime) return;
                writeLine(stderr, stack.isEmpty() ? error.toString()
                                                  : error.toString() + QLatin1Char('\n') + stack);
            });
}

}  // namespace qpanel::cli
