// Every bundled example loads in the window without an error (from the
// Examples menu), and the catalog describes each one.
#include <QLabel>
#include <QMenu>

#include "common/httptestserver.h"
#include "common/imagebytes.h"
#include "shell/examplescatalog.h"
#include "shellfixture.h"

using qpanel::ExamplesCatalog;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

TEST(ExamplesCatalog, ListsEveryBundledExampleWithItsFirstSentence) {
    qpanel::Transpiler transpiler;  // never used: the catalog only reads files
    qpanel::AppLanguages languages;
    qpanel::registerJavaScript(languages, &transpiler);
    const QList<qpanel::Example> examples = ExamplesCatalog::list(languages);
    QStringList names;
    for (const auto& e : examples) {
        names << e.name;
        EXPECT_FALSE(e.description.isEmpty()) << e.name.toStdString();
        EXPECT_TRUE(e.description.endsWith(QLatin1Char('.'))) << e.description.toStdString();
        EXPECT_TRUE(QFileInfo(e.path).isFile());
    }
    for (const char* name : {"async_bind_image", "async_button", "async_watch_image", "dashboard",
                             "periodic_and_execute", "streaming_chart"})
        EXPECT_TRUE(names.contains(QString::fromLatin1(name))) << name;
    const auto button = ExamplesCatalog::find(QStringLiteral("async_button"), languages);
    ASSERT_TRUE(button.has_value());
    EXPECT_EQ(button->description,
              QStringLiteral("Panel's async guide, example 1: an async click handler."));
    EXPECT_TRUE(ExamplesCatalog::find(QStringLiteral("async_button.js"), languages).has_value());
    EXPECT_FALSE(ExamplesCatalog::find(QStringLiteral("no_such_example"), languages).has_value());
}

TEST_F(ShellTest, EveryBundledExampleLoadsFromTheExamplesMenuWithoutError) {
    qpanel::test::HttpTestServer server;
    server.fallback([](const QString&) {
        return qpanel::test::HttpReply{
            .body = qpanel::test::solidImageBytes({64, 32}, QColor(40, 120, 200)),
            .contentType = "image/jpeg"};
    });
    qputenv("QPANEL_IMAGE_URL", (server.url("/img/").toString() + "{index}").toUtf8());
    int errors = 0;
    QObject::connect(&window(), &qpanel::MainWindow::errorReported, &window(),
                     [&](const qpanel::ScriptError&, const QString&) { ++errors; });
    auto* menu = window().findChild<QMenu*>(QStringLiteral("menuExamples"));
    ASSERT_NE(menu, nullptr);
    const QList<qpanel::Example> examples = ExamplesCatalog::list(*languages_);
    ASSERT_EQ(menu->actions().size(), examples.size());
    for (QAction* entry : menu->actions()) {
        SCOPED_TRACE(entry->text().toStdString());
        entry->trigger();
        ASSERT_TRUE(waitUntil([&] { return window().scriptPath() == entry->data().toString(); }))
            << consoleText().toStdString();
        // Let its first callbacks and fetches run (apps with a periodic
        // callback never become idle: the bound wait just ends).
        waitUntil([&] { return window().isIdle(); }, std::chrono::milliseconds(1500));
        EXPECT_EQ(errors, 0) << consoleText().toStdString();
    }
    qunsetenv("QPANEL_IMAGE_URL");
}

TEST_F(ShellTest, TheDashboardShowsAFailedImageFetchInItsPane) {
    // A port nothing listens on: the fetch is refused at once, offline.
    qpanel::test::HttpTestServer closed;
    const QString url = closed.url("/img/").toString() + "{index}";
    closed.close();
    qputenv("QPANEL_IMAGE_URL", url.toUtf8());
    int errors = 0;
    QObject::connect(&window(), &qpanel::MainWindow::errorReported, &window(),
                     [&](const qpanel::ScriptError&, const QString&) { ++errors; });
    ASSERT_TRUE(
        window().openScript(ExamplesCatalog::find(QStringLiteral("dashboard"), *languages_)->path));
    EXPECT_EQ(window().windowTitle(), QStringLiteral("qpanel dashboard"));
    QWidget* content = window().centralWidget();
    auto shownText = [&] {
        QString all;
        for (auto* label : content->findChildren<QLabel*>())
            if (label->isVisible()) all += label->text() + QLatin1Char('\n');
        return all;
    };
    EXPECT_TRUE(waitUntil([&] {
        return shownText().contains(QStringLiteral("Image 1 unavailable"));
    })) << shownText().toStdString();
    EXPECT_EQ(errors, 0) << consoleText().toStdString();
    qunsetenv("QPANEL_IMAGE_URL");
}
