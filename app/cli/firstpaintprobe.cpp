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

bool probing() {
    return qEnvironmentVariableIsSet("QPANEL_FIRST_PAINT_PROBE");
}
bool exitAfterReport() {
    return qEnvironmentVariable("QPANEL_FIRST_PAINT_PROBE") == QLatin1String("exit");
}

void report(const char* what, bool exitAfter, int exitCode) {
    std::printf("%s %lld\n", what, static_cast<long long>(mainClock().elapsed()));
    std::fflush(stdout);
    if (exitAfter) QCoreApplication::exit(exitCode);
}

// Reports the first paint of `area` or any widget inside it, once.
class FirstPaintFilter : public QObject {
public:
    FirstPaintFilter(QWidget* area, const char* line, bool exitAfter)
        : QObject(area), line_(line), exitAfter_(exitAfter) {}

    // Opaque children (a scroll area, the central widget) can cover the whole
    // area, which then never paints itself: the first paint of any widget in
    // it counts.
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Paint || reported_ || !watched->isWidgetType()) return false;
        auto* area = static_cast<QWidget*>(parent());
        auto* widget = static_cast<QWidget*>(watched);
        if (widget != area && !area->isAncestorOf(widget)) return false;
        reported_ = true;
        // Report after this paint pass (children paint and the backing store
        // flushes in the same pass), not when it begins.
        QMetaObject::invokeMethod(
            this, [this] { report(line_, exitAfter_, 0); }, Qt::QueuedConnection);
        return false;
    }

private:
    const char* line_;
    bool exitAfter_;
    bool reported_ = false;
};

}  // namespace

void markMainStarted() {
    mainClock().start();
}

void probeFirstPaint(QWidget* window, bool appFollows) {
    if (!probing()) return;
    QCoreApplication::instance()->installEventFilter(
        new FirstPaintFilter(window, "qpanel-first-paint", exitAfterReport() && !appFollows));
}

void probeAppShown(QWidget* content) {
    if (!probing()) return;
    if (!content) {
        report("qpanel-app-failed", exitAfterReport(), 1);
        return;
    }
    QCoreApplication::instance()->installEventFilter(
        new FirstPaintFilter(content, "qpanel-app-shown", exitAfterReport()));
}

}  // namespace qpanel::cli
