#pragma once
// Peer figures (Python asyncio, param) measured by running the peer scripts
// from the benchmark process itself, so both sides share one machine state.

#include <QString>
#include <map>
#include <optional>

namespace qpanel::bench {

/// Runs `script args...` with /usr/bin/python3 once and caches every
/// "<key> <value>" line it prints. Disabled by QPANEL_BENCH_PEERS=0.
std::optional<double> peerFigure(const QString& script, const QStringList& args,
                                 const QString& key);

bool peersEnabled();

}  // namespace qpanel::bench
