#include "bridge/transpiler.h"

#include <QFile>
#include <QMutex>
#include <QPromise>
#include <QStandardPaths>
#include <QThread>

#include "bridge/babelengine.h"
#include "bridge/nativesyntax.h"
#include "bridge/transpilecache.h"

namespace qpanel {
namespace detail {

// The worker thread and the BabelEngine only it touches.
struct TranspilerWorker {
    QThread thread;
    QObject context;  // moved to thread: the target of queued jobs
    std::unique_ptr<BabelEngine> babel;
    QMutex startMutex;
    bool started = false;
    QFuture<void> warmUp;

    template <typename F>
    void post(F job) {
        {
            QMutexLocker lock(&startMutex);
            if (!started) {
                thread.setObjectName(QStringLiteral("qpanel-transpiler"));
                thread.start();
                started = true;
            }
        }
        QMetaObject::invokeMethod(&context, std::move(job), Qt::QueuedConnection);
    }
};

}  // namespace detail

namespace {

// Everything besides the source that Babel's output depends on.
const QByteArray& cacheSalt() {
    static const QByteArray salt = [] {
        QByteArray s = QByteArrayLiteral("qpanel-transpiler-1|babel " QPANEL_BABEL_VERSION "|");
        QFile glue(QStringLiteral(":/qpanel/bridge/babelglue.js"));
        if (glue.open(QIODevice::ReadOnly)) s += glue.readAll();
        return s;
    }();
    return salt;
}

TranspileResult resultOf(const QString& fileName, TranspileResult::Origin origin,
                         detail::BabelOutput out) {
    TranspileResult r;
    r.fileName = fileName;
    r.origin = origin;
    r.error = std::move(out.error);
    if (r.error) return r;
    r.code = std::move(out.code);
    r.topLevelAwait = out.topLevelAwait;
    r.sourceMap = SourceMap::fromJson(out.sourceMapJson);
    r.sourceMapJson = std::move(out.sourceMapJson);
    return r;
}

}  // namespace

Transpiler::Transpiler(QObject* parent) : Transpiler(Options{}, parent) {}

Transpiler::Transpiler(Options options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      worker_(std::make_unique<detail::TranspilerWorker>()) {
    // Only the context's own thread may move it; the thread starts on first use.
    worker_->context.moveToThread(&worker_->thread);
}

Transpiler::~Transpiler() {
    if (!worker_->started) return;
    // The engine must die on the thread that made it.
    QMetaObject::invokeMethod(
        &worker_->context, [w = worker_.get()] { w->babel.reset(); }, Qt::BlockingQueuedConnection);
    worker_->thread.quit();
    worker_->thread.wait();
}

QString Transpiler::defaultCacheDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/transpiled");
}

QString Transpiler::babelVersion() {
    return QStringLiteral(QPANEL_BABEL_VERSION);
}

bool Transpiler::isTypeScriptFile(const QString& fileName) {
    return fileName.endsWith(QLatin1String(".ts"), Qt::CaseInsensitive);
}

QFuture<void> Transpiler::warmUp() {
    QMutexLocker lock(&worker_->startMutex);
    if (worker_->warmUp.isValid()) return worker_->warmUp;
    auto promise = std::make_shared<QPromise<void>>();
    worker_->warmUp = promise->future();
    promise->start();
    lock.unlock();
    worker_->post([this, promise] {
        if (!worker_->babel) worker_->babel = std::make_unique<detail::BabelEngine>();
        if (worker_->babel->load()) {
            loadMs_ = worker_->babel->loadMilliseconds();
            warm_ = true;
            emit warmedUp();
        }
        promise->finish();
    });
    return worker_->warmUp;
}

std::optional<TranspileResult> Transpiler::fromCache(const QByteArray& key,
                                                     const QString& fileName) const {
    std::optional<CachedTranspile> cached;
    if (!options_.cacheDirectory.isEmpty())
        cached = TranspileCache(options_.cacheDirectory).load(key);
    for (const QString& directory : options_.prebuiltCacheDirectories) {
        if (cached) break;
        cached = TranspileCache(directory).load(key);
    }
    if (!cached) return std::nullopt;
    return resultOf(fileName, TranspileResult::Origin::Cache,
                    {cached->code, cached->sourceMapJson, cached->topLevelAwait, std::nullopt});
}

TranspileResult Transpiler::transpile(const QString& source, const QString& fileName) {
    return transpileAsync(source, fileName).result();
}

QFuture<TranspileResult> Transpiler::transpileAsync(const QString& source,
                                                    const QString& fileName) {
    const bool typeScript = isTypeScriptFile(fileName);
    if (options_.skipNativeSyntax && !typeScript && isNativeSyntax(source)) {
        TranspileResult r;
        r.fileName = fileName;
        r.code = source;
        return QtFuture::makeReadyFuture(r);
    }
    const QByteArray key = TranspileCache::keyFor(cacheSalt(), typeScript, source);
    if (auto cached = fromCache(key, fileName)) return QtFuture::makeReadyFuture(*cached);

    warmUp();
    auto promise = std::make_shared<QPromise<TranspileResult>>();
    QFuture<TranspileResult> future = promise->future();
    promise->start();
    worker_->post([this, promise, source, fileName, typeScript, key] {
        if (!worker_->babel) worker_->babel = std::make_unique<detail::BabelEngine>();
        ++babelRuns_;
        detail::BabelOutput out = worker_->babel->transform(source, fileName, typeScript);
        if (!out.error && !options_.cacheDirectory.isEmpty()) {
            TranspileCache(options_.cacheDirectory)
                .store(key, {out.code, out.sourceMapJson, out.topLevelAwait});
        }
        promise->addResult(resultOf(fileName, TranspileResult::Origin::Babel, std::move(out)));
        promise->finish();
    });
    return future;
}

}  // namespace qpanel
