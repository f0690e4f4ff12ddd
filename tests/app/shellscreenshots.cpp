// Not a test: takes the README's screenshots of the desktop window (start
// page, an example with its docks, the dashboard, a Python app) in a light or
// dark palette.
//
//   shell_screenshots OUTPUT_DIR [--dark]
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

#include "bridge/javascriptlanguage.h"
#include "bridge/transpiler.h"
#include "common/darkpalette.h"
#include "common/httptestserver.h"
#include "python/pythonlanguage.h"
#include "shell/examplescatalog.h"
#include "shell/mainwindow.h"
#include "shell/sourceview.h"
#include "shell/tasksdock.h"

namespace {

// A landscape-like picture for the dashboard's image pane (no network here).
QByteArray pictureJpeg(int index) {
    QImage image(800, 300, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, 300);
    sky.setColorAt(0, QColor::fromHsv((200 + index * 12) % 360, 120, 230));
    sky.setColorAt(1, QColor::fromHsv((30 + index * 12) % 360, 90, 250));
    painter.fillRect(image.rect(), sky);
    painter.setBrush(QColor(40, 70, 60));
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(
        QPolygon({{0, 300}, {0, 210}, {180, 120}, {330, 200}, {520, 90}, {800, 220}, {800, 300}}));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 90);
    return bytes;
}

bool save(QWidget& window, const QString& path) {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const bool ok = window.grab().save(path, "PNG");
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    return ok;
}

QPushButton* button(QWidget& window, const QString& text) {
    for (auto* b : window.findChildren<QPushButton*>())
        if (b->text() == text && b->isVisible()) return b;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral("screenshots"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: shell_screenshots OUTPUT_DIR [--dark]\n");
        return 2;
    }
    const QDir out(args.at(1));
    const bool dark = args.contains(QStringLiteral("--dark"));
    const QString suffix = dark ? QStringLiteral("-dark") : QString();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (dark) QApplication::setPalette(qpanel::test::darkPalette());

    // Own settings: no recent files of the user's in the pictures.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    qpanel::test::HttpTestServer server;
    server.fallback([](const QString& path) {
        return qpanel::test::HttpReply{.body = pictureJpeg(path.section('/', -1).toInt()),
                                       .contentType = "image/jpeg"};
    });
    qputenv("QPANEL_IMAGE_URL", (server.url("/img/").toString() + "{index}").toUtf8());

    qpanel::Transpiler transpiler;
    transpiler.warmUp();
    qpanel::AppLanguages languages;
    qpanel::registerJavaScript(languages, &transpiler);
    qpanel::registerPython(languages);
    qpanel::MainWindow window(&languages);
    window.resize(1100, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    bool ok = save(window, out.filePath("shell-start" + suffix + ".png"));

    // An example with its docks busy: three clicks in flight, a console line.
    ok &= window.openScript(
        qpanel::ExamplesCatalog::find(QStringLiteral("async_button"), languages)->path);
    QPushButton* click = button(window, QStringLiteral("Click me!"));
    if (!click) return 1;
    for (int i = 0; i < 3; ++i) {
        click->click();
        QTest::qWait(350);  // not a test: spaces the clicks so elapsed times differ
    }
    // A script that fails to load: its error, with a link to the line, in the console.
    QTemporaryDir scripts;
    const QString broken = scripts.filePath(QStringLiteral("broken.js"));
    QFile file(broken);
    if (!file.open(QIODevice::WriteOnly)) return 1;
    file.write(
        "const slider = pn.widgets.IntSlider({start: 0, end: 10});\n"
        "pn.Column(slider, pn.pane.Markdown(`value: ${slider.valu.toFixed(1)}`)).servable();\n");
    file.close();
    window.openScript(broken);
    QTest::qWait(1100);
    ok &= save(window, out.filePath("shell-example-docks" + suffix + ".png"));
    window.showSource(broken, 2);
    if (window.sourceView())
        ok &= save(*window.sourceView(), out.filePath("shell-source" + suffix + ".png"));

    ok &= window.openScript(
        qpanel::ExamplesCatalog::find(QStringLiteral("dashboard"), languages)->path);
    if (QPushButton* run = button(window, QStringLiteral("Run job"))) {
        QTest::qWait(7000);
        run->click();
        QTest::qWait(1200);
    }
    ok &= save(window, out.filePath("shell-dashboard" + suffix + ".png"));

    // The seed's streaming example as Python: numpy points streamed on clicks.
    ok &= window.openScript(
        qpanel::ExamplesCatalog::find(QStringLiteral("streaming_chart.py"), languages)->path);
    if (QPushButton* stream = button(window, QStringLiteral("Click me!"))) {
        for (int i = 0; i < 6; ++i) {
            stream->click();
            QTest::qWait(1200);  // not a test: one second per click, as the script sleeps
        }
    }
    ok &= save(window, out.filePath("shell-python" + suffix + ".png"));
    window.closeApp();
    return ok ? 0 : 1;
}
