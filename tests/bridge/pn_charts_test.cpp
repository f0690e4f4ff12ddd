// Bokeh's chart interaction options from JavaScript: pn.plotting.figure({tools,
// toolbar_location, active_drag, active_scroll, x_range, y_range}),
// p.add_tools(...), p.legend.click_policy, pn.models.HoverTool / Range1d /
// DataRange1d, and the errors.
#include <gtest/gtest.h>

#include <QToolBar>

#include "common/eventloop.h"
#include "common/livechart.h"
#include "plots/chartpane.h"
#include "plots/charttools.h"
#include "pnsession.h"

using qpanel::ChartPane;
using qpanel::ClickPolicy;
using qpanel::RangeSpec;
using qpanel::ToolbarLocation;
using qpanel::ToolKind;
using qpanel::test::Session;

TEST(PnCharts, FigureTakesBokehsToolRangeAndLegendOptions) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const cds = new pn.models.ColumnDataSource({data: {t: [0, 1, 2], v: [5, 6, 7]}});\n"
            "const p = pn.plotting.figure({tools: ['pan', 'box_zoom', 'reset'],\n"
            "    toolbar_location: 'left', active_drag: 'box_zoom', active_scroll: null,\n"
            "    x_range: new pn.models.DataRange1d({follow: 'end', follow_interval: 50}),\n"
            "    y_range: [-1, 1]});\n"
            "p.line({x: 't', y: 'v', source: cds, legend_label: 'value'});\n"
            "p.add_tools(new pn.models.HoverTool({tooltips: [['t', '@t'], ['v', '@v']]}));\n"
            "p.legend.click_policy = 'hide';\n"
            "globalThis.policy = () => p.legend.click_policy;\n"
            "pn.Column(pn.pane.Chart(p)).servable();\n"),
        QStringLiteral("/app/tools.js")))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    const qpanel::FigureOptions& o = pane->figure()->options();
    EXPECT_EQ(o.toolbarLocation, ToolbarLocation::Left);
    EXPECT_EQ(pane->figure()->activeDrag(), ToolKind::BoxZoom);
    EXPECT_FALSE(pane->figure()->activeScroll().has_value());
    EXPECT_EQ(o.xRange.follow, RangeSpec::Follow::End);
    EXPECT_EQ(o.xRange.followInterval, 50);
    ASSERT_TRUE(o.yRange.isFixed());
    EXPECT_EQ(*o.yRange.start, -1);
    EXPECT_EQ(*o.yRange.end, 1);
    EXPECT_EQ(o.legendClickPolicy, ClickPolicy::Hide);
    const qpanel::Tool* hover = pane->figure()->tool(ToolKind::Hover);
    ASSERT_NE(hover, nullptr);
    ASSERT_EQ(hover->tooltips.size(), 2);
    EXPECT_EQ(hover->tooltips[1].second, QStringLiteral("@v"));
    EXPECT_EQ(s.evaluate("policy()").toString(), QStringLiteral("hide"));
    // The chart a user sees has those tools.
    pane->view();
    ASSERT_NE(pane->chartView(), nullptr);
    qpanel::ChartTools* tools = pane->chartView()->tools();
    EXPECT_NE(tools->action(ToolKind::BoxZoom), nullptr);
    EXPECT_EQ(tools->action(ToolKind::WheelZoom), nullptr);
    EXPECT_EQ(tools->toolbar()->orientation(), Qt::Vertical);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(PnCharts, AToolStringAndDefaultsWorkAndBadOptionsSayWhatIsAccepted) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const p = pn.plotting.figure({tools: 'pan,hover', toolbar_location: undefined});\n"
            "pn.Column(pn.pane.Chart(p)).servable();\n"),
        QStringLiteral("/app/ok.js")))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    EXPECT_EQ(pane->figure()->options().tools.size(), 2);
    EXPECT_EQ(pane->figure()->options().toolbarLocation, ToolbarLocation::Right);
    Session bad;
    bad.expectFailure(QStringLiteral("const p = pn.plotting.figure({x_range: [1, 1]});\n"),
                      QStringLiteral("figure(x_range=...): expected (start, end)"), 1);
    Session worse;
    worse.expectFailure(QStringLiteral("const p = pn.plotting.figure();\n"
                                       "p.add_tools('lasso');\n"),
                        QStringLiteral("unknown tool 'lasso'"), 2);
}

// The explore_chart example as a user tries it: a live chart, zoomed, stays
// put while points stream in; reset follows the latest 400 points again.
TEST(PnCharts, TheExploreExampleStaysZoomedWhileItStreamsUntilReset) {
    Session s;
    ASSERT_TRUE(s.session.load(QStringLiteral(QPANEL_EXAMPLES_DIR "/explore_chart.js")))
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

// x_axis_type: 'datetime' and legend.location from JavaScript.
TEST(PnCharts, ADatetimeAxisAndALegendLocation) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const t0 = Date.UTC(2026, 11, 3, 12);\n"
            "const t = [], v = [];\n"
            "for (let i = 0; i < 60; i++) { t.push(t0 + i * 1000); v.push(i % 5); }\n"
            "const cds = new pn.models.ColumnDataSource({data: {t: t, v: v}});\n"
            "const p = pn.plotting.figure({x_axis_type: 'datetime', width: 500, height: 260});\n"
            "p.line({x: 't', y: 'v', source: cds, legend_label: 'value'});\n"
            "p.legend.location = 'top_left';\n"
            "globalThis.where = () => p.legend.location;\n"
            "pn.Column(pn.pane.Chart(p)).servable();\n"),
        QStringLiteral("/app/dates.js")))
        << s.firstError();
    auto* pane = s.child<ChartPane>(0);
    ASSERT_NE(pane, nullptr);
    EXPECT_EQ(pane->figure()->options().xAxisType, qpanel::AxisType::Datetime);
    EXPECT_EQ(pane->figure()->options().legendLocation, qpanel::LegendLocation::TopLeft);
    EXPECT_EQ(s.evaluate("where()").toString(), QStringLiteral("top_left"));
    qpanel::test::expectLegendInPlot(*pane, QSize(500, 260), false, false);
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
    Session bad;
    bad.expectFailure(QStringLiteral("const p = pn.plotting.figure({x_axis_type: 'log'});\n"),
                      QStringLiteral("log axes are not supported"), 1);
    Session worse;
    worse.expectFailure(QStringLiteral("const p = pn.plotting.figure();\n"
                                       "p.legend.location = 'middle';\n"),
                        QStringLiteral("legend.location: expected 'top_right'"), 2);
}
