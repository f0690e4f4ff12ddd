#include "core/scheduler.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QThread>
#include <algorithm>
#include <limits>

#include "core/crossthread.h"
#include "core/runtime.h"

namespace qpanel {

namespace {
const QEvent::Type kDrainEvent = QEvent::Type(QEvent::registerEventType());
thread_local QPointer<Scheduler> tlsScheduler;
}  // namespace

Scheduler::Scheduler(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &Scheduler::fireTimers);
}

Scheduler::~Scheduler() = default;

Scheduler& Scheduler::current() {
    if (!tlsScheduler) {
        // On the main thread the runtime owns it: the runtime's registry
        // cancels (and so withdraws) every parked task before the scheduler
        // goes. Other threads own theirs for the thread's life.
        auto* app = QCoreApplication::instance();
        const bool mainThread = app && app->thread() == QThread::currentThread();
        tlsScheduler = new Scheduler(mainThread ? &Runtime::instance() : nullptr);
    }
    return *tlsScheduler;
}

Scheduler::Ticket Scheduler::occupy(Suspension* waiter, bool timed) {
    std::uint32_t index;
    if (freeSlots_.empty()) {
        index = std::uint32_t(slots_.size());
        slots_.push_back(Slot{});
    } else {
        index = freeSlots_.back();
        freeSlots_.pop_back();
    }
    slots_[index].waiter = waiter;
    slots_[index].timed = timed;
    if (timed)
        ++activeSleepers_;
    else
        ++activeReady_;
    return Ticket{index, slots_[index].generation};
}

Suspension* Scheduler::release(Ticket ticket) {
    Slot& slot = slots_[ticket.slot];
    if (slot.generation != ticket.generation || !slot.waiter) return nullptr;
    Suspension* waiter = slot.waiter;
    slot.waiter = nullptr;
    ++slot.generation;
    if (slot.timed)
        --activeSleepers_;
    else
        --activeReady_;
    freeSlots_.push_back(ticket.slot);
    return waiter;
}

Scheduler::Ticket Scheduler::enqueueReady(Suspension* waiter) {
    const Ticket ticket = occupy(waiter, false);
    ready_.push_back(ticket);
    postDrain();
    return ticket;
}

Scheduler::Ticket Scheduler::enqueueAt(Suspension* waiter, Clock::time_point deadline) {
    const Ticket ticket = occupy(waiter, true);
    timers_.push(TimerEntry{deadline, timerSequence_++, ticket});
    if (deadline < armedFor_) armTimer();
    return ticket;
}

void Scheduler::withdraw(Ticket ticket) {
    // The heap/queue entry stays behind and is skipped when it comes up.
    release(ticket);
}

void Scheduler::postDrain() {
    if (drainPosted_) return;
    drainPosted_ = true;
    QCoreApplication::postEvent(this, new QEvent(kDrainEvent));
}

bool Scheduler::event(QEvent* event) {
    if (detail::runPostedCall(event)) return true;
    if (event->type() == kDrainEvent) {
        drainPosted_ = false;
        drainReady();
        return true;
    }
    return QObject::event(event);
}

void Scheduler::drainReady() {
    // Only what was queued before this pass runs now; tasks that yield again
    // land behind it and run on the next pass, so the loop keeps ticking.
    std::size_t todo = ready_.size();
    const auto started = Clock::now();
    while (todo-- > 0 && !ready_.empty()) {
        const Ticket ticket = ready_.front();
        ready_.pop_front();
        if (Suspension* waiter = release(ticket)) waiter->wake();
        if ((todo & 255) == 0 && Clock::now() - started > kPassBudget) break;
    }
    if (!ready_.empty()) postDrain();
}

void Scheduler::fireTimers() {
    armedFor_ = Clock::time_point::max();
    const auto now = Clock::now();
    while (!timers_.empty() && timers_.top().deadline <= now) {
        const Ticket ticket = timers_.top().ticket;
        timers_.pop();
        if (Suspension* waiter = release(ticket)) waiter->wake();
    }
    armTimer();
}

void Scheduler::armTimer() {
    // Skip entries of withdrawn sleepers so they do not keep the timer busy.
    while (!timers_.empty()) {
        const Ticket t = timers_.top().ticket;
        const Slot& slot = slots_[t.slot];
        if (slot.generation == t.generation && slot.waiter) break;
        timers_.pop();
    }
    if (timers_.empty()) {
        timer_.stop();
        armedFor_ = Clock::time_point::max();
        return;
    }
    const auto deadline = timers_.top().deadline;
    const auto wait = deadline - Clock::now();
    const auto waitMs = std::chrono::ceil<std::chrono::milliseconds>(wait);
    armedFor_ = deadline;
    // QTimer takes an int of milliseconds (24.8 days); a later deadline arms
    // it for the longest it can, and fireTimers() re-arms (nothing is due).
    constexpr std::chrono::milliseconds::rep kLongestArm = std::numeric_limits<int>::max();
    timer_.start(int(std::clamp<std::chrono::milliseconds::rep>(waitMs.count(), 0, kLongestArm)));
}

void SleepAwaiter::await_suspend(std::coroutine_handle<> h) {
    park(h);
    scheduler_ = &Scheduler::current();
    if (delay_ <= Scheduler::Clock::duration::zero())
        ticket_ = scheduler_->enqueueReady(this);
    else
        ticket_ = scheduler_->enqueueAt(this, Scheduler::Clock::now() + delay_);
}

bool SleepAwaiter::detach() noexcept {
    scheduler_->withdraw(ticket_);
    return true;
}

}  // namespace qpanel
