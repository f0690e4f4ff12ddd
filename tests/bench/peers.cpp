#include "peers.h"

#include <QFileInfo>
#include <QProcess>
#include <cstdio>

namespace qpanel::bench {

namespace {
const char* kPython = "/usr/bin/python3";
std::map<QString, std::map<QString, double>> cache;  // run (script+args) -> key -> value
}  // namespace

bool peersEnabled() {
    return qEnvironmentVariable("QPANEL_BENCH_PEERS") != QLatin1String("0") &&
           QFileInfo::exists(QString::fromLatin1(kPython));
}

std::optional<double> peerFigure(const QString& script, const QStringList& args,
                                 const QString& key) {
    if (!peersEnabled()) return std::nullopt;
    const QString run = script + QLatin1Char(' ') + args.join(QLatin1Char(' '));
    auto it = cache.find(run);
    if (it == cache.end()) {
        std::fprintf(stderr, "running peer: python3 %s\n", qPrintable(run));
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QString::fromLatin1(kPython),
                      QStringList{QStringLiteral(QPANEL_BENCH_PEERS_DIR "/") + script} + args);
        std::map<QString, double> figures;
        if (process.waitForFinished(30 * 60 * 1000) && process.exitCode() == 0) {
            for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 2) figures[QString::fromUtf8(parts[0])] = parts[1].toDouble();
            }
        } else {
            std::fprintf(stderr, "peer %s failed (exit %d)\n", qPrintable(run), process.exitCode());
        }
        it = cache.emplace(run, std::move(figures)).first;
    }
    auto value = it->second.find(key);
    if (value == it->second.end()) return std::nullopt;
    return value->second;
}

}  // namespace qpanel::bench
