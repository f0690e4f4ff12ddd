#include "cli/firstpaintprobe.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QWidget>
#include <cstdio>

namespace qpanel::cli {

namespace {

QElapsedTimer& mainClock() {
    static QElapsedTimer clock;
    return clock;
}

class FirstPaintFilter : public QObject {
public:
    FirstPaintFilter(QWidget* window, bool exitAfter) : QObject(window), exitAfter_(exitAfter) {}

    // Opaque children (a scroll area, the central widget) can cover the whole
    // window, which then never paints itself: the first paint of any widget
    // in the window counts.
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Paint || reported_ || !watched->isWidgetType()) return false;
        if (static_cast<QWidget*>(watched)->window() != parent()) return false;
        reported_ = true;
        // Report after this paint pass (children paint and the backing store
        // flushes in the same pass), not when it begins.
        QMetaObject::invokeMethod(
            this,
            [this] {
                std::printf("qpanel-first-paint %lld\n", static_cast<long long>(mainClock().elapsed()));
                std::fflush(stdout);
                if (exitAfter_) QCoreApplication::exit(0);
            },
            Qt::QueuedConnection);
        return false;
    }

private:
    bool exitAfter_;
    bool reported_ = false;
};

}  // namespace

void markMainStarted() { mainClock().start(); }

void probeFirstPaint(QWidget* window) {
    if (!qEnvironmentVariableIsSet("QPANEL_FIRST_PAINT_PROBE")) return;
    const bool exitAfter = qEnvironmentVariable("QPANEL_FIRST_PAINT_PROBE") == QLatin1String("exit");
    QCoreApplication::instance()->installEventFilter(new FirstPaintFilter(window, exitAfter));
}

}  // namespace qpanel::cli
