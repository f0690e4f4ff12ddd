// A window told to ignore the user's settings (what --screenshot uses) opens
// at the default size and records nothing: no recent file, no geometry.
#include <QFile>

#include "shell/recentfiles.h"
#include "shellfixture.h"

using qpanel::MainWindow;
using qpanel::RecentFiles;
using qpanel::ShellSettings;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

const QString kPlainApp =
    QStringLiteral("pn.Row(pn.widgets.StaticText({value: 'plain'})).servable();\n");

QByteArray settingsFileBytes() {
    const QString path = ShellSettings().fileName();
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

}  // namespace

TEST_F(ShellTest, AWindowIgnoringUserSettingsOpensAtTheDefaultSizeAndWritesNothing) {
    // The user's own settings: a small window, one recent script.
    const QString recent = writeScript("recent.js", kPlainApp);
    {
        MainWindow user(languages_.get());
        user.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&user));
        user.resize(500, 400);
        ASSERT_TRUE(waitUntil([&] { return user.size() == QSize(500, 400); }));
        ASSERT_TRUE(user.openScript(recent));
        user.close();
    }
    ASSERT_EQ(RecentFiles::list(), QStringList{QFileInfo(recent).absoluteFilePath()});
    const QByteArray before = settingsFileBytes();
    ASSERT_FALSE(before.isEmpty());

    {
        MainWindow shot(languages_.get(), MainWindow::UserSettings::Ignore);
        shot.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&shot));
        EXPECT_EQ(shot.size(), MainWindow::kDefaultSize);
        ASSERT_TRUE(shot.openScript(writeScript("other.js", kPlainApp)));
        shot.setAutoReload(true);
        shot.resize(700, 500);
        shot.close();
    }
    EXPECT_EQ(RecentFiles::list(), QStringList{QFileInfo(recent).absoluteFilePath()});
    EXPECT_EQ(settingsFileBytes(), before);

    // The user's next window still finds their size.
    MainWindow user(languages_.get());
    user.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&user));
    EXPECT_EQ(user.size(), QSize(500, 400));
    EXPECT_FALSE(user.autoReload());
}
