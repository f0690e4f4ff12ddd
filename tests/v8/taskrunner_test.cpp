// JS callbacks as qpanel tasks on V8: a task lasts while its promise is
// pending, cancelling it rejects its sleep with CancelledError (the JS code
// unwinds through its finally blocks), errors come out at the script's line,
// and code after an await still knows its task.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "common/eventloop.h"
#include "core/runtime.h"
#include "v8/jsglobals.h"
#include "v8/jstaskrunner.h"
#include "v8probe.h"

using qpanel::Document;
using qpanel::ErrorReport;
using qpanel::Runtime;
using qpanel::test::V8Probe;
using qpanel::test::waitUntil;
using qpanel::v8engine::JsFunction;
using qpanel::v8engine::JsTaskRunner;

namespace {

/// An engine whose scripts see sleep(ms) and currentTask() of a runner,
/// and hand functions to C++ with keep(name, fn).
struct TaskProbe {
    explicit TaskProbe(qpanel::v8engine::JsLimits limits = {}) : probe(limits) {
        probe.engine.runMacrotask([&](v8::Local<v8::Context> context) {
            const v8::Local<v8::External> self = v8::External::New(context->GetIsolate(), this);
            using Info = v8::FunctionCallbackInfo<v8::Value>;
            qpanel::v8engine::setFunction(
                context, context->Global(), "sleep",
                [](const Info& info) {
                    const auto context = info.GetIsolate()->GetCurrentContext();
                    const auto ms =
                        std::chrono::milliseconds(info[0]->Int32Value(context).FromJust());
                    auto* p = static_cast<TaskProbe*>(info.Data().As<v8::External>()->Value());
                    info.GetReturnValue().Set(p->runner.sleep(context, ms));
                },
                self);
            qpanel::v8engine::setFunction(
                context, context->Global(), "currentTask",
                [](const Info& info) {
                    auto* p = static_cast<TaskProbe*>(info.Data().As<v8::External>()->Value());
                    info.GetReturnValue().Set(
                        double(p->runner.currentJsTask(info.GetIsolate()->GetCurrentContext())));
                },
                self);
            qpanel::v8engine::setFunction(
                context, context->Global(), "keep",
                [](const Info& info) {
                    auto* p = static_cast<TaskProbe*>(info.Data().As<v8::External>()->Value());
                    p->kept = JsFunction(p->probe.engine, info[0].As<v8::Function>());
                },
                self);
        });
    }

    /// Runs `source`, which keep()s a function, and starts it as a task.
    quint64 start(const QString& source, const QVariantList& args = {}) {
        const auto error = probe.engine.runScript(source, QStringLiteral("tasks.js"));
        EXPECT_FALSE(error) << error->toString().toStdString();
        return runner.call(kept, args, QStringLiteral("test callback"), {});
    }
    bool listed(quint64 task) const { return Runtime::instance().tasks().contains(task); }

    V8Probe probe;
    Document document;
    JsTaskRunner runner{probe.engine, &document};
    JsFunction kept;
};

}  // namespace

TEST(V8TaskRunner, AnAsyncCallbackIsATaskUntilItsPromiseSettles) {
    TaskProbe t;
    const quint64 task = t.start(QStringLiteral(R"(
keep(async n => {
  console.log("start", n);
  await sleep(5);
  console.log("done", n);
});
)"),
                                 {3});
    EXPECT_EQ(t.probe.console, QStringList({"start 3"}));  // the sync part ran at once
    EXPECT_TRUE(t.listed(task));
    ASSERT_TRUE(waitUntil([&] { return !t.listed(task); }));
    EXPECT_EQ(t.probe.console, QStringList({"start 3", "done 3"}));
}

TEST(V8TaskRunner, ASyncCallbackEndsAsItReturns) {
    TaskProbe t;
    const quint64 task = t.start(QStringLiteral("keep(() => console.log('sync'));"));
    EXPECT_EQ(t.probe.console, QStringList({"sync"}));
    EXPECT_FALSE(t.listed(task));
}

TEST(V8TaskRunner, CodeAfterAnAwaitStillKnowsItsTask) {
    TaskProbe t;
    const quint64 task = t.start(QStringLiteral(R"(
keep(async () => {
  const before = currentTask();
  await sleep(1);
  await null;
  console.log(before === currentTask(), before > 0);
  setTimeout(() => console.log("timer", currentTask()), 0);
});
)"));
    ASSERT_TRUE(waitUntil([&] { return !t.listed(task) && t.probe.console.size() == 2; }));
    // A timer the task started is not the task's own code.
    EXPECT_EQ(t.probe.console, QStringList({"true true", "timer 0"}));
}

TEST(V8TaskRunner, CancellingATaskRejectsItsSleepWithCancelledErrorAndRunsFinally) {
    TaskProbe t;
    const quint64 task = t.start(QStringLiteral(R"(
keep(async () => {
  try {
    await sleep(60000);
    console.log("woke");
  } catch (e) {
    console.log(e.name, e.message, e instanceof Error);
  } finally {
    console.log("finally");
  }
  await sleep(60000);  // asked again after the cancel: rejects at once
});
)"));
    ASSERT_TRUE(t.listed(task));
    EXPECT_TRUE(Runtime::instance().tasks().cancel(task));
    EXPECT_FALSE(t.listed(task));
    ASSERT_TRUE(waitUntil([&] { return t.probe.console.size() >= 2; }));
    EXPECT_EQ(t.probe.console, QStringList({"CancelledError task cancelled true", "finally"}));
    EXPECT_EQ(t.runner.pendingSleeps(), 0);
    EXPECT_EQ(t.probe.engine.timers().activeCount(), 0u);  // no 60 s timer left behind
}

TEST(V8TaskRunner, AnErrorAfterAnAwaitIsReportedAtItsLine) {
    TaskProbe t;
    QSignalSpy reports(&Runtime::instance(), &Runtime::errorReported);
    const quint64 task = t.start(QStringLiteral(R"(
keep(async () => {
  await sleep(1);
  throw new RangeError("too far");
});
)"));
    ASSERT_TRUE(waitUntil([&] { return !t.listed(task); }));
    ASSERT_EQ(reports.count(), 1);
    const auto report = reports.at(0).at(0).value<ErrorReport>();
    EXPECT_EQ(report.message, QStringLiteral("RangeError: too far"));
    EXPECT_EQ(report.location.file, QStringLiteral("tasks.js"));
    EXPECT_EQ(report.location.line, 4);
    EXPECT_EQ(report.origin, QStringLiteral("test callback"));
    EXPECT_TRUE(t.probe.reported.empty());  // handled by the task, not an unhandled rejection
}

TEST(V8TaskRunner, ASyncThrowIsReportedAtItsLine) {
    TaskProbe t;
    QSignalSpy reports(&Runtime::instance(), &Runtime::errorReported);
    t.start(QStringLiteral("keep(() => {\n  null.x;\n});"));
    ASSERT_EQ(reports.count(), 1);
    const auto report = reports.at(0).at(0).value<ErrorReport>();
    EXPECT_TRUE(
        report.message.startsWith(QStringLiteral("TypeError: Cannot read properties of null")))
        << report.message.toStdString();
    EXPECT_EQ(report.location.line, 2);
}

TEST(V8TaskRunner, EvaluateGivesTheSettledValueToCpp) {
    TaskProbe t;
    t.probe.engine.runScript(
        QStringLiteral("keep(async (a, b) => { await sleep(1); return {sum: a + b}; });"),
        QStringLiteral("value.js"));
    QVariant got;
    const quint64 task = Runtime::instance().spawn(
        [&]() -> QCoro::Task<> {
            const QVariantList args{2, 3};
            got = co_await t.runner.evaluate(t.kept, args);
        },
        qpanel::SpawnOptions{QStringLiteral("evaluate"), &t.document, {}, {}});
    ASSERT_TRUE(waitUntil([&] { return !t.listed(task); }));
    EXPECT_EQ(got.toMap().value(QStringLiteral("sum")).toInt(), 5);
}

TEST(V8TaskRunner, ClosingTheRunnerCancelsItsTasks) {
    auto t = std::make_unique<TaskProbe>();
    const quint64 task = t->start(QStringLiteral(
        "keep(async () => { try { await sleep(60000); } finally { console.log('unwound'); } });"));
    ASSERT_TRUE(t->listed(task));
    t.reset();
    EXPECT_FALSE(Runtime::instance().tasks().contains(task));
}

TEST(V8TaskRunner, ATaskStoppedAfterAnAwaitFailsAtTheLineItWasOnAndTheNextTaskRuns) {
    qpanel::v8engine::JsLimits limits;
    limits.timeLimit = std::chrono::milliseconds(200);
    auto t = std::make_unique<TaskProbe>(limits);
    QSignalSpy reports(&Runtime::instance(), &Runtime::errorReported);
    const quint64 runaway = t->start(QStringLiteral(R"(
keep(async () => {
  await sleep(1);
  while (true) {}
});
)"));
    ASSERT_TRUE(waitUntil([&] { return !t->listed(runaway); }));
    ASSERT_EQ(reports.count(), 1);
    const auto report = reports.at(0).at(0).value<ErrorReport>();
    EXPECT_EQ(report.message,
              QStringLiteral(
                  "the script ran longer than 200 ms and was interrupted in code after pn.sleep"));
    EXPECT_EQ(report.location.line, 4);
    const quint64 next =
        t->start(QStringLiteral("keep(async () => { await sleep(1); console.log('next'); });"));
    ASSERT_TRUE(waitUntil([&] { return !t->listed(next); }));
    EXPECT_EQ(t->probe.console, QStringList({"next"}));
}
