// The start-time floor for startup_bench: a bare Qt Widgets app showing an
// empty QMainWindow of qpanel's size, with qpanel's own first-paint probe.
#include <QApplication>
#include <QMainWindow>

#include "cli/firstpaintprobe.h"

int main(int argc, char** argv) {
    qpanel::cli::markMainStarted();
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("bare Qt window"));
    window.resize(720, 480);
    qpanel::cli::probeFirstPaint(&window);
    window.show();
    return QApplication::exec();
}
