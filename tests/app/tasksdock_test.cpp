// The Tasks dock and status bar: a running task is listed with its origin
// and state, its Cancel button cancels it, failed tasks keep their error.
#include "shell/tasksdock.h"

#include <QLabel>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>

#include "core/scheduler.h"
#include "shell/tasklistmodel.h"
#include "shellfixture.h"
#include "widgets/spinnerwidget.h"

using qpanel::TaskListModel;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

TEST_F(ShellTest, TasksDockListsARunningTaskAndItsCancelButtonCancelsIt) {
    window().tasks()->show();
    window().tasks()->raise();
    ASSERT_TRUE(
        window().openScript(writeScript("sleeper.js",
                                        "const text = pn.widgets.StaticText({value: 'waiting'});\n"
                                        "pn.state.execute(async () => {\n"
                                        "  try { await pn.sleep(600000); text.value = 'woke'; }\n"
                                        "  finally { console.log('sleeper ended'); }\n"
                                        "});\n"
                                        "pn.Row(text).servable();\n")));
    TaskListModel* model = window().tasks()->model();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }));
    EXPECT_EQ(model->index(0, TaskListModel::OriginColumn).data().toString(),
              QStringLiteral("pn.state.execute"));
    EXPECT_EQ(model->index(0, TaskListModel::ElapsedColumn).data().toString(),
              QStringLiteral("0 s"));
    auto* count = window().findChild<QLabel*>(QStringLiteral("TaskCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("1 task running"));
    auto* spinner = window().findChild<qpanel::SpinnerWidget*>(QStringLiteral("BusySpinner"));
    ASSERT_NE(spinner, nullptr);
    EXPECT_TRUE(spinner->spinning());
    EXPECT_TRUE(spinner->isVisible());

    QTreeView* view = window().tasks()->view();
    ASSERT_TRUE(waitUntil(
        [&] { return view->isVisible() && !window().tasks()->cancelButtonRect(0).isEmpty(); }));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      window().tasks()->cancelButtonRect(0).center());
    ASSERT_TRUE(consoleShows("sleeper ended"));
    EXPECT_TRUE(waitUntil([&] { return model->rowCount() == 0; }));
    EXPECT_EQ(qpanel::Runtime::instance().tasks().count(), 0);
    EXPECT_TRUE(waitUntil([&] { return count->text() == QStringLiteral("Idle"); }));
    EXPECT_TRUE(waitUntil([&] { return !spinner->isVisible(); }));
    EXPECT_FALSE(consoleText().contains("woke"));
}

TEST_F(ShellTest, TasksDockCancelsTheSelectedTaskFromItsToolbar) {
    ASSERT_TRUE(window().openScript(
        writeScript("two.js",
                    "pn.state.execute(async () => { await pn.sleep(600000); });\n"
                    "pn.state.execute(async () => { await pn.sleep(600000); });\n"
                    "pn.Row('two sleepers').servable();\n")));
    TaskListModel* model = window().tasks()->model();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 2; }));
    const quint64 second = model->taskId(1);
    window().tasks()->view()->setCurrentIndex(model->index(1, 0));
    auto* cancel = window().tasks()->findChild<QToolButton*>();
    ASSERT_NE(cancel, nullptr);
    ASSERT_TRUE(cancel->isEnabled());
    cancel->click();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }));
    EXPECT_NE(model->taskId(0), second);
    EXPECT_FALSE(qpanel::Runtime::instance().tasks().contains(second));
}

TEST_F(ShellTest, AFailedTaskStaysListedWithItsErrorUntilCleared) {
    auto& registry = qpanel::Runtime::instance().tasks();
    TaskListModel model(&registry);
    // A C++ task that fails, as a core component's task would (its report silenced).
    qpanel::Runtime::instance().setExceptionHandler([](const qpanel::ErrorReport&) {});
    qpanel::Runtime::instance().spawn([]() -> QCoro::Task<> {
        co_await qpanel::sleep(std::chrono::milliseconds(5));
        throw std::runtime_error("sensor unplugged");
    });
    ASSERT_TRUE(waitUntil([&] { return model.failedCount() == 1; }));
    qpanel::Runtime::instance().setExceptionHandler({});
    EXPECT_EQ(model.rowCount(), 1);
    const QString state = model.index(0, TaskListModel::StateColumn).data().toString();
    EXPECT_TRUE(state.contains("sensor unplugged")) << state.toStdString();
    EXPECT_FALSE(
        model.index(0, TaskListModel::CancelColumn).data(TaskListModel::CancellableRole).toBool());
    EXPECT_EQ(registry.count(), 0);
    model.clearFailed();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(ShellTest, ElapsedTimeTicksWhileTheDockIsShown) {
    window().tasks()->show();
    ASSERT_TRUE(window().openScript(writeScript(
        "ticker.js",
        "pn.state.execute(async () => { await pn.sleep(600000); });\npn.Row('t').servable();\n")));
    TaskListModel* model = window().tasks()->model();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }));
    QSignalSpy ticked(model, &QAbstractItemModel::dataChanged);
    // Refreshed by the dock's one-second tick, not by any change of the task.
    EXPECT_TRUE(waitUntil(
        [&] {
            return model->index(0, TaskListModel::ElapsedColumn).data().toString() ==
                   QStringLiteral("1 s");
        },
        std::chrono::seconds(3)));
    EXPECT_GE(ticked.size(), 1);
    window().tasks()->hide();
    ticked.clear();
    EXPECT_FALSE(ticked.wait(1500)) << "no ticks while hidden";
}

TEST_F(ShellTest, AFailedScriptCallbackStaysListedWithItsError) {
    ASSERT_TRUE(window().openScript(writeScript("fails.js",
                                                "pn.state.execute(async () => {\n"
                                                "  await pn.sleep(10);\n"
                                                "  throw new Error('sensor unplugged');\n"
                                                "});\n"
                                                "pn.Row('x').servable();\n")));
    TaskListModel* model = window().tasks()->model();
    ASSERT_TRUE(waitUntil([&] { return model->failedCount() == 1; }));
    const QString state = model->index(0, TaskListModel::StateColumn).data().toString();
    EXPECT_TRUE(state.contains("sensor unplugged")) << state.toStdString();
    EXPECT_EQ(model->index(0, TaskListModel::OriginColumn).data().toString(),
              QStringLiteral("pn.state.execute"));
}
