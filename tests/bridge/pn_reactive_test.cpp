// pn.depends and generator functions in pn.bind / pn.depends: renders follow
// the widgets, latest wins, yields stream into the pane (replace or append),
// and a newer trigger cancels the running generator.
#include <gtest/gtest.h>

#include "common/eventloop.h"
#include "pnsession.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/panes/reactivepane.h"

using namespace std::chrono_literals;
using qpanel::Component;
using qpanel::ListLayout;
using qpanel::ReactivePane;
using qpanel::Runtime;
using qpanel::test::Session;
using qpanel::test::waitUntil;

namespace {

/// The text a rendered pane shows (a Markdown/Str pane's object).
QString textOf(const Component* pane) {
    return pane ? pane->get(QStringLiteral("object")).toString() : QString();
}

/// The texts of the panes an append-mode pane stacks in its Column.
QStringList stacked(const ReactivePane* pane) {
    QStringList texts;
    if (auto* column = qobject_cast<ListLayout*>(pane->rendered()))
        for (Component* item : column->objects()) texts << textOf(item);
    return texts;
}

/// Column(slider, pane) of the first servable; the pane shown.
struct SliderAndPane {
    Component* slider = nullptr;
    ReactivePane* pane = nullptr;
    QStringList shown;  ///< every text the pane showed, in order (replace mode)

    explicit SliderAndPane(const Session& s) : slider(s.child(0)), pane(s.child<ReactivePane>(1)) {
        if (!pane) return;
        pane->view();
        QObject::connect(pane, &ReactivePane::renderedChanged, pane, [this](Component* rendered) {
            if (!qobject_cast<ListLayout*>(rendered)) shown << textOf(rendered);
        });
        if (pane->rendered()) shown << textOf(pane->rendered());
    }
};

}  // namespace

TEST(PnDepends, ADependentFunctionRendersTheLatestResultWhenTheWidgetChanges) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
                       "const doubled = pn.depends(slider)(async (v) => {\n"
                       "  await pn.sleep(v === 2 ? 400 : 10);\n"
                       "  return 'value ' + v * 2;\n"
                       "});\n"
                       "console.log(typeof doubled);\n"
                       "pn.Column(slider, doubled).servable();\n"),
        QStringLiteral("/app/depends.js")))
        << s.firstError();
    SliderAndPane ui(s);
    ASSERT_NE(ui.pane, nullptr);
    ASSERT_TRUE(waitUntil([&] { return textOf(ui.pane->rendered()) == "value 2"; }))
        << s.firstError();
    ui.slider->set("value", 2);
    ui.slider->set("value", 3);
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().busy(); }));
    EXPECT_EQ(textOf(ui.pane->rendered()), QStringLiteral("value 6"));
    EXPECT_FALSE(ui.shown.contains("value 4")) << "the slow stale run never shows";
    EXPECT_FALSE(ui.pane->get("loading").toBool());
    EXPECT_EQ(s.log, QStringList{"function"});
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnDepends, WatchTrueRunsTheFunctionAsASideEffectOnEveryChange) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
                       "const text = pn.widgets.StaticText({value: ''});\n"
                       "pn.depends(slider, {watch: true})(async (v) => {\n"
                       "  await pn.sleep(5);\n"
                       "  text.value = 'slider at ' + v;\n"
                       "});\n"
                       "pn.Column(slider, text).servable();\n"),
        QStringLiteral("/app/watch.js")))
        << s.firstError();
    Component* text = s.child(1);
    ASSERT_NE(text, nullptr);
    s.child(0)->set("value", 7);
    ASSERT_TRUE(waitUntil([&] { return text->get("value").toString() == "slider at 7"; }))
        << s.firstError();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// The pane of a bound function exposes `rendered`, the object it shows
// now (the latest completed run), and `loading` while a newer run is pending.
TEST(PnBind, ThePaneOfABoundFunctionTellsWhatItRendersNow) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 2});\n"
                       "const shown = pn.pane.Markdown('a component');\n"
                       "const pane = pn.panel(pn.bind(async (v) => {\n"
                       "  await pn.sleep(v === 5 ? 200 : 5);\n"
                       "  return v === 3 ? shown : 'value ' + v;\n"
                       "}, slider));\n"
                       "console.log('before ' + pane.rendered);\n"
                       "function report(tag) {\n"
                       "  const r = pane.rendered;\n"
                       "  console.log(tag + ' ' + (r === shown) + ' ' + (r && r.object) + ' ' + "
                       "pane.loading);\n"
                       "}\n"
                       "pn.Column(slider, pane).servable();\n"),
        QStringLiteral("/app/rendered.js")))
        << s.firstError();
    EXPECT_EQ(s.log.value(0), QStringLiteral("before null"));
    auto* pane = qobject_cast<qpanel::ReactivePane*>(s.child(1));
    ASSERT_NE(pane, nullptr);
    ASSERT_TRUE(waitUntil([&] { return pane->rendered() != nullptr; }));
    s.evaluate("report('first')");
    s.child(0)->set("value", 3);
    ASSERT_TRUE(waitUntil(
        [&] { return !pane->reactive()->loading() && pane->reactive()->evaluations() == 2; }));
    s.evaluate("report('component')");
    s.child(0)->set("value", 5);  // slow: the component stays rendered while it loads
    s.evaluate("report('pending')");
    EXPECT_EQ(s.log.mid(1),
              (QStringList{"first false value 2 false", "component true a component false",
                           "pending true a component true"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// Panel's depends(watch=True) waits for the first change unless on_init=True.
TEST(PnDepends, WatchTrueFirstRunsOnAChangeOrAtOnceWithOnInit) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
                       "pn.depends(slider, {watch: true})((v) => console.log('watch ' + v));\n"
                       "pn.depends(slider, {watch: true, on_init: true})((v) => "
                       "console.log('on_init ' + v));\n"
                       "console.log('loaded');\n"
                       "pn.Column(slider).servable();\n"),
        QStringLiteral("/app/oninit.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("loaded") && s.log.contains("on_init 1"); }))
        << s.firstError();
    EXPECT_FALSE(s.log.contains("watch 1")) << s.log.join(" | ").toStdString();
    s.child(0)->set("value", 7);
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("watch 7") && s.log.contains("on_init 7"); }))
        << s.log.join(" | ").toStdString();
    EXPECT_EQ(s.log.filter(QStringLiteral("watch ")).size(), 1) << s.log.join(" | ").toStdString();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnDepends, BadArgumentsAreErrorsAtTheUsersLine) {
    Session().expectFailure(QStringLiteral("const slider = pn.widgets.IntSlider();\n"
                                           "pn.depends(slider, {wach: true})(() => 1);\n"),
                            QStringLiteral("unknown option 'wach'"), 2);
    Session().expectFailure(QStringLiteral("pn.depends('value')(() => 1);\n"),
                            QStringLiteral("pn.depends: dependencies must be widgets, got string"),
                            1);
    Session().expectFailure(
        QStringLiteral("const f = () => 1;\n\npn.panel(f, {generator_mode: 'stack'});\n"),
        QStringLiteral("generator_mode must be 'replace' or 'append'"), 3);
}

TEST(PnGenerators, EachYieldReplacesWhatThePaneShows) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
            "async function* count(v) {\n"
            "  try {\n"
            "    for (let i = 1; i <= 3; i++) { yield v + ':' + i; await pn.sleep(20); }\n"
            "  } finally { console.log('closed ' + v); }\n"
            "}\n"
            "pn.Column(slider, pn.bind(count, slider)).servable();\n"),
        QStringLiteral("/app/gen.js")))
        << s.firstError();
    SliderAndPane ui(s);
    ASSERT_NE(ui.pane, nullptr);
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("closed 1"); })) << s.firstError();
    EXPECT_EQ(ui.shown, (QStringList{"1:1", "1:2", "1:3"}));
    ASSERT_TRUE(waitUntil([&] { return !ui.pane->get("loading").toBool(); }));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnGenerators, AppendModeStacksEveryYieldInAColumn) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
            "async function* count(v) {\n"
            "  for (let i = 1; i <= 3; i++) { await pn.sleep(10); yield v + ':' + i; }\n"
            "}\n"
            "function* letters(v) { yield 'a' + v; yield 'b' + v; }\n"
            "pn.Column(slider, pn.panel(pn.bind(count, slider), {generator_mode: 'append'}),\n"
            "          pn.panel(pn.depends(slider)(letters), {generator_mode: "
            "'append'})).servable();\n"),
        QStringLiteral("/app/append.js")))
        << s.firstError();
    auto* counted = s.child<ReactivePane>(1);
    auto* lettered = s.child<ReactivePane>(2);
    ASSERT_NE(counted, nullptr);
    ASSERT_NE(lettered, nullptr);
    ASSERT_TRUE(waitUntil([&] { return stacked(counted).size() == 3; })) << s.firstError();
    EXPECT_EQ(stacked(counted), (QStringList{"1:1", "1:2", "1:3"}));
    EXPECT_EQ(stacked(lettered), (QStringList{"a1", "b1"}));
    s.child(0)->set("value", 4);  // a new run starts a new stack
    ASSERT_TRUE(waitUntil([&] {
        return stacked(counted) == QStringList{"4:1", "4:2", "4:3"};
    })) << stacked(counted).join('|').toStdString();
    EXPECT_EQ(stacked(lettered), (QStringList{"a4", "b4"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnGenerators, ANewerTriggerCancelsTheRunningGeneratorAndNoStaleYieldShows) {
    Session s;
    // The waits are plain timers (not cancellable sleeps): the stale generator
    // goes on, but none of its later yields may reach the pane.
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
                       "const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n"
                       "async function* count(v) {\n"
                       "  try {\n"
                       "    for (let i = 1; i <= 3; i++) { yield v + ':' + i; await wait(v === 1 ? "
                       "150 : 10); }\n"
                       "  } finally { console.log('closed ' + v); }\n"
                       "}\n"
                       "pn.Column(slider, pn.bind(count, slider)).servable();\n"),
        QStringLiteral("/app/cancel.js")))
        << s.firstError();
    SliderAndPane ui(s);
    ASSERT_NE(ui.pane, nullptr);
    ASSERT_TRUE(waitUntil([&] { return ui.shown.contains("1:1"); })) << s.firstError();
    ui.slider->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return s.log.contains("closed 1") && s.log.contains("closed 2"); }))
        << s.log.join('|').toStdString();
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().busy(); }));
    // "closed 1" comes after the stale generator's next yield (return() waits for it).
    EXPECT_EQ(ui.shown, (QStringList{"1:1", "2:1", "2:2", "2:3"}));
    EXPECT_EQ(textOf(ui.pane->rendered()), QStringLiteral("2:3"));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// `rendered` is a read-only param: watchable, listed with the others, and
// triggered on every render, so a watcher sees each value a generator
// streams even while the same Markdown pane is updated in place.
TEST(PnBind, RenderedIsAReadOnlyParamWhoseWatchersSeeEveryRender) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const slider = pn.widgets.IntSlider({start: 0, end: 10, value: 1});\n"
            "async function* count(v) {\n"
            "  for (let i = 1; i <= 3; i++) { yield v + ':' + i; await pn.sleep(5); }\n"
            "}\n"
            "const pane = pn.panel(pn.bind(count, slider));\n"
            "console.log('listed ' + Object.keys(pane).includes('rendered') + ' ' + "
            "pane.rendered);\n"
            "pane.param.watch((e) => {\n"
            "  console.log(e.name + ' ' + e.new.object + ' ' + (e.new === pane.rendered) + ' ' + "
            "(e.obj === pane));\n"
            "}, 'rendered');\n"
            "try { pane.rendered = null; } catch (e) { console.log('assigning: ' + e.message); }\n"
            "pn.Column(slider, pane).servable();\n"),
        QStringLiteral("/app/watch_rendered.js")))
        << s.firstError();
    auto* pane = s.child<ReactivePane>(1);
    ASSERT_NE(pane, nullptr);
    EXPECT_TRUE(pane->paramNames().contains(QStringLiteral("rendered")));
    EXPECT_TRUE(pane->spec(QStringLiteral("rendered")).readOnly);
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 5; }))
        << s.log.join('|').toStdString() << s.firstError();
    s.child(0)->set("value", 2);
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 8; })) << s.log.join('|').toStdString();
    EXPECT_EQ(s.log,
              (QStringList{"listed true null", "assigning: ParamFunction.rendered is read-only",
                           "rendered 1:1 true true", "rendered 1:2 true true",
                           "rendered 1:3 true true", "rendered 2:1 true true",
                           "rendered 2:2 true true", "rendered 2:3 true true"}));
    EXPECT_EQ(pane->get(QStringLiteral("rendered")).value<QObject*>(), pane->rendered());
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// A component the function returned and something else deleted leaves
// `rendered` empty, not pointing at the deleted object.
TEST(PnBind, RenderedForgetsAComponentDeletedElsewhere) {
    Session s;
    ASSERT_TRUE(s.session.run(QStringLiteral("const shown = pn.pane.Markdown('kept elsewhere');\n"
                                             "const pane = pn.panel(pn.bind(() => shown));\n"
                                             "globalThis.renderedNow = () => pane.rendered;\n"
                                             "pn.Column(pane).servable();\n"),
                              QStringLiteral("/app/deleted.js")))
        << s.firstError();
    auto* pane = s.child<ReactivePane>(0);
    ASSERT_NE(pane, nullptr);
    ASSERT_NE(pane->rendered(), nullptr);
    delete pane->rendered();
    EXPECT_FALSE(pane->get(QStringLiteral("rendered")).isValid());
    EXPECT_TRUE(s.evaluate("renderedNow() === null").toBool());
}
