// pn.config.exception_handler and the parameterized pn.state (busy).
#include <gtest/gtest.h>

#include "common/eventloop.h"
#include "pnsession.h"

using namespace std::chrono_literals;
using qpanel::test::Session;
using qpanel::test::waitUntil;

TEST(PnConfig, ExceptionHandlerReplacesTheDefaultReportUntilResetToNull) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("pn.config.exception_handler = (e) => console.log('handled ' + e.message + "
                       "' ' + e.code);\n"
                       "const fail = pn.widgets.Button({name: 'Fail'});\n"
                       "fail.on_click(async () => {\n"
                       "  await pn.sleep(1);\n"
                       "  const err = new Error('boom'); err.code = 7;\n"
                       "  throw err;\n"
                       "});\n"
                       "const reset = pn.widgets.Button({name: 'Reset'});\n"
                       "reset.on_click(() => { pn.config.exception_handler = null; });\n"
                       "setTimeout(() => { throw new Error('from a timer'); }, 1);\n"
                       "Promise.reject(new Error('unhandled'));\n"
                       "pn.Row(fail, reset).servable();\n"),
        QStringLiteral("/app/handler.js")))
        << s.firstError();
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 3; })) << s.log.join('|').toStdString();
    EXPECT_TRUE(s.log.contains("handled boom 7"));
    EXPECT_TRUE(s.log.contains("handled from a timer undefined"));
    EXPECT_TRUE(s.log.contains("handled unhandled undefined"));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();

    s.button(1)->click();  // back to the default report
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }));
    EXPECT_EQ(s.errors[0].message, QStringLiteral("Error: boom"));
    EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/handler.js"));
    EXPECT_EQ(s.errors[0].location.line, 5);
    EXPECT_EQ(s.log.size(), 3);
}

TEST(PnConfig, AnExceptionInsideTheHandlerGoesToTheDefaultReportWithoutRecursion) {
    Session s;
    ASSERT_TRUE(
        s.session.run(QStringLiteral("let calls = 0;\n"
                                     "pn.config.exception_handler = (e) => {\n"
                                     "  calls += 1; console.log('handler ' + calls);\n"
                                     "  throw new Error('handler broke on ' + e.message);\n"
                                     "};\n"
                                     "const b = pn.widgets.Button({name: 'Go'});\n"
                                     "b.on_click(() => { throw new Error('first'); });\n"
                                     "const later = pn.widgets.Button({name: 'Async handler'});\n"
                                     "later.on_click(() => {\n"
                                     "  pn.config.exception_handler = async (e) => { await "
                                     "pn.sleep(1); throw new Error('async handler broke'); };\n"
                                     "  throw new Error('second');\n"
                                     "});\n"
                                     "pn.Row(b, later).servable();\n"),
                      QStringLiteral("/app/broken.js")))
        << s.firstError();
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 2; })) << s.firstError();
    EXPECT_EQ(s.log, QStringList{"handler 1"});
    EXPECT_TRUE(s.errors[0].message.contains("pn.config.exception_handler failed"))
        << s.errors[0].message.toStdString();
    EXPECT_TRUE(s.errors[0].message.contains("handler broke on first"))
        << s.errors[0].message.toStdString();
    EXPECT_EQ(s.errors[0].location.line, 4);
    EXPECT_EQ(s.errors[1].message, QStringLiteral("Error: first"));
    EXPECT_EQ(s.errors[1].location.line, 7);

    s.button(1)->click();
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 3; })) << s.firstError();
    EXPECT_TRUE(s.errors[2].message.contains("async handler broke"))
        << s.errors[2].message.toStdString();
    EXPECT_TRUE(s.errors[2].message.contains("pn.config.exception_handler failed"));
    // Nothing loops: the handler's own rejection is not handed back to it. A
    // loop would keep a handler task in flight, so the app would never idle.
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); })) << "still busy: the handler loops?";
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_EQ(s.errors.size(), 3);
    EXPECT_EQ(s.log, QStringList{"handler 1"});
}

TEST(PnConfig, TheHandlerMustBeAFunctionOrNull) {
    Session().expectFailure(
        QStringLiteral("\npn.config.exception_handler = 'print';\n"),
        QStringLiteral("pn.config.exception_handler must be a function or null"), 2);
}

TEST(PnState, BusyIsReadableAndWatchable) {
    Session s;
    ASSERT_TRUE(
        s.session.run(QStringLiteral("console.log('busy at start ' + pn.state.busy);\n"
                                     "pn.state.param.watch((e) => console.log(e.name + ' ' + e.old "
                                     "+ ' -> ' + e.new + ' ' + (e.obj === pn.state)), 'busy');\n"
                                     "const b = pn.widgets.Button({name: 'Work'});\n"
                                     "b.on_click(async () => { await pn.sleep(50); console.log('in "
                                     "task ' + pn.state.busy); });\n"
                                     "pn.Row(b).servable();\n"),
                      QStringLiteral("/app/busy.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }));
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 4; })) << s.log.join('|').toStdString();
    EXPECT_EQ(s.log, (QStringList{"busy at start false", "busy false -> true true", "in task true",
                                  "busy true -> false true"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnState, WatchingAnUnknownStateParamIsAnError) {
    Session().expectFailure(QStringLiteral("\n\npn.state.param.watch(() => 1, 'bussy');\n"),
                            QStringLiteral("pn.state has no parameter 'bussy'"), 3);
}

// One piece of async work is one busy period (Panel's bug #2528): the
// pending execute call and its task, or a click's synchronous part and its
// task, never report idle in between.
TEST(PnState, BusyIsOnePeriodPerPieceOfAsyncWork) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("globalThis.seen = [];\n"
                       "pn.state.param.watch((e) => seen.push(e.new), 'busy');\n"
                       "const b = pn.widgets.Button({name: 'Work'});\n"
                       "b.on_click(async () => { await pn.sleep(20); });\n"
                       "const w = pn.widgets.TextInput({value: 'a'});\n"
                       "w.param.watch(async () => { await pn.sleep(10); await pn.sleep(10); });\n"
                       "pn.Row(b, w).servable();\n"
                       "pn.state.execute(async () => { await pn.sleep(20); });\n"),
        QStringLiteral("/app/busy.js")))
        << s.firstError();
    ASSERT_TRUE(
        waitUntil([&] { return s.session.isIdle() && !qpanel::Runtime::instance().busy(); }));
    // Delivered on a later loop pass: wait for the last one.
    ASSERT_TRUE(waitUntil([&] { return s.evaluate("seen.length").toInt() >= 2; }));
    EXPECT_EQ(s.evaluate("seen.join(',')").toString(), QStringLiteral("true,false"));
    s.evaluate("seen.length = 0");
    s.button(0)->click();
    ASSERT_TRUE(waitUntil([&] { return s.evaluate("seen.length").toInt() >= 2; }));
    s.child(1)->set("value", QStringLiteral("b"));
    ASSERT_TRUE(waitUntil([&] { return s.evaluate("seen.length").toInt() >= 4; }));
    EXPECT_TRUE(waitUntil([&] { return s.session.isIdle(); }));
    EXPECT_EQ(s.evaluate("seen.join(',')").toString(), QStringLiteral("true,false,true,false"));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnConfig, LayoutOptionsShapeTheViewAsInPythonAndUnshownOnesWarnOnce) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const a = pn.widgets.Button({name: 'a', sizing_mode: 'stretch_width',\n"
                       "                              min_width: 80, margin: [2, 6]});\n"
                       "const b = pn.widgets.Button({name: 'b', css_classes: ['x']});\n"
                       "const c = pn.widgets.Button({name: 'c', css_classes: ['y']});\n"
                       "pn.Row(a, b, c).servable();\n"),
        QStringLiteral("/app/options.js")))
        << s.firstError();
    QWidget* view = s.button(0)->view();
    EXPECT_EQ(view->sizePolicy().horizontalPolicy(), QSizePolicy::Expanding);
    EXPECT_EQ(view->minimumWidth(), 80);
    EXPECT_EQ(view->contentsMargins(), QMargins(6, 2, 6, 2));
    EXPECT_EQ(s.log.filter("'css_classes'").size(), 1) << s.log.join('\n').toStdString();
    s.expectFailure(QStringLiteral("pn.widgets.Button({sizing_mode: 'wide'});\n"), "sizing_mode",
                    1);
}
