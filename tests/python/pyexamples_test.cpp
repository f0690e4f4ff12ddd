// The Python acceptance examples (resources/examples/*.py, copies of
// shared/examples/python) run unmodified, with the JS twins' behaviour.
#include <QFile>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "common/imagebytes.h"
#include "plots/chartpane.h"
#include "pysession.h"
#include "widgets/button.h"
#include "widgets/panes/reactivepane.h"

using namespace std::chrono_literals;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

namespace {

QString exampleFile(const char* name) {
    return QStringLiteral(QPANEL_EXAMPLES_DIR "/") + QLatin1String(name);
}

qpanel::ColumnDataSource* sourceOf(qpanel::Component* pane) {
    auto* chart = qobject_cast<qpanel::ChartPane*>(pane);
    if (!chart || !chart->figure() || chart->figure()->lines().isEmpty()) return nullptr;
    return chart->figure()->lines().front().source.data();
}

}  // namespace

TEST(PythonExamples, AsyncButtonShowsRunningThenFinishedForThreeClicks) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("async_button.py"))) << s.firstError();
    ASSERT_EQ(s.roots().size(), 1) << "the last expression is shown (notebook style)";
    auto* button = s.child<qpanel::Button>(0);
    qpanel::Component* text = s.child(1);
    ASSERT_NE(button, nullptr);
    ASSERT_NE(text, nullptr);
    QStringList shown;
    QObject::connect(text, &qpanel::Parameterized::paramChanged, text,
                     [&](const QString& name, const QVariant& v) {
                         if (name == QLatin1String("value")) shown << v.toString();
                     });
    button->click();
    button->click();
    button->click();
    EXPECT_EQ(text->get("value").toString(), QStringLiteral("Running 3")) << "at once";
    EXPECT_EQ(qpanel::Runtime::instance().tasks().countOwnedBy(s.session.document()), 3);
    ASSERT_TRUE(waitUntil([&] { return shown.size() == 6; }, 10s)) << s.firstError();
    EXPECT_EQ(shown, (QStringList{"Running 1", "Running 2", "Running 3", "Finished 1", "Finished 2",
                                  "Finished 3"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonExamples, StreamingChartGainsFivePointsPerClickUnderTheLock) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("streaming_chart.py"))) << s.firstError();
    auto* button = s.child<qpanel::Button>(0);
    ASSERT_NE(button, nullptr);
    qpanel::ColumnDataSource* cds = sourceOf(s.child(1));
    ASSERT_NE(cds, nullptr);
    EXPECT_EQ(cds->rowCount(), 1);
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 6; }, 5s)) << s.firstError();
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 11; }, 5s)) << s.firstError();
    EXPECT_EQ(cds->column("x"), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonExamples, StreamingWithoutWithLockIsRefusedNamingItAndChangesNothing) {
    QFile file(exampleFile("streaming_chart.py"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(file.readAll());
    ASSERT_TRUE(source.contains("@pn.io.with_lock\n"));
    source.replace("@pn.io.with_lock\n", "\n");  // same line numbers
    PySession s;
    ASSERT_TRUE(s.session.run(source, QStringLiteral("/app/unlocked.py"))) << s.firstError();
    auto* button = s.child<qpanel::Button>(0);
    qpanel::ColumnDataSource* cds = sourceOf(s.child(1));
    ASSERT_NE(cds, nullptr);
    button->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s));
    EXPECT_TRUE(s.errors[0].message.contains("pn.io.with_lock")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.line, 22) << s.firstError();  // cds.stream(...)
    EXPECT_EQ(cds->rowCount(), 1);
}

TEST(PythonExamples, PeriodicAppStreamsStopsOnTheToggleAndResumes) {
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("periodic_and_execute.py"))) << s.firstError();
    ASSERT_EQ(s.roots().size(), 1);
    auto* column = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    ASSERT_NE(column, nullptr);
    auto* row = qobject_cast<qpanel::ListLayout*>(column->objects().at(0));
    ASSERT_NE(row, nullptr);
    qpanel::Component* toggle = row->objects().at(0);
    qpanel::Component* status = row->objects().at(1);
    qpanel::ColumnDataSource* cds = sourceOf(column->objects().at(1));
    ASSERT_NE(cds, nullptr);
    ASSERT_TRUE(
        waitUntil([&] { return status->get("value").toString() == "streaming every 250 ms"; }, 5s))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= 2; }, 5s)) << s.firstError();
    toggle->set("value", false);
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s));
    const auto stopped = cds->rowCount();
    QTest::qWait(600);  // a stopped callback would have ticked twice
    EXPECT_EQ(cds->rowCount(), stopped);
    toggle->set("value", true);
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= stopped + 2; }, 5s));
    EXPECT_EQ(cds->column("t").front(), 0);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

namespace {

/// A distinct JPEG per index, served at /img/<index>.
QByteArray jpeg(int index) {
    return qpanel::test::solidImageBytes(QSize(64, 32),
                                         QColor::fromHsv((index * 36) % 360, 200, 220));
}

void serveImages(qpanel::test::HttpTestServer& server, QMap<int, int> delays = {}) {
    server.fallback([delays](const QString& path) {
        const int index = path.section('/', -1).toInt();
        return qpanel::test::HttpReply{
            .body = jpeg(index), .contentType = "image/jpeg", .delayMs = delays.value(index, 0)};
    });
}

/// Points the examples' QPANEL_IMAGE_URL at `server` for one test.
struct ImageUrl {
    explicit ImageUrl(const qpanel::test::HttpTestServer& server) {
        qputenv("QPANEL_IMAGE_URL", (server.url("/img/").toString() + "{index}").toUtf8());
    }
    ~ImageUrl() { qunsetenv("QPANEL_IMAGE_URL"); }
};

}  // namespace

// Real aiohttp on qpanel's loop, against a local server.
TEST(PythonExamples, BindImageShowsTheLatestImageWhateverFinishesLast) {
    qpanel::test::HttpTestServer server;
    serveImages(server, {{2, 600}});
    ImageUrl url(server);
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("async_bind_image.py"))) << s.firstError();
    qpanel::Component* slider = s.child(0);
    auto* pane = s.child<qpanel::ReactivePane>(1);
    ASSERT_NE(pane, nullptr);
    pane->view();  // shown: the reactive runs
    ASSERT_TRUE(waitUntil([&] { return pane->rendered() != nullptr; }, 10s))
        << s.firstError() << " reactive error '" << pane->reactive()->error().toStdString()
        << "' requests " << server.requests();
    slider->set("value", 1);
    slider->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return server.requestedPaths().contains("/img/2"); }, 10s));
    slider->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle() && !pane->reactive()->loading(); }, 10s));
    ASSERT_NE(pane->rendered(), nullptr);
    EXPECT_EQ(pane->rendered()->typeName(), QStringLiteral("JPG"));
    EXPECT_EQ(pane->rendered()->get("object").toByteArray(), jpeg(3));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonExamples, WatchImageSetsTheImageWhenTheRequestCompletes) {
    qpanel::test::HttpTestServer server;
    serveImages(server);
    ImageUrl url(server);
    PySession s;
    ASSERT_TRUE(s.session.load(exampleFile("async_watch_image.py"))) << s.firstError();
    qpanel::Component* slider = s.child(0);
    qpanel::Component* image = s.child(1);
    ASSERT_NE(image, nullptr);
    for (int index : {4, 7}) {
        slider->set("value", index);
        ASSERT_TRUE(
            waitUntil([&] { return image->get("object").toByteArray() == jpeg(index); }, 10s))
            << s.firstError() << "; requests " << server.requests();
    }
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}
