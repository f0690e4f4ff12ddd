// The desktop window with Python app scripts: the open dialog's filter,
// File → Examples, Recent and auto-reload take .py; print() and errors (at
// file:line) reach the Console, Python tasks the Tasks dock.
#include <QMenu>

#include "python/pythonlanguage.h"
#include "shell/examplescatalog.h"
#include "shell/recentfiles.h"
#include "shell/tasklistmodel.h"
#include "shell/tasksdock.h"
#include "shellfixture.h"

using qpanel::AppLanguages;
using qpanel::Example;
using qpanel::ExamplesCatalog;
using qpanel::test::waitUntil;

namespace {

/// A window whose registry has both languages, as main() registers them.
class PythonShellTest : public qpanel::test::ShellTest {
protected:
    void SetUp() override {
        ShellTest::SetUp();
        qpanel::registerJavaScript(registry_, transpiler_.get());
        qpanel::registerPython(registry_);
    }
    qpanel::MainWindow& pyWindow() {
        if (!window_) {
            window_ = std::make_unique<qpanel::MainWindow>(&registry_);
            window_->show();
            EXPECT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
        }
        return *window_;
    }
    AppLanguages registry_;
};

}  // namespace

TEST_F(PythonShellTest, TheOpenDialogAndTheExamplesMenuTakePythonScripts) {
    EXPECT_EQ(qpanel::MainWindow::openFilter(registry_),
              QStringLiteral("App scripts (*.js *.ts *.py);;All files (*)"));
    int errors = 0;
    QObject::connect(&pyWindow(), &qpanel::MainWindow::errorReported, &pyWindow(),
                     [&](const qpanel::ScriptError&, const QString&) { ++errors; });
    auto* menu = pyWindow().findChild<QMenu*>(QStringLiteral("menuExamples"));
    ASSERT_NE(menu, nullptr);
    QList<QAction*> python;
    for (QAction* entry : menu->actions())
        if (entry->data().toString().endsWith(QLatin1String(".py"))) python << entry;
    // async_button.py, async_bind_image.py, ...: named by file beside their JS twins.
    ASSERT_GE(python.size(), 5);
    EXPECT_EQ(python[0]->text(), QStringLiteral("async_bind_image.py"));
    for (QAction* entry : python) {
        if (entry->text().contains(QLatin1String("image"))) continue;  // fetch: cli_window_test
        SCOPED_TRACE(entry->text().toStdString());
        entry->trigger();
        ASSERT_TRUE(waitUntil([&] { return pyWindow().scriptPath() == entry->data().toString(); }))
            << consoleText().toStdString();
        waitUntil([&] { return pyWindow().isIdle(); }, std::chrono::milliseconds(1500));
        EXPECT_EQ(errors, 0) << consoleText().toStdString();
    }
}

TEST_F(PythonShellTest, PrintAndACallbackErrorAtItsLineReachTheConsoleItsTaskTheTasksDock) {
    const QString path = writeScript("errs.py",
                                     "import asyncio\n"
                                     "import panel as pn\n"
                                     "print('loaded errs')\n"
                                     "async def slow_fail():\n"
                                     "    await asyncio.sleep(0.3)\n"
                                     "    raise ValueError('failed after the sleep')\n"
                                     "pn.state.execute(slow_fail)\n"
                                     "pn.Row('errs').servable()\n");
    ASSERT_TRUE(pyWindow().openScript(path)) << consoleText().toStdString();
    EXPECT_TRUE(consoleShows("loaded errs"));
    qpanel::TaskListModel* model = pyWindow().tasks()->model();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() >= 1; }));
    EXPECT_TRUE(model->index(0, qpanel::TaskListModel::OriginColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("slow_fail (%1:4)").arg(path)))
        << model->index(0, qpanel::TaskListModel::OriginColumn).data().toString().toStdString();
    // The Console names the file (a link to its line) as for JavaScript.
    EXPECT_TRUE(consoleShows(QStringLiteral("errs.py:6: ValueError: failed after the sleep")))
        << consoleText().toStdString();
}

TEST_F(PythonShellTest, AutoReloadAndRecentFilesTakePythonScripts) {
    const auto versioned = [](int v) {
        return QStringLiteral("import panel as pn\nprint('py version %1')\npn.Row('v%1')\n").arg(v);
    };
    const QString path = writeScript("live.py", versioned(1));
    pyWindow().setAutoReload(true);
    ASSERT_TRUE(pyWindow().openScript(path)) << consoleText().toStdString();
    ASSERT_TRUE(consoleShows("py version 1"));
    EXPECT_EQ(qpanel::RecentFiles::list().value(0), path);
    writeScript("live.py", versioned(2));
    ASSERT_TRUE(consoleShows("py version 2")) << consoleText().toStdString();
    EXPECT_EQ(pyWindow().scriptPath(), path);
}
