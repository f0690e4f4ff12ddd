#include "cli/overdueinterrupt.h"

namespace qpanel::cli {

OverdueInterrupt::OverdueInterrupt(std::function<void()> interrupt,
                                   std::chrono::milliseconds deadline)
    : thread_([this, interrupt = std::move(interrupt), deadline] {
          std::unique_lock lock(mutex_);
          if (disarmed_.wait_for(lock, deadline, [this] { return !armed_; })) return;
          fired_ = true;
          interrupt();
      }) {}

OverdueInterrupt::~OverdueInterrupt() {
    disarm();
    thread_.join();
}

void OverdueInterrupt::disarm() {
    {
        std::lock_guard lock(mutex_);
        armed_ = false;
    }
    disarmed_.notify_all();
}

}  // namespace qpanel::cli
