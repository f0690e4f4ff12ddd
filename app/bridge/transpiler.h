#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

#include "bridge/transpileresult.h"

namespace qpanel {

namespace detail {
struct TranspilerWorker;
}

/// Turns an app script (modern JavaScript, or TypeScript for *.ts) into code
/// Qt 6.4's QJSEngine parses, with Babel (preset-env for Chrome 51) running in
/// its own QJSEngine on a worker thread.
///
/// \code
/// qpanel::Transpiler transpiler;
/// transpiler.warmUp();                          // early: Babel takes ~1 s to load
/// const auto result = transpiler.transpile(source, "app.js");   // any thread
/// if (!result.ok()) report(result.error->toString());
/// else engine.evaluate(result.code, result.fileName);
/// \endcode
///
/// Scripts V4 already parses skip Babel; Babel's output is cached on disk by
/// content hash. All members are thread-safe.
class Transpiler : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString cacheDirectory = defaultCacheDirectory();  ///< empty: no disk cache
        bool skipNativeSyntax = true;  ///< false: always run Babel (tests, debugging)
        /// Read-only caches consulted after cacheDirectory, e.g. the bundled
        /// examples transpiled at build time (share/qpanel/transpiled).
        QStringList prebuiltCacheDirectories = {};
    };

    explicit Transpiler(QObject* parent = nullptr);
    explicit Transpiler(Options options, QObject* parent = nullptr);
    ~Transpiler() override;

    /// QStandardPaths::CacheLocation + "/transpiled".
    static QString defaultCacheDirectory();
    static QString babelVersion();
    static bool isTypeScriptFile(const QString& fileName);

    /// Starts loading Babel on the worker thread and returns at once; the
    /// future finishes when Babel is ready. Idempotent.
    QFuture<void> warmUp();
    bool isWarm() const { return warm_.load(); }

    /// Blocks until done (while Babel loads, if it must). Any thread.
    TranspileResult transpile(const QString& source, const QString& fileName);
    /// Native-syntax check and cache lookup happen at once on the calling
    /// thread; a Babel run finishes the future from the worker thread.
    QFuture<TranspileResult> transpileAsync(const QString& source, const QString& fileName);

    /// How many times Babel's transform ran (cache hits and native scripts don't count).
    int babelTransformCount() const { return babelRuns_.load(); }
    /// Time Babel took to load, -1 until it has.
    qint64 babelLoadMilliseconds() const { return loadMs_.load(); }
    const Options& options() const { return options_; }

signals:
    /// Babel finished loading (emitted from the worker thread).
    void warmedUp();

private:
    std::optional<TranspileResult> fromCache(const QByteArray& key, const QString& fileName) const;

    Options options_;
    std::unique_ptr<detail::TranspilerWorker> worker_;
    std::atomic<bool> warm_{false};
    std::atomic<int> babelRuns_{0};
    std::atomic<qint64> loadMs_{-1};
};

}  // namespace qpanel
