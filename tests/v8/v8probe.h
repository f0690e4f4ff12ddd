#pragma once
// A JsEngine with what a test reads from it: the console lines and the
// errors reported outside a runScript() call, and a wait for its timers;
// and node's output, for the programs checked against it.

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "common/eventloop.h"
#include "v8/jsengine.h"
#include "v8/jstimers.h"
#include "v8/qobjectwrap.h"

namespace qpanel::test {

/// A script's error as people read it ("TypeError: ..."), "" if it ran.
inline std::string errorOf(const std::optional<v8engine::JsError>& error) {
    return error ? error->message.toStdString() : std::string();
}

/// The file's bytes ("" if it cannot be read: the comparison then fails).
inline QByteArray fileContents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Printed text as console lines (no empty one after the last newline).
inline QStringList linesOf(const QByteArray& text) {
    QStringList lines = QString::fromUtf8(text).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

/// What `node arguments...` prints; nullopt when node is not on PATH.
inline std::optional<QStringList> nodeOutput(const QStringList& arguments) {
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) return std::nullopt;
    QProcess process;
    process.start(node, arguments);
    process.waitForFinished(30000);
    return linesOf(process.readAllStandardOutput());
}

struct V8Probe {
    explicit V8Probe(v8engine::JsLimits limits = {}) : engine(limits) {
        QObject::connect(&engine, &v8engine::JsEngine::consoleMessage,
                         [this](v8engine::ConsoleLevel, const QString& text) { console << text; });
        QObject::connect(&engine, &v8engine::JsEngine::errorReported,
                         [this](const v8engine::JsError& error) { reported.push_back(error); });
    }

    /// Runs `source` and waits until no timer is left; returns the script's own error.
    std::optional<v8engine::JsError> runToIdle(const QString& source,
                                               const QString& file = QStringLiteral("app.js")) {
        std::optional<v8engine::JsError> error = engine.runScript(source, file);
        idle = waitUntil([this] { return engine.timers().activeCount() == 0; });
        return error;
    }

    /// Sets the global `name` to `object`'s wrapper (C++ ownership).
    void expose(const QString& name, QObject* object) {
        engine.runMacrotask([&](v8::Local<v8::Context> context) {
            engine.qobjects().expose(context, name, object);
        });
    }
    /// Sets the global constructor of `meta`'s class (script-owned objects).
    void exposeClass(const QMetaObject* meta) {
        engine.runMacrotask(
            [&](v8::Local<v8::Context> context) { engine.qobjects().exposeClass(context, meta); });
    }
    /// A full garbage collection (weak wrappers' callbacks run in it).
    void collectGarbage() { engine.isolate()->LowMemoryNotification(); }

    v8engine::JsEngine engine;
    QStringList console;
    std::vector<v8engine::JsError> reported;
    bool idle = false;
};

}  // namespace qpanel::test
