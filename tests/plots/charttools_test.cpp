// Bokeh's tools on a real ChartView, driven with QTest's mouse, wheel and
// keys as a user would: pan, wheel zoom, box zoom, reset, the ranges while
// streaming, hover, the legend's click policy and save.
#include "plots/charttools.h"

#include <gtest/gtest.h>

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QWheelEvent>

#include "common/darkpalette.h"
#include "common/eventloop.h"
#include "common/livechart.h"
#include "core/scheduler.h"
#include "plots/chartview.h"

using qpanel::ChartTools;
using qpanel::ChartView;
using qpanel::ClickPolicy;
using qpanel::ColumnDataSource;
using qpanel::Document;
using qpanel::Figure;
using qpanel::FigureOptions;
using qpanel::RangeSpec;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::ToolKind;
using qpanel::test::waitUntil;

namespace {

std::vector<double> iota(int first, int count, double step = 1) {
    std::vector<double> v;
    for (int i = 0; i < count; ++i) v.push_back(first + i * step);
    return v;
}

void maybeSave(const QImage& image, const char* name) {
    if (!qEnvironmentVariableIsEmpty("QPANEL_SAVE_SCREENSHOTS"))
        image.save(QStringLiteral("/tmp/%1.png").arg(QLatin1String(name)));
}

/// A shown chart of y = x over x in [0, 100) (and y = 50 as a second line),
/// settled: first frame built and laid out.
class ChartToolsTest : public ::testing::Test {
protected:
    void show(FigureOptions options = {}) {
        options.width = 640;
        options.height = 360;
        figure_ = std::make_unique<Figure>(options);
        figure_->line({.x = "x", .y = "a", .source = &cds_, .legendLabel = "rising"});
        figure_->line({.x = "x", .y = "b", .source = &cds_, .legendLabel = "flat"});
        view_ = std::make_unique<ChartView>(figure_.get());
        view_->resize(view_->sizeHint());
        view_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view_.get()));
        ASSERT_TRUE(waitUntil([&] { return view_->frames() >= 1; }));
        settle();
    }
    /// Lets the chart's lazy relayout (tick labels change the plot area) run.
    void settle() {
        view_->grabFrame();
        ASSERT_TRUE(qpanel::test::passLoopTurns());
    }
    QWidget* viewport() const { return qpanel::test::chartViewport(*view_); }
    /// A widget point (ChartView coordinates) in the viewport's coordinates.
    QPoint inViewport(QPointF p) const { return viewport()->mapFrom(view_.get(), p.toPoint()); }
    /// The data point at a widget pixel, for the current ranges.
    QPointF dataAt(QPointF p, QRectF plot) const {
        const auto [x0, x1] = view_->xRange();
        const auto [y0, y1] = view_->yRange();
        return {x0 + (p.x() - plot.left()) / plot.width() * (x1 - x0),
                y0 + (plot.bottom() - p.y()) / plot.height() * (y1 - y0)};
    }
    QPointF pixelAt(QPointF data) const {
        const QRectF plot = view_->plotArea();
        const auto [x0, x1] = view_->xRange();
        const auto [y0, y1] = view_->yRange();
        return {plot.left() + (data.x() - x0) / (x1 - x0) * plot.width(),
                plot.bottom() - (data.y() - y0) / (y1 - y0) * plot.height()};
    }
    void wheelAt(QPoint widgetPos, int angle) { qpanel::test::wheelAt(*view_, widgetPos, angle); }
    void drag(QPoint from, QPoint to) {
        QTest::mousePress(viewport(), Qt::LeftButton, {}, inViewport(from));
        QTest::mouseMove(viewport(), inViewport((from + to) / 2));
        QTest::mouseMove(viewport(), inViewport(to));
        QTest::mouseRelease(viewport(), Qt::LeftButton, {}, inViewport(to));
    }
    /// Moves the mouse to the data point and waits for the readout to show
    /// `expected` (on a real X server pointer events arrive asynchronously).
    ::testing::AssertionResult hoverShows(QPointF data, const QString& expected) {
        QTest::mouseMove(viewport(), inViewport(pixelAt(data).toPoint()));
        if (waitUntil([&] { return view_->tools()->hoverText() == expected; },
                      std::chrono::seconds(3)))
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure()
               << "hover shows '" << view_->tools()->hoverText().toStdString() << "', expected '"
               << expected.toStdString() << "'";
    }
    void clickTool(ToolKind kind) {
        QAction* action = view_->tools()->action(kind);
        ASSERT_NE(action, nullptr);
        QWidget* button = view_->tools()->toolbar()->widgetForAction(action);
        ASSERT_NE(button, nullptr);
        QTest::mouseClick(button, Qt::LeftButton);
    }
    void stream(const std::vector<double>& x, const std::vector<double>& a,
                const std::vector<double>& b) {
        bool done = false;
        Runtime::instance().spawn(
            [&]() -> QCoro::Task<> {
                auto guard = co_await doc_.lock();
                cds_.stream({{"x", x}, {"a", a}, {"b", b}});
                done = true;
            },
            SpawnOptions{{}, &doc_});
        ASSERT_TRUE(waitUntil([&] { return done; }));
    }

    Document doc_;
    Document::Scope scope_{&doc_};
    ColumnDataSource cds_{
        {{"x", iota(0, 100)}, {"a", iota(0, 100)}, {"b", std::vector<double>(100, 50)}}};
    std::unique_ptr<Figure> figure_;
    std::unique_ptr<ChartView> view_;
};

}  // namespace

TEST_F(ChartToolsTest, ByDefaultTheToolbarHasBokehsToolsWithPanWheelZoomAndHoverActive) {
    show();
    ASSERT_TRUE(view_->tools()->toolbar()->isVisible());
    for (ToolKind kind : {ToolKind::Pan, ToolKind::WheelZoom, ToolKind::BoxZoom, ToolKind::Reset,
                          ToolKind::Save, ToolKind::Hover})
        EXPECT_NE(view_->tools()->action(kind), nullptr) << qpanel::toolName(kind).toStdString();
    EXPECT_TRUE(view_->tools()->action(ToolKind::Pan)->isChecked());
    EXPECT_TRUE(view_->tools()->action(ToolKind::WheelZoom)->isChecked());
    EXPECT_FALSE(view_->tools()->action(ToolKind::BoxZoom)->isChecked());
    EXPECT_TRUE(view_->tools()->action(ToolKind::Hover)->isChecked());
    // The toolbar sits right of the plot, inside the figure's width.
    EXPECT_EQ(view_->width(), 640);
    EXPECT_GT(view_->tools()->toolbar()->x(), view_->plotArea().right());
    maybeSave(view_->renderImage(), "charttools-toolbar");
}

TEST_F(ChartToolsTest, ADragPansBothRangesByTheDraggedDataDistance) {
    show();
    const QRectF plot = view_->plotArea();
    const auto [x0, x1] = view_->xRange();
    const auto [y0, y1] = view_->yRange();
    const QPoint from = plot.center().toPoint();
    drag(from, from + QPoint(120, -60));
    const double dx = 120 / plot.width() * (x1 - x0);
    const double dy = 60 / plot.height() * (y1 - y0);
    EXPECT_NEAR(view_->xRange().first, x0 - dx, 1e-9);
    EXPECT_NEAR(view_->xRange().second, x1 - dx, 1e-9);
    EXPECT_NEAR(view_->yRange().first, y0 - dy, 1e-9);
    EXPECT_NEAR(view_->yRange().second, y1 - dy, 1e-9);
    EXPECT_FALSE(view_->isFollowing());
}

TEST_F(ChartToolsTest, TheWheelZoomsAroundTheCursor) {
    show();
    const QRectF plot = view_->plotArea();
    const QPoint cursor =
        (plot.topLeft() + QPointF(plot.width() * 0.3, plot.height() * 0.6)).toPoint();
    const QPointF under = dataAt(cursor, plot);
    const double xSpan = view_->xRange().second - view_->xRange().first;
    const double ySpan = view_->yRange().second - view_->yRange().first;
    wheelAt(cursor, 120);  // one notch in
    EXPECT_NEAR(view_->xRange().second - view_->xRange().first, xSpan * 0.8, 1e-9);
    EXPECT_NEAR(view_->yRange().second - view_->yRange().first, ySpan * 0.8, 1e-9);
    const QPointF after = dataAt(cursor, plot);
    EXPECT_NEAR(after.x(), under.x(), 1e-9);
    EXPECT_NEAR(after.y(), under.y(), 1e-9);
    // The axes' new tick labels may have moved the plot's edges: map again.
    const QRectF plot2 = view_->plotArea();
    const QPointF under2 = dataAt(cursor, plot2);
    wheelAt(cursor, -240);  // two notches out
    EXPECT_NEAR(view_->xRange().second - view_->xRange().first, xSpan * 0.8 / 0.64, 1e-9);
    EXPECT_NEAR(dataAt(cursor, plot2).x(), under2.x(), 1e-9);
    EXPECT_NEAR(dataAt(cursor, plot2).y(), under2.y(), 1e-9);
    EXPECT_FALSE(view_->isFollowing());
}

TEST_F(ChartToolsTest, ABoxZoomSetsBothRangesToTheBox) {
    show();
    clickTool(ToolKind::BoxZoom);
    EXPECT_EQ(view_->tools()->activeDrag(), ToolKind::BoxZoom);
    EXPECT_FALSE(view_->tools()->action(ToolKind::Pan)->isChecked());
    const QRectF plot = view_->plotArea();
    const QPoint a = (plot.topLeft() + QPointF(100, 40)).toPoint();
    const QPoint b = (plot.topLeft() + QPointF(300, 200)).toPoint();
    const QPointF dataA = dataAt(a, plot), dataB = dataAt(b, plot);
    QTest::mousePress(viewport(), Qt::LeftButton, {}, inViewport(a));
    QTest::mouseMove(viewport(), inViewport(b));
    ASSERT_TRUE(view_->tools()->rubberBand().has_value());
    EXPECT_EQ(view_->tools()->rubberBand()->topLeft(), QPointF(inViewport(a)));
    EXPECT_EQ(view_->tools()->rubberBand()->bottomRight(), QPointF(inViewport(b)));
    // The band is drawn: its edge darkens the plot's white background.
    const QImage during = view_->grab().toImage();
    maybeSave(during, "charttools-boxzoom");
    EXPECT_LT(during.pixelColor((a + b) / 2).lightness(), 235);
    QTest::mouseRelease(viewport(), Qt::LeftButton, {}, inViewport(b));
    EXPECT_FALSE(view_->tools()->rubberBand().has_value());
    EXPECT_NEAR(view_->xRange().first, dataA.x(), 1e-9);
    EXPECT_NEAR(view_->xRange().second, dataB.x(), 1e-9);
    EXPECT_NEAR(view_->yRange().first, dataB.y(), 1e-9);
    EXPECT_NEAR(view_->yRange().second, dataA.y(), 1e-9);
}

TEST_F(ChartToolsTest, EscapeCancelsABoxZoom) {
    show({.activeDrag = ToolKind::BoxZoom});
    const auto x = view_->xRange(), y = view_->yRange();
    const QRectF plot = view_->plotArea();
    const QPoint a = (plot.topLeft() + QPointF(50, 50)).toPoint();
    QTest::mousePress(viewport(), Qt::LeftButton, {}, inViewport(a));
    QTest::mouseMove(viewport(), inViewport(a + QPoint(150, 100)));
    ASSERT_TRUE(view_->tools()->rubberBand().has_value());
    QTest::keyClick(view_->canvas(), Qt::Key_Escape);
    EXPECT_FALSE(view_->tools()->rubberBand().has_value());
    QTest::mouseRelease(viewport(), Qt::LeftButton, {}, inViewport(a + QPoint(150, 100)));
    EXPECT_EQ(view_->xRange(), x);
    EXPECT_EQ(view_->yRange(), y);
    EXPECT_TRUE(view_->isFollowing());
}

TEST_F(ChartToolsTest, ResetAndADoubleClickReturnToFollowingTheData) {
    show();
    const auto x = view_->xRange(), y = view_->yRange();
    const QPoint center = view_->plotArea().center().toPoint();
    wheelAt(center, 240);
    ASSERT_FALSE(view_->isFollowing());
    clickTool(ToolKind::Reset);
    EXPECT_TRUE(view_->isFollowing());
    EXPECT_EQ(view_->xRange(), x);
    EXPECT_EQ(view_->yRange(), y);
    drag(center, center + QPoint(80, 0));
    ASSERT_FALSE(view_->isFollowing());
    QTest::mouseDClick(viewport(), Qt::LeftButton, {}, inViewport(center));
    EXPECT_TRUE(view_->isFollowing());
    EXPECT_EQ(view_->xRange(), x);
    // Following again: streamed points widen the range.
    stream(iota(100, 100), iota(100, 100), std::vector<double>(100, 50));
    view_->refreshNow();
    EXPECT_GT(view_->xRange().second, 199);
}

TEST_F(ChartToolsTest, AZoomedChartStaysPutWhileAThousandPointsStreamIn) {
    show();
    wheelAt(view_->plotArea().center().toPoint(), 120);
    const auto x = view_->xRange(), y = view_->yRange();
    for (int batch = 0; batch < 10; ++batch) {
        const int first = 100 + batch * 100;
        stream(iota(first, 100), iota(first, 100, 3), std::vector<double>(100, -20));
        ASSERT_TRUE(waitUntil([&] { return !view_->framePending(); }));
    }
    ASSERT_EQ(cds_.rowCount(), 1100);
    view_->refreshNow();
    EXPECT_EQ(view_->xRange(), x);
    EXPECT_EQ(view_->yRange(), y);
    EXPECT_FALSE(view_->isFollowing());
}

TEST_F(ChartToolsTest, FixedRangesIgnoreTheDataAndResetReturnsToThem) {
    show({.xRange = RangeSpec::fixed(10, 20), .yRange = RangeSpec::fixed(-5, 5)});
    EXPECT_EQ(view_->xRange(), std::make_pair(10.0, 20.0));
    EXPECT_EQ(view_->yRange(), std::make_pair(-5.0, 5.0));
    stream(iota(100, 100), iota(100, 100), std::vector<double>(100, 50));
    view_->refreshNow();
    EXPECT_EQ(view_->xRange(), std::make_pair(10.0, 20.0));
    wheelAt(view_->plotArea().center().toPoint(), 120);
    EXPECT_NE(view_->xRange(), std::make_pair(10.0, 20.0));
    view_->resetView();
    EXPECT_EQ(view_->xRange(), std::make_pair(10.0, 20.0));
    EXPECT_EQ(view_->yRange(), std::make_pair(-5.0, 5.0));
}

TEST_F(ChartToolsTest, FollowEndShowsASlidingWindowOverTheLatestData) {
    show({.xRange = RangeSpec::followEnd(30)});
    EXPECT_EQ(view_->xRange(), std::make_pair(69.0, 99.0));
    stream(iota(100, 400), iota(100, 400), std::vector<double>(400, 50));
    view_->refreshNow();
    EXPECT_EQ(view_->xRange(), std::make_pair(469.0, 499.0));
    // Only the rows in the window (and one either side) are drawn.
    EXPECT_LE(view_->lastFramePoints(), 2 * 33);
}

TEST_F(ChartToolsTest, HoverShowsTheNearestPointOfEachLine) {
    show();
    EXPECT_TRUE(hoverShows({42.2, 10}, "rising: x = 42, y = 42\nflat: x = 42, y = 50"));
    auto* readout = view_->findChild<QWidget*>(QStringLiteral("qpanelHoverReadout"));
    ASSERT_NE(readout, nullptr);
    EXPECT_TRUE(readout->isVisible());
    maybeSave(view_->grab().toImage(), "charttools-hover");
    // Points streamed under a still cursor: the axes widen, so the readout
    // changes to the point now under it.
    const QString before = view_->tools()->hoverText();
    stream(iota(100, 300), iota(100, 300), std::vector<double>(300, 50));
    view_->refreshNow();
    EXPECT_NE(view_->tools()->hoverText(), before);
    EXPECT_TRUE(view_->tools()->hoverText().startsWith("rising: x = 1"))
        << view_->tools()->hoverText().toStdString();
    // Hidden lines are not read out; the readout goes when the cursor leaves.
    view_->setLineVisible(1, false);
    EXPECT_TRUE(hoverShows({42.2, 10}, "rising: x = 42, y = 42"));
    QTest::mouseMove(viewport(),
                     inViewport(view_->plotArea().topLeft().toPoint() - QPoint(20, 20)));
    EXPECT_TRUE(waitUntil([&] { return view_->tools()->hoverText().isEmpty(); }));
    EXPECT_FALSE(readout->isVisible());
}

TEST_F(ChartToolsTest, HoverToolTooltipsExpandColumnFields) {
    show({.tools = {{ToolKind::Hover, {{"at", "@x"}, {"value", "@{a} ($name, row $index)"}}}}});
    EXPECT_EQ(view_->tools()->action(ToolKind::Pan), nullptr);
    EXPECT_FALSE(view_->tools()->activeDrag().has_value());
    EXPECT_TRUE(
        hoverShows({7, 10}, "at: 7\nvalue: 7 (rising, row 7)\nat: 7\nvalue: 7 (flat, row 7)"));
}

TEST_F(ChartToolsTest, ALegendClickHidesAndShowsItsLineWithClickPolicyHide) {
    show({.legendClickPolicy = ClickPolicy::Hide});
    const QColor rising = figure_->lines()[0].color;
    auto risingPixels = [&] {
        const QImage image = view_->renderImage();
        const QRect plot = view_->plotArea().toRect();
        int n = 0;
        for (int y = plot.top(); y <= plot.bottom(); ++y)
            for (int x = plot.left(); x <= plot.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.hsvSaturation() > 90 && std::abs(c.hsvHue() - rising.hsvHue()) < 12) ++n;
            }
        return n;
    };
    ASSERT_GT(risingPixels(), 100);
    const QRectF entry = view_->legendEntryRect(0);
    ASSERT_FALSE(entry.isEmpty());
    QTest::mouseClick(viewport(), Qt::LeftButton, {}, inViewport(entry.center()));
    EXPECT_FALSE(view_->isLineVisible(0));
    EXPECT_TRUE(view_->isLineVisible(1));
    EXPECT_EQ(risingPixels(), 0);
    maybeSave(view_->renderImage(), "charttools-legend-hidden");
    QTest::mouseClick(viewport(), Qt::LeftButton, {},
                      inViewport(view_->legendEntryRect(0).center()));
    EXPECT_TRUE(view_->isLineVisible(0));
    EXPECT_GT(risingPixels(), 100);
}

TEST_F(ChartToolsTest, WithoutClickPolicyALegendClickChangesNothing) {
    show();
    QTest::mouseClick(viewport(), Qt::LeftButton, {},
                      inViewport(view_->legendEntryRect(0).center()));
    EXPECT_TRUE(view_->isLineVisible(0));
}

TEST_F(ChartToolsTest, SavePngWritesTheChartsPixelsWithoutTheToolbar) {
    show();
    QTemporaryDir dir;
    const QString path = dir.filePath("chart.png");
    ASSERT_TRUE(view_->savePng(path));
    const QImage saved = QImage(path).convertToFormat(QImage::Format_RGB32);
    const QImage shown = view_->grabFrame()
                             .toImage()
                             .copy(view_->canvasRect())
                             .convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(saved.size(), shown.size());
    EXPECT_EQ(saved, shown);
    EXPECT_LT(saved.width(), view_->width());  // the toolbar is not part of the picture
}

TEST_F(ChartToolsTest, TheToolbarCanGoAboveOrAway) {
    show({.toolbarLocation = qpanel::ToolbarLocation::Above});
    EXPECT_EQ(view_->tools()->toolbar()->orientation(), Qt::Horizontal);
    EXPECT_LT(view_->tools()->toolbar()->geometry().bottom(), view_->canvasRect().top() + 1);
    view_.reset();
    show({.toolbarLocation = qpanel::ToolbarLocation::None});
    EXPECT_FALSE(view_->tools()->toolbar()->isVisible());
    EXPECT_EQ(view_->canvasRect().size(), QSize(640, 360));
}

TEST_F(ChartToolsTest, AddToolsAddsToTheToolbar) {
    show({.tools = {{ToolKind::Pan}}});
    EXPECT_EQ(view_->tools()->action(ToolKind::Hover), nullptr);
    figure_->addTools({{ToolKind::Hover, {{"y", "$y"}}}});
    ASSERT_NE(view_->tools()->action(ToolKind::Hover), nullptr);
    EXPECT_TRUE(hoverShows({3, 10}, "y: 3\ny: 50"));
}

TEST_F(ChartToolsTest, InADarkPaletteTheToolsAndTheReadoutAreDrawnInItsColours) {
    show();
    const QPalette dark = qpanel::test::darkPalette();
    view_->setPalette(dark);
    settle();
    ASSERT_TRUE(hoverShows({60.2, 10}, "rising: x = 60, y = 60\nflat: x = 60, y = 50"));
    const QImage image = view_->grab().toImage();
    maybeSave(image, "charttools-dark-hover");
    // The pan icon is drawn in the palette's (white) text colour.
    QWidget* pan =
        view_->tools()->toolbar()->widgetForAction(view_->tools()->action(ToolKind::Pan));
    const QRect icon = pan->geometry().translated(view_->tools()->toolbar()->pos());
    int light = 0;
    for (int y = icon.top(); y <= icon.bottom(); ++y)
        for (int x = icon.left(); x <= icon.right(); ++x)
            light += image.pixelColor(x, y).lightness() > 200;
    EXPECT_GT(light, 10);
    auto* readout = view_->findChild<QWidget*>(QStringLiteral("qpanelHoverReadout"));
    const QPoint inside = readout->mapTo(view_.get(), QPoint(2, readout->height() / 2));
    EXPECT_LT(image.pixelColor(inside).lightness(), 100);
    // The box zoom's band is light on the dark plot.
    clickTool(ToolKind::BoxZoom);
    const QRectF plot = view_->plotArea();
    const QPoint a = (plot.topLeft() + QPointF(80, 40)).toPoint();
    const QPoint b = (plot.topLeft() + QPointF(260, 180)).toPoint();
    const int before = view_->grab().toImage().pixelColor((a + b) / 2).lightness();
    QTest::mousePress(viewport(), Qt::LeftButton, {}, inViewport(a));
    QTest::mouseMove(viewport(), inViewport(b));
    const QImage band = view_->grab().toImage();
    maybeSave(band, "charttools-dark-boxzoom");
    EXPECT_GT(band.pixelColor((a + b) / 2).lightness(), before + 20);
    QTest::keyClick(view_->canvas(), Qt::Key_Escape);
    QTest::mouseRelease(viewport(), Qt::LeftButton, {}, inViewport(b));
}

TEST_F(ChartToolsTest, AViewWhoseFigureWasDeletedIgnoresTheMouseAndTheWheel) {
    show();
    const QPoint center = view_->plotArea().center().toPoint();
    figure_.reset();
    QTest::mouseMove(viewport(), inViewport(center));
    wheelAt(center, 120);
    drag(center, center + QPoint(30, 30));
    QTest::mouseDClick(viewport(), Qt::LeftButton, {}, inViewport(center));
    EXPECT_TRUE(view_->tools()->hoverText().isEmpty());
    EXPECT_FALSE(view_->renderImage().isNull());
}

TEST_F(ChartToolsTest, TheLegendSitsInsideThePlotWhereItsLocationSaysAndClicksStillHide) {
    using qpanel::LegendLocation;
    show({.legendClickPolicy = qpanel::ClickPolicy::Hide});
    const QRectF plot = view_->plotArea();
    // Bokeh's default: top right.
    const QRectF byDefault = view_->legendRect();
    ASSERT_FALSE(byDefault.isEmpty());
    EXPECT_TRUE(plot.contains(byDefault));
    EXPECT_GT(byDefault.center().x(), plot.center().x());
    EXPECT_LT(byDefault.center().y(), plot.center().y());
    const struct {
        LegendLocation location;
        bool right, bottom;
    } corners[] = {{LegendLocation::TopLeft, false, false},
                   {LegendLocation::BottomLeft, false, true},
                   {LegendLocation::BottomRight, true, true},
                   {LegendLocation::TopRight, true, false}};
    for (const auto& corner : corners) {
        figure_->setLegendLocation(corner.location);
        settle();
        const QRectF legend = view_->legendRect();
        const std::string where = std::to_string(int(corner.location));
        EXPECT_TRUE(plot.contains(legend)) << where;
        EXPECT_EQ(legend.center().x() > plot.center().x(), corner.right) << where;
        EXPECT_EQ(legend.center().y() > plot.center().y(), corner.bottom) << where;
        EXPECT_TRUE(legend.contains(view_->legendEntryRect(0))) << where;
        maybeSave(view_->renderImage(), ("charttools-legend-" + where).c_str());
        // A click on the entry hides its line (the pan tool does not take it).
        QTest::mouseClick(viewport(), Qt::LeftButton, {},
                          inViewport(view_->legendEntryRect(0).center()));
        EXPECT_FALSE(view_->isLineVisible(0)) << where;
        QTest::mouseClick(viewport(), Qt::LeftButton, {},
                          inViewport(view_->legendEntryRect(0).center()));
        EXPECT_TRUE(view_->isLineVisible(0)) << where;
    }
    figure_->setLegendLocation(LegendLocation::Center);
    settle();
    EXPECT_NEAR(view_->legendRect().center().x(), plot.center().x(), 2);
    EXPECT_NEAR(view_->legendRect().center().y(), plot.center().y(), 2);
}

TEST_F(ChartToolsTest, HoverOnADatetimeAxisShowsTheTimeInUtc) {
    // x = 0..99 s after 2026-12-03 12:00:00 UTC.
    const double t0 = 1796299200000.0;
    std::vector<double> t;
    for (double x : iota(0, 100)) t.push_back(t0 + x * 1000);
    doc_.runLocked([&] {
        cds_.setData({{"x", t}, {"a", iota(0, 100)}, {"b", std::vector<double>(100, 50)}});
    });
    show({.xAxisType = qpanel::AxisType::Datetime});
    EXPECT_TRUE(hoverShows(
        {t0 + 40000, 40},
        "rising: x = 2026-12-03 12:00:40, y = 40\nflat: x = 2026-12-03 12:00:40, y = 50"));
}

TEST_F(ChartToolsTest, InADarkPaletteTheLegendBoxIsDarkWhereverItSits) {
    const double t0 = 1796299200000.0;  // 2026-12-03 12:00 UTC
    std::vector<double> t;
    for (double x : iota(0, 100)) t.push_back(t0 + x * 216000);  // 6 h
    doc_.runLocked([&] {
        cds_.setData({{"x", t}, {"a", iota(0, 100)}, {"b", std::vector<double>(100, 50)}});
    });
    show({.xAxisType = qpanel::AxisType::Datetime,
          .legendLocation = qpanel::LegendLocation::BottomRight});
    view_->setPalette(qpanel::test::darkPalette());
    settle();
    const QImage image = view_->grab().toImage();
    maybeSave(image, "charttools-dark-datetime-legend");
    const QRectF legend = view_->legendRect();
    ASSERT_TRUE(view_->plotArea().contains(legend));
    EXPECT_GT(legend.center().x(), view_->plotArea().center().x());
    EXPECT_GT(legend.center().y(), view_->plotArea().center().y());
    // Inside the box, right of the entries: the dark fill, not a white one.
    const QPoint fill = (legend.topRight() + QPointF(-3, 3)).toPoint();
    EXPECT_LT(image.pixelColor(fill).lightness(), 100);
}
