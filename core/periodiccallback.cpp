#include "core/periodiccallback.h"

namespace qpanel {

namespace {
int runningPeriodicCallbacks = 0;
}

int PeriodicCallback::activeCount() {
    return runningPeriodicCallbacks;
}

PeriodicCallback::PeriodicCallback(Callback<> callback, Options options, Document* document)
    : QObject(document ? document : Document::current()),
      callback_(std::move(callback)),
      options_(std::move(options)),
      document_(document ? document : Document::current()) {
    if (options_.periodMs <= 0)
        throw std::invalid_argument(
            QStringLiteral("add_periodic_callback: period must be a positive number of "
                           "milliseconds, got %1")
                .arg(options_.periodMs)
                .toStdString());
    if (options_.origin.isEmpty())
        options_.origin = QStringLiteral("periodic callback (%1 ms)").arg(options_.periodMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PeriodicCallback::tick);
    timeout_.setSingleShot(true);
    connect(&timeout_, &QTimer::timeout, this, &PeriodicCallback::stop);
    if (options_.start) start();
}

PeriodicCallback::~PeriodicCallback() {
    setRunning(false);
}

void PeriodicCallback::start() {
    if (running_) return;
    if (options_.count && counter_ >= *options_.count) return;
    missedTick_ = false;
    timer_.start(options_.periodMs);
    if (options_.timeoutMs) timeout_.start(*options_.timeoutMs);
    setRunning(true);
}

void PeriodicCallback::stop() {
    timer_.stop();
    timeout_.stop();
    missedTick_ = false;
    setRunning(false);
}

void PeriodicCallback::setPeriod(int periodMs) {
    if (periodMs <= 0 || periodMs == options_.periodMs) return;
    options_.periodMs = periodMs;
    if (running_) timer_.start(periodMs);
    emit periodChanged(periodMs);
}

void PeriodicCallback::setRunning(bool running) {
    if (running_ == running) return;
    running_ = running;
    runningPeriodicCallbacks += running ? 1 : -1;
    emit runningChanged(running);
}

void PeriodicCallback::tick() {
    if (inFlight_) {
        ++skipped_;
        missedTick_ = true;
        emit skippedChanged(skipped_);
        return;
    }
    runOnce();
}

void PeriodicCallback::runOnce() {
    ++counter_;
    emit counterChanged(counter_);
    if (options_.count && counter_ >= *options_.count) stop();
    if (callback_.isAsync()) {
        inFlight_ = true;
        QPointer<PeriodicCallback> self(this);
        Runtime::instance().spawn(
            [fn = callback_.async()]() { return fn(); },
            SpawnOptions{options_.origin, document_.data(), policy_, [self](TaskState state) {
                             if (self) self->onRunDone(state);
                         }});
        return;
    }
    InvokeContext context{options_.origin, document_, policy_};
    invoke(callback_, context);
    emit runFinished(TaskState::Finished);
}

void PeriodicCallback::onRunDone(TaskState state) {
    inFlight_ = false;
    emit runFinished(state);
    // A cancelled run (the app closing, or the user) starts no catch-up run:
    // while the document is being destroyed it would outlive its owner.
    if (missedTick_ && running_ && state != TaskState::Cancelled) {
        // The run overran its period: start the next one now, re-phased.
        missedTick_ = false;
        timer_.start(options_.periodMs);
        runOnce();
    }
}

}  // namespace qpanel
