// The generic QObject binding as a script sees it: typed properties,
// methods by argument count, signals to JS functions, and the TypeErrors
// that name what was wrong.
#include <gtest/gtest.h>

#include <QJsonObject>

#include "bindingfixtures.h"
#include "v8probe.h"

using qpanel::test::Counter;
using qpanel::test::errorOf;
using qpanel::test::V8Probe;

/// An engine whose scripts see `counter` (C++-owned).
class V8Binding : public ::testing::Test {
protected:
    V8Binding() { probe.expose("counter", &counter); }

    Counter counter;  // before the probe: outlives the engine, as a widget would
    V8Probe probe;
};

TEST_F(V8Binding, PropertiesReadAndWriteWithTheirTypes) {
    Counter peer;
    probe.expose("peer", &peer);
    const auto error = probe.engine.runScript(QStringLiteral(R"(
counter.value = 7;
counter.label = "seven";
counter.ratio = 0.25;
counter.enabled = true;
counter.items = [1, "two", [3], {four: 4}, null];
counter.options = {speed: 2.5, name: "fast", nested: {on: false}};
counter.json = {a: [1, 2], b: "c"};
counter.peer = peer;
console.log(counter.value, counter.doubled, counter.label, counter.ratio, counter.enabled,
            JSON.stringify(counter.items), JSON.stringify(counter.options),
            JSON.stringify(counter.json), counter.peer === peer);
counter.peer = null;
console.log(counter.peer);
)"),
                                              QStringLiteral("props.js"));
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(counter.value(), 7);
    EXPECT_EQ(counter.label_, "seven");
    EXPECT_EQ(counter.ratio_, 0.25);
    EXPECT_TRUE(counter.enabled_);
    EXPECT_EQ(counter.items_.size(), 5);
    EXPECT_EQ(counter.items_[1], QVariant(QStringLiteral("two")));
    EXPECT_EQ(counter.options_.value("nested").toMap().value("on"), QVariant(false));
    EXPECT_EQ(counter.json_.toObject().value("b").toString(), "c");
    EXPECT_EQ(counter.peer_, nullptr);
    ASSERT_EQ(probe.console.size(), 2);
    EXPECT_EQ(probe.console[0],
              "7 14 seven 0.25 true [1,\"two\",[3],{\"four\":4},null] "
              "{\"name\":\"fast\",\"nested\":{\"on\":false},\"speed\":2.5} "
              "{\"a\":[1,2],\"b\":\"c\"} true");
    EXPECT_EQ(probe.console[1], "null");
}

TEST_F(V8Binding, WrongPropertyTypeIsATypeErrorNamingThePropertyAndChangesNothing) {
    counter.setValue(3);
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.value = 'four'", "a.js")),
              "TypeError: Counter.value must be an integer, not a string");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.value = 1.5", "a.js")),
              "TypeError: Counter.value must be an integer, not a fractional number");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.enabled = 1", "a.js")),
              "TypeError: Counter.enabled must be a boolean, not a number");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.peer = {}", "a.js")),
              "TypeError: Counter.peer must be a qpanel::test::Counter, not an object");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.doubled = 2", "a.js")),
              "TypeError: Counter.doubled is read-only");
    EXPECT_EQ(counter.value(), 3);
    EXPECT_FALSE(counter.enabled_);
}

TEST_F(V8Binding, MethodsAreChosenByArgumentCountAndConvertTheirArguments) {
    const auto error = probe.engine.runScript(
        "console.log(counter.add(2), counter.add(3, 4), counter.describe('n=', true),"
        " counter.describe('n=', false))",
        "calls.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console, QStringList{"2 9 N=9 n=9"});
}

TEST_F(V8Binding, BadArgumentsAreTypeErrorsNamingTheMethodAndTheArgument) {
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.describe(1, true)", "a.js")),
              "TypeError: Counter.describe: argument 1 (prefix) must be a string, not a number");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.describe('x', 'yes')", "a.js")),
              "TypeError: Counter.describe: argument 2 (loud) must be a boolean, not a string");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.add(1, 2, 3)", "a.js")),
              "TypeError: Counter.add: expects 1 or 2 arguments, not 3");
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.adopt(counter.items)", "a.js")),
              "TypeError: Counter.adopt: argument 1 (child) must be a qpanel::test::Counter, "
              "not an array");
    // The place is the script's line, as for any throw.
    const auto placed = probe.engine.runScript("\n  counter.add('x');", "placed.js");
    ASSERT_TRUE(placed);
    EXPECT_EQ(placed->location.line, 2);
    EXPECT_EQ(counter.value(), 0);
}

TEST_F(V8Binding, ACppExceptionBecomesAnErrorTheScriptCanCatch) {
    const auto error = probe.engine.runScript(
        "try { counter.fail(); } catch (e) { console.log(e instanceof Error, e.message); }",
        "a.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console, QStringList{"true Counter.fail: the counter is jammed"});
}

TEST_F(V8Binding, VariantsConvertBothWaysIncludingNullAndUndefined) {
    const auto error = probe.engine.runScript(R"(
const back = counter.echo({list: [1, 2.5, "s", true, null], inner: {x: 1}});
console.log(JSON.stringify(back), counter.echo(null) === null,
            counter.echo(undefined) === undefined, counter.echo(counter) === counter,
            typeof counter.echo(3), counter.echo(() => 1) === undefined);
)",
                                              "variants.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console,
              QStringList{"{\"inner\":{\"x\":1},\"list\":[1,2.5,\"s\",true,null]} true true true "
                          "number true"});
}

TEST_F(V8Binding, TheSameObjectGivesTheSameWrapper) {
    const auto error = probe.engine.runScript(
        "const child = counter.makeChild();"
        "console.log(counter.self() === counter, counter.echo(counter) === counter,"
        " child === child.self(), child !== counter, child instanceof counter.constructor,"
        " String(counter.constructor.name), counter.valueChanged === counter.valueChanged,"
        " counter.valueChanged !== child.valueChanged)",
        "same.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console, QStringList{"true true true true true Counter true true"});
}

TEST_F(V8Binding, SignalsReachConnectedFunctionsWithTheirArguments) {
    const auto error = probe.engine.runScript(R"(
globalThis.onValue = (v) => console.log("value", v, counter.value);
counter.valueChanged.connect(onValue);
counter.pinged.connect((what, details, from) =>
    console.log("pinged", what, JSON.stringify(details), from === counter));
counter.value = 4;
)",
                                              "signals.js");
    ASSERT_EQ(errorOf(error), "");
    counter.setValue(5);  // from C++, as a widget would
    counter.ping(QStringLiteral("hello"));
    EXPECT_EQ(probe.console,
              (QStringList{"value 4 4", "value 5 5",
                           "pinged hello {\"tags\":[\"a\",\"b\"],\"value\":5} true"}));
    EXPECT_EQ(probe.engine.qobjects().connectionCount(), 2u);

    probe.console.clear();
    ASSERT_EQ(errorOf(probe.engine.runScript("console.log(counter.valueChanged.disconnect(onValue),"
                                             " counter.valueChanged.disconnect(onValue))",
                                             "off.js")),
              "");
    counter.setValue(6);
    EXPECT_EQ(probe.console, QStringList{"true false"});
    EXPECT_EQ(probe.engine.qobjects().connectionCount(), 1u);
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.valueChanged.connect(3)", "a.js")),
              "TypeError: Counter.valueChanged.connect: the callback must be a function, not a "
              "number");
}

TEST_F(V8Binding, ACallbackIsAMacrotaskItsMicrotasksRunBeforeTheEmitReturns) {
    ASSERT_EQ(
        errorOf(probe.engine.runScript("counter.valueChanged.connect(v => {"
                                       "  Promise.resolve().then(() => console.log('then', v));"
                                       "  console.log('sync', v);"
                                       "})",
                                       "order.js")),
        "");
    counter.setValue(1);
    EXPECT_EQ(probe.console, (QStringList{"sync 1", "then 1"}));
}

TEST_F(V8Binding, ACallbackThrowIsReportedAndTheEmitterCarriesOn) {
    ASSERT_EQ(errorOf(probe.engine.runScript(
                  "counter.valueChanged.connect(v => {\n  throw new Error('bad ' + v);\n});\n"
                  "counter.valueChanged.connect(v => console.log('second', v));",
                  "throws.js")),
              "");
    counter.setValue(2);
    EXPECT_EQ(counter.value(), 2);
    EXPECT_EQ(probe.console, QStringList{"second 2"});
    ASSERT_EQ(probe.reported.size(), 1u);
    EXPECT_EQ(probe.reported[0].toString(), "throws.js:2:3: Error: bad 2");
}

TEST_F(V8Binding, ClassesAreMadeWithTheirInvokableConstructors) {
    probe.exposeClass(&Counter::staticMetaObject);
    const auto error = probe.engine.runScript(
        "const a = new Counter(), b = new Counter(41);"
        "b.add(1);"
        "console.log(a.value, b.value, a instanceof Counter);"
        "try { Counter(); } catch (e) { console.log(e.message); }"
        "try { new Counter('x'); } catch (e) { console.log(e.message); }",
        "classes.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console,
              (QStringList{"0 42 true", "Counter must be called with new",
                           "new Counter: argument 1 (parent) must be a QObject, not a string; "
                           "or argument 1 (start) must be an integer, not a string"}));
}

TEST_F(V8Binding, MethodsCalledOnAnotherObjectAreRefused) {
    EXPECT_EQ(errorOf(probe.engine.runScript("counter.add.call({}, 1)", "a.js")),
              "TypeError: Illegal invocation");
}

TEST_F(V8Binding, QObjectsOwnMembersStayCppsButObjectName) {
    counter.setObjectName(QStringLiteral("clicks"));
    const auto error = probe.engine.runScript(
        "console.log(counter.objectName, typeof counter.deleteLater, typeof counter.destroyed,"
        " typeof counter.objectNameChanged)",
        "own.js");
    ASSERT_EQ(errorOf(error), "");
    EXPECT_EQ(probe.console, QStringList{"clicks undefined undefined undefined"});
}

TEST(V8BindingCallbacks, AFunctionArgumentIsKeptAndCalledFromCppWithConvertedValues) {
    qpanel::test::Callbacks callbacks;
    V8Probe probe;
    probe.expose("callbacks", &callbacks);
    ASSERT_EQ(errorOf(probe.engine.runScript(QStringLiteral(R"(
const seen = (...args) => console.log(JSON.stringify(args));
callbacks.keep(seen);
console.log(callbacks.isKept(seen), callbacks.isKept(() => 0), callbacks.kept() === seen);
)"),
                                             QStringLiteral("keep.js"))),
              "");
    EXPECT_FALSE(callbacks.fire({1, QStringLiteral("two"), QVariantMap{{"three", 3}}}));
    EXPECT_EQ(probe.console, QStringList({"true false true", R"([1,"two",{"three":3}])"}));
}

TEST(V8BindingCallbacks, ANonFunctionIsRefusedNamingTheArgument) {
    qpanel::test::Callbacks callbacks;
    V8Probe probe;
    probe.expose("callbacks", &callbacks);
    EXPECT_EQ(errorOf(probe.engine.runScript(QStringLiteral("callbacks.keep(3)"),
                                             QStringLiteral("bad.js"))),
              "TypeError: Callbacks.keep: argument 1 (callback) must be a function, not a number");
}

TEST(V8BindingCallbacks, WhatACallbackThrowsIsReturnedAtItsLine) {
    qpanel::test::Callbacks callbacks;
    V8Probe probe;
    probe.expose("callbacks", &callbacks);
    probe.engine.runScript(
        QStringLiteral("callbacks.keep(() => {\n  throw new Error('late');\n});"),
        QStringLiteral("throws.js"));
    const auto error = callbacks.fire({});
    ASSERT_TRUE(error);
    EXPECT_EQ(error->toString(), QStringLiteral("throws.js:2:3: Error: late"));
}

TEST(V8BindingCallbacks, AKeptFunctionIsEmptyOnceItsEngineClosed) {
    qpanel::test::Callbacks callbacks;
    {
        V8Probe probe;
        probe.expose("callbacks", &callbacks);
        probe.engine.runScript(QStringLiteral("callbacks.keep(() => 1)"), QStringLiteral("a.js"));
        ASSERT_NE(callbacks.callback().engine(), nullptr);
    }
    EXPECT_EQ(callbacks.callback().engine(), nullptr);
    EXPECT_FALSE(callbacks.fire({}));  // nothing runs, nothing crashes
}

TEST(V8BindingCallbacks, PlainErrorClassesThrowTheirMessageAsTheWholeTypeError) {
    qpanel::test::Callbacks callbacks;
    V8Probe probe;
    probe.expose("callbacks", &callbacks);
    EXPECT_EQ(errorOf(probe.engine.runScript(
                  QStringLiteral("try { callbacks.refuse(); } catch (e) { console.log(e.name, "
                                 "e.message, e instanceof TypeError); }"),
                  QStringLiteral("plain.js"))),
              "");
    EXPECT_EQ(probe.console, QStringList({"TypeError pn.widgets.Slider: no such option true"}));
}

TEST_F(V8Binding, AnEmptyStringCrossesBothWays) {
    // An empty QString has no buffer to write into: this used to crash.
    EXPECT_EQ(errorOf(probe.engine.runScript(
                  QStringLiteral("counter.label = ''; console.log(JSON.stringify(counter.label));"),
                  QStringLiteral("empty.js"))),
              "");
    EXPECT_EQ(counter.label_, QString());
    EXPECT_EQ(probe.console, QStringList({"\"\""}));
}
