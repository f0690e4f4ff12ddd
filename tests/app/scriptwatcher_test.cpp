// Auto-reload on save: an edit in place, and an editor's atomic save (write
// a new file, rename it over the script) both reload the app, once each.
#include "shell/scriptwatcher.h"

#include <QSignalSpy>

#include "shellfixture.h"

using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

QString versioned(int version) {
    return QStringLiteral("console.log('version %1');\npn.Row('v%1').servable();\n").arg(version);
}

}  // namespace

TEST_F(ShellTest, AutoReloadPicksUpEditsInPlaceAndAtomicReplaces) {
    const QString path = writeScript("live.js", versioned(1));
    window().setAutoReload(true);
    ASSERT_TRUE(window().openScript(path));
    ASSERT_TRUE(consoleShows("version 1"));
    QSignalSpy changed(&window(), &qpanel::MainWindow::sessionChanged);

    writeScript("live.js", versioned(2));  // in place
    ASSERT_TRUE(consoleShows("version 2")) << consoleText().toStdString();

    // An editor's save: a temporary file renamed over the script.
    const QString temp = writeScript("live.js.swp", versioned(3));
    ASSERT_TRUE(std::rename(temp.toLocal8Bit().constData(), path.toLocal8Bit().constData()) == 0);
    ASSERT_TRUE(consoleShows("version 3")) << consoleText().toStdString();

    // Still watched after the replace.
    writeScript("live.js", versioned(4));
    ASSERT_TRUE(consoleShows("version 4")) << consoleText().toStdString();
    EXPECT_EQ(changed.size(), 3);

    // Off: a save changes nothing.
    window().setAutoReload(false);
    writeScript("live.js", versioned(5));
    writeScript("other.js", versioned(6));
    EXPECT_FALSE(waitUntil([&] { return consoleText().contains("version 5"); },
                           std::chrono::milliseconds(800)));
}

TEST(ScriptWatcher, OtherFilesInTheFolderDoNotCountAndBurstsAreDebounced) {
    QTemporaryDir dir;
    const QString path = dir.filePath("app.js");
    auto write = [](const QString& file, const QByteArray& text) {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    write(path, "1");
    qpanel::ScriptWatcher watcher;
    watcher.watch(path);
    QSignalSpy saved(&watcher, &qpanel::ScriptWatcher::scriptChanged);

    write(dir.filePath("neighbour.js"), "x");
    EXPECT_FALSE(saved.wait(600));

    for (const QByteArray& text : {QByteArray("2"), QByteArray("22"), QByteArray("222")})
        write(path, text);
    ASSERT_TRUE(saved.wait(3000));
    EXPECT_FALSE(saved.wait(600)) << "a burst of writes reloads once";
    EXPECT_EQ(saved.size(), 1);
}
