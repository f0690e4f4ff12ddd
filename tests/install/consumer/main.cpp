// Uses each installed library the way an application would: a widget's
// async on_click task (core + widgets) sleeps and updates a StaticText, and
// a script session (bridge) runs an async script, which needs the Babel
// and pn.js resources that linking qpanel::bridge must bring along.
// Prints "consumer ok" and exits 0 when all of it happened.
#include <QApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

#include "bridge/scriptsession.h"
#include "core/runtime.h"
#include "core/scheduler.h"
#include "widgets/button.h"
#include "widgets/statictext.h"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);

    qpanel::Button button({{QStringLiteral("name"), QStringLiteral("Go")}});
    qpanel::StaticText text;
    button.onClick([&text](const qpanel::Event& event) -> QCoro::Task<> {
        const int click = event.newValue.toInt();
        text.set(QStringLiteral("value"), QStringLiteral("Running %1").arg(click));
        co_await qpanel::sleep(20ms);
        text.set(QStringLiteral("value"), QStringLiteral("Finished %1").arg(click));
    });
    button.click();

    QTemporaryDir cache;
    qpanel::Transpiler transpiler(qpanel::Transpiler::Options{cache.path(), true});
    qpanel::ScriptSession session(&transpiler);
    QStringList logged;
    QObject::connect(&session, &qpanel::ScriptSession::messageLogged, &app,
                     [&logged](const QString&, const QString& line) { logged << line; });
    QObject::connect(&session, &qpanel::ScriptSession::errorReported, &app,
                     [](const qpanel::ScriptError& e, const QString&) {
                         std::fprintf(stderr, "consumer: script error %s\n",
                                      qPrintable(e.toString()));
                         QCoreApplication::exit(1);
                     });
    // async/await needs Babel (from the linked resources) on Qt 6.4's engine.
    session.run(
        QStringLiteral("const b = pn.widgets.Button({name: 'From JS'});\n"
                       "(async () => { await pn.sleep(10); console.log(`${b.name} ok`); })();\n"),
        QStringLiteral("consumer.js"));

    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (text.get(QStringLiteral("value")).toString() == QLatin1String("Finished 1") &&
            logged.contains(QStringLiteral("From JS ok")))
            QCoreApplication::exit(0);
    });
    poll.start(10);
    QTimer::singleShot(60s, &app, [&] {
        std::fprintf(stderr, "consumer: timed out; text '%s', script output [%s]\n",
                     qPrintable(text.get(QStringLiteral("value")).toString()),
                     qPrintable(logged.join(", ")));
        QCoreApplication::exit(1);
    });
    const int code = app.exec();
    if (code == 0) std::printf("consumer ok\n");
    return code;
}
