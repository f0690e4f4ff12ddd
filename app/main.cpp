// The qpanel desktop app (minimal shell until the full window lands): loads
// an app script or a bundled example into a window, shows console output
// and errors on stderr, and the busy state in the status bar.
#include "bridge/scriptsession.h"
#include "core/runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace {

QString examplesFolder() {
    // Next to the binary when installed, else the source tree's resources.
    for (const QString& candidate :
         {QCoreApplication::applicationDirPath() + QStringLiteral("/../share/qpanel/examples"),
          QStringLiteral(QPANEL_SOURCE_EXAMPLES)}) {
        if (QFileInfo::exists(candidate)) return QDir(candidate).absolutePath();
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qpanel"));
    QApplication::setApplicationVersion(QStringLiteral(QPANEL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Panel-style async apps on the Qt desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("script"), QStringLiteral("App script (.js or .ts) to open."));
    const QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Open a bundled example."),
                                     QStringLiteral("name"));
    parser.addOption(example);
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Once the app is idle, save the window as PNG and exit."),
                                        QStringLiteral("file.png"));
    parser.addOption(screenshot);
    parser.process(app);

    QString path;
    if (parser.isSet(example)) {
        path = examplesFolder() + QLatin1Char('/') + parser.value(example) + QStringLiteral(".js");
        if (!QFileInfo::exists(path)) {
            std::fprintf(stderr, "qpanel: no bundled example named '%s' (looked in %s)\n",
                         qPrintable(parser.value(example)), qPrintable(examplesFolder()));
            return 2;
        }
    } else if (!parser.positionalArguments().isEmpty()) {
        path = parser.positionalArguments().constFirst();
    }

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("qpanel"));
    qpanel::Transpiler transpiler;
    transpiler.warmUp();
    qpanel::ScriptSession session(&transpiler);
    QObject::connect(&session, &qpanel::ScriptSession::messageLogged, &window,
                     [](const QString&, const QString& text) { std::printf("%s\n", qPrintable(text)); });
    QObject::connect(&session, &qpanel::ScriptSession::errorReported, &window,
                     [&window](const qpanel::ScriptError& e, const QString&) {
                         std::fprintf(stderr, "%s\n", qPrintable(e.toString()));
                         window.statusBar()->showMessage(e.toString());
                     });
    if (!path.isEmpty()) {
        session.load(path);
        window.setWindowTitle(QStringLiteral("%1 — qpanel").arg(QFileInfo(path).fileName()));
    }
    window.setCentralWidget(session.createContent());
    auto& runtime = qpanel::Runtime::instance();
    QObject::connect(&runtime.tasks(), &qpanel::TaskRegistry::countChanged, &window, [&](int n) {
        window.statusBar()->showMessage(n ? QStringLiteral("Busy: %1 task(s) running").arg(n)
                                          : QStringLiteral("Idle"));
    });
    window.resize(720, 480);
    window.show();
    if (parser.isSet(screenshot)) {
        // Poll for idle (no task of the app, no script timer or job pending).
        auto* poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&] {
            if (!session.isIdle()) return;
            const bool saved = window.grab().save(parser.value(screenshot), "PNG");
            if (!saved) std::fprintf(stderr, "qpanel: cannot write %s\n", qPrintable(parser.value(screenshot)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
        poll->start(50);
    }
    return app.exec();
}
