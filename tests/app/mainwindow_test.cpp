// The desktop window's File menu: open, reload, close, recent files, and
// settings that persist (without touching the user's own settings).
#include <QCommandLinkButton>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QUrl>

#include "shell/loadingpage.h"
#include "shell/recentfiles.h"
#include "shell/startpage.h"
#include "shell/tasksdock.h"
#include "shellfixture.h"
#include "widgets/servable.h"

using namespace std::chrono_literals;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

const QString kTitledApp = QStringLiteral(
    "const b = pn.widgets.Button({name: 'Hello'});\n"
    "pn.Column(b).servable({title: 'My Titled App'});\n");
const QString kPlainApp =
    QStringLiteral("pn.Row(pn.widgets.StaticText({value: 'plain'})).servable();\n");
// A task that stays in flight until cancelled.
const QString kLongTaskApp = QStringLiteral(
    "const text = pn.widgets.StaticText({value: 'waiting'});\n"
    "pn.state.execute(async () => { await pn.sleep(600000); text.value = 'done'; });\n"
    "pn.Row(text).servable();\n");

QWidget* currentPage(qpanel::MainWindow& window) {
    return static_cast<QStackedWidget*>(window.centralWidget())->currentWidget();
}

}  // namespace

TEST_F(ShellTest, OpenScriptShowsTheAppAndTakesItsTitleFromServable) {
    const QString path = writeScript("titled.js", kTitledApp);
    ASSERT_TRUE(window().openScript(path)) << consoleText().toStdString();
    EXPECT_EQ(window().windowTitle(), QStringLiteral("My Titled App"));
    auto* area = qobject_cast<qpanel::ServableArea*>(currentPage(window()));
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(area->rootCount(), 1);
    EXPECT_EQ(window().scriptPath(), QFileInfo(path).absoluteFilePath());

    ASSERT_TRUE(window().openScript(writeScript("plain.js", kPlainApp)));
    EXPECT_EQ(window().windowTitle(), QStringLiteral("plain.js — qpanel"));
}

TEST_F(ShellTest, OpenActionOpensTheFileChosenInTheDialog) {
    const QString path = writeScript("chosen.js", kPlainApp);
    action("actionOpen")->trigger();
    auto* dialog = window().findChild<QFileDialog*>(QStringLiteral("OpenScriptDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept is protected
    ASSERT_TRUE(waitUntil([&] { return window().session() != nullptr; }));
    EXPECT_EQ(window().scriptPath(), QFileInfo(path).absoluteFilePath());
    EXPECT_EQ(action("actionOpen")->shortcuts(), QKeySequence::keyBindings(QKeySequence::Open));
}

TEST_F(ShellTest, AFailedOpenKeepsTheRunningAppAndShowsTheErrorWithItsLine) {
    ASSERT_TRUE(window().openScript(writeScript("good.js", kTitledApp)));
    qpanel::AppSession* running = window().session();
    QWidget* page = currentPage(window());

    const QString bad = writeScript("broken.js", "const ok = 1;\nconst x = ;\n");
    EXPECT_FALSE(window().openScript(bad));
    EXPECT_EQ(window().session(), running);
    EXPECT_EQ(currentPage(window()), page);
    EXPECT_EQ(window().windowTitle(), QStringLiteral("My Titled App"));
    EXPECT_TRUE(consoleText().contains("broken.js:2")) << consoleText().toStdString();
    EXPECT_TRUE(consoleText().contains("broken.js did not load; good.js keeps running."));

    // A missing file is an error naming it, too.
    EXPECT_FALSE(window().openScript(scripts_.filePath("missing.js")));
    EXPECT_TRUE(consoleText().contains("missing.js")) << consoleText().toStdString();
    EXPECT_EQ(window().session(), running);
}

TEST_F(ShellTest, ReloadCancelsTheOldAppsTasksAndKeepsTheWindowGeometry) {
    ASSERT_TRUE(window().openScript(writeScript("long.js", kLongTaskApp)));
    auto& registry = qpanel::Runtime::instance().tasks();
    ASSERT_TRUE(
        waitUntil([&] { return registry.countOwnedBy(window().session()->document()) == 1; }));
    const quint64 oldTask = registry.snapshot().constFirst().id;
    window().resize(830, 610);
    ASSERT_TRUE(waitUntil([&] { return window().size() == QSize(830, 610); }));
    const QRect geometry = window().geometry();
    QSignalSpy cancelled(&registry, &qpanel::TaskRegistry::taskCancelled);
    QSignalSpy changed(&window(), &qpanel::MainWindow::sessionChanged);

    action("actionReload")->trigger();
    ASSERT_EQ(changed.size(), 1);
    ASSERT_EQ(cancelled.size(), 1);
    EXPECT_EQ(cancelled.at(0).at(0).toULongLong(), oldTask);
    EXPECT_FALSE(registry.contains(oldTask));
    // The new app started its own task.
    EXPECT_TRUE(
        waitUntil([&] { return registry.countOwnedBy(window().session()->document()) == 1; }));
    QCoreApplication::processEvents();  // a relayout the swap caused would happen here
    EXPECT_EQ(window().geometry(), geometry);
    EXPECT_TRUE(consoleText().contains("Reloaded long.js."));
    EXPECT_TRUE(action("actionReload")->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
}

TEST_F(ShellTest, AFailedReloadKeepsTheRunningApp) {
    const QString path = writeScript("app.js", kLongTaskApp);
    ASSERT_TRUE(window().openScript(path));
    qpanel::AppSession* running = window().session();
    auto& registry = qpanel::Runtime::instance().tasks();
    ASSERT_TRUE(waitUntil([&] { return registry.countOwnedBy(running->document()) == 1; }));
    writeScript("app.js", "pn.Row(\n");
    EXPECT_FALSE(window().reload());
    EXPECT_EQ(window().session(), running);
    EXPECT_EQ(registry.countOwnedBy(running->document()), 1);
    EXPECT_TRUE(consoleText().contains("app.js did not load; app.js keeps running."));
}

TEST_F(ShellTest, CloseAppCancelsItsTasksAndShowsTheStartPage) {
    ASSERT_TRUE(window().openScript(writeScript("long.js", kLongTaskApp)));
    auto& registry = qpanel::Runtime::instance().tasks();
    ASSERT_TRUE(waitUntil([&] { return registry.count() == 1; }));
    EXPECT_TRUE(action("actionReload")->isEnabled());

    action("actionCloseApp")->trigger();
    EXPECT_EQ(window().session(), nullptr);
    EXPECT_EQ(registry.count(), 0);
    EXPECT_EQ(currentPage(window()), window().startPage());
    EXPECT_EQ(window().windowTitle(), QStringLiteral("qpanel"));
    EXPECT_FALSE(action("actionReload")->isEnabled());
    EXPECT_FALSE(action("actionCloseApp")->isEnabled());
    EXPECT_EQ(action("actionCloseApp")->shortcuts(),
              QKeySequence::keyBindings(QKeySequence::Close));
}

TEST_F(ShellTest, RecentFilesAreKeptMostRecentFirstAcrossWindowsAndPruned) {
    const QString first = writeScript("first.js", kPlainApp);
    const QString second = writeScript("second.js", kPlainApp);
    ASSERT_TRUE(window().openScript(first));
    ASSERT_TRUE(window().openScript(second));
    ASSERT_TRUE(window().openScript(first));
    EXPECT_EQ(qpanel::RecentFiles::list(), (QStringList{first, second}));

    // A new window lists them in Open Recent and opens one from there.
    reopenWindow();
    auto* recent = window().findChild<QMenu*>(QStringLiteral("menuRecent"));
    ASSERT_NE(recent, nullptr);
    ASSERT_GE(recent->actions().size(), 2);
    EXPECT_EQ(recent->actions().at(0)->text(), QStringLiteral("first.js"));
    EXPECT_EQ(recent->actions().at(1)->text(), QStringLiteral("second.js"));
    recent->actions().at(1)->trigger();
    EXPECT_TRUE(waitUntil([&] { return window().scriptPath() == second; }));

    // Deleted scripts drop out; at most ten are kept.
    QFile::remove(first);
    EXPECT_EQ(qpanel::RecentFiles::list(), QStringList{second});
    for (int i = 0; i < 12; ++i)
        qpanel::RecentFiles::add(writeScript(QStringLiteral("s%1.js").arg(i), kPlainApp));
    const QStringList kept = qpanel::RecentFiles::list();
    ASSERT_EQ(kept.size(), qpanel::RecentFiles::kMax);
    EXPECT_EQ(QFileInfo(kept.front()).fileName(), QStringLiteral("s11.js"));
}

TEST_F(ShellTest, GeometryDockStateAndAutoReloadPersist) {
    window().resize(777, 555);
    ASSERT_TRUE(waitUntil([&] { return window().size() == QSize(777, 555); }));
    window().setAutoReload(true);
    window().tasks()->hide();
    reopenWindow();
    EXPECT_EQ(window().size(), QSize(777, 555));
    EXPECT_TRUE(window().autoReload());
    EXPECT_FALSE(window().tasks()->isVisible());
    EXPECT_TRUE(window().console()->isVisible());
}

TEST_F(ShellTest, TheStartPageOpensAnExampleAndListsRecentScripts) {
    auto* page = window().startPage();
    EXPECT_EQ(currentPage(window()), page);
    QCommandLinkButton* example = nullptr;
    for (auto* link : page->findChildren<QCommandLinkButton*>()) {
        if (link->text() == QStringLiteral("async_button")) example = link;
    }
    ASSERT_NE(example, nullptr);
    EXPECT_EQ(example->description(),
              QStringLiteral("Panel's async guide, example 1: an async click handler."));
    QTest::mouseClick(example, Qt::LeftButton);
    // The window paints the loading page first, then loads the example.
    EXPECT_EQ(currentPage(window()), window().loadingPage());
    ASSERT_TRUE(waitUntil([&] { return window().session() != nullptr; }));
    EXPECT_TRUE(window().scriptPath().endsWith(QStringLiteral("async_button.js")));

    action("actionCloseApp")->trigger();
    auto listed = [&] {
        for (auto* link : page->findChildren<QCommandLinkButton*>()) {
            if (link->isVisible() && link->text() == QStringLiteral("async_button.js")) return true;
        }
        return false;
    };
    EXPECT_TRUE(waitUntil(listed)) << "the example just opened is listed under Recent";
}

TEST_F(ShellTest, StandardShortcutsTriggerTheirActions) {
    const QString path = writeScript("keys.js", kLongTaskApp);
    ASSERT_TRUE(window().openScript(path));
    window().activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window()));
    QSignalSpy changed(&window(), &qpanel::MainWindow::sessionChanged);
    QTest::keyClick(&window(), Qt::Key_R, Qt::ControlModifier);
    EXPECT_EQ(changed.size(), 1) << "Ctrl+R reloads";
    EXPECT_TRUE(consoleText().contains("Reloaded keys.js."));
    QTest::keyClick(&window(), Qt::Key_W, Qt::ControlModifier);
    EXPECT_EQ(window().session(), nullptr) << "Ctrl+W closes the app";
    QTest::keyClick(&window(), Qt::Key_Q, Qt::ControlModifier);
    EXPECT_FALSE(window().isVisible()) << "Ctrl+Q quits (closes the window)";
}

TEST_F(ShellTest, QuitSavesTheWindowSettings) {
    window().resize(701, 502);
    ASSERT_TRUE(waitUntil([&] { return window().size() == QSize(701, 502); }));
    action("actionQuit")->trigger();
    EXPECT_FALSE(window().isVisible());
    EXPECT_TRUE(qpanel::ShellSettings().contains(QStringLiteral("window/geometry")));
}

TEST_F(ShellTest, ADroppedScriptOpens) {
    const QString path = writeScript("dropped.js", kPlainApp);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QWidget* target = window().centralWidget();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window(), &drop);
    EXPECT_TRUE(
        waitUntil([&] { return window().scriptPath() == QFileInfo(path).absoluteFilePath(); }));

    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window(), &refused);
    EXPECT_FALSE(refused.isAccepted());
}

TEST_F(ShellTest, TheJavaScriptApiReferenceIsFoundInTheSourceTree) {
    const QString path = qpanel::MainWindow::apiReferencePath();
    ASSERT_FALSE(path.isEmpty());
    EXPECT_TRUE(path.endsWith(QStringLiteral("docs/API.md"))) << path.toStdString();
    EXPECT_TRUE(
        action("actionApi")->shortcuts().contains(QKeySequence(QKeySequence::HelpContents)));
}

TEST_F(ShellTest, TheStartPagesListsSitRightUnderTheirHeadings) {
    qpanel::StartPage* page = window().startPage();
    QWidget* content = page->widget();
    const auto below = [&](const QString& headingText) {
        for (auto* label : content->findChildren<QLabel*>())
            if (label->text() == headingText)
                return label->mapTo(content, QPoint(0, label->height())).y();
        ADD_FAILURE() << "no heading " << headingText.toStdString();
        return 0;
    };
    auto* firstExample = content->findChildren<QCommandLinkButton*>().value(0);
    ASSERT_NE(firstExample, nullptr);
    // No blank band between a heading and its first entry (was 32 px).
    const int gap = firstExample->mapTo(content, QPoint()).y() - below(QStringLiteral("Examples"));
    EXPECT_GE(gap, 0);
    EXPECT_LE(gap, 10);
}
