// Panel's API beyond §2.1 as Python scripts use it (SPEC §2.0): from_param,
// parameters in layouts, link, defer_load/onload, trigger, user
// param.Parameterized classes with bind/depends/watch, generators, layout
// options, notebook-style scripts, unknown names.
#include "common/eventloop.h"
#include "pysession.h"
#include "python/pyconvert.h"
#include "widgets/button.h"
#include "widgets/panes/reactivepane.h"

using namespace std::chrono_literals;
using qpanel::Component;
using qpanel::ReactivePane;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

namespace {

/// Appended to a script: `exec(s, code)` then runs statements in the
/// script's globals as a callback of the app (a watcher of a hidden widget).
constexpr const char* execHook =
    "_cmd = pn.widgets.TextInput()\n"
    "_cmd.param.watch(lambda e: exec(e.new, globals()), 'value')\n";

void exec(PySession& s, const char* code) {
    Component* cmd = nullptr;
    {
        pybind11::gil_scoped_acquire gil;
        cmd = (*s.session.globals())["_cmd"]
                  .attr("_c")
                  .cast<qpanel::python::ComponentRef&>()
                  .component.data();
    }
    ASSERT_NE(cmd, nullptr);
    cmd->set(QStringLiteral("value"), QString::fromUtf8(code));
}

/// The text a bound function's pane shows now.
QString shownText(Component* pane) {
    auto* reactive = qobject_cast<ReactivePane*>(pane);
    if (!reactive || !reactive->rendered()) return QStringLiteral("<nothing>");
    return reactive->rendered()->get(QStringLiteral("object")).toString();
}

constexpr const char* userClass =
    "import param\n"
    "import panel as pn\n"
    "class Settings(param.Parameterized):\n"
    "    speed = param.Integer(3, bounds=(0, 10))\n"
    "    mode = param.Selector(default='fast', objects=['slow', 'fast'])\n"
    "    on = param.Boolean(False)\n"
    "    label = param.String('hi')\n"
    "    ratio = param.Number(0.5, bounds=(0, 1))\n"
    "settings = Settings()\n";

}  // namespace

TEST(PythonApi, FromParamLinksAUserParameterizedAndTheWidgetBothWays) {
    PySession s;
    ASSERT_TRUE(s.run((std::string(userClass) +
                       "slider = pn.widgets.IntSlider.from_param(settings.param.speed)\n"
                       "slider.servable()\n" +
                       execHook)
                          .c_str()))
        << s.firstError();
    Component* slider = s.roots().at(0);
    EXPECT_EQ(slider->typeName(), QStringLiteral("IntSlider"));
    EXPECT_EQ(slider->get("name").toString(), QStringLiteral("Speed"));
    EXPECT_EQ(slider->get("value").toInt(), 3);
    EXPECT_EQ(slider->get("end").toInt(), 10);
    slider->set("value", 7);  // the user drags it
    EXPECT_EQ(s.eval("settings.speed"), "7");
    exec(s, "settings.speed = 2");
    EXPECT_EQ(slider->get("value").toInt(), 2);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonApi, AParameterInALayoutShowsAWidgetForIt) {
    PySession s;
    ASSERT_TRUE(s.run((std::string(userClass) +
                       "pn.Column(settings.param.speed, settings.param.mode, settings.param.on,\n"
                       "          settings.param.label, settings.param.ratio).servable()\n")
                          .c_str()))
        << s.firstError();
    ASSERT_NE(s.child(4), nullptr);
    EXPECT_EQ(s.child(0)->typeName(), QStringLiteral("IntSlider"));
    EXPECT_EQ(s.child(1)->typeName(), QStringLiteral("Select"));
    EXPECT_EQ(s.child(1)->get("options").toStringList(), (QStringList{"slow", "fast"}));
    EXPECT_EQ(s.child(1)->get("value").toString(), QStringLiteral("fast"));
    EXPECT_EQ(s.child(2)->typeName(), QStringLiteral("Checkbox"));
    EXPECT_EQ(s.child(3)->typeName(), QStringLiteral("TextInput"));
    EXPECT_EQ(s.child(3)->get("value").toString(), QStringLiteral("hi"));
    EXPECT_EQ(s.child(4)->typeName(), QStringLiteral("FloatSlider"));
    s.child(2)->set("value", true);
    EXPECT_EQ(s.eval("settings.on"), "True");
}

TEST(PythonApi, ParamPaneShowsEveryParameterAndAClassParameterIsRefused) {
    PySession s;
    ASSERT_TRUE(s.run((std::string(userClass) + "pn.Param(settings).servable()\n").c_str()))
        << s.firstError();
    ASSERT_NE(s.child(5), nullptr);
    EXPECT_EQ(s.child(0)->typeName(), QStringLiteral("Markdown"));  // its name as a title
    EXPECT_EQ(s.child(1)->get("name").toString(), QStringLiteral("Speed"));

    PySession bad;
    EXPECT_FALSE(bad.run((std::string(userClass) + "pn.Row(Settings.param.speed)\n").c_str()));
    ASSERT_EQ(bad.errors.size(), 1);
    EXPECT_EQ(bad.errors[0].location.line, 10);
    EXPECT_TRUE(bad.errors[0].message.contains("class parameter")) << bad.firstError();
}

TEST(PythonApi, LinkCopiesAValueToTheTargetOrCallsItsCallback) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "text = pn.widgets.TextInput(value='a')\n"
              "md = pn.pane.Markdown('start')\n"
              "text.link(md, value='object')\n"
              "slider = pn.widgets.IntSlider(end=10)\n"
              "shown = pn.widgets.StaticText()\n"
              "slider.link(shown, callbacks={'value': lambda t, e: setattr(t, 'value', "
              "'at %d' % e.new)})\n"
              "pn.Column(text, md, slider, shown).servable()\n"))
        << s.firstError();
    EXPECT_EQ(s.child(1)->get("object").toString(), QStringLiteral("start"));
    s.child(0)->set("value", "*typed*");
    EXPECT_EQ(s.child(1)->get("object").toString(), QStringLiteral("*typed*"));
    s.child(2)->set("value", 4);
    EXPECT_EQ(s.child(3)->get("value").toString(), QStringLiteral("at 4"));

    PySession bad;
    EXPECT_FALSE(
        bad.run("import panel as pn\n"
                "t = pn.widgets.TextInput()\n"
                "t.link(pn.pane.Markdown(), valu='object')\n"));
    ASSERT_EQ(bad.errors.size(), 1);
    EXPECT_EQ(bad.errors[0].location.line, 3);
    EXPECT_TRUE(bad.errors[0].message.contains("no parameter 'valu'")) << bad.firstError();
}

TEST(PythonApi, DeferLoadAndOnloadRunOnceTheScriptHasEnded) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "def heavy():\n"
              "    print('heavy ran')\n"
              "    return 'loaded'\n"
              "pn.state.onload(lambda: print('onload ran'))\n"
              "pane = pn.panel(heavy, defer_load=True)\n"
              "lazy = pn.param.ParamFunction(lambda: 'second', defer_load=True)\n"
              "pn.Column(pane, lazy).servable()\n"
              "print('script ended')\n"))
        << s.firstError();
    EXPECT_EQ(s.log, QStringList{"script ended"});
    EXPECT_TRUE(s.child(0)->get("loading").toBool()) << "loading until it has run";
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s));
    EXPECT_EQ(s.log, (QStringList{"script ended", "onload ran", "heavy ran"}));
    EXPECT_EQ(shownText(s.child(0)), QStringLiteral("loaded"));
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("second"));
    EXPECT_FALSE(s.child(0)->get("loading").toBool());
}

TEST(PythonApi, TriggerFiresWatchersOfWidgetsUserClassesAndState) {
    PySession s;
    ASSERT_TRUE(
        s.run("import param\n"
              "import panel as pn\n"
              "class Counter(param.Parameterized):\n"
              "    n = param.Integer(0)\n"
              "    @param.depends('n', watch=True)\n"
              "    def _show(self):\n"
              "        print('depends', self.n)\n"
              "c = Counter()\n"
              "slider = pn.widgets.IntSlider()\n"
              "slider.param.watch(lambda e: print('widget', e.type, e.new), 'value')\n"
              "pn.state.param.watch(lambda e: print('state', e.name, e.type), 'busy')\n"
              "c.param.trigger('n')\n"
              "slider.param.trigger('value')\n"
              "pn.state.param.trigger('busy')\n"))
        << s.firstError();
    EXPECT_EQ(s.log, (QStringList{"depends 0", "widget triggered 0", "state busy triggered"}));
}

TEST(PythonApi, UserParameterizedWorksWithBindDependsAndWatchAcrossWidgets) {
    PySession s;
    ASSERT_TRUE(
        s.run("import asyncio\n"
              "import param\n"
              "import panel as pn\n"
              "class Model(param.Parameterized):\n"
              "    n = param.Integer(1, bounds=(0, 10))\n"
              "    @param.depends('n', watch=True)\n"
              "    def _log(self):\n"
              "        print('model n', self.n)\n"
              "    @param.depends('n')\n"
              "    def view(self):\n"
              "        return 'view %d' % self.n\n"
              "m = Model()\n"
              "async def later(event):\n"
              "    await asyncio.sleep(0)\n"
              "    print('async watch', event.new)\n"
              "m.param.watch(later, 'n')\n"
              "slider = pn.widgets.IntSlider.from_param(m.param.n)\n"
              "@pn.depends(m.param.n)\n"
              "def doubled(n):\n"
              "    return 'doubled %d' % (2 * n)\n"
              "pn.Column(slider, pn.bind(lambda n, w: 'bound %d %d' % (n, w), m.param.n, slider),\n"
              "          doubled, m.view).servable()\n"))
        << s.firstError();
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("bound 1 1"));
    EXPECT_EQ(shownText(s.child(2)), QStringLiteral("doubled 2"));
    EXPECT_EQ(shownText(s.child(3)), QStringLiteral("view 1"));
    s.child(0)->set("value", 4);  // the user moves the slider
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s));
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("bound 4 4"));
    EXPECT_EQ(shownText(s.child(2)), QStringLiteral("doubled 8"));
    EXPECT_EQ(shownText(s.child(3)), QStringLiteral("view 4"));
    EXPECT_EQ(s.log, (QStringList{"model n 4", "async watch 4"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonApi, GeneratorFunctionsShowEachYieldedValueInTurn) {
    PySession s;
    ASSERT_TRUE(s.run(
        (std::string(
             "import asyncio\n"
             "import panel as pn\n"
             "slider = pn.widgets.IntSlider(end=5)\n"
             "def steps(n):\n"
             "    yield 'step 1 of %d' % n\n"
             "    yield 'step 2 of %d' % n\n"
             "async def fetch(n):\n"
             "    yield 'loading %d' % n\n"
             "    await asyncio.sleep(0.01)\n"
             "    yield 'done %d' % n\n"
             "pn.Column(pn.bind(steps, slider), pn.bind(fetch, slider),\n"
             "          pn.panel(pn.bind(steps, slider), generator_mode='append')).servable()\n") +
         std::string(execHook))
            .c_str()))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s)) << s.firstError();
    EXPECT_EQ(shownText(s.child(0)), QStringLiteral("step 2 of 0"));
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("done 0"));
    QStringList shown;
    auto* pane = qobject_cast<ReactivePane*>(s.child(1));
    ASSERT_NE(pane, nullptr);
    QObject::connect(pane, &ReactivePane::renderedChanged, pane,
                     [&](Component* c) { shown << c->get("object").toString(); });
    exec(s, "slider.value = 3");
    ASSERT_TRUE(waitUntil([&] { return s.session.isIdle(); }, 5s)) << s.firstError();
    EXPECT_EQ(shown, (QStringList{"loading 3", "done 3"}));
    EXPECT_EQ(shownText(s.child(0)), QStringLiteral("step 2 of 3"));
    auto* appended = qobject_cast<ReactivePane*>(s.child(2));
    ASSERT_NE(appended, nullptr);
    auto* column = qobject_cast<qpanel::ListLayout*>(appended->rendered());
    ASSERT_NE(column, nullptr);
    ASSERT_EQ(column->objects().size(), 2);
    EXPECT_EQ(column->objects().at(1)->get("object").toString(), QStringLiteral("step 2 of 3"));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonApi, LayoutOptionsPushNotebookAndPyodideAreAccepted) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "w = pn.widgets.TextInput(sizing_mode='stretch_width', margin=(5, 10), width=300)\n"
              "w.sizing_mode = 'fixed'\n"
              "print(w.sizing_mode, w.margin, pn.state._is_pyodide)\n"
              "pn.io.push_notebook(w)\n"
              "pane = pn.panel(lambda: 'x', sizing_mode='stretch_both', height=120)\n"
              "pn.Row(w, pane, align='center', min_height=50).servable()\n"))
        << s.firstError();
    ASSERT_EQ(s.log.size(), 2) << s.log.join('\n').toStdString();
    EXPECT_EQ(s.log[0], QStringLiteral("fixed (5, 10) False"));
    EXPECT_TRUE(s.log[1].startsWith("layout option 'align' has no effect"))
        << s.log[1].toStdString();
    EXPECT_EQ(s.child(0)->get("width").toInt(), 300);
    EXPECT_EQ(s.child(1)->get("height").toInt(), 120);

    PySession bad;
    EXPECT_FALSE(bad.run("import panel as pn\npn.panel('x', colour='red')\n"));
    ASSERT_EQ(bad.errors.size(), 1);
    EXPECT_EQ(bad.errors[0].location.line, 2);
    EXPECT_TRUE(bad.errors[0].message.contains("unknown option 'colour'")) << bad.firstError();
}

TEST(PythonApi, NotebookStyleShowsTheLastExpressionEvenALayoutOfABoundFunction) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "slider = pn.widgets.IntSlider(end=10)\n"
              "def square(n):\n"
              "    return 'square %d' % (n * n)\n"
              "pn.Column(slider, pn.bind(square, slider))\n"))
        << s.firstError();
    ASSERT_EQ(s.roots().size(), 1);
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("square 0"));
    s.child(0)->set("value", 3);
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("square 9"));

    PySession bare;  // the last expression is a bound function itself
    ASSERT_TRUE(
        bare.run("import panel as pn\n"
                 "t = pn.widgets.TextInput(value='a')\n"
                 "pn.bind(lambda v: v.upper(), t)\n"))
        << bare.firstError();
    ASSERT_EQ(bare.roots().size(), 1);
    EXPECT_EQ(shownText(bare.roots().at(0)), QStringLiteral("A"));

    PySession servable;  // something servable: the last expression is not added
    ASSERT_TRUE(servable.run(
        "import panel as pn\npn.widgets.Button().servable()\npn.widgets.TextInput()\n"))
        << servable.firstError();
    ASSERT_EQ(servable.roots().size(), 1);
    EXPECT_EQ(servable.roots().at(0)->typeName(), QStringLiteral("Button"));
}

TEST(PythonApi, UnknownNamesSayWhatExistsAtTheUsersLine) {
    const std::pair<const char*, const char*> cases[] = {
        {"pn.nope", "pn.nope does not exist in qpanel (available: "},
        {"pn.widgets.Nope()", "pn.widgets.Nope does not exist in qpanel (available: "},
        {"pn.pane.Nope", "pn.pane.Nope does not exist in qpanel (available: "},
        {"pn.state.nope", "pn.state.nope does not exist in qpanel (available: "},
        {"pn.param.Nope", "pn.param.Nope does not exist in qpanel (available: "},
    };
    for (const auto& [code, message] : cases) {
        PySession s;
        EXPECT_FALSE(s.run((std::string("import panel as pn\n\n") + code + "\n").c_str()));
        ASSERT_EQ(s.errors.size(), 1) << code;
        EXPECT_EQ(s.errors[0].location.file, QStringLiteral("/app/test.py"));
        EXPECT_EQ(s.errors[0].location.line, 3) << code;
        EXPECT_TRUE(s.errors[0].message.contains(QLatin1String(message))) << s.firstError();
    }
}

TEST(PythonApi, AViewerClassIsShownByItsPanelMethodAndLinksBothWays) {
    PySession s;
    ASSERT_TRUE(
        s.run("import param\n"
              "import panel as pn\n"
              "class Greeter(pn.viewable.Viewer):\n"
              "    who = param.String('world')\n"
              "    def __panel__(self):\n"
              "        return pn.Column(self.param.who, pn.bind(lambda w: 'Hello ' + w, "
              "self.param.who))\n"
              "a = pn.widgets.TextInput(value='x')\n"
              "b = pn.widgets.TextInput(value='x')\n"
              "a.link(b, value='value', bidirectional=True)\n"
              "pn.Row(Greeter(), a, b)\n"))
        << s.firstError();
    auto* row = qobject_cast<qpanel::ListLayout*>(s.roots().at(0));
    ASSERT_NE(row, nullptr);
    auto* view = qobject_cast<qpanel::ListLayout*>(row->objects().at(0));
    ASSERT_NE(view, nullptr);
    Component* input = view->objects().at(0);
    EXPECT_EQ(input->get("value").toString(), QStringLiteral("world"));
    input->set("value", "Qt");
    EXPECT_EQ(shownText(view->objects().at(1)), QStringLiteral("Hello Qt"));
    row->objects().at(2)->set("value", "from b");
    EXPECT_EQ(row->objects().at(1)->get("value").toString(), QStringLiteral("from b"));
    row->objects().at(1)->set("value", "from a");
    EXPECT_EQ(row->objects().at(2)->get("value").toString(), QStringLiteral("from a"));
}

TEST(PythonApi, AnErrorInAGeneratorOrAUserParameterBindingIsReportedAtItsLine) {
    PySession s;
    ASSERT_TRUE(s.run(
        "import param\n"
        "import panel as pn\n"
        "class M(param.Parameterized):\n"
        "    n = param.Integer(1)\n"
        "m = M()\n"
        "def steps(n):\n"
        "    yield 'first'\n"
        "    raise ValueError('step failed at %d' % n)\n"
        "def view(n):\n"
        "    return 'n is %d' % (10 // n)\n"
        "slider = pn.widgets.IntSlider.from_param(m.param.n)\n"
        "pn.Column(slider, pn.bind(steps, m.param.n), pn.bind(view, m.param.n)).servable()\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 1; }, 5s));
    EXPECT_EQ(s.errors[0].message, QStringLiteral("ValueError: step failed at 1"));
    EXPECT_EQ(s.errors[0].location.line, 8);
    s.child(0)->set("value", 0);  // the user moves the slider to 0
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 3; }, 5s)) << s.firstError();
    QStringList messages;
    for (const auto& e : s.errors)
        messages << QStringLiteral("%1 %2").arg(e.location.line).arg(e.message);
    EXPECT_TRUE(messages.contains("10 ZeroDivisionError: integer division or modulo by zero"))
        << messages.join('\n').toStdString();
    EXPECT_EQ(shownText(s.child(1)), QStringLiteral("first"));
}

TEST(PythonApi, NumpyColumnsReadBackWithTheirDtypeAsBokehKeepsThem) {
    PySession s;
    ASSERT_TRUE(
        s.run("import numpy as np\n"
              "from bokeh.models import ColumnDataSource\n"
              "import panel as pn\n"
              "cds = ColumnDataSource({'i': np.arange(3, dtype=np.int64),\n"
              "                        'u': np.array([1, 2, 3], dtype=np.uint8),\n"
              "                        'f': np.array([0.5, 1.5, 2.5]), 'l': [1, 2, 3]})\n"
              "empty = ColumnDataSource({'x': []})\n"
              "def show(name):\n"
              "    column = cds.data[name]\n"
              "    print(name, type(column).__name__, getattr(column, 'dtype', '-'), "
              "np.asarray(column).tolist())\n"
              "for name in 'iufl':\n"
              "    show(name)\n"
              "@pn.io.with_lock\n"
              "async def grow():\n"
              "    cds.stream({'i': np.array([7]), 'u': np.array([9], dtype=np.uint8),\n"
              "                'f': [3.5], 'l': [4]})\n"
              "    empty.stream({'x': np.arange(2)})\n"
              "    show('i')\n"
              "    show('u')\n"
              // An empty list column takes an array as np.append([], a) does: float64.
              "    x = empty.data['x']\n"
              "    print('e', type(x).__name__, x.dtype, x.tolist())\n"
              "    cds.stream({'i': [8.5], 'u': [10], 'f': [4.5], 'l': [5]})\n"
              "    show('i')\n"
              "pn.state.execute(grow)\n"))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.log.size() >= 8; }, 5s)) << s.firstError();
    EXPECT_EQ(s.log, (QStringList{"i ndarray int64 [0, 1, 2]", "u ndarray uint8 [1, 2, 3]",
                                  "f ndarray float64 [0.5, 1.5, 2.5]", "l list - [1, 2, 3]",
                                  "i ndarray int64 [0, 1, 2, 7]", "u ndarray uint8 [1, 2, 3, 9]",
                                  "e ndarray float64 [0.0, 1.0]",
                                  "i ndarray float64 [0.0, 1.0, 2.0, 7.0, 8.5]"}))
        << s.log.join('\n').toStdString();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PythonApi, LayoutOptionsShapeTheViewAndThoseQtCannotShowAreNamedOnce) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "w = pn.widgets.TextInput(sizing_mode='stretch_width', min_width=120,\n"
              "                         max_width=400, margin=(5, 10))\n"
              "b = pn.widgets.Button(name='b', sizing_mode='fixed', css_classes=['x'])\n"
              "b.styles = {'color': 'red'}\n"
              "c = pn.widgets.Button(name='c', css_classes=['y'], margin=3, tags=['kept'])\n"
              "c.margin = [1, 2, 3, 4]\n"
              "print(w.sizing_mode, c.margin, c.tags)\n"
              "pn.Column(w, b, c).servable()\n"))
        << s.firstError();
    QWidget* text = s.child(0)->view();
    EXPECT_EQ(text->sizePolicy().horizontalPolicy(), QSizePolicy::Expanding);
    EXPECT_EQ(text->minimumWidth(), 120);
    EXPECT_EQ(text->maximumWidth(), 400);
    EXPECT_EQ(text->contentsMargins(), QMargins(10, 5, 10, 5));
    QWidget* fixed = s.child(1)->view();
    EXPECT_EQ(fixed->sizePolicy().horizontalPolicy(), QSizePolicy::Fixed);
    EXPECT_EQ(fixed->sizePolicy().verticalPolicy(), QSizePolicy::Fixed);
    EXPECT_EQ(s.child(2)->view()->contentsMargins(), QMargins(4, 1, 2, 3));
    // One warning per option Qt cannot show, however often it is used.
    EXPECT_EQ(s.log.filter("'css_classes'").size(), 1) << s.log.join('\n').toStdString();
    EXPECT_EQ(s.log.filter("'styles'").size(), 1) << s.log.join('\n').toStdString();
    EXPECT_TRUE(s.log.filter("'css_classes'").value(0).contains("no effect"))
        << s.log.join('\n').toStdString();
    EXPECT_TRUE(s.log.contains("stretch_width [1, 2, 3, 4] ['kept']"))
        << s.log.join('\n').toStdString();

    PySession bad;
    EXPECT_FALSE(bad.run("import panel as pn\npn.widgets.Button(sizing_mode='stretchy')\n"));
    ASSERT_EQ(bad.errors.size(), 1);
    EXPECT_EQ(bad.errors[0].location.line, 2);
    EXPECT_TRUE(bad.errors[0].message.contains("sizing_mode")) << bad.firstError();
    EXPECT_TRUE(bad.errors[0].message.contains("stretch_width")) << bad.firstError();
}
