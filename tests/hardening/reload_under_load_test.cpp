// Reloading an app 100 times while ~1000 of its tasks are in flight —
// script timers and sleeps, fetches to a faulty local server, thread jobs,
// periodic callbacks, bound functions: no crash, every task of the closed app
// cancelled, nothing resumes into it (ASan/LSan build: no use-after-free, no
// leak), and a new app works afterwards.
#include <gtest/gtest.h>

#include <QThread>
#include <atomic>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/threadpool.h"
#include "hardening/appsession.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::test::AppSession;
using qpanel::test::HttpReply;
using qpanel::test::waitUntil;

namespace {

// Per load: 800 clicks sleeping, 200 timers, 100 watchers, 60 fetches (slow,
// stalled, dripping, failing), 20 periodic callbacks, a bound function; the
// test adds 100 C++ thread jobs owned by the app.
const char* const busyApp = R"JS(
const base = pn.env('QPANEL_TEST_SERVER');
const b = pn.widgets.Button({name: 'Load'});
const s = pn.widgets.IntSlider({name: 'Level', start: 0, end: 1000, value: 0});
const out = pn.widgets.StaticText({name: 'Out'});
const cds = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const fig = pn.plotting.figure({title: 'load'});
fig.line({x: 'x', y: 'y', source: cds});
b.on_click(async (e) => {
  await pn.sleep(e.new % 50);
  out.value = 'click ' + e.new;
  await pn.sleep(1000);
});
s.param.watch(pn.io.with_lock(async (e) => {
  await pn.sleep(1);
  cds.stream({x: [e.new], y: [e.new % 7]}, 100);
}), 'value');
for (let i = 0; i < 800; i++) b.clicks += 1;
for (let i = 0; i < 200; i++) setTimeout(() => { out.value = 'timer ' + i; }, i % 100);
for (let i = 1; i <= 100; i++) s.value = i;
const paths = ['/slow', '/stall', '/drip', '/500', '/truncated'];
for (let i = 0; i < 60; i++) {
  pn.state.execute(async () => {
    try { const r = await pn.fetch(base + paths[i % paths.length], {timeout: 5000}); await r.text(); }
    catch (err) { out.value = err.message; }
  });
}
for (let i = 0; i < 20; i++) pn.state.add_periodic_callback(async () => { await pn.sleep(3); out.value = 'tick'; }, 5);
const view = pn.bind(async (level) => { await pn.sleep(20); return 'level ' + level; }, s);
pn.Column(b, s, out, pn.panel(view), pn.pane.Chart(fig)).servable();
)JS";

TEST(ReloadUnderLoad, HundredReloadsWithAThousandTasksInFlightLeaveNothingBehind) {
    qpanel::test::HttpTestServer server;
    QByteArray body(64 * 1024, 'x');
    server.route("/slow", {.body = body, .delayMs = 200});
    server.route("/stall", {.stall = true});
    server.route("/drip", {.body = body, .dripBytes = 512, .dripIntervalMs = 20});
    server.route("/500", {.status = 500, .body = "boom", .contentType = "text/plain"});
    server.route("/truncated", {.body = body, .truncateAt = 1000});
    qputenv("QPANEL_TEST_SERVER", server.url(QString()).toString().toUtf8());

    std::atomic<int> jobsFinished = 0;
    const int reloads = qEnvironmentVariableIntValue("QPANEL_RELOADS") > 0
                            ? qEnvironmentVariableIntValue("QPANEL_RELOADS")
                            : 100;
    int peakInFlight = 0;
    for (int reload = 0; reload < reloads; ++reload) {
        AppSession app;
        ASSERT_TRUE(
            app.session->run(QString::fromUtf8(busyApp), QStringLiteral("/hardening/busy_app.js")))
            << app.errorsText().toStdString();
        for (int i = 0; i < 100; ++i) {
            Runtime::instance().spawn(
                [&jobsFinished]() -> QCoro::Task<> {
                    co_await qpanel::runInThread([&jobsFinished] {
                        QThread::usleep(200);
                        ++jobsFinished;
                    });
                },
                {.origin = QStringLiteral("thread job"), .owner = app.session->document()});
        }
        peakInFlight = std::max(peakInFlight,
                                Runtime::instance().tasks().countOwnedBy(app.session->document()));
        // Let a little of everything happen (some requests, ticks and jobs
        // complete) before the reload closes the app mid-flight.
        QTest::qWait(reload % 5 == 0 ? 60 : 5);
        ASSERT_TRUE(app.errors.isEmpty())
            << "reload " << reload << ": " << app.errorsText().toStdString();
    }
    EXPECT_GE(peakInFlight, 1000) << "the load was lighter than intended";
    // Every app is closed: none of their tasks remains; thread jobs already
    // running end on their own and must not resume anything.
    EXPECT_TRUE(waitUntil([] { return Runtime::instance().tasks().count() == 0; }, 10s))
        << Runtime::instance().tasks().count() << " tasks left, e.g. "
        << Runtime::instance().tasks().snapshot().value(0).origin.toStdString();
    EXPECT_TRUE(
        waitUntil([] { return QThreadPool::globalInstance()->activeThreadCount() == 0; }, 10s));
    EXPECT_TRUE(qpanel::test::aNewAppStillWorks());
    qunsetenv("QPANEL_TEST_SERVER");
}

}  // namespace
