#include "cli/consoleecho.h"

#include "bridge/scriptsession.h"

#include <cstdio>

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

ConsoleEcho::ConsoleEcho(ScriptSession* session) : QObject(session) {
    connect(session, &ScriptSession::messageLogged, this, [](const QString& level, const QString& text) {
        const bool problem = level == QLatin1String("warn") || level == QLatin1String("error");
        writeLine(problem ? stderr : stdout, text);
    });
    // Every script error counts; the runtime already printed its tasks' errors
    // to stderr, so only the host's own (top level, timers) are printed here.
    connect(session, &ScriptSession::errorReported, this, [this] { ++errors_; });
    connect(&session->host(), &ScriptHost::errorReported, this, [](const ScriptError& error, const QString& stack) {
        writeLine(stderr, stack.isEmpty() ? error.toString() : error.toString() + QLatin1Char('\n') + stack);
    });
}

}  // namespace qpanel::cli
