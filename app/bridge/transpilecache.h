#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace qpanel {

/// Babel output as stored on disk.
struct CachedTranspile {
    QString code;
    QByteArray sourceMapJson;
    bool topLevelAwait = false;
};

/// Transpiled scripts on disk, one JSON file per content hash. Best effort:
/// unreadable, corrupt or unwritable entries are misses, never errors.
class TranspileCache {
public:
    explicit TranspileCache(QString directory);

    const QString& directory() const { return directory_; }
    /// The hex SHA-256 of everything the output depends on.
    static QByteArray keyFor(QByteArrayView salt, bool typeScript, const QString& source);

    std::optional<CachedTranspile> load(const QByteArray& key) const;
    /// Returns false when the entry could not be written (the cache stays usable).
    bool store(const QByteArray& key, const CachedTranspile& entry) const;
    QString pathFor(const QByteArray& key) const;

private:
    QString directory_;
};

}  // namespace qpanel
