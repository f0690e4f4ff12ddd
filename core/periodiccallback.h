#pragma once
// Panel's pn.state.add_periodic_callback: runs a sync or async callback every
// `period` ms. It never overlaps itself: a tick that comes while the previous
// run is in flight is skipped (and counted), and the next run starts as soon
// as the slow one ends, i.e. max(period, duration) after the previous start.
//
//   auto* pc = new qpanel::PeriodicCallback(tick, {.periodMs = 250, .count = 10});

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <optional>

#include "core/callback.h"

namespace qpanel {

class PeriodicCallback : public QObject {
    Q_OBJECT
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int counter READ counter NOTIFY counterChanged)
    Q_PROPERTY(int skipped READ skipped NOTIFY skippedChanged)

public:
    struct Options {
        int periodMs = 500;
        std::optional<int> count;      ///< stop after this many runs
        std::optional<int> timeoutMs;  ///< stop this long after start()
        bool start = true;
        QString origin;
    };

    /// Parented to `document` (default: the current one), which owns its runs.
    PeriodicCallback(Callback<> callback, Options options, Document* document = nullptr);
    ~PeriodicCallback() override;

    void start();
    /// Stops ticking; a run in flight is left to finish.
    void stop();

    int period() const { return options_.periodMs; }
    void setPeriod(int periodMs);
    bool running() const { return running_; }
    int counter() const { return counter_; }
    int skipped() const { return skipped_; }
    bool inFlight() const { return inFlight_; }

    /// Periodic callbacks currently running in this process (idle detection).
    static int activeCount();

signals:
    void periodChanged(int period);
    void runningChanged(bool running);
    void counterChanged(int counter);
    void skippedChanged(int skipped);
    void runFinished(qpanel::TaskState state);

private:
    void tick();
    void runOnce();
    void onRunDone(TaskState state);
    void setRunning(bool running);

    Callback<> callback_;
    Options options_;
    QPointer<Document> document_;
    std::shared_ptr<PolicyState> policy_ = std::make_shared<PolicyState>(CallbackPolicy{});
    QTimer timer_;
    QTimer timeout_;
    bool running_ = false;
    bool inFlight_ = false;
    bool missedTick_ = false;
    int counter_ = 0;
    int skipped_ = 0;
};

}  // namespace qpanel
