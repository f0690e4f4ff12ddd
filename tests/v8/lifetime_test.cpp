// Who keeps what alive across the QObject binding: a deleted object's
// wrapper throws instead of crashing; a script-made object lives while the
// script holds it and goes when collected (unless C++ took it); nothing in
// an engine is touched once the engine is gone.
#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "bindingfixtures.h"
#include "v8/jsvalueref.h"
#include "v8probe.h"

using qpanel::test::Counter;
using qpanel::test::errorOf;
using qpanel::test::passLoopTurns;
using qpanel::test::V8Probe;
using qpanel::test::waitUntil;
using qpanel::v8engine::JsEngine;
using qpanel::v8engine::JsValueRef;

namespace {

/// The object the global `name` wraps (null if none or deleted).
QObject* globalObject(V8Probe& probe, const char* name) {
    QObject* found = nullptr;
    probe.engine.runMacrotask([&](v8::Local<v8::Context> context) {
        v8::Local<v8::Value> value;
        if (context->Global()
                ->Get(context,
                      v8::String::NewFromUtf8(context->GetIsolate(), name).ToLocalChecked())
                .ToLocal(&value))
            found = probe.engine.qobjects().unwrap(value);
    });
    return found;
}

/// An engine whose script logs "got <value>" for each of `counter`'s
/// valueChanged, into `console` (which outlives the engine).
std::unique_ptr<V8Probe> loggingValues(Counter& counter, QStringList& console) {
    auto probe = std::make_unique<V8Probe>();
    QObject::connect(&probe->engine, &JsEngine::consoleMessage,
                     [&console](auto, const QString& text) { console << text; });
    probe->expose("counter", &counter);
    EXPECT_EQ(errorOf(probe->engine.runScript(
                  "counter.valueChanged.connect(v => console.log('got', v));", "a.js")),
              "");
    return probe;
}

}  // namespace

TEST(V8Lifetime, ADeletedObjectsWrapperThrowsOnEveryUse) {
    V8Probe probe;
    auto* counter = new Counter(3);
    probe.expose("counter", counter);
    ASSERT_EQ(errorOf(probe.engine.runScript("globalThis.signal = counter.valueChanged;", "a.js")),
              "");
    delete counter;
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.value", "a.js")),
              "Error: Counter.value: the object was deleted");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.value = 1", "a.js")),
              "Error: Counter.value: the object was deleted");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.add(1)", "a.js")),
              "Error: Counter.add: the object was deleted");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.valueChanged", "a.js")),
              "Error: Counter.valueChanged: the object was deleted");
    EXPECT_EQ(errorOf(probe.engine.runScript("signal.connect(() => {})", "a.js")),
              "Error: Counter.valueChanged.connect: the object was deleted");
    Counter other;
    probe.expose("other", &other);
    EXPECT_EQ(errorOf(probe.engine.runScript("other.peer = counter", "a.js")),
              "TypeError: Counter.peer must be an object not yet deleted, not a deleted Counter");
}

TEST(V8Lifetime, AConnectionGoesWithItsSender) {
    V8Probe probe;
    auto* counter = new Counter;
    probe.expose("counter", counter);
    ASSERT_EQ(errorOf(probe.engine.runScript("counter.valueChanged.connect(v => {})", "a.js")), "");
    EXPECT_EQ(probe.engine.qobjects().connectionCount(), 1u);
    delete counter;
    EXPECT_EQ(probe.engine.qobjects().connectionCount(), 0u);
}

TEST(V8Lifetime, AScriptMadeObjectLivesWhileTheScriptHoldsItAndGoesWhenCollected) {
    V8Probe probe;
    probe.exposeClass(&Counter::staticMetaObject);
    ASSERT_EQ(errorOf(probe.engine.runScript("globalThis.kept = new Counter(5);", "a.js")), "");
    QPointer<QObject> kept = globalObject(probe, "kept");
    ASSERT_TRUE(kept);
    probe.collectGarbage();
    ASSERT_TRUE(passLoopTurns());
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->property("value").toInt(), 5);

    ASSERT_EQ(errorOf(probe.engine.runScript("kept = null;", "a.js")), "");
    probe.collectGarbage();
    EXPECT_TRUE(waitUntil([&] { return kept.isNull(); }));
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 0u);
}

TEST(V8Lifetime, AScriptMadeObjectCppTookSurvivesItsWrapper) {
    V8Probe probe;
    Counter owner;
    probe.expose("owner", &owner);
    probe.exposeClass(&Counter::staticMetaObject);
    ASSERT_EQ(errorOf(probe.engine.runScript(
                  "(() => { const c = new Counter(8); owner.adopt(c); })();", "a.js")),
              "");
    ASSERT_EQ(owner.children().size(), 1);
    QPointer<QObject> adopted = owner.children().front();
    probe.collectGarbage();
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(adopted);
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 1u);  // owner's only
}

TEST(V8Lifetime, ACppOwnedObjectSurvivesItsCollectedWrapper) {
    V8Probe probe;
    Counter counter;
    probe.expose("counter", &counter);
    ASSERT_EQ(
        errorOf(probe.engine.runScript("(() => { counter.makeChild().value = 9; })();", "a.js")),
        "");
    ASSERT_EQ(counter.children().size(), 1);
    QPointer<QObject> child = counter.children().front();
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 2u);
    probe.collectGarbage();
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(child);
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 1u);
    // Wrapped again, it is the same object.
    ASSERT_EQ(errorOf(probe.engine.runScript(
                  "console.log(counter.echo(counter).value, counter.value)", "b.js")),
              "");
    EXPECT_EQ(child->property("value").toInt(), 9);
}

TEST(V8Lifetime, ASignalEmittedAfterTheEngineIsGoneReachesNoScript) {
    Counter counter;
    QStringList console;
    {
        const auto probe = loggingValues(counter, console);
        counter.setValue(1);
        ASSERT_EQ(console, QStringList{"got 1"});
    }
    counter.setValue(2);  // no engine: nothing runs, nothing crashes
    counter.ping(QStringLiteral("late"));
    ASSERT_TRUE(passLoopTurns());
    EXPECT_EQ(console, QStringList{"got 1"});
}

TEST(V8Lifetime, ClosingTheEngineDeletesTheScriptsOwnObjects) {
    QPointer<QObject> made;
    QPointer<QObject> adopted;
    Counter owner;
    {
        V8Probe probe;
        probe.expose("owner", &owner);
        probe.exposeClass(&Counter::staticMetaObject);
        ASSERT_EQ(errorOf(probe.engine.runScript(
                      "globalThis.made = new Counter(1);"
                      "globalThis.adopted = new Counter(2); owner.adopt(adopted);",
                      "a.js")),
                  "");
        made = globalObject(probe, "made");
        adopted = globalObject(probe, "adopted");
        ASSERT_TRUE(made && adopted);
    }
    EXPECT_TRUE(made.isNull());
    EXPECT_TRUE(adopted);  // C++'s now
}

TEST(V8Lifetime, AValueRefHeldPastItsEngineIsEmpty) {
    std::unique_ptr<JsValueRef> ref;
    {
        V8Probe probe;
        probe.engine.runMacrotask([&](v8::Local<v8::Context> context) {
            ref =
                std::make_unique<JsValueRef>(probe.engine, v8::Object::New(context->GetIsolate()));
        });
        EXPECT_EQ(ref->engine(), &probe.engine);
    }
    EXPECT_EQ(ref->engine(), nullptr);
    EXPECT_TRUE(ref->get().IsEmpty());
    ref.reset();
}

TEST(V8Lifetime, ACallbackMayDisconnectItselfWhileCalled) {
    V8Probe probe;
    Counter counter;
    probe.expose("counter", &counter);
    ASSERT_EQ(
        errorOf(probe.engine.runScript(
            "function once(v) { console.log('once', v); counter.valueChanged.disconnect(once); }"
            "counter.valueChanged.connect(once);",
            "a.js")),
        "");
    counter.setValue(1);
    counter.setValue(2);
    ASSERT_TRUE(passLoopTurns());
    EXPECT_EQ(probe.console, QStringList{"once 1"});
    EXPECT_EQ(probe.engine.qobjects().connectionCount(), 0u);
}

TEST(V8Lifetime, AnObjectDeletedByItsOwnCallbackLeavesAnInertWrapper) {
    V8Probe probe;
    auto* counter = new Counter;
    probe.expose("counter", counter);
    QObject::connect(counter, &Counter::valueChanged, counter, [counter] { delete counter; });
    const auto error = probe.engine.runScript(
        "counter.value = 1;"
        "try { counter.value; } catch (e) { console.log(e.message); }",
        "a.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console, QStringList{"Counter.value: the object was deleted"});
}

TEST(V8Lifetime, ASignalEmittedOnAnotherThreadRunsItsCallbackOnTheEnginesThread) {
    V8Probe probe;
    Counter counter;
    probe.expose("counter", &counter);
    ASSERT_EQ(
        errorOf(probe.engine.runScript(
            "counter.valueChanged.connect(v => console.log(v, counter.onOwnThread()));", "a.js")),
        "");
    // V8's isolate is not thread-safe: the call is queued to the engine's thread.
    std::thread worker([&] { counter.setValue(7); });
    worker.join();
    EXPECT_TRUE(probe.console.isEmpty());
    EXPECT_TRUE(waitUntil([&] { return !probe.console.isEmpty(); }));
    EXPECT_EQ(probe.console, QStringList{"7 true"});
}

TEST(V8Lifetime, AQueuedSignalForAClosedEngineIsDropped) {
    Counter counter;
    QStringList console;
    {
        const auto probe = loggingValues(counter, console);
        std::thread worker([&] { counter.setValue(3); });
        worker.join();
    }  // closed before the queued call is delivered
    ASSERT_TRUE(passLoopTurns());
    EXPECT_TRUE(console.isEmpty());
}

TEST(V8Lifetime, WrappersOfManyLiveObjectsAreCollectedAndTheObjectsStay) {
    V8Probe probe;
    Counter counter;
    probe.expose("counter", &counter);
    ASSERT_EQ(errorOf(probe.engine.runScript(
                  "for (let i = 0; i < 1000; ++i) counter.makeChild().value = i;", "a.js")),
              "");
    ASSERT_EQ(counter.children().size(), 1000);
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 1001u);
    probe.collectGarbage();
    ASSERT_TRUE(passLoopTurns());
    EXPECT_EQ(probe.engine.qobjects().wrapperCount(), 1u);  // counter's, a global
    ASSERT_EQ(counter.children().size(), 1000);
    EXPECT_EQ(counter.children().back()->property("value").toInt(), 999);
}
