#pragma once
// HTTP(S) and local-file fetches for tasks (Panel apps use aiohttp; scripts
// get pn.fetch): cancellable, with a timeout, a redirect limit and a body
// size limit. Network failures throw FetchError naming the URL; HTTP error
// statuses are responses (check ok()), as with WHATWG fetch.
//
//   qpanel::Response r = co_await qpanel::fetch(QUrl("http://127.0.0.1:8080/a.png"));
//   if (r.ok()) image.loadFromData(r.body);

#include <QByteArray>
#include <QCoro/QCoroTask>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <stdexcept>

namespace qpanel {

class FetchError : public std::runtime_error {
public:
    FetchError(const QString& message, QUrl url)
        : std::runtime_error(message.toStdString()), url_(std::move(url)) {}
    const QUrl& url() const { return url_; }

private:
    QUrl url_;
};

struct FetchOptions {
    QByteArray method = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::chrono::milliseconds timeout{30'000};  ///< whole request, redirects included
    qint64 maxBytes = 64 * 1024 * 1024;
    int maxRedirects = 10;
    /// file: URLs (and relative paths) are allowed only inside this folder;
    /// empty forbids files altogether.
    QString fileRoot;
};

struct Response {
    int status = 0;
    QString statusText;
    QUrl url;  ///< after redirects
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool ok() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray& name) const;
};

/// Fetches `url` (http, https, or a file under options.fileRoot).
QCoro::Task<Response> fetch(QUrl url, FetchOptions options);

/// With default options. Not a defaulted parameter: GCC 12 destroyed a
/// defaulted by-value coroutine argument too early (Qt Network then read a
/// freed QByteArray); an ordinary function building the options avoids it.
QCoro::Task<Response> fetch(QUrl url);

/// How a URL is shown in errors, console lines and task origins: without
/// user info or fragment, every query value replaced by "…" (the names stay),
/// so no secret a URL carries is shown:
///   http://me:pw@host/data?api_key=S&page=1  ->  http://host/data?api_key=…&page=…
QString displayUrl(const QUrl& url);

}  // namespace qpanel
