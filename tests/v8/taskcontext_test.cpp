// What qpanel's task contexts rest on: V8 carries the context's
// continuation-preserved embedder data from where a reaction is made (an
// `await`, a `then`) to where it runs, so code after an await knows which
// task it belongs to without any bookkeeping in JS.
#include <gtest/gtest.h>

#include "v8/jsglobals.h"
#include "v8probe.h"

using qpanel::test::V8Probe;

namespace {

void installTaskProbe(V8Probe& probe) {
    probe.engine.runMacrotask([&](v8::Local<v8::Context> context) {
        // setTask(v) sets the data; task() reads it.
        qpanel::v8engine::setFunction(
            context, context->Global(), "setTask",
            [](const v8::FunctionCallbackInfo<v8::Value>& info) {
                info.GetIsolate()->GetCurrentContext()->SetContinuationPreservedEmbedderData(
                    info[0]);
            });
        qpanel::v8engine::setFunction(
            context, context->Global(), "task",
            [](const v8::FunctionCallbackInfo<v8::Value>& info) {
                info.GetReturnValue().Set(
                    info.GetIsolate()->GetCurrentContext()->GetContinuationPreservedEmbedderData());
            });
    });
}

}  // namespace

TEST(V8TaskContext, DataFollowsEachAsyncFunctionAcrossItsAwaits) {
    V8Probe probe;
    installTaskProbe(probe);
    const auto error = probe.runToIdle(QStringLiteral(R"(
const nap = ms => new Promise(r => setTimeout(r, ms));
async function work(name, ms) {
  console.log(name, "start", task());
  await nap(ms);
  console.log(name, "after nap", task());
  await null;
  console.log(name, "after null", task());
}
setTask("A"); work("a", 5);
setTask("B"); work("b", 1);
setTask(undefined);
console.log("top", task());
)"));
    ASSERT_FALSE(error) << error->toString().toStdString();
    EXPECT_EQ(probe.console,
              QStringList({"a start A", "b start B", "top undefined", "b after nap B",
                           "b after null B", "a after nap A", "a after null A"}));
}
