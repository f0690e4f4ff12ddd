#include "cli/idlewatch.h"

namespace qpanel::cli {

namespace {
// Idle has no signal of its own (script timers, promise jobs and tasks each
// live elsewhere); a short poll costs nothing next to a script's own work.
constexpr int kPollMs = 10;
}  // namespace

IdleWatch::IdleWatch(std::function<bool()> isIdle, std::optional<int> timeoutMs, QObject* parent)
    : QObject(parent), isIdle_(std::move(isIdle)), timeoutMs_(timeoutMs) {
    poll_.setInterval(kPollMs);
    connect(&poll_, &QTimer::timeout, this, &IdleWatch::poll);
}

void IdleWatch::start() {
    clock_.start();
    // The first check waits one loop pass, so calls the script posted run first.
    QTimer::singleShot(0, this, &IdleWatch::poll);
    poll_.start();
}

void IdleWatch::poll() {
    if (!poll_.isActive()) return;
    // Past the deadline it is a timeout, even if the app (or an interrupted
    // runaway script) settled meanwhile.
    if (timeoutMs_ && clock_.elapsed() >= *timeoutMs_) {
        poll_.stop();
        emit timedOut(*timeoutMs_);
    } else if (isIdle_()) {
        poll_.stop();
        emit becameIdle();
    }
}

}  // namespace qpanel::cli
