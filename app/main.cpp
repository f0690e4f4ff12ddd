// The qpanel desktop app. Until script loading lands this window is driven
// by the core runtime alone: it starts demo tasks and shows the busy state.
#include "core/runtime.h"
#include "core/scheduler.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qpanel"));
    QApplication::setApplicationVersion(QStringLiteral(QPANEL_VERSION));

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("qpanel"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    auto* button = new QPushButton(QStringLiteral("Click me!"));
    auto* text = new QLabel;
    layout->addWidget(button);
    layout->addWidget(text);
    window.setCentralWidget(central);

    auto& runtime = qpanel::Runtime::instance();
    int clicks = 0;
    QObject::connect(button, &QPushButton::clicked, &window, [&] {
        const int n = ++clicks;
        runtime.spawn(
            [text = QPointer<QLabel>(text), n]() -> QCoro::Task<> {
                text->setText(QStringLiteral("Running %1").arg(n));
                co_await qpanel::sleep(2s);
                if (text) text->setText(QStringLiteral("Finished %1").arg(n));
            },
            {QStringLiteral("Button 'Click me!'"), &window});
    });
    auto updateStatus = [&] {
        const int n = runtime.tasks().count();
        window.statusBar()->showMessage(n ? QStringLiteral("Busy: %1 task(s) running").arg(n)
                                          : QStringLiteral("Idle"));
    };
    QObject::connect(&runtime.tasks(), &qpanel::TaskRegistry::countChanged, &window, updateStatus);
    updateStatus();
    window.resize(480, 160);
    window.show();
    return app.exec();
}
