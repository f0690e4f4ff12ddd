// JS async tasks on qpanel's V8 engine beside node, same run, same source
// (peers/tasks_peer.js): n tasks each awaiting a 0 ms sleep, Promise.all'd;
// the sleep a JS closure over setTimeout, or the host's promise timer.
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
#include "v8/jsglobals.h"
#include "v8/jstimers.h"

using qpanel::v8engine::ConsoleLevel;
using qpanel::v8engine::JsEngine;
using qpanel::v8engine::JsTimers;
using Figures = std::map<std::pair<QString, int>, double>;  // (variant, n) -> best ns
const QStringList kVariants{"closure", "host"};

namespace {

const QString kPeer = QStringLiteral(QPANEL_BENCH_PEERS_DIR "/tasks_peer.js");

/// hostSleep(ms): JsTimers::sleep, as pn.sleep will be.
void hostSleep(const v8::FunctionCallbackInfo<v8::Value>& info) {
    auto* timers = static_cast<JsTimers*>(info.Data().As<v8::External>()->Value());
    const v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
    info.GetReturnValue().Set(timers->sleep(context, std::chrono::milliseconds(0)));
}

/// Best ns of `runs` batches of each size, in one engine (as one app would).
Figures measureQpanel(int runs, const QList<int>& sizes) {
    QFile file(kPeer);
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(kPeer));
    JsEngine engine;
    QEventLoop loop;
    QObject::connect(&engine, &JsEngine::consoleMessage, &loop,
                     [&](ConsoleLevel, const QString&) { loop.quit(); });
    engine.runMacrotask([&](v8::Local<v8::Context> context) {
        qpanel::v8engine::setFunction(context, context->Global(), "hostSleep", &hostSleep,
                                      v8::External::New(engine.isolate(), &engine.timers()));
    });
    if (auto error = engine.runScript(QString::fromUtf8(file.readAll()), kPeer))
        qFatal("%s", qPrintable(error->toString()));
    Figures best;
    for (const QString& variant : kVariants) {
        for (int n : sizes) {
            double& figure = best[{variant, n}];
            figure = std::numeric_limits<double>::infinity();
            for (int r = 0; r < runs; ++r) {
                QElapsedTimer clock;
                clock.start();
                engine.runScript(
                    QStringLiteral("runBatch('%1', %2).then(() => console.log('done'))")
                        .arg(variant)
                        .arg(n),
                    QStringLiteral("batch.js"));
                loop.exec();
                figure = std::min(figure, double(clock.nsecsElapsed()));
            }
        }
    }
    return best;
}

Figures measureNode(const QString& node, int runs, const QList<int>& sizes) {
    QStringList args{kPeer, QString::number(runs)};
    for (int n : sizes) args << QString::number(n);
    QProcess process;
    process.start(node, args);
    Figures best;
    if (!process.waitForFinished(600000) || process.exitCode() != 0) return best;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3)
            best[{QString::fromUtf8(parts[0]), parts[1].toInt()}] = parts[2].toDouble();
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

    const Figures ours = measureQpanel(runs, sizes);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const Figures theirs = node.isEmpty() ? Figures{} : measureNode(node, runs, sizes);
    std::printf("JS async tasks (await a 0 ms sleep, Promise.all), best of %d; node: %s\n", runs,
                node.isEmpty() ? "not found" : qPrintable(node + " " + nodeVersion(node)));
    std::printf("marginal = (T(n) - T(1)) / n, leaving out the one timer wait of a batch\n");
    for (const QString& variant : kVariants) {
        std::printf("\nsleep: %s\n%8s  %14s %14s  %14s %14s  %8s\n",
                    variant == "host" ? "host timer (qpanel JsTimers::sleep, node timers/promises)"
                                      : "JS closure over setTimeout",
                    "tasks", "qpanel us/task", "marginal", "node us/task", "marginal", "ratio");
        double minMarginal = std::numeric_limits<double>::infinity(), maxMarginal = 0;
        for (int n : sizes) {
            if (n == 1) continue;
            const double one = ours.at({variant, 1}), all = ours.at({variant, n});
            const double marginal = (all - one) / n / 1000;
            minMarginal = std::min(minMarginal, marginal);
            maxMarginal = std::max(maxMarginal, marginal);
            std::printf("%8d  %14.3f %14.3f", n, all / n / 1000, marginal);
            if (theirs.count({variant, n}) && theirs.count({variant, 1})) {
                const double nodeOne = theirs.at({variant, 1}), nodeAll = theirs.at({variant, n});
                const double nodeMarginal = (nodeAll - nodeOne) / n / 1000;
                std::printf("  %14.3f %14.3f  %7.2fx\n", nodeAll / n / 1000, nodeMarginal,
                            marginal / nodeMarginal);
            } else {
                std::printf("  %14s %14s\n", "-", "-");
            }
        }
        std::printf("qpanel marginal max/min over the sizes: %.2f\n", maxMarginal / minMarginal);
    }
    return 0;
}
