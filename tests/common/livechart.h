#pragma once
// What a user does with a live chart, for the tests of the examples in both
// languages: zoom with the wheel, watch data stream in, reset.
#include <gtest/gtest.h>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QWheelEvent>

#include "common/eventloop.h"
#include "plots/chartpane.h"
#include "plots/chartview.h"

namespace qpanel::test {

/// The widget of a chart that gets the mouse and the wheel.
inline QWidget* chartViewport(ChartView& view) {
    return qobject_cast<QAbstractScrollArea*>(view.canvas())->viewport();
}

/// One wheel turn of `angle` (120 = a notch in) at `pos` in the view's coordinates.
inline void wheelAt(ChartView& view, QPoint pos, int angle) {
    QWidget* viewport = chartViewport(view);
    const QPoint at = viewport->mapFrom(&view, pos);
    QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

/// Zooms a shown, streaming chart: its ranges stay put while `rows` more
/// rows stream in; reset follows the data again.
inline void expectAZoomedLiveChartStaysPutUntilReset(ChartView& view, ColumnDataSource& cds,
                                                     int rows) {
    ASSERT_TRUE(waitUntil([&] { return view.frames() >= 1 && cds.rowCount() > 20; }));
    wheelAt(view, view.plotArea().center().toPoint(), 240);
    ASSERT_FALSE(view.isFollowing());
    const auto x = view.xRange(), y = view.yRange();
    const auto until = cds.endIndex() + rows;
    ASSERT_TRUE(waitUntil([&] { return cds.endIndex() >= until && view.frames() > 2; }));
    view.refreshNow();
    EXPECT_EQ(view.xRange(), x);
    EXPECT_EQ(view.yRange(), y);
    view.resetView();
    EXPECT_TRUE(view.isFollowing());
    EXPECT_GT(view.xRange().second, x.second);
}

/// Shows a chart pane at `size` and checks its legend sits inside
/// the plot, on the right (or left) and at the bottom (or top).
inline void expectLegendInPlot(ChartPane& pane, QSize size, bool right, bool bottom) {
    QWidget* widget = pane.view();
    widget->resize(size);
    widget->show();
    ChartView* view = pane.chartView();
    ASSERT_NE(view, nullptr);
    view->grabFrame();
    const QRectF legend = view->legendRect(), plot = view->plotArea();
    EXPECT_TRUE(plot.contains(legend));
    EXPECT_EQ(legend.center().x() > plot.center().x(), right);
    EXPECT_EQ(legend.center().y() > plot.center().y(), bottom);
}

}  // namespace qpanel::test
