// Bokeh's chart interaction options from Python: figure(tools=...,
// toolbar_location=..., active_drag=..., active_scroll=..., x_range=...,
// y_range=...), p.add_tools(...), p.legend.click_policy, and the errors.
#include <gtest/gtest.h>

#include <QToolBar>

#include "common/eventloop.h"
#include "common/livechart.h"
#include "plots/chartpane.h"
#include "plots/charttools.h"
#include "pysession.h"

using qpanel::ChartPane;
using qpanel::ClickPolicy;
using qpanel::RangeSpec;
using qpanel::ToolbarLocation;
using qpanel::ToolKind;
using qpanel::test::PySession;

TEST(PythonCharts, FigureTakesBokehsToolRangeAndLegendOptions) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "from bokeh.plotting import figure\n"
              "from bokeh.models import ColumnDataSource, HoverTool, DataRange1d\n"
              "cds = ColumnDataSource({'t': [0, 1, 2], 'v': [5, 6, 7]})\n"
              "p = figure(tools='pan,box_zoom,reset', toolbar_location='above',\n"
              "           active_drag='box_zoom', active_scroll=None, x_range=(0, 10),\n"
              "           y_range=DataRange1d(follow='end', follow_interval=5))\n"
              "p.line('t', 'v', source=cds, legend_label='value')\n"
              "p.add_tools(HoverTool(tooltips=[('t', '@t'), ('v', '@v')]))\n"
              "p.legend.click_policy = 'hide'\n"
              "pn.Column(pn.pane.Bokeh(p)).servable()\n"))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    const qpanel::FigureOptions& o = pane->figure()->options();
    EXPECT_EQ(o.toolbarLocation, ToolbarLocation::Above);
    EXPECT_EQ(pane->figure()->activeDrag(), ToolKind::BoxZoom);
    EXPECT_FALSE(pane->figure()->activeScroll().has_value());
    ASSERT_TRUE(o.xRange.isFixed());
    EXPECT_EQ(*o.xRange.start, 0);
    EXPECT_EQ(*o.xRange.end, 10);
    EXPECT_EQ(o.yRange.follow, RangeSpec::Follow::End);
    EXPECT_EQ(o.yRange.followInterval, 5);
    EXPECT_EQ(o.legendClickPolicy, ClickPolicy::Hide);
    const qpanel::Tool* hover = pane->figure()->tool(ToolKind::Hover);
    ASSERT_NE(hover, nullptr);
    EXPECT_EQ(hover->tooltips.size(), 2);
    EXPECT_EQ(pane->figure()->tool(ToolKind::WheelZoom), nullptr);
    // The chart a user sees has those tools.
    pane->view();
    ASSERT_NE(pane->chartView(), nullptr);
    qpanel::ChartTools* tools = pane->chartView()->tools();
    EXPECT_NE(tools->action(ToolKind::BoxZoom), nullptr);
    EXPECT_NE(tools->action(ToolKind::Hover), nullptr);
    EXPECT_EQ(tools->action(ToolKind::Save), nullptr);
    EXPECT_EQ(tools->toolbar()->orientation(), Qt::Horizontal);
    EXPECT_EQ(s.eval("p.legend.click_policy"), "'hide'");
}

TEST(PythonCharts, BadToolOptionsSayWhatIsAccepted) {
    PySession s;
    s.run(
        "from bokeh.plotting import figure\n"
        "p = figure(tools='pan,lasso_select')\n");
    ASSERT_FALSE(s.errors.isEmpty());
    EXPECT_TRUE(s.errors[0].message.contains("unknown tool 'lasso_select'")) << s.firstError();
    EXPECT_TRUE(s.errors[0].message.contains("wheel_zoom")) << s.firstError();
    PySession t;
    t.run(
        "from bokeh.plotting import figure\n"
        "p = figure()\n"
        "p.legend.click_policy = 'mute'\n");
    ASSERT_FALSE(t.errors.isEmpty());
    EXPECT_TRUE(t.errors[0].message.contains("expected 'hide' or 'none', got 'mute'"))
        << t.firstError();
    EXPECT_EQ(t.errors[0].location.line, 3);
}

// The explore_chart example as a user tries it: a live chart, zoomed, stays
// put while points stream in; reset follows the latest 400 points again.
TEST(PythonCharts, TheExploreExampleStaysZoomedWhileItStreamsUntilReset) {
    PySession s;
    ASSERT_TRUE(s.session.load(QStringLiteral(QPANEL_EXAMPLES_DIR "/explore_chart.py")))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    EXPECT_EQ(pane->figure()->options().xRange.follow, RangeSpec::Follow::End);
    EXPECT_EQ(pane->figure()->options().legendClickPolicy, ClickPolicy::Hide);
    QWidget* widget = pane->view();
    widget->resize(700, 320);
    widget->show();
    ASSERT_NE(pane->chartView(), nullptr);
    qpanel::ColumnDataSource* cds = pane->figure()->lines().front().source.data();
    qpanel::test::expectAZoomedLiveChartStaysPutUntilReset(*pane->chartView(), *cds, 50);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

// x_axis_type='datetime' and legend.location as a Python user writes them:
// the chart shows times on its x axis and the legend where it was put.
TEST(PythonCharts, ADatetimeAxisAndALegendLocation) {
    PySession s;
    ASSERT_TRUE(
        s.run("import panel as pn\n"
              "from bokeh.plotting import figure\n"
              "from bokeh.models import ColumnDataSource\n"
              "t0 = 1796299200000  # 2026-12-03 12:00 UTC, ms\n"
              "cds = ColumnDataSource({'t': [t0 + i * 60000 for i in range(60)],\n"
              "                        'v': [i % 7 for i in range(60)]})\n"
              "p = figure(x_axis_type='datetime', width=500, height=260)\n"
              "p.line('t', 'v', source=cds, legend_label='value')\n"
              "p.legend.location = 'bottom_left'\n"
              "pn.Column(pn.pane.Bokeh(p)).servable()\n"))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    EXPECT_EQ(pane->figure()->options().xAxisType, qpanel::AxisType::Datetime);
    EXPECT_EQ(pane->figure()->options().legendLocation, qpanel::LegendLocation::BottomLeft);
    EXPECT_EQ(s.eval("p.legend.location"), "'bottom_left'");
    qpanel::test::expectLegendInPlot(*pane, QSize(500, 260), false, true);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();

    // Bad values fail at the user's line, saying what is accepted.
    const struct {
        const char* line;
        const char* message;
    } bad[] = {
        {"p = figure(x_axis_type='log')\n", "log axes are not supported"},
        {"p = figure(x_axis_type='mercator')\n", "expected 'linear' or 'datetime', got 'mercator'"},
        {"p = figure()\np.legend.location = (10, 20)\n", "an (x, y) position is not supported"},
    };
    for (const auto& [line, message] : bad) {
        PySession t;
        t.run((std::string("from bokeh.plotting import figure\n") + line).c_str());
        ASSERT_FALSE(t.errors.isEmpty()) << line;
        EXPECT_TRUE(t.errors[0].message.contains(message)) << t.firstError();
        EXPECT_EQ(t.errors[0].location.line, QByteArray(line).count('\n') + 1) << line;
    }
}
