#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for tests: per-path canned replies
// with delays and faults (stall, truncated body, slow drip, close).
//
//   HttpTestServer server;
//   server.route("/img/2", {.body = png, .delayMs = 300});
//   QUrl url = server.url("/img/2");

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <functional>

namespace qpanel::test {

struct HttpReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/octet-stream";
    int delayMs = 0;         ///< before the response starts
    bool stall = false;      ///< never answer
    qint64 truncateAt = -1;  ///< send this many body bytes, then close
    int dripBytes = 0;       ///< send the body this many bytes at a time...
    int dripIntervalMs = 0;  ///< ...this far apart
    QByteArray location;     ///< for redirects
};

class HttpTestServer : public QTcpServer {
public:
    HttpTestServer() {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) serve(socket);
        });
    }

    void route(const QString& path, HttpReply reply) { routes_.insert(path, std::move(reply)); }
    /// Computes replies on demand (path without the query) — e.g. image per index.
    void fallback(std::function<HttpReply(const QString& path)> handler) {
        fallback_ = std::move(handler);
    }
    QUrl url(const QString& path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    int requests() const { return requests_; }
    QStringList requestedPaths() const { return paths_; }

private:
    void serve(QTcpSocket* socket) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n")) return;
            const QList<QByteArray> requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
            buffer->clear();
            const QString path =
                requestLine.size() > 1 ? QString::fromUtf8(requestLine[1]) : QString();
            ++requests_;
            paths_.append(path);
            HttpReply reply;
            if (routes_.contains(path))
                reply = routes_.value(path);
            else if (fallback_)
                reply = fallback_(path.section(QLatin1Char('?'), 0, 0));
            else
                reply = HttpReply{404, "not found", "text/plain"};
            if (reply.stall) return;
            QTimer::singleShot(reply.delayMs, socket, [socket, reply] { respond(socket, reply); });
        });
    }

    static QByteArray reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 302:
                return "Found";
            case 404:
                return "Not Found";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status";
        }
    }

    static void respond(QTcpSocket* socket, const HttpReply& reply) {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' +
                          reason(reply.status) + "\r\nContent-Type: " + reply.contentType +
                          "\r\nContent-Length: " + QByteArray::number(reply.body.size()) +
                          "\r\nConnection: close\r\n";
        if (!reply.location.isEmpty()) head += "Location: " + reply.location + "\r\n";
        socket->write(head + "\r\n");
        if (reply.truncateAt >= 0) {
            socket->write(reply.body.left(reply.truncateAt));
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        if (reply.dripBytes <= 0) {
            socket->write(reply.body);
            socket->disconnectFromHost();
            return;
        }
        auto offset = std::make_shared<qint64>(0);
        auto* timer = new QTimer(socket);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, offset, reply] {
            socket->write(reply.body.mid(*offset, reply.dripBytes));
            *offset += reply.dripBytes;
            if (*offset >= reply.body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(reply.dripIntervalMs);
    }

    QHash<QString, HttpReply> routes_;
    std::function<HttpReply(const QString&)> fallback_;
    int requests_ = 0;
    QStringList paths_;
};

/// A local port nothing listens on (just freed): connecting is refused.
inline int closedLocalPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

}  // namespace qpanel::test
