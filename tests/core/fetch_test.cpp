#include "core/fetch.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <optional>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/runtime.h"

using namespace std::chrono_literals;
using qpanel::FetchOptions;
using qpanel::Response;
using qpanel::Runtime;
using qpanel::test::HttpReply;
using qpanel::test::HttpTestServer;
using qpanel::test::waitUntil;

namespace {
/// Runs one fetch as a task; returns the response or the error text.
struct Outcome {
    std::optional<Response> response;
    QString error;
    bool done = false;
    quint64 task = 0;
};

std::shared_ptr<Outcome> start(QUrl url, FetchOptions options = {}) {
    auto outcome = std::make_shared<Outcome>();
    outcome->task = Runtime::instance().spawn([outcome, url, options]() -> QCoro::Task<> {
        try {
            outcome->response = co_await qpanel::fetch(url, options);
        } catch (const qpanel::FetchError& e) {
            outcome->error = QString::fromUtf8(e.what());
        }
        outcome->done = true;
    });
    return outcome;
}

Outcome run(QUrl url, FetchOptions options = {}) {
    auto outcome = start(url, options);
    EXPECT_TRUE(waitUntil([&] { return outcome->done; }, 20s));
    return *outcome;
}
}  // namespace

TEST(Fetch, ReturnsStatusHeadersAndBody) {
    HttpTestServer server;
    server.route("/data", {.body = "hello", .contentType = "text/plain"});
    const Outcome o = run(server.url("/data"));
    ASSERT_TRUE(o.response) << o.error.toStdString();
    EXPECT_TRUE(o.response->ok());
    EXPECT_EQ(o.response->status, 200);
    EXPECT_EQ(o.response->statusText, QStringLiteral("OK"));
    EXPECT_EQ(o.response->body, QByteArray("hello"));
    EXPECT_EQ(o.response->header("content-type"), QByteArray("text/plain"));
}

TEST(Fetch, HttpErrorStatusesAreResponsesNotExceptions) {
    HttpTestServer server;
    server.route("/boom", {.status = 500, .body = "oops"});
    const Outcome missing = run(server.url("/missing"));
    ASSERT_TRUE(missing.response);
    EXPECT_FALSE(missing.response->ok());
    EXPECT_EQ(missing.response->status, 404);
    EXPECT_EQ(missing.response->statusText, QStringLiteral("Not Found"));
    const Outcome boom = run(server.url("/boom"));
    ASSERT_TRUE(boom.response);
    EXPECT_EQ(boom.response->status, 500);
    EXPECT_EQ(boom.response->body, QByteArray("oops"));
}

TEST(Fetch, RefusedConnectionNamesTheUrl) {
    QUrl url;
    {
        HttpTestServer server;
        url = server.url("/x");
    }  // closed: nothing listens there now
    const Outcome o = run(url);
    EXPECT_EQ(o.error, QStringLiteral("fetch %1: connection refused").arg(url.toString()));
}

TEST(Fetch, AStalledServerTimesOutWithinTheTimeout) {
    HttpTestServer server;
    server.route("/stall", {.stall = true});
    QElapsedTimer clock;
    clock.start();
    const Outcome o = run(server.url("/stall"), {.timeout = 300ms});
    EXPECT_EQ(o.error, QStringLiteral("fetch %1: no complete response within 300 ms")
                           .arg(server.url("/stall").toString()));
    EXPECT_LT(clock.elapsed(), 3000);
}

TEST(Fetch, ASlowDripPastTheTimeoutIsCutAndOneWithinItSucceeds) {
    HttpTestServer server;
    server.route("/drip", {.body = QByteArray(100, 'x'), .dripBytes = 10, .dripIntervalMs = 60});
    EXPECT_TRUE(run(server.url("/drip"), {.timeout = 250ms})
                    .error.contains("no complete response within 250 ms"));
    const Outcome ok = run(server.url("/drip"), {.timeout = 5s});
    ASSERT_TRUE(ok.response) << ok.error.toStdString();
    EXPECT_EQ(ok.response->body.size(), 100);
}

TEST(Fetch, ATruncatedBodyIsAnError) {
    HttpTestServer server;
    server.route("/short", {.body = QByteArray(1000, 'x'), .truncateAt = 400});
    const Outcome o = run(server.url("/short"));
    EXPECT_TRUE(
        o.error.startsWith(QStringLiteral("fetch %1: ").arg(server.url("/short").toString())))
        << o.error.toStdString();
    EXPECT_FALSE(o.response.has_value());
    EXPECT_TRUE(o.error.contains("closed the connection") || o.error.contains("truncated"))
        << o.error.toStdString();
}

TEST(Fetch, AnOversizedBodyIsAnError) {
    HttpTestServer server;
    server.route("/big", {.body = QByteArray(50'000, 'x')});
    const Outcome o = run(server.url("/big"), {.maxBytes = 10'000});
    EXPECT_EQ(o.error, QStringLiteral("fetch %1: response body is larger than the 10000-byte limit")
                           .arg(server.url("/big").toString()));
}

TEST(Fetch, RedirectsAreFollowedUpToTheLimit) {
    HttpTestServer server;
    server.route("/old", {.status = 302, .location = server.url("/new").toEncoded()});
    server.route("/new", {.body = "moved"});
    server.route("/loop", {.status = 302, .location = server.url("/loop").toEncoded()});
    const Outcome moved = run(server.url("/old"));
    ASSERT_TRUE(moved.response) << moved.error.toStdString();
    EXPECT_EQ(moved.response->body, QByteArray("moved"));
    EXPECT_EQ(moved.response->url, server.url("/new"));
    EXPECT_TRUE(
        run(server.url("/loop"), {.maxRedirects = 3}).error.contains("more than 3 redirects"));
}

TEST(Fetch, CancellingTheTaskAbortsTheRequestAtOnce) {
    HttpTestServer server;
    server.route("/stall", {.stall = true});
    auto outcome = start(server.url("/stall"));
    ASSERT_TRUE(waitUntil([&] { return server.requests() == 1; }));
    EXPECT_TRUE(Runtime::instance().tasks().cancel(outcome->task));
    EXPECT_FALSE(Runtime::instance().tasks().contains(outcome->task));
    EXPECT_FALSE(outcome->done) << "the coroutine unwound instead of resuming";
}

TEST(Fetch, FilesOnlyInsideTheRootFolder) {
    QTemporaryDir root, elsewhere;
    QFile inside(root.filePath("data.txt"));
    ASSERT_TRUE(inside.open(QIODevice::WriteOnly));
    inside.write("local");
    inside.close();
    QFile outside(elsewhere.filePath("secret.txt"));
    ASSERT_TRUE(outside.open(QIODevice::WriteOnly));
    outside.close();
    const FetchOptions options{.fileRoot = root.path()};
    const Outcome relative = run(QUrl("data.txt"), options);
    ASSERT_TRUE(relative.response) << relative.error.toStdString();
    EXPECT_EQ(relative.response->body, QByteArray("local"));
    EXPECT_TRUE(run(QUrl::fromLocalFile(outside.fileName()), options)
                    .error.contains("only files inside the script's folder"));
    EXPECT_TRUE(run(QUrl("../" + QFileInfo(elsewhere.path()).fileName() + "/secret.txt"), options)
                    .error.contains("fetch"));
    EXPECT_TRUE(
        run(QUrl::fromLocalFile(inside.fileName())).error.contains("file access is not allowed"));
    EXPECT_TRUE(run(QUrl("ftp://127.0.0.1/x")).error.contains("only http, https"));
}

TEST(Fetch, DefaultOptionsInsideACoroutineLambdaAreSafe) {
    // GCC 12 freed a defaulted coroutine argument too early (the method
    // string was read after free inside Qt Network); ASan/valgrind catch it.
    HttpTestServer server;
    server.route("/data", {.body = "hello"});
    QByteArray body;
    Runtime::instance().spawn([&]() -> QCoro::Task<> {
        const Response response = co_await qpanel::fetch(server.url("/data"));  // all temporaries
        body = response.body;
    });
    ASSERT_TRUE(waitUntil([&] { return !body.isEmpty(); }));
    EXPECT_EQ(body, QByteArray("hello"));
}

// URLs carry secrets (user info, API keys in the query, OAuth tokens in the
// fragment): what qpanel shows keeps the query's names and hides the rest.
TEST(Fetch, DisplayUrlHidesUserInfoTheFragmentAndEveryQueryValue) {
    const auto displayUrl = [](const QUrl& url) { return qpanel::displayUrl(url).toStdString(); };
    EXPECT_EQ(displayUrl(QUrl("http://127.0.0.1:9/data?api_key=S3CRET&page=1")),
              "http://127.0.0.1:9/data?api_key=…&page=…");
    EXPECT_EQ(displayUrl(QUrl("https://me:pa55@example.com/a/b?token=S3CRET#access_token=T0KEN")),
              "https://example.com/a/b?token=…");
    EXPECT_EQ(displayUrl(QUrl("http://example.com/?S3CRET&empty=&x=a%26b%3Dc")),
              "http://example.com/?…&empty=…&x=…");
    EXPECT_EQ(displayUrl(QUrl("http://example.com/plain/path")), "http://example.com/plain/path");
    EXPECT_EQ(displayUrl(QUrl::fromLocalFile("/srv/data.json")), "file:///srv/data.json");
}

TEST(Fetch, ErrorsNameTheUrlWithoutItsSecrets) {
    QUrl base;
    {
        HttpTestServer server;
        base = server.url("/data");
    }  // closed: refused from now on
    QUrl url(QStringLiteral("http://me:pa55@127.0.0.1:%1/data?api_key=S3CRET&page=1#frag")
                 .arg(base.port()));
    const Outcome refused = run(url);
    EXPECT_EQ(refused.error.toStdString(),
              QStringLiteral("fetch http://127.0.0.1:%1/data?api_key=…&page=…: connection refused")
                  .arg(base.port())
                  .toStdString());

    HttpTestServer server;
    // Routes match the query too.
    server.route("/stall?api_key=S3CRET", {.stall = true});
    // 407 is an error Qt words itself: nothing of the URL may come back in its text.
    server.route("/proxy?api_key=S3CRET", {.status = 407, .body = "who are you"});
    for (const QString& path : {QStringLiteral("/stall"), QStringLiteral("/proxy")}) {
        QUrl secret = server.url(path);
        secret.setUserInfo(QStringLiteral("me:pa55"));
        secret.setQuery(QStringLiteral("api_key=S3CRET"));
        const Outcome o = run(secret, {.timeout = 300ms});
        const QString text = o.error.isEmpty() && o.response
                                 ? QStringLiteral("status %1").arg(o.response->status)
                                 : o.error;
        EXPECT_FALSE(text.contains("S3CRET") || text.contains("pa55")) << text.toStdString();
        if (!o.error.isEmpty()) {
            EXPECT_TRUE(o.error.startsWith(
                QStringLiteral("fetch %1?api_key=…: ").arg(server.url(path).toString())))
                << o.error.toStdString();
        }
    }
}
