#pragma once
// Runs the qpanel executable as a user would, for end-to-end tests: waits on
// the event loop (so in-process test servers keep answering), never sleeps.

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <ostream>

#include "common/eventloop.h"

/// gtest prints QStrings as text in failure messages.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

namespace qpanel::test {

struct QpanelRun {
    int exitCode = -1;
    bool finished = false;  ///< false: still running at the deadline (then killed)
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

inline QpanelRun runQpanel(
    const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
    std::chrono::milliseconds deadline = std::chrono::seconds(60)) {
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(QPANEL_EXECUTABLE), arguments);
    QpanelRun run;
    run.finished = waitUntil([&] { return process.state() == QProcess::NotRunning; }, deadline);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.elapsedMs = clock.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    // Qt's own notice when XDG_RUNTIME_DIR is unset (CI, containers) is not
    // qpanel's output: leave it out so tests see what the app wrote.
    QStringList errLines =
        QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'));
    errLines.removeIf([](const QString& line) {
        return line.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"));
    });
    run.err = errLines.join(QLatin1Char('\n'));
    return run;
}

inline QStringList nonEmptyLines(const QString& text) {
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

inline QString testScript(const QString& name) {
    return QStringLiteral(QPANEL_TEST_SCRIPTS "/") + name;
}

}  // namespace qpanel::test
