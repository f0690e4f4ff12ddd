// Image panes over a local HTTP server: latest wins for a slider-bound
// fetch; network and decode failures show in the pane, naming the URL.
#include "widgets/panes/image.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QPushButton>
#include <QSlider>
#include <QTest>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/fetch.h"
#include "core/reactive.h"
#include "widgets/button.h"
#include "widgets/intslider.h"
#include "widgets/layouts/column.h"
#include "widgets/panes/errorbox.h"
#include "widgets/panes/imageview.h"
#include "widgets/panes/reactivepane.h"

using namespace std::chrono_literals;
using qpanel::test::HttpReply;
using qpanel::test::HttpTestServer;
using qpanel::test::waitUntil;

namespace {
QColor colourFor(int index) {
    return QColor::fromHsv((index * 70) % 360, 200, 220);
}

QByteArray pngFor(int index) {
    QImage image(80, 40, QImage::Format_RGB32);
    image.fill(colourFor(index));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// /img/N serves image N; image 2 takes far longer than the others.
void serveImages(HttpTestServer& server) {
    server.fallback([](const QString& path) {
        const int index = path.section('/', -1).toInt();
        return HttpReply{200, pngFor(index), "image/png", index == 2 ? 800 : 30};
    });
}

bool shows(qpanel::Image* pane, int index) {
    return pane && !pane->image().isNull() && pane->image().pixel(5, 5) == colourFor(index).rgb();
}
}  // namespace

TEST(ImagePane, SliderBoundFetchEndsShowingTheLatestImage) {
    HttpTestServer server;
    serveImages(server);
    auto* slider = new qpanel::IntSlider({{"start", 0}, {"end", 10}, {"value", 1}});
    auto getImage = [&server](int index) -> QCoro::Task<QVariant> {
        const QUrl url = server.url(QString("/img/%1").arg(index));
        const qpanel::Response r = co_await qpanel::fetch(url);
        co_return QVariant::fromValue(new qpanel::PNG(r.body));
    };
    qpanel::Column column({slider, qpanel::bind(getImage, slider)});  // as pn.bind(get_img, widget)
    auto* pane = qobject_cast<qpanel::ReactivePane*>(column.objects().at(1));
    ASSERT_NE(pane, nullptr);
    column.view()->resize(400, 300);
    column.view()->show();

    auto current = [&] { return qobject_cast<qpanel::Image*>(pane->rendered()); };
    ASSERT_TRUE(waitUntil([&] { return shows(current(), 1); }));

    auto* qslider = column.view()->findChild<QSlider*>();
    qslider->setFocus();
    QTest::keyClick(qslider, Qt::Key_Right);  // 2: the slow one
    EXPECT_TRUE(pane->get("loading").toBool());
    ASSERT_TRUE(waitUntil([&] { return server.requestedPaths().contains("/img/2"); }));
    QTest::keyClick(qslider, Qt::Key_Right);  // 3
    EXPECT_EQ(slider->get("value").toInt(), 3);
    ASSERT_TRUE(waitUntil([&] { return shows(current(), 3); }));
    EXPECT_FALSE(pane->get("loading").toBool());
    // Once no task is left, the run for 2 can no longer land (it was cancelled or dropped).
    ASSERT_TRUE(waitUntil([] { return !qpanel::Runtime::instance().busy(); }));
    EXPECT_TRUE(shows(current(), 3)) << "a stale result replaced the latest one";
}

TEST(ImagePane, LatestObjectWinsWhenUrlsChangeQuickly) {
    HttpTestServer server;
    serveImages(server);
    qpanel::PNG pane;
    pane.set("object", server.url("/img/2").toString());
    EXPECT_TRUE(pane.get("loading").toBool());
    pane.set("object", server.url("/img/3").toString());
    ASSERT_TRUE(waitUntil([&] { return shows(&pane, 3); }));
    EXPECT_FALSE(pane.get("loading").toBool());
}

TEST(ImagePane, BytesAreDecodedAndScaledKeepingAspectRatio) {
    qpanel::JPG pane(pngFor(4));
    EXPECT_TRUE(shows(&pane, 4));
    auto* view = qobject_cast<qpanel::ImageView*>(pane.view());
    view->resize(40, 100);
    EXPECT_EQ(view->imageRect().size(), QSize(40, 20));
    EXPECT_EQ(view->heightForWidth(40), 20);
    EXPECT_EQ(view->heightForWidth(400), 40) << "never scaled above its natural size";
}

struct FailureCase {
    const char* name;
    HttpReply reply;
    const char* expected;  ///< part of the message besides the URL
};

void PrintTo(const FailureCase& c, std::ostream* os) {
    *os << c.name;
}

class ImageFailure : public ::testing::TestWithParam<FailureCase> {};

TEST_P(ImageFailure, ShowsAnErrorNamingTheUrlAndOtherWidgetsKeepWorking) {
    HttpTestServer server;
    server.route("/broken", GetParam().reply);
    auto* button = new qpanel::Button;
    auto* image = new qpanel::Image;
    qpanel::Image& pane = *image;
    pane.setFetchOptions({.timeout = 400ms});
    qpanel::Column column({button, image});
    column.view()->show();
    const QString url = server.url("/broken").toString();
    pane.set("object", url);
    QTest::mouseClick(column.view()->findChild<QPushButton*>(), Qt::LeftButton);
    EXPECT_EQ(button->get("clicks").toInt(), 1) << "input works while the fetch is pending";
    ASSERT_TRUE(waitUntil([&] { return !pane.error().isEmpty(); }, 5s));
    EXPECT_TRUE(pane.error().contains(url)) << pane.error().toStdString();
    EXPECT_TRUE(pane.error().contains(GetParam().expected, Qt::CaseInsensitive))
        << pane.error().toStdString();
    EXPECT_TRUE(pane.image().isNull());
    auto* box = pane.view()->findChild<qpanel::ErrorBox*>();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_EQ(box->text(), pane.error());
    EXPECT_FALSE(pane.get("loading").toBool());
}

INSTANTIATE_TEST_SUITE_P(
    Network, ImageFailure,
    ::testing::Values(FailureCase{"NotFound", HttpReply{404, "missing", "text/plain"}, "404"},
                      FailureCase{"Timeout", HttpReply{.stall = true}, "400 ms"},
                      FailureCase{"Garbage", HttpReply{200, "definitely not a PNG", "image/png"},
                                  "could not decode"},
                      FailureCase{"Truncated", HttpReply{.body = pngFor(1), .truncateAt = 30},
                                  "closed the connection"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ImagePane, RefusedConnectionShowsAnErrorNamingTheUrl) {
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const QString url = QString("http://127.0.0.1:%1/a.png").arg(closed.serverPort());
    closed.close();
    qpanel::Image pane(url);
    ASSERT_TRUE(waitUntil([&] { return !pane.error().isEmpty(); }, 5s));
    EXPECT_TRUE(pane.error().contains(url));
    EXPECT_TRUE(pane.error().contains("refused"));
}

TEST(ImagePane, BytesThatAreNotAnImageShowAnErrorNotAnException) {
    qpanel::JPG pane(QByteArray("garbage"));
    EXPECT_TRUE(pane.error().contains("could not decode image data (7 bytes)"))
        << pane.error().toStdString();
    pane.set("object", pngFor(1));
    EXPECT_TRUE(pane.error().isEmpty());
    EXPECT_TRUE(shows(&pane, 1));
}

TEST(ImagePane, DeletingThePaneWhileFetchingCancelsTheFetch) {
    HttpTestServer server;
    server.route("/slow", HttpReply{.stall = true});
    auto* pane = new qpanel::Image(server.url("/slow"));
    ASSERT_TRUE(qpanel::Runtime::instance().busy());
    delete pane;
    EXPECT_TRUE(waitUntil([] { return !qpanel::Runtime::instance().busy(); }, 2s));
}

TEST(ReactivePane, ShowsTheExceptionOfTheLatestRunInThePane) {
    auto* slider = new qpanel::IntSlider({{"end", 5}});
    auto fn = [](int v) -> QCoro::Task<QVariant> {
        co_await qpanel::yield();
        if (v == 1) throw std::runtime_error("no image for 1");
        co_return QVariant(QString("value %1").arg(v));
    };
    qpanel::Column column({slider, qpanel::bind(fn, slider)});
    auto* pane = qobject_cast<qpanel::ReactivePane*>(column.objects().at(1));
    column.view()->show();
    ASSERT_TRUE(waitUntil([&] { return pane->rendered() != nullptr; }));
    slider->set("value", 1);
    ASSERT_TRUE(waitUntil([&] { return !pane->error().isEmpty(); }));
    EXPECT_TRUE(pane->error().contains("no image for 1"));
    auto* box = pane->view()->findChild<qpanel::ErrorBox*>();
    EXPECT_TRUE(box->isVisible());
    slider->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return pane->error().isEmpty(); }));
    EXPECT_FALSE(box->isVisible());
    EXPECT_EQ(pane->rendered()->get("object").toString(), "value 2");
}

// The pane's error and its fetch task's origin show the URL without the
// secrets it carries (user info, query values).
TEST(ImagePane, ErrorsAndTaskOriginsHideTheUrlsSecrets) {
    HttpTestServer server;
    server.route("/slow.png?api_key=S3CRET&size=2",
                 HttpReply{.body = "not an image", .delayMs = 300});
    QUrl url = server.url("/slow.png");
    url.setUserInfo("me:pa55");
    url.setQuery("api_key=S3CRET&size=2");
    const QString shown = server.url("/slow.png").toString() + "?api_key=…&size=…";
    qpanel::Image pane(url.toString());
    QStringList origins;
    for (const qpanel::TaskInfo& task : qpanel::Runtime::instance().tasks().snapshot())
        origins << task.origin;
    EXPECT_TRUE(origins.contains("Image fetch " + shown)) << origins.join('|').toStdString();
    ASSERT_TRUE(waitUntil([&] { return !pane.error().isEmpty(); }, 5s));
    EXPECT_TRUE(pane.error().contains(shown)) << pane.error().toStdString();
    EXPECT_TRUE(pane.error().contains("could not decode")) << pane.error().toStdString();
    EXPECT_FALSE(pane.error().contains("S3CRET") || pane.error().contains("pa55"))
        << pane.error().toStdString();
}
