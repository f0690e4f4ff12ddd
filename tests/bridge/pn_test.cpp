// The `pn` API end to end: app scripts build real components, their async
// callbacks run as tasks, and bad calls are errors at the user's line.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/periodiccallback.h"
#include "plots/chartpane.h"
#include "plots/columndatasource.h"
#include "pnsession.h"
#include "widgets/button.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/panes/image.h"
#include "widgets/panes/reactivepane.h"
#include "widgets/servable.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::ScriptError;
using qpanel::ScriptSession;
using qpanel::test::Session;
using qpanel::test::waitUntil;

namespace {

QString exampleFile(const QString& name) {
    return QStringLiteral(QPANEL_EXAMPLES_DIR "/") + name;
}

}  // namespace

TEST(PnApi, TheSeedAsyncButtonExampleRunsUnmodified) {
    Session s;
    ASSERT_TRUE(s.session.load(exampleFile("async_button.js")));
    ASSERT_EQ(s.roots().size(), 1);
    auto* row = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    ASSERT_NE(row, nullptr);
    auto* button = qobject_cast<qpanel::Button*>(row->objects().at(0));
    auto* text = row->objects().at(1);
    ASSERT_NE(button, nullptr);
    QStringList shown;
    QObject::connect(text, &qpanel::Parameterized::paramChanged, text,
                     [&](const QString& name, const QVariant& v) {
                         if (name == QLatin1String("value")) shown << v.toString();
                     });
    button->click();
    button->click();
    button->click();
    EXPECT_EQ(text->get("value").toString(), QStringLiteral("Running 3")) << "at once";
    EXPECT_EQ(Runtime::instance().tasks().countOwnedBy(s.session.document()), 3);
    ASSERT_TRUE(waitUntil([&] { return shown.size() == 6; }, 10s));
    EXPECT_EQ(shown, (QStringList{"Running 1", "Running 2", "Running 3", "Finished 1", "Finished 2",
                                  "Finished 3"}));
    EXPECT_TRUE(s.errors.isEmpty());
}

TEST(PnApi, ParamsAreProperties) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const slider = pn.widgets.IntSlider({name: 'Speed', start: 0, end: 10, value: 3});\n"
            "slider.value += 2;\n"
            "console.log(slider.name, slider.value, slider.end);\n"
            "const w = slider.param.watch((e) => console.log(e.name, e.old, e.new, e.obj === "
            "slider), 'value');\n"
            "slider.value = 9;\n"
            "slider.param.unwatch(w);\n"
            "slider.value = 1;\n"),
        QStringLiteral("/app/props.js")));
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 2; }));
    EXPECT_EQ(s.log, (QStringList{"Speed 5 10", "value 5 9 true"}));
}

// As in param, a watcher runs inside the set; only an async one that
// awaits becomes a task (listed, cancellable), from its first await on.
TEST(PnApi, ASyncWatcherRunsInsideTheSetAndOnlyAnAwaitingOneBecomesATask) {
    Session s;
    QSignalSpy started(&Runtime::instance().tasks(), &qpanel::TaskRegistry::taskStarted);
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({name: 'Speed', start: 0, end: 10});\n"
                       "slider.param.watch((e) => console.log('sync ' + e.new), 'value');\n"
                       "slider.param.watch(async (e) => {\n"
                       "  console.log('async start ' + e.new);\n"
                       "  await pn.sleep(20);\n"
                       "  console.log('async end ' + e.new);\n"
                       "}, 'value');\n"
                       "slider.param.watch((e) => { if (e.new === 7) throw new RangeError('too "
                       "fast'); }, 'value');\n"
                       "slider.value = 4;\n"
                       "console.log('after set');\n"
                       "pn.Column(slider).servable();\n"),
        QStringLiteral("/app/watch.js")));
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 4; }));
    EXPECT_EQ(s.log, (QStringList{"sync 4", "async start 4", "after set", "async end 4"}));
    ASSERT_EQ(started.size(), 1);
    EXPECT_EQ(started[0][1].toString(), QStringLiteral("IntSlider 'Speed'.param.watch(value)"));

    auto* slider = s.child(0);
    ASSERT_NE(slider, nullptr);
    slider->set(QStringLiteral("value"), 7);  // the third watcher throws; the others still run
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 7 && !s.errors.isEmpty(); }))
        << s.firstError();
    EXPECT_EQ(s.log.mid(4), (QStringList{"sync 7", "async start 7", "async end 7"}));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.line, 8) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains(QStringLiteral("RangeError: too fast")))
        << s.firstError();
}

TEST(PnApi, ExclusiveOnClickCancelsThePreviousRun) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const b = pn.widgets.Button({name: 'Go'});\n"
                       "b.on_click(async (e) => {\n"
                       "  try { await pn.sleep(100); console.log('done ' + e.new); }\n"
                       "  catch (err) { console.log(err.name + ' ' + e.new); }\n"
                       "}, {exclusive: true});\n"
                       "b.clicks += 1; b.clicks += 1; b.clicks += 1;\n"),
        QStringLiteral("/app/x.js")));
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 3; }));
    EXPECT_EQ(s.log, (QStringList{"CancelledError 1", "CancelledError 2", "done 3"}));
}

// The cancelled run's finally clicks again: that run may not overlap the
// click that cancelled it (measured before the fix: two runs in flight).
TEST(PnApi, ExclusiveOnClickRunsOnceAtATimeEvenWhenACancelledRunClicksAgain) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const b = pn.widgets.Button({name: 'Go'});\n"
                       "globalThis.inFlight = 0; globalThis.max = 0; let retriggered = false;\n"
                       "b.on_click(async (e) => {\n"
                       "  inFlight++; max = Math.max(max, inFlight);\n"
                       "  try { await pn.sleep(30); console.log('done ' + e.new); }\n"
                       "  finally {\n"
                       "    inFlight--;\n"
                       "    if (!retriggered) { retriggered = true; b.clicks += 1; }\n"
                       "  }\n"
                       "}, {exclusive: true});\n"
                       "pn.Row(b).servable();\n"),
        QStringLiteral("/app/retrigger.js")))
        << s.firstError();
    s.button(0)->click();
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }));
    EXPECT_EQ(s.evaluate("max").toInt(), 1);
    EXPECT_EQ(s.evaluate("inFlight").toInt(), 0);
    EXPECT_EQ(s.log, QStringList{"done 2"}) << s.log.join('|').toStdString();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnApi, BadCallsAreErrorsAtTheUsersLine) {
    const struct {
        const char* source;
        const char* message;
        int line;
    } cases[] = {
        {"const ok = 1;\npn.widgets.IntSlider({strat: 0});\n", "IntSlider has no parameter 'strat'",
         2},
        {"\n\npn.widgets.IntSlider({value: 'high'});\n", "IntSlider.value: expected an integer", 3},
        {"pn.widgets.Buton();\n", "Buton", 1},
        {"const b = pn.widgets.Button();\nb.on_click(() => 1, {exclusiv: true});\n",
         "unknown option 'exclusiv'", 2},
        {"const t = pn.widgets.StaticText();\n\nt.nope = 1;\nt.param.watch(() => 1, 'nope');\n",
         "StaticText has no parameter 'nope'", 4},
    };
    for (const auto& c : cases) {
        Session s;
        EXPECT_FALSE(s.session.run(QString::fromUtf8(c.source), QStringLiteral("/app/bad.js")));
        ASSERT_EQ(s.errors.size(), 1) << c.source;
        EXPECT_TRUE(s.errors[0].message.contains(QString::fromUtf8(c.message)))
            << s.errors[0].message.toStdString();
        EXPECT_EQ(s.errors[0].location.line, c.line) << c.source;
        EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/bad.js"));
    }
}

TEST(PnApi, ClosingTheSessionCancelsItsTasks) {
    auto s = std::make_unique<Session>();
    ASSERT_TRUE(
        s->session.run(QStringLiteral("const b = pn.widgets.Button();\n"
                                      "b.on_click(async () => { await pn.sleep(60000); });\n"
                                      "for (let i = 0; i < 20; i++) b.clicks += 1;\n"),
                       QStringLiteral("/app/y.js")));
    EXPECT_EQ(Runtime::instance().tasks().countOwnedBy(s->session.document()), 20);
    s.reset();
    EXPECT_FALSE(Runtime::instance().busy());
}

namespace {
/// A distinct JPEG per index, served at /img/<index> with per-index delays.
QByteArray jpeg(int index) {
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((index * 36) % 360, 200, 220));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG");
    return bytes;
}

void serveImages(qpanel::test::HttpTestServer& server, QMap<int, int> delays = {}) {
    server.fallback([delays](const QString& path) {
        const int index = path.section('/', -1).toInt();
        return qpanel::test::HttpReply{
            .body = jpeg(index), .contentType = "image/jpeg", .delayMs = delays.value(index, 0)};
    });
}

/// Points the image examples' (from Panel's async guide) QPANEL_IMAGE_URL at `server` for one test.
struct ImageUrl {
    explicit ImageUrl(const qpanel::test::HttpTestServer& server) {
        // Built as text: QUrl would percent-encode the braces of {index}.
        qputenv("QPANEL_IMAGE_URL", (server.url("/img/").toString() + "{index}").toUtf8());
    }
    ~ImageUrl() { qunsetenv("QPANEL_IMAGE_URL"); }
};
}  // namespace

TEST(PnApi, TheSeedBindImageExampleShowsTheLatestImageWhateverFinishesLast) {
    qpanel::test::HttpTestServer server;
    serveImages(server, {{2, 600}});
    ImageUrl url(server);
    Session s;
    ASSERT_TRUE(s.session.load(exampleFile("async_bind_image.js")))
        << (s.errors.isEmpty() ? std::string() : s.errors[0].toString().toStdString());
    auto* column = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    ASSERT_NE(column, nullptr);
    qpanel::Component* slider = column->objects().at(0);
    auto* pane = qobject_cast<qpanel::ReactivePane*>(column->objects().at(1));
    ASSERT_NE(pane, nullptr);
    pane->view();  // shown: the reactive runs
    ASSERT_TRUE(waitUntil([&] { return pane->rendered() != nullptr; }))
        << "errors " << s.errors.size() << " reactive error '"
        << pane->reactive()->error().toStdString() << "' loading " << pane->reactive()->loading()
        << " value " << pane->reactive()->result().typeName() << " requests " << server.requests();
    slider->set("value", 1);
    slider->set("value", 2);
    // The slow request for 2 is in flight when the slider moves on.
    ASSERT_TRUE(waitUntil([&] { return server.requestedPaths().contains("/img/2"); }));
    slider->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().busy(); }, 10s));
    ASSERT_NE(pane->rendered(), nullptr);
    EXPECT_EQ(pane->rendered()->typeName(), QStringLiteral("JPG"));
    EXPECT_EQ(pane->rendered()->get("object").toByteArray(), jpeg(3));
    EXPECT_TRUE(s.errors.isEmpty());
}

TEST(PnApi, TheSeedWatchImageExampleSetsTheImageWhenTheRequestCompletes) {
    qpanel::test::HttpTestServer server;
    serveImages(server);
    ImageUrl url(server);
    Session s;
    ASSERT_TRUE(s.session.load(exampleFile("async_watch_image.js")));
    auto* column = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    ASSERT_NE(column, nullptr);
    qpanel::Component* slider = column->objects().at(0);
    qpanel::Component* image = column->objects().at(1);
    for (int index : {4, 7}) {
        slider->set("value", index);
        ASSERT_TRUE(
            waitUntil([&] { return image->get("object").toByteArray() == jpeg(index); }, 10s))
            << (s.errors.isEmpty() ? "no error" : s.errors[0].toString().toStdString())
            << " object is " << image->get("object").typeName() << " of "
            << image->get("object").toByteArray().size() << " bytes; requests "
            << server.requests();
    }
    EXPECT_TRUE(s.errors.isEmpty());
}

TEST(PnApi, FetchErrorsNameTheUrlAndReachTheScript) {
    qpanel::test::HttpTestServer server;
    server.route("/stall", {.stall = true});
    Session s;
    const QString source =
        QStringLiteral(
            "pn.state.execute(async () => {\n"
            "  const r = await pn.fetch('%1');\n"
            "  console.log(r.status, r.ok, await r.text());\n"
            "  try { await pn.fetch('%2', {timeout: 200}); } catch (e) { console.log(e.message); "
            "}\n"
            "});\n")
            .arg(server.url("/missing").toString(), server.url("/stall").toString());
    ASSERT_TRUE(s.session.run(source, QStringLiteral("/app/f.js")));
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 2; }, 10s));
    EXPECT_EQ(s.log[0], QStringLiteral("404 false not found"));
    EXPECT_EQ(s.log[1], QStringLiteral("fetch %1: no complete response within 200 ms")
                            .arg(server.url("/stall").toString()));
}

// The error of a failed request is made natively, with no JS stack: it is
// reported where the script called pn.fetch, not as "undefined".
TEST(PnApi, AnUncaughtFetchFailureIsReportedAtTheLineThatFetched) {
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/img.jpg").arg(qpanel::test::closedLocalPort());
    Session s;
    const QString source = QStringLiteral(
                               "const slider = pn.widgets.IntSlider({start: 0, end: 3});\n"
                               "async function load(i) {\n"
                               "  await pn.sleep(1);\n"
                               "  const resp = await pn.fetch('%1');\n"
                               "  return resp.status;\n"
                               "}\n"
                               "pn.state.execute(async () => {\n"
                               "  await pn.sleep(1);\n"
                               "\n"
                               "  await pn.fetch('%1');\n"
                               "});\n"
                               "pn.Column(slider, pn.bind(load, slider)).servable();\n")
                               .arg(url);
    ASSERT_TRUE(s.session.run(source, QStringLiteral("/app/images.js")));
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 2; }, 10s)) << s.firstError();
    QList<int> lines;
    for (const ScriptError& e : s.errors) {
        EXPECT_EQ(e.location.file, QStringLiteral("/app/images.js")) << e.toString().toStdString();
        EXPECT_TRUE(e.message.contains(QStringLiteral("fetch %1: connection refused").arg(url)))
            << e.toString().toStdString();
        EXPECT_FALSE(e.toString().contains(QStringLiteral("undefined")))
            << e.toString().toStdString();
        lines << e.location.line;
    }
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines, (QList<int>{4, 10}));
    // The stack shown with it is the user's frames only, not qpanel's own.
    for (const QString& stack : s.stacks) {
        EXPECT_TRUE(stack.contains(QStringLiteral("/app/images.js:"))) << stack.toStdString();
        EXPECT_FALSE(stack.contains(QStringLiteral("qrc:"))) << stack.toStdString();
    }
}

namespace {
qpanel::ColumnDataSource* sourceOf(qpanel::Component* chartPane) {
    auto* pane = qobject_cast<qpanel::ChartPane*>(chartPane);
    return pane && pane->figure() && !pane->figure()->lines().isEmpty()
               ? pane->figure()->lines().front().source.data()
               : nullptr;
}
}  // namespace

TEST(PnApi, TheSeedStreamingChartGainsFivePointsPerClickUnderTheLock) {
    Session s;
    ASSERT_TRUE(s.session.load(exampleFile("streaming_chart.js")))
        << (s.errors.isEmpty() ? std::string() : s.errors[0].toString().toStdString());
    auto* row = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    auto* button = qobject_cast<qpanel::Button*>(row->objects().at(0));
    qpanel::ColumnDataSource* cds = sourceOf(row->objects().at(1));
    ASSERT_NE(cds, nullptr);
    EXPECT_EQ(cds->rowCount(), 1);
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 6; }, 5s));
    button->click();
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() == 11; }, 5s));
    EXPECT_EQ(cds->column("x"), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    EXPECT_TRUE(s.errors.isEmpty());
}

TEST(PnApi, StreamingWithoutWithLockIsRefusedNamingItAndChangesNothing) {
    QFile file(exampleFile("streaming_chart.js"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString source = QString::fromUtf8(file.readAll());
    source.replace("pn.io.with_lock(async (event) => {", "(async (event) => {");
    Session s;
    ASSERT_TRUE(s.session.run(source, QStringLiteral("/app/unlocked.js")));
    auto* row = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    auto* button = qobject_cast<qpanel::Button*>(row->objects().at(0));
    qpanel::ColumnDataSource* cds = sourceOf(row->objects().at(1));
    button->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s));
    EXPECT_TRUE(s.errors[0].message.contains("pn.io.with_lock"))
        << s.errors[0].message.toStdString();
    EXPECT_EQ(s.errors[0].location.line, 21);  // cds.stream(...)
    EXPECT_EQ(cds->rowCount(), 1);
}

// The document lock: a sync callback runs with the lock held, so it may edit a
// chart's data directly; after an await an async one needs with_lock.
TEST(PnApi, ASyncClickCallbackEditsChartDataDirectlyUnderTheLock) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});\n"
                       "const b = pn.widgets.Button({name: 'Add'});\n"
                       "b.on_click(() => cds.stream({x: [cds.data.x.length], y: [1]}));\n"
                       "pn.Row(b).servable();\n"
                       "globalThis.rowCount = () => cds.data.x.length;\n"),
        QStringLiteral("/app/sync.js")))
        << s.firstError();
    ASSERT_NE(s.button(0), nullptr);
    s.button(0)->click();
    s.button(0)->click();
    EXPECT_EQ(s.evaluate("rowCount()").toInt(), 3);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// As in Panel, with_lock marks a callback; a with_lock function called
// directly runs unlocked, and the lock error says that is what happened.
TEST(PnApi, ALockedFunctionCalledDirectlyIsRefusedSayingWhy) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});\n"
                       "const add = pn.io.with_lock(async function add() {\n"
                       "  await pn.sleep(1);\n"
                       "  cds.stream({x: [1], y: [1]});\n"
                       "});\n"
                       "const direct = pn.widgets.Button({name: 'Direct'});\n"
                       "direct.on_click(async () => { await add(); });\n"
                       "const locked = pn.widgets.Button({name: 'Locked'});\n"
                       "locked.on_click(add);\n"
                       "pn.Row(direct, locked).servable();\n"
                       "globalThis.rowCount = () => cds.data.x.length;\n"),
        QStringLiteral("/app/direct.js")))
        << s.firstError();
    ASSERT_NE(s.button(1), nullptr);
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }, 5s));
    EXPECT_EQ(s.errors[0].location.line, 4) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains(
        "'add' is wrapped with pn.io.with_lock but was called directly"))
        << s.firstError();
    const auto rowCount = [&] { return s.evaluate("rowCount()").toInt(); };
    EXPECT_EQ(rowCount(), 1) << "the data is unchanged";
    s.button(1)->click();  // as a callback it holds the lock
    ASSERT_TRUE(waitUntil([&] { return rowCount() == 2; }, 5s)) << s.firstError();
    EXPECT_EQ(s.errors.size(), 1);
}

TEST(PnApi, ThePeriodicExampleStreamsStopsOnTheToggleAndResumes) {
    Session s;
    ASSERT_TRUE(s.session.load(exampleFile("periodic_and_execute.js")))
        << (s.errors.isEmpty() ? std::string() : s.errors[0].toString().toStdString());
    auto* column = qobject_cast<qpanel::ListLayout*>(s.roots().front());
    auto* row = qobject_cast<qpanel::ListLayout*>(column->objects().at(0));
    qpanel::Component* toggle = row->objects().at(0);
    qpanel::Component* status = row->objects().at(1);
    qpanel::ColumnDataSource* cds = sourceOf(column->objects().at(1));
    ASSERT_NE(cds, nullptr);
    ASSERT_TRUE(
        waitUntil([&] { return status->get("value").toString() == "streaming every 250 ms"; }));
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= 2; }, 5s));
    toggle->set("value", false);
    ASSERT_TRUE(
        waitUntil([&] { return !Runtime::instance().tasks().countOwnedBy(s.session.document()); }));
    const auto stopped = cds->rowCount();
    // Off means stopped: no periodic timer left to tick, nothing queued to run.
    EXPECT_EQ(qpanel::PeriodicCallback::activeCount(), 0);
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_EQ(cds->rowCount(), stopped) << "no ticks while the toggle is off";
    toggle->set("value", true);
    ASSERT_TRUE(waitUntil([&] { return cds->rowCount() >= stopped + 2; }, 5s));
    EXPECT_TRUE(s.errors.isEmpty());
}

// A top-level await pauses the script there and the rest runs after it (on
// V8 the file then runs as an ES module, as node detects it).
TEST(PnApi, TopLevelAwaitRunsTheRestOfTheScriptAfterTheWait) {
    Session s;
    ASSERT_TRUE(s.session.run(QStringLiteral("console.log('before');\n"
                                             "await pn.sleep(5);\n"
                                             "console.log('after');\n"
                                             "pn.Column(pn.pane.Markdown('shown')).servable();\n"),
                              QStringLiteral("/app/tla.js")))
        << s.firstError();
    EXPECT_EQ(s.log, QStringList{"before"});
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 2; })) << s.firstError();
    EXPECT_EQ(s.log, (QStringList{"before", "after"}));
    ASSERT_TRUE(waitUntil([&] { return s.child(0) != nullptr; }));
    EXPECT_EQ(s.child(0)->get("object").toString(), QStringLiteral("shown"));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}
