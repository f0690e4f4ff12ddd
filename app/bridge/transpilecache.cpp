#include "bridge/transpilecache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace qpanel {
namespace {
constexpr int kFormat = 1;
}

TranspileCache::TranspileCache(QString directory) : directory_(std::move(directory)) {}

QByteArray TranspileCache::keyFor(QByteArrayView salt, bool typeScript, const QString& source) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(typeScript ? QByteArrayView("\0ts\0", 4) : QByteArrayView("\0js\0", 4));
    hash.addData(source.toUtf8());
    return hash.result().toHex();
}

QString TranspileCache::pathFor(const QByteArray& key) const {
    return directory_ + QLatin1Char('/') + QString::fromLatin1(key) + QLatin1String(".json");
}

std::optional<CachedTranspile> TranspileCache::load(const QByteArray& key) const {
    QFile file(pathFor(key));
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonValue code = root.value(QLatin1String("code"));
    const QJsonValue map = root.value(QLatin1String("map"));
    if (root.value(QLatin1String("format")).toInt() != kFormat || !code.isString() ||
        !map.isObject())
        return std::nullopt;
    return CachedTranspile{code.toString(),
                           QJsonDocument(map.toObject()).toJson(QJsonDocument::Compact),
                           root.value(QLatin1String("topLevelAwait")).toBool()};
}

bool TranspileCache::store(const QByteArray& key, const CachedTranspile& entry) const {
    if (directory_.isEmpty() || !QDir().mkpath(directory_)) return false;
    QJsonObject root;
    root.insert(QLatin1String("format"), kFormat);
    root.insert(QLatin1String("code"), entry.code);
    root.insert(QLatin1String("map"), QJsonDocument::fromJson(entry.sourceMapJson).object());
    root.insert(QLatin1String("topLevelAwait"), entry.topLevelAwait);
    // QSaveFile: a crash mid-write never leaves a half entry behind.
    QSaveFile file(pathFor(key));
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return file.commit();
}

}  // namespace qpanel
