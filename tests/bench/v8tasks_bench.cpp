// JS async tasks on qpanel's V8 engine beside node, same run, same source
// (peers/tasks_peer.js): n tasks each awaiting a 0 ms timer, Promise.all'd.
// Prints µs per task (best of --runs) and the marginal cost
// (T(n) - T(1)) / n, which leaves out the one timer wait every batch has
// (node's 1 ms minimum delay). A timed harness, not Google Benchmark: a
// batch of 100k is one sample.
//
//   v8tasks_bench [--runs 3] [--sizes 1,1000,10000,100000]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "v8/jsengine.h"

using qpanel::v8engine::ConsoleLevel;
using qpanel::v8engine::JsEngine;

namespace {

const QString kPeer = QStringLiteral(QPANEL_BENCH_PEERS_DIR "/tasks_peer.js");

/// Best ns of `runs` batches of each size, in one engine (as one app would).
std::map<int, double> measureQpanel(int runs, const QList<int>& sizes) {
    QFile file(kPeer);
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(kPeer));
    JsEngine engine;
    QEventLoop loop;
    QObject::connect(&engine, &JsEngine::consoleMessage, &loop,
                     [&](ConsoleLevel, const QString&) { loop.quit(); });
    if (auto error = engine.runScript(QString::fromUtf8(file.readAll()), kPeer))
        qFatal("%s", qPrintable(error->toString()));
    std::map<int, double> best;
    for (int n : sizes) {
        best[n] = std::numeric_limits<double>::infinity();
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer clock;
            clock.start();
            engine.runScript(QStringLiteral("runBatch(%1).then(() => console.log('done'))").arg(n),
                             QStringLiteral("batch.js"));
            loop.exec();
            best[n] = std::min(best[n], double(clock.nsecsElapsed()));
        }
    }
    return best;
}

std::map<int, double> measureNode(const QString& node, int runs, const QList<int>& sizes) {
    QStringList args{kPeer, QString::number(runs)};
    for (int n : sizes) args << QString::number(n);
    QProcess process;
    process.start(node, args);
    std::map<int, double> best;
    if (!process.waitForFinished(600000) || process.exitCode() != 0) return best;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2) best[parts[0].toInt()] = parts[1].toDouble();
    }
    return best;
}

QString nodeVersion(const QString& node) {
    QProcess process;
    process.start(node, {QStringLiteral("--version")});
    process.waitForFinished();
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"runs", "Batches per size (the best counts).", "n", "3"},
                       {"sizes", "Comma-separated batch sizes.", "list", "1,1000,10000,100000"}});
    parser.addHelpOption();
    parser.process(app);
    const int runs = std::max(1, parser.value("runs").toInt());
    QList<int> sizes;
    for (const QString& size : parser.value("sizes").split(',')) sizes << size.toInt();
    if (!sizes.contains(1)) sizes.prepend(1);

    const auto ours = measureQpanel(runs, sizes);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const auto theirs = node.isEmpty() ? std::map<int, double>{} : measureNode(node, runs, sizes);
    std::printf("JS async tasks (await a 0 ms timer, Promise.all), best of %d; node: %s\n", runs,
                node.isEmpty() ? "not found" : qPrintable(node + " " + nodeVersion(node)));
    std::printf("%8s  %14s %14s  %14s %14s  %8s\n", "tasks", "qpanel us/task", "marginal",
                "node us/task", "marginal", "ratio");
    double minMarginal = std::numeric_limits<double>::infinity(), maxMarginal = 0;
    for (int n : sizes) {
        if (n == 1) continue;
        const double perTask = ours.at(n) / n / 1000;
        const double marginal = (ours.at(n) - ours.at(1)) / n / 1000;
        minMarginal = std::min(minMarginal, marginal);
        maxMarginal = std::max(maxMarginal, marginal);
        if (theirs.count(n) && theirs.count(1)) {
            const double nodePerTask = theirs.at(n) / n / 1000;
            const double nodeMarginal = (theirs.at(n) - theirs.at(1)) / n / 1000;
            std::printf("%8d  %14.3f %14.3f  %14.3f %14.3f  %7.2fx\n", n, perTask, marginal,
                        nodePerTask, nodeMarginal, marginal / nodeMarginal);
        } else {
            std::printf("%8d  %14.3f %14.3f  %14s %14s\n", n, perTask, marginal, "-", "-");
        }
    }
    std::printf("batch of 1: qpanel %.3f ms", ours.at(1) / 1e6);
    if (theirs.count(1)) std::printf(", node %.3f ms", theirs.at(1) / 1e6);
    std::printf("\nqpanel marginal max/min over the sizes: %.2f\n", maxMarginal / minMarginal);
    return 0;
}
