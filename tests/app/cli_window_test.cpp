// The qpanel executable with a window: --screenshot saves the window once the
// app is idle, and every bundled example runs headless to its end.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QWidget>

#include "app/qpanelprocess.h"
#include "common/httptestserver.h"
#include "common/imagebytes.h"

using qpanel::test::nonEmptyLines;
using qpanel::test::runQpanel;

namespace {

/// Pixels that differ from the most common colour (the window's background).
int pixelsOffBackground(const QImage& image) {
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) ++histogram[image.pixel(x, y)];
    int background = 0;
    for (int n : histogram) background = std::max(background, n);
    return image.width() * image.height() - background;
}

}  // namespace

TEST(CliWindow, ScreenshotIsAPngOfTheWindowSizeWithContent) {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--example"), QStringLiteral("async_button"),
                                QStringLiteral("--screenshot"), shot});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const auto size =
        QRegularExpression(QStringLiteral("saved the window \\((\\d+)x(\\d+)\\)")).match(run.out);
    ASSERT_TRUE(size.hasMatch()) << qPrintable(run.out);
    const QImage image(shot, "PNG");
    ASSERT_FALSE(image.isNull()) << "not a PNG: " << qPrintable(shot);
    EXPECT_EQ(image.width(), size.captured(1).toInt());
    EXPECT_EQ(image.height(), size.captured(2).toInt());
    EXPECT_GE(image.width(), 200);
    EXPECT_GE(image.height(), 100);
    // The button and its label: a few hundred pixels at least, not a blank window.
    EXPECT_GT(pixelsOffBackground(image), 300);
}

TEST(CliWindow, ScreenshotOfAPythonExampleIsAPngWithContent) {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--screenshot"), shot,
                                QStringLiteral(QPANEL_SOURCE_EXAMPLES "/async_button.py")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QStringLiteral("saved the window"))) << qPrintable(run.out);
    const QImage image(shot, "PNG");
    ASSERT_FALSE(image.isNull()) << "not a PNG: " << qPrintable(shot);
    // The button and its label, as for the JavaScript example.
    EXPECT_GT(pixelsOffBackground(image), 300);
}

TEST(CliWindow, ScreenshotOfAScriptWithAnErrorStillSavesAndExitsOne) {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--screenshot"), shot,
                                qpanel::test::testScript(QStringLiteral("late_timer_throw.js"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("late_timer_throw.js:4"))) << qPrintable(run.err);
    EXPECT_FALSE(QImage(shot, "PNG").isNull());
}

TEST(CliWindow, ScreenshotOfAnAppThatNeverSettlesSavesTheWindowAtTheTimeoutAndExitsThree) {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--screenshot"), shot, QStringLiteral("--timeout"),
                                QStringLiteral("400"),
                                qpanel::test::testScript(QStringLiteral("never_idle.js"))});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(
        run.err.contains(QStringLiteral("qpanel: timed out: --timeout 400 ms passed before the app "
                                        "became idle (1 timer(s) or sleep(s) pending)\n")))
        << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QStringLiteral("saved the window as it was at the timeout")))
        << qPrintable(run.out);
    EXPECT_FALSE(QImage(shot, "PNG").isNull());
}

TEST(CliWindow, ScreenshotWithoutTimeoutGivesUpAfterTheDefaultTenSeconds) {
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--screenshot"), shot, QStringLiteral("--example"),
                                QStringLiteral("dashboard")});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 3) << qPrintable(run.err);
    EXPECT_GE(run.elapsedMs, 10000);
    EXPECT_TRUE(
        run.err.contains(QStringLiteral("qpanel: timed out: the --screenshot default timeout "
                                        "(10000 ms) passed before the app became idle (")))
        << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(QStringLiteral("periodic callback(s) running")))
        << qPrintable(run.err);
    const QImage image(shot, "PNG");
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(pixelsOffBackground(image), 300);  // the dashboard as it was, not a blank window
}

// A user's settings (XDG_CONFIG_HOME): a 500x400 window, one recent script.
class UserSettingsHome {
public:
    UserSettingsHome() {
        QWidget sized;
        sized.resize(500, 400);
        QSettings settings(file(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/geometry"), sized.saveGeometry());
        settings.setValue(
            QStringLiteral("recentFiles"),
            QStringList{qpanel::test::testScript(QStringLiteral("logs_and_finishes.js"))});
        settings.sync();
        before_ = bytes();
    }
    QString file() const { return home_.filePath(QStringLiteral("qpanel/qpanel.conf")); }
    QByteArray bytes() const {
        QFile f(file());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool unchanged() const { return !before_.isEmpty() && bytes() == before_; }
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home_.path());
        return env;
    }

private:
    QTemporaryDir home_;
    QByteArray before_;
};

TEST(CliWindow, ScreenshotHasTheDefaultSizeAndLeavesTheUserSettingsAlone) {
    const UserSettingsHome user;
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const auto run = runQpanel({QStringLiteral("--example"), QStringLiteral("async_button"),
                                QStringLiteral("--screenshot"), shot},
                               user.environment());
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QStringLiteral("saved the window (960x680)")))
        << qPrintable(run.out);
    EXPECT_EQ(QImage(shot, "PNG").size(), QSize(960, 680));
    EXPECT_TRUE(user.unchanged()) << user.bytes().toStdString();
}

TEST(CliWindow, ExitWhenIdleLeavesTheUserSettingsAlone) {
    const UserSettingsHome user;
    const auto run = runQpanel({QStringLiteral("--exit-when-idle"),
                                qpanel::test::testScript(QStringLiteral("logs_and_finishes.js"))},
                               user.environment());
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(user.unchanged()) << user.bytes().toStdString();
}

// Every bundled example, headless. The image examples fetch from a local
// server. An example either finishes on its own (exit 0, nothing on stderr)
// or streams until stopped, which --timeout cuts (exit 3) with nothing on
// stderr but the timeout line, naming only a running periodic callback.
TEST(CliWindow, EveryBundledExampleRunsHeadlessWithoutErrors) {
    qpanel::test::HttpTestServer server;
    server.fallback([](const QString& path) {
        return qpanel::test::HttpReply{
            .body = qpanel::test::solidImageBytes(
                {80, 30},
                QColor::fromHsv(path.section(QLatin1Char('/'), -1).toInt() * 30 % 360, 200, 200)),
            .contentType = "image/jpeg"};
    });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QPANEL_IMAGE_URL"),
               server.url(QStringLiteral("/img/{index}")).toString());
    // What the examples taken from Panel's async guide do; examples added later follow the general
    // rule.
    const QHash<QString, int> expected = {
        {QStringLiteral("async_button"), 0},         {QStringLiteral("async_bind_image"), 0},
        {QStringLiteral("async_watch_image"), 0},    {QStringLiteral("streaming_chart"), 0},
        {QStringLiteral("periodic_and_execute"), 3}, {QStringLiteral("explore_chart"), 3}};

    // The Python examples behave as their JavaScript twins.
    const QStringList files =
        QDir(QStringLiteral(QPANEL_SOURCE_EXAMPLES))
            .entryList({QStringLiteral("*.js"), QStringLiteral("*.ts"), QStringLiteral("*.py")},
                       QDir::Files, QDir::Name);
    ASSERT_FALSE(files.isEmpty());
    for (const QString& file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        // --example takes a file name too ("async_button.py" beside async_button.js).
        const QString example = file.endsWith(QLatin1String(".py")) ? file : name;
        SCOPED_TRACE(qPrintable(file));
        const int requestsBefore = server.requests();
        const int timeoutMs = expected.value(name, -1) == 3 ? 1500 : 15000;
        const auto run =
            runQpanel({QStringLiteral("--exit-when-idle"), QStringLiteral("--timeout"),
                       QString::number(timeoutMs), QStringLiteral("--example"), example},
                      env);
        if (expected.contains(name)) {
            EXPECT_EQ(run.exitCode, expected.value(name)) << qPrintable(run.err);
        }
        if (run.exitCode == 3) {
            // One line; a tick may be in flight at that moment (its task and sleep listed too).
            EXPECT_EQ(nonEmptyLines(run.err).size(), 1) << qPrintable(run.err);
            EXPECT_TRUE(run.err.startsWith(
                QStringLiteral(
                    "qpanel: timed out: --timeout %1 ms passed before the app became idle (")
                    .arg(timeoutMs)))
                << qPrintable(run.err);
            EXPECT_TRUE(run.err.contains(QStringLiteral("1 periodic callback(s) running)")))
                << qPrintable(run.err);
        } else {
            EXPECT_EQ(run.exitCode, 0);
            EXPECT_EQ(run.err.toStdString(), "");
        }
        if (name == QLatin1String("async_bind_image")) {
            EXPECT_EQ(server.requests(), requestsBefore + 1);
        }
    }
}
