// Soak run (not in CI): streaming plus periodic callbacks for a long time,
// RSS sampled at a fixed interval and printed as a Markdown table.
//
//   qpanel_soak [--minutes 30] [--sample-seconds 60] [--out table.md]
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWidget>
#include <cstdio>

#include "bridge/scriptsession.h"
#include "core/runtime.h"
#include "widgets/button.h"

namespace {

/// Resident set size in KiB, from /proc (Linux).
long residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

template <typename T>
T* findComponent(QObject* root, const QString& typeName) {
    for (T* candidate : root->findChildren<T*>())
        if (candidate->typeName() == typeName) return candidate;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Run time."),
                                     QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption sampleSeconds(QStringLiteral("sample-seconds"),
                                           QStringLiteral("RSS sample interval."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Also write the table here."),
                                 QStringLiteral("file"));
    parser.addOptions({minutes, sampleSeconds, out});
    parser.process(app);

    QTemporaryDir cache;
    qpanel::Transpiler transpiler(qpanel::Transpiler::Options{cache.path(), true});
    qpanel::ScriptSession session(&transpiler);
    int errors = 0;
    QObject::connect(&session, &qpanel::ScriptSession::errorReported, &app,
                     [&](const qpanel::ScriptError& e, const QString&) {
                         ++errors;
                         std::fprintf(stderr, "%s\n", qPrintable(e.toString()));
                     });
    if (!session.load(QStringLiteral(QPANEL_SOAK_SCRIPT))) return 1;
    std::unique_ptr<QWidget> window(session.createContent());
    window->resize(900, 800);
    window->show();

    auto* button = findComponent<qpanel::Button>(session.document(), QStringLiteral("Button"));
    auto* slider =
        findComponent<qpanel::Component>(session.document(), QStringLiteral("IntSlider"));
    auto* status =
        findComponent<qpanel::Component>(session.document(), QStringLiteral("StaticText"));
    if (!button || !slider || !status) {
        std::fprintf(stderr, "soak: the soak app has no Button, IntSlider or StaticText\n");
        return 1;
    }
    // The user: a click every 200 ms, the slider every 100 ms, a repaint of
    // the whole window every second (charts draw their decimated points).
    QTimer clicks, slides, paints;
    QObject::connect(&clicks, &QTimer::timeout, button, [button] { button->click(); });
    int position = 0;
    QObject::connect(&slides, &QTimer::timeout, slider,
                     [&] { slider->set("value", ++position % 1000); });
    QObject::connect(&paints, &QTimer::timeout, window.get(), [&] { window->grab(); });
    clicks.start(200);
    slides.start(100);
    paints.start(1000);

    QString table;
    QTextStream rows(&table);
    rows << "| minute | RSS (MiB) | tasks in flight | points streamed | errors "
            "|\n|---:|---:|---:|---:|---:|\n";
    QElapsedTimer clock;
    clock.start();
    const auto sample = [&] {
        const QString row =
            QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                .arg(clock.elapsed() / 60000.0, 0, 'f', 1)
                .arg(residentKiB() / 1024.0, 0, 'f', 1)
                .arg(qpanel::Runtime::instance().tasks().countOwnedBy(session.document()))
                .arg(status->get("value").toString().section(' ', -1))
                .arg(errors);
        rows << row;
        std::printf("%s", qPrintable(row));
        std::fflush(stdout);
    };
    std::printf("%s", qPrintable(table));
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, sample);
    sampler.start(parser.value(sampleSeconds).toInt() * 1000);
    QTimer::singleShot(int(parser.value(minutes).toDouble() * 60000), &app, [&] {
        sample();
        QCoreApplication::quit();
    });
    sample();
    app.exec();
    if (parser.isSet(out)) {
        QFile file(parser.value(out));
        if (file.open(QIODevice::WriteOnly)) file.write(table.toUtf8());
    }
    return errors ? 1 : 0;
}
