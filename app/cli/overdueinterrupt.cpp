#include "cli/overdueinterrupt.h"

#include <QJSEngine>

namespace qpanel::cli {

OverdueInterrupt::OverdueInterrupt(QJSEngine* engine, std::chrono::milliseconds deadline)
    : thread_([this, engine, deadline] {
          std::unique_lock lock(mutex_);
          if (disarmed_.wait_for(lock, deadline, [this] { return !armed_; })) return;
          fired_ = true;
          engine->setInterrupted(true);
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
