#include "core/fetch.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include "core/runtime.h"
#include "core/suspension.h"

namespace qpanel {

namespace {

QPointer<QNetworkAccessManager> mainThreadManager;

void deleteMainThreadManager() {
    delete mainThreadManager.data();
}

QNetworkAccessManager& networkManager() {
    // One per thread (QNetworkAccessManager is not thread-safe). The main
    // thread's belongs to the runtime, and goes first thing in the
    // application's destructor (a post routine), while Qt's event machinery is
    // whole: deleted later, as one of the application's children, it loses
    // the objects its HTTP thread still holds for an aborted request (a cycle
    // LeakSanitizer reports at exit; docs/PITFALLS.md).
    thread_local QPointer<QNetworkAccessManager> manager;
    if (!manager) {
        auto* app = QCoreApplication::instance();
        const bool mainThread = app && app->thread() == QThread::currentThread();
        manager = new QNetworkAccessManager(mainThread ? static_cast<QObject*>(&Runtime::instance())
                                                       : nullptr);
        if (mainThread) {
            mainThreadManager = manager;
            qAddPostRoutine(deleteMainThreadManager);  // one application's; run once, then dropped
        }
    }
    return *manager;
}

/// Waits for a reply to finish; cancelling the task aborts the request.
class ReplyAwaiter : public Suspension {
public:
    explicit ReplyAwaiter(QNetworkReply* reply) : reply_(reply) {}
    bool await_ready() { return cancelledBeforeSuspending() || reply_->isFinished(); }
    void await_suspend(std::coroutine_handle<> h) {
        park(h);
        connection_ = QObject::connect(reply_, &QNetworkReply::finished, reply_, [this] {
            QObject::disconnect(connection_);
            resume();
        });
    }
    void await_resume() const { throwIfTaskCancelled(); }
    bool detach() noexcept override {
        QObject::disconnect(connection_);
        reply_->abort();
        return true;
    }

private:
    QNetworkReply* reply_;
    QMetaObject::Connection connection_;
};

QString describeNetworkError(QNetworkReply* reply, const FetchOptions& options, bool timedOut,
                             bool tooLarge) {
    if (tooLarge)
        return QStringLiteral("response body is larger than the %1-byte limit")
            .arg(options.maxBytes);
    if (timedOut)
        return QStringLiteral("no complete response within %1 ms").arg(options.timeout.count());
    switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused");
        case QNetworkReply::HostNotFoundError:
            return QStringLiteral("host not found");
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral(
                "the server closed the connection before the response was complete");
        case QNetworkReply::TooManyRedirectsError:
            return QStringLiteral("more than %1 redirects").arg(options.maxRedirects);
        default:
            return reply->errorString();
    }
}

Response readFile(const QUrl& url, const FetchOptions& options) {
    const QString where = displayUrl(url);
    if (options.fileRoot.isEmpty())
        throw FetchError(QStringLiteral("fetch %1: file access is not allowed here").arg(where),
                         url);
    // Inside the root by name first (so nothing is said about files outside
    // it), then after resolving links (a link inside may point outside).
    const QDir root(options.fileRoot);
    const auto inside = [](const QString& path, const QString& folder) {
        return !folder.isEmpty() && (path == folder || path.startsWith(folder + QLatin1Char('/')));
    };
    const auto outside = [&](const QString& why) {
        return FetchError(
            QStringLiteral("fetch %1: only files inside the script's folder (%2) can be fetched%3")
                .arg(where, options.fileRoot, why),
            url);
    };
    // A relative file URL (file:data.txt) is relative to the root too.
    const QString named = QDir::cleanPath(root.absoluteFilePath(url.toLocalFile()));
    if (!inside(named, QDir::cleanPath(root.absolutePath()))) throw outside(QString());
    const QString path = QFileInfo(named).canonicalFilePath();
    if (path.isEmpty()) throw FetchError(QStringLiteral("fetch %1: no such file").arg(where), url);
    if (!inside(path, root.canonicalPath()))
        throw outside(QStringLiteral(" (this one links outside it)"));
    QFile file(path);
    if (file.size() > options.maxBytes)
        throw FetchError(QStringLiteral("fetch %1: file is larger than the %2-byte limit")
                             .arg(where)
                             .arg(options.maxBytes),
                         url);
    if (!file.open(QIODevice::ReadOnly))
        throw FetchError(QStringLiteral("fetch %1: %2").arg(where, file.errorString()), url);
    Response response;
    response.status = 200;
    response.statusText = QStringLiteral("OK");
    response.url = url;
    response.body = file.readAll();
    return response;
}

}  // namespace

QByteArray Response::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

QString displayUrl(const QUrl& url) {
    // The fragment goes too: OAuth puts tokens there (#access_token=...).
    const QString shown =
        url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!url.hasQuery()) return shown;
    // Names stay (they tell which request it was); every value is hidden. A
    // bare item (?TOKEN) may itself be the secret, so it is hidden whole.
    QStringList items;
    const QString query = url.query(QUrl::PrettyDecoded);
    for (const QString& item : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        items << (equals < 0 ? QStringLiteral("…") : item.left(equals) + QStringLiteral("=…"));
    }
    return items.isEmpty() ? shown : shown + QLatin1Char('?') + items.join(QLatin1Char('&'));
}

QCoro::Task<Response> fetch(QUrl url) {
    FetchOptions defaults;
    return fetch(std::move(url), defaults);
}

QCoro::Task<Response> fetch(QUrl url, FetchOptions options) {
    if (url.isRelative() && !options.fileRoot.isEmpty())
        url = QUrl::fromLocalFile(QDir(options.fileRoot).filePath(url.path()));
    const QString where = displayUrl(url);
    if (url.isLocalFile()) co_return readFile(url, options);
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        throw FetchError(QStringLiteral("fetch %1: only http, https and files under the script's "
                                        "folder can be fetched")
                             .arg(where),
                         url);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(options.maxRedirects);
    for (const auto& [name, value] : options.headers) request.setRawHeader(name, value);
    QNetworkReply* reply =
        networkManager().sendCustomRequest(request, options.method, options.body);
    // Owned by this frame. Its lambdas point into the frame, so they are cut
    // before the frame goes; deleteLater lets a signal in delivery finish.
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> owner(reply, [](QNetworkReply* r) {
        r->disconnect();
        r->deleteLater();
    });

    bool tooLarge = false;
    bool timedOut = false;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [&, reply](qint64 received, qint64 total) {
                         if (received > options.maxBytes || total > options.maxBytes) {
                             tooLarge = true;
                             reply->abort();
                         }
                     });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, [&, reply] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(options.timeout);

    co_await ReplyAwaiter(reply);

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool failed = reply->error() != QNetworkReply::NoError;
    const bool httpError = failed && status.isValid() &&
                           reply->error() >= QNetworkReply::ContentAccessDenied &&
                           reply->error() != QNetworkReply::TooManyRedirectsError;
    if ((failed && !httpError) || tooLarge || timedOut)
        throw FetchError(QStringLiteral("fetch %1: %2")
                             .arg(where, describeNetworkError(reply, options, timedOut, tooLarge)),
                         url);
    Response response;
    response.status = status.toInt();
    response.statusText = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    response.url = reply->url();
    for (const auto& pair : reply->rawHeaderPairs())
        response.headers.append({pair.first, pair.second});
    response.body = reply->readAll();
    const QByteArray declared = response.header("Content-Length");
    if (!declared.isEmpty() && declared.toLongLong() > response.body.size() &&
        options.method != "HEAD")
        throw FetchError(QStringLiteral("fetch %1: truncated response: got %2 of %3 bytes")
                             .arg(where)
                             .arg(response.body.size())
                             .arg(QString::fromLatin1(declared)),
                         url);
    co_return response;
}

}  // namespace qpanel
