// Quitting the application while tasks are parked everywhere (sleeps,
// yields, the lock, a thread job, a periodic callback) must be clean: no
// crash, and under the ASan build no use-after-free or leak reports.
#include <QCoreApplication>
#include <cstdio>
#include <thread>

#include "core/document.h"
#include "core/periodiccallback.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    int unwound = 0;
    {
        QCoreApplication app(argc, argv);
        // Touch the scheduler before the runtime exists: teardown order must not matter.
        qpanel::Scheduler::current();
        auto& runtime = qpanel::Runtime::instance();
        qpanel::Document* doc = qpanel::Document::current();
        struct Unwind {
            int* counter;
            ~Unwind() { ++*counter; }
        };
        for (int i = 0; i < 100; ++i) {
            runtime.spawn(
                [&unwound, doc, i]() -> QCoro::Task<> {
                    Unwind u{&unwound};
                    if (i % 3 == 0) co_await qpanel::sleep(1h);
                    if (i % 3 == 1) {
                        auto guard = co_await doc->lock();
                        co_await qpanel::sleep(1h);
                    }
                    for (;;) co_await qpanel::yield();
                },
                {QStringLiteral("task %1").arg(i), doc});
        }
        runtime.spawn([&unwound]() -> QCoro::Task<> {
            Unwind u{&unwound};
            co_await qpanel::runInThread([] { std::this_thread::sleep_for(50ms); });
        });
        new qpanel::PeriodicCallback([]() -> QCoro::Task<> { co_await qpanel::sleep(1h); },
                                     {.periodMs = 1}, doc);
        for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();
    }
    std::printf("unwound %d of 101 tasks at teardown\n", unwound);
    return unwound == 101 ? 0 : 1;
}
