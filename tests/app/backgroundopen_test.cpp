// Opening a script at start-up: the window paints a loading page first and
// stays responsive while Babel loads on the transpiler's worker; a script
// that fails keeps the previous page with the error in the console.
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTimer>

#include "shell/loadingpage.h"
#include "shell/startpage.h"
#include "shellfixture.h"
#include "widgets/servable.h"

using namespace std::chrono_literals;
using qpanel::MainWindow;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

// Async code: Qt 6.4's V4 cannot parse it, so Babel must load and transform.
const QString kAsyncApp = QStringLiteral(
    "const text = pn.widgets.StaticText({value: 'ready'});\n"
    "pn.Row(text).servable();\n"
    "const settle = async () => { text.value = 'loaded'; };\n"
    "settle();\n");

QWidget* currentPage(MainWindow& window) {
    return static_cast<QStackedWidget*>(window.centralWidget())->currentWidget();
}

// The longest wait between ticks of a 10 ms timer while `running` holds.
class LoopGapMeter {
public:
    LoopGapMeter() {
        clock_.start();
        timer_.setInterval(10);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            maxGapMs_ = std::max(maxGapMs_, clock_.restart());
            ++ticks_;
        });
        timer_.start();
    }
    qint64 maxGapMs() const { return maxGapMs_; }
    int ticks() const { return ticks_; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 maxGapMs_ = 0;
    int ticks_ = 0;
};

}  // namespace

TEST_F(ShellTest, BackgroundOpenPaintsALoadingPageAndStaysResponsiveWhileBabelLoads) {
    QTemporaryDir cache;
    qpanel::Transpiler cold(qpanel::Transpiler::Options{cache.path(), true});
    qpanel::AppLanguages languages;
    qpanel::registerJavaScript(languages, &cold);
    MainWindow window(&languages);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QString path = writeScript("my_app.js", kAsyncApp);
    QSignalSpy finished(&window, &MainWindow::openFinished);
    QSignalSpy painted(window.loadingPage(), &qpanel::LoadingPage::painted);

    window.openScriptInBackground(path);
    // Nothing loads before the loading page is on screen.
    EXPECT_EQ(currentPage(window), window.loadingPage());
    EXPECT_EQ(window.loadingPage()->scriptName(), QStringLiteral("my_app.js"));
    EXPECT_EQ(window.loadingPage()->status(), QStringLiteral("Loading my_app.js…"));
    EXPECT_EQ(window.session(), nullptr);

    ASSERT_TRUE(waitUntil([&] {
        return window.loadingPage()->status() == QStringLiteral("Preparing the JavaScript engine…");
    }));
    ASSERT_FALSE(cold.isWarm());
    // While Babel loads the loop turns: the spinner repaints, a menu opens.
    LoopGapMeter gaps;
    const int paintsBefore = painted.size();
    auto* file = window.findChild<QMenu*>(QStringLiteral("menuFile"));
    ASSERT_NE(file, nullptr);
    file->popup(window.mapToGlobal(QPoint(0, 0)));
    EXPECT_TRUE(waitUntil([&] { return file->isVisible(); }));
    EXPECT_TRUE(waitUntil([&] { return painted.size() > paintsBefore + 2; }));
    EXPECT_FALSE(cold.isWarm()) << "Babel loaded too fast to see the window respond meanwhile";
    file->hide();

    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }, 60s));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << consoleText().toStdString();
    EXPECT_EQ(cold.babelTransformCount(), 1);  // the load found Babel's output in the cache
    // The loop never stalled for anything like the time Babel took to load
    // (relative, so a loaded machine slows both alike).
    ASSERT_GT(cold.babelLoadMilliseconds(), 0);
    EXPECT_LT(gaps.maxGapMs(), cold.babelLoadMilliseconds() / 2)
        << "ticks: " << gaps.ticks() << ", Babel loaded in " << cold.babelLoadMilliseconds()
        << " ms";
    ASSERT_NE(window.session(), nullptr);
    EXPECT_EQ(currentPage(window), window.appContent());
    auto* area = qobject_cast<qpanel::ServableArea*>(window.appContent());
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(area->rootCount(), 1);
    EXPECT_EQ(window.windowTitle(), QStringLiteral("my_app.js — qpanel"));
}

TEST_F(ShellTest, AFailedBackgroundOpenKeepsTheStartPageAndShowsTheErrorWithItsLine) {
    QSignalSpy finished(&window(), &MainWindow::openFinished);
    window().openScriptInBackground(writeScript("broken.js", "const ok = 1;\nconst x = ;\n"));
    EXPECT_EQ(currentPage(window()), window().loadingPage());
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }, 60s));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_EQ(currentPage(window()), window().startPage());
    EXPECT_EQ(window().session(), nullptr);
    EXPECT_TRUE(consoleText().contains("broken.js:2")) << consoleText().toStdString();
    EXPECT_TRUE(consoleText().contains("broken.js did not load."));
}

TEST_F(ShellTest, AFailedBackgroundOpenKeepsTheRunningApp) {
    ASSERT_TRUE(window().openScript(writeScript("good.js", kAsyncApp)))
        << consoleText().toStdString();
    qpanel::AppSession* running = window().session();
    QWidget* page = currentPage(window());
    QSignalSpy finished(&window(), &MainWindow::openFinished);
    window().openScriptInBackground(scripts_.filePath("missing.js"));
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }, 60s));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_EQ(window().session(), running);
    EXPECT_EQ(currentPage(window()), page);
    EXPECT_TRUE(consoleText().contains("missing.js did not load; good.js keeps running."))
        << consoleText().toStdString();
}

TEST_F(ShellTest, AnOpenDuringABackgroundOpenSupersedesIt) {
    QSignalSpy finished(&window(), &MainWindow::openFinished);
    // Unique source: Babel must transform it (the cache has not seen it).
    window().openScriptInBackground(writeScript("slow.js", kAsyncApp + "// superseded\n"));
    // Babel is at work on the worker (loading first, if this binary has not yet).
    ASSERT_TRUE(waitUntil([&] {
        const QString status = window().loadingPage()->status();
        return status == QStringLiteral("Transpiling slow.js…") ||
               status == QStringLiteral("Preparing the JavaScript engine…");
    }));
    const QString chosen =
        writeScript("chosen.js", "pn.Row(pn.widgets.StaticText({value: 'x'})).servable();\n");
    ASSERT_TRUE(window().openScript(chosen));
    // The worker runs one job at a time: once this one is done, slow.js's
    // transform has finished too, and its watcher's signal is posted.
    ASSERT_TRUE(transpiler_
                    ->transpile(QStringLiteral("async function barrier() {}\n"),
                                QStringLiteral("barrier.js"))
                    .ok());
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    // The superseded open never swaps its app in over the one chosen later.
    EXPECT_EQ(finished.size(), 0);
    EXPECT_EQ(window().scriptPath(), QFileInfo(chosen).absoluteFilePath());
    EXPECT_EQ(currentPage(window()), window().appContent());
}

// A window that does not get to paint (minimized, say) still opens the script.
TEST_F(ShellTest, ABackgroundOpenDoesNotWaitForeverForAPaint) {
    struct SwallowPaints : QObject {
        bool eventFilter(QObject*, QEvent* event) override {
            return event->type() == QEvent::Paint;
        }
    } swallow;
    window().loadingPage()->installEventFilter(&swallow);
    QSignalSpy painted(window().loadingPage(), &qpanel::LoadingPage::painted);
    QSignalSpy finished(&window(), &MainWindow::openFinished);
    window().openScriptInBackground(
        writeScript("unpainted.js", "pn.Row(pn.widgets.StaticText({value: 'x'})).servable();\n"));
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }, 10s));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << consoleText().toStdString();
    EXPECT_EQ(painted.size(), 0);
    EXPECT_EQ(currentPage(window()), window().appContent());
}
