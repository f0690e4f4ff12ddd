#include "plots/chartview.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDateTime>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cmath>
#include <functional>

#include "common/eventloop.h"
#include "core/scheduler.h"

using namespace std::chrono_literals;
using qpanel::ChartView;
using qpanel::ColumnDataSource;
using qpanel::Document;
using qpanel::Figure;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::waitUntil;

namespace {
std::vector<double> iota(int n) {
    std::vector<double> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v[std::size_t(i)] = i;
    return v;
}

/// Pixels of `color`'s hue inside `area` of `image` (antialiased lines blend
/// with the background, so match hue and a clear saturation, not exact RGB).
int countColor(const QImage& image, const QRect& area, QColor color) {
    int n = 0;
    const int hue = color.hsvHue();
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int distance = std::abs(c.hsvHue() - hue);
            if (c.hsvSaturation() > 90 && std::min(distance, 360 - distance) < 12) ++n;
        }
    return n;
}

struct Fixture {
    Document doc;
    Document::Scope scope{&doc};
};
}  // namespace

TEST(ChartView, AFrameOfAMillionPointsDrawsAtMostTwoPerPixelColumn) {
    Fixture f;
    ColumnDataSource cds({{"x", iota(1'000'000)}, {"y", iota(1'000'000)}});
    Figure fig({.title = "big", .width = 800, .height = 400});
    fig.line({.x = "x", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.resize(800, 400);
    view.show();
    view.refreshNow();
    EXPECT_GT(view.lastFramePoints(), 100);
    EXPECT_LE(view.lastFramePoints(), 2 * 800);
}

TEST(ChartView, ASingleSpikeAmongAMillionPointsIsVisibleInThePixels) {
    Fixture f;
    std::vector<double> y(1'000'000, 0.0);
    y[500'123] = 100.0;  // mid-column, not on a column edge
    ColumnDataSource cds({{"x", iota(1'000'000)}, {"y", y}});
    ColumnDataSource flat({{"x", iota(1'000'000)}, {"y", std::vector<double>(1'000'000, 0.0)}});
    Figure fig({.width = 800, .height = 400});
    const QColor red(255, 0, 0);
    fig.line({.x = "x", .y = "y", .source = &cds, .color = red});
    ChartView view(&fig);
    view.resize(800, 400);
    view.show();
    const QImage image = view.renderImage();
    const QRectF plot = view.plotArea();
    // The top quarter of the plot only has red if the spike was drawn.
    const QRect top = QRectF(plot.left(), plot.top(), plot.width(), plot.height() / 4).toRect();
    EXPECT_GT(countColor(image, top, red), 5) << "the spike must reach the top of the plot";
    EXPECT_EQ(view.yRange().second, 105.0);  // 5% headroom above the spike
}

TEST(ChartView, AxesFollowTheDataWhileItRollsOver) {
    Fixture f;
    ColumnDataSource cds({{"t", {}}, {"v", {}}});
    Figure fig;
    fig.line({.x = "t", .y = "v", .source = &cds});
    ChartView view(&fig);
    view.resize(600, 300);
    for (int step = 0; step < 3; ++step) {
        bool done = false;
        Runtime::instance().spawn(
            [&, step]() -> QCoro::Task<> {
                auto guard = co_await f.doc.lock();
                std::vector<double> t, v;
                for (int i = 0; i < 1000; ++i)
                    t.push_back(step * 1000 + i), v.push_back(step * 10 + i % 7);
                cds.stream({{"t", t}, {"v", v}}, 1500);
                done = true;
            },
            SpawnOptions{{}, &f.doc});
        ASSERT_TRUE(waitUntil([&] { return done; }));
    }
    view.refreshNow();
    EXPECT_EQ(view.xRange().first, 1500.0);
    EXPECT_GT(view.xRange().second, 2999.0);
    EXPECT_GT(view.yRange().second, 26.0);
    EXPECT_LT(view.yRange().first, 10.0 + 1);
}

TEST(ChartView, OneFramePerLockedSectionWhateverTheNumberOfEdits) {
    Fixture f;
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    Figure fig;
    fig.line({.x = "x", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.show();
    // Settled: the first frame built, the show's resizes and layout passes done.
    ASSERT_TRUE(waitUntil([&] { return view.frames() >= 1; }));
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    ASSERT_FALSE(view.framePending());
    const int before = view.frames();
    bool done = false;
    Runtime::instance().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await f.doc.lock();
            for (int i = 1; i <= 5; ++i) {
                cds.stream({{"x", {double(i)}}, {"y", {double(i)}}});
                co_await qpanel::sleep(2ms);  // other loop passes happen in between
            }
            done = true;
        },
        SpawnOptions{{}, &f.doc});
    ASSERT_TRUE(waitUntil([&] { return done && view.frames() > before; }));
    // Frames come on 0-ms timers: a second one would be pending or built by now.
    ASSERT_TRUE(qpanel::test::passLoopTurns());
    EXPECT_FALSE(view.framePending());
    EXPECT_EQ(view.frames(), before + 1);
    EXPECT_EQ(view.lastFramePoints(), 6);
}

TEST(ChartView, SeveralLinesGetTheirColoursAndSavePngWritesTheFigureSize) {
    Fixture f;
    ColumnDataSource cds({{"x", iota(100)}, {"a", iota(100)}, {"b", std::vector<double>(100, 50)}});
    Figure fig({.title = "Two lines", .width = 500, .height = 300, .xAxisLabel = "time"});
    fig.line({.x = "x", .y = "a", .source = &cds, .legendLabel = "rising"});
    fig.line({.x = "x", .y = "b", .source = &cds, .legendLabel = "flat"});
    EXPECT_EQ(fig.lines()[0].color, Figure::paletteColor(0));
    EXPECT_EQ(fig.lines()[1].color, Figure::paletteColor(1));
    ChartView view(&fig);
    view.resize(view.sizeHint());
    QTemporaryDir dir;
    const QString path = dir.filePath("chart.png");
    ASSERT_TRUE(view.savePng(path));
    QImage png(path);
    EXPECT_EQ(view.size(), QSize(500, 300));
    ASSERT_EQ(png.size(), view.canvasRect().size());  // the chart, without its toolbar
    EXPECT_EQ(png.height(), 300);
    EXPECT_GT(countColor(png, png.rect(), Figure::paletteColor(0)), 50);
    EXPECT_GT(countColor(png, png.rect(), Figure::paletteColor(1)), 50);
    QString error;
    EXPECT_FALSE(view.savePng("/nonexistent-dir/x.png", &error));
    EXPECT_TRUE(error.contains("/nonexistent-dir/x.png"));
}

TEST(Figure, ALineNeedsExistingColumnsAndSaysWhichIsMissing) {
    Fixture f;
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    Figure fig;
    try {
        fig.line({.x = "x", .y = "z", .source = &cds});
        FAIL();
    } catch (const qpanel::DataError& e) {
        EXPECT_STREQ(e.what(), "figure.line: the source has no column 'z' (columns: x, y)");
    }
}

TEST(ChartView, FollowsADarkPalette) {
    Fixture f;
    ColumnDataSource cds({{"x", iota(200)}, {"y", iota(200)}});
    Figure fig(
        {.title = "Dark", .width = 500, .height = 300, .xAxisLabel = "t", .yAxisLabel = "v"});
    fig.line({.x = "x", .y = "y", .source = &cds, .legendLabel = "value"});
    ChartView view(&fig);
    view.resize(view.sizeHint());
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(30, 30, 34));
    dark.setColor(QPalette::WindowText, Qt::white);
    view.setPalette(dark);
    const QImage image = view.renderImage();
    if (!qEnvironmentVariableIsEmpty("QPANEL_SAVE_SCREENSHOTS")) image.save("/tmp/chart-dark.png");
    const QRectF plot = view.plotArea();
    EXPECT_LT(image.pixelColor(plot.center().toPoint() + QPoint(0, -40)).lightness(), 100);
    EXPECT_GT(countColor(image, image.rect(), Figure::paletteColor(0)), 50);
}

TEST(ChartView, CreatedUnderADarkApplicationPaletteIsDark) {
    // The shell sets its dark palette before any chart exists: no PaletteChange
    // event reaches the view, so it must pick the theme when it is built.
    Fixture f;
    const QPalette previous = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(30, 30, 34));
    dark.setColor(QPalette::WindowText, Qt::white);
    QApplication::setPalette(dark);
    ColumnDataSource cds({{"x", iota(200)}, {"y", iota(200)}});
    Figure fig({.title = "Dark", .width = 500, .height = 300});
    fig.line({.x = "x", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.resize(view.sizeHint());
    const QImage image = view.renderImage();
    QApplication::setPalette(previous);
    const QRectF plot = view.plotArea();
    EXPECT_LT(image.pixelColor(plot.center().toPoint() + QPoint(0, -40)).lightness(), 100);
    EXPECT_LT(image.pixelColor(2, 2).lightness(), 100);  // the chart's own background too
    EXPECT_GT(countColor(image, image.rect(), Figure::paletteColor(0)), 50);
}

namespace {
/// The y axis tick labels a user sees: visible text items left of the plot
/// and above its bottom (below it are the x axis's), in their drawn form
/// (elided or not).
QStringList yTickLabels(ChartView& view) {
    auto* graphics = view.findChild<QGraphicsView*>();
    QStringList labels;
    if (!graphics || !graphics->scene()) return labels;
    const QRectF plot = view.plotArea();
    for (QGraphicsItem* item : graphics->scene()->items()) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty()) continue;
        const QRectF box = text->sceneBoundingRect();
        if (box.right() > graphics->width() / 3.0 || box.center().y() > plot.bottom()) continue;
        labels << text->toPlainText();
    }
    return labels;
}
}  // namespace

namespace {
/// The y tick labels of a line of 200 rows `y(i)`, shown at `size`.
QStringList yTickLabelsOfLine(const std::function<double(int)>& yOf, QSize size) {
    std::vector<double> y(200);
    for (int i = 0; i < 200; ++i) y[std::size_t(i)] = yOf(i);
    ColumnDataSource cds({{"x", iota(200)}, {"y", y}});
    Figure fig;
    fig.line({.x = "x", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.resize(size);
    view.show();
    view.refreshNow();
    QCoreApplication::processEvents();
    return yTickLabels(view);
}
}  // namespace

TEST(ChartView, SmallChartsShowWholeYTickLabels) {
    for (QSize size : {QSize(300, 160), QSize(200, 120)}) {
        Fixture f;
        const QStringList labels = yTickLabelsOfLine([](int i) { return 1000.0 * i / 199; }, size);
        int numbers = 0;
        for (const QString& label : labels) {
            EXPECT_FALSE(label.contains(QChar(0x2026)) || label.contains(QStringLiteral("...")))
                << size.width() << "x" << size.height() << ": " << label.toStdString();
            bool ok = false;
            label.toDouble(&ok);
            numbers += ok;
        }
        EXPECT_GE(numbers, 2) << size.width() << "x" << size.height() << ": "
                              << labels.join(QStringLiteral(", ")).toStdString();
    }
}

// Regression: at 200x120 a y range of about ±0.7 or ±3.7 got one tick
// ("0"): the step chosen for two ticks per span left only 0 inside.
TEST(ChartView, ShortAxesShowAtLeastTwoNumbersInsideTheirRange) {
    for (double amplitude : {0.7, 3.7, 1700.0}) {
        Fixture f;
        const QStringList labels = yTickLabelsOfLine(
            [amplitude](int i) { return amplitude * std::sin(i / 20.0); }, QSize(200, 120));
        int numbers = 0;
        for (const QString& label : labels) {
            bool ok = false;
            const double value = label.toDouble(&ok);
            numbers += ok;
            // Inside the shown range: the data's, padded by a tenth.
            if (ok) {
                EXPECT_LE(std::abs(value), 1.2 * amplitude) << label.toStdString();
            }
        }
        EXPECT_GE(numbers, 2) << "amplitude " << amplitude << ": "
                              << labels.join(QStringLiteral(", ")).toStdString();
    }
}

namespace {
/// The x axis tick labels a user sees: visible text items under the plot,
/// left to right.
QStringList xTickLabels(ChartView& view) {
    auto* graphics = view.findChild<QGraphicsView*>();
    QList<std::pair<double, QString>> found;
    if (!graphics || !graphics->scene()) return {};
    const QRectF plot = view.plotArea();
    for (QGraphicsItem* item : graphics->scene()->items()) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty()) continue;
        const QRectF box = graphics->mapFromScene(text->sceneBoundingRect()).boundingRect();
        if (box.top() < plot.bottom()) continue;
        found.append({box.center().x(), text->toPlainText()});
    }
    std::sort(found.begin(), found.end());
    QStringList labels;
    for (const auto& [x, label] : found) labels << label;
    return labels;
}

/// ms since the epoch of a UTC time.
double utcMs(int year, int month, int day, int hour = 0, int minute = 0) {
    return double(QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc())
                      .toMSecsSinceEpoch());
}

/// The x labels of a datetime chart of 200 rows over [t0, t0 + span].
QStringList datetimeLabels(double t0, double span, QSize size = QSize(600, 300)) {
    std::vector<double> x(200);
    for (int i = 0; i < 200; ++i) x[std::size_t(i)] = t0 + span * i / 199;
    ColumnDataSource cds({{"t", x}, {"y", iota(200)}});
    Figure fig({.xAxisType = qpanel::AxisType::Datetime});
    fig.line({.x = "t", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.resize(size);
    view.show();
    view.grabFrame();
    return xTickLabels(view);
}

std::string joined(const QStringList& labels) {
    return labels.join(QStringLiteral(", ")).toStdString();
}
}  // namespace

TEST(ChartView, DatetimeAxesLabelTicksForTheirRange) {
    Fixture f;
    const double noon = utcMs(2026, 12, 3, 12);
    // (No tick sits closer to an end than half its label: 12:00:00 has no room.)
    EXPECT_EQ(joined(datetimeLabels(noon, 500)), "12:00:00.200, 12:00:00.400");
    EXPECT_EQ(joined(datetimeLabels(noon, 60e3)),
              "12:00:10, 12:00:20, 12:00:30, 12:00:40, 12:00:50");
    EXPECT_EQ(joined(datetimeLabels(noon, 6 * 3600e3)), "13:00, 14:00, 15:00, 16:00, 17:00");
    EXPECT_EQ(joined(datetimeLabels(noon, 10 * 86400e3)), "Dec 05, Dec 07, Dec 09, Dec 11, Dec 13");
    EXPECT_EQ(joined(datetimeLabels(utcMs(2025, 3, 1), 2 * 365 * 86400e3)),
              "Jul 2025, Jan 2026, Jul 2026, Jan 2027");
    // A small chart keeps fewer, whole labels.
    EXPECT_EQ(joined(datetimeLabels(noon, 6 * 3600e3, QSize(300, 160))), "14:00, 16:00");
}

TEST(ChartView, AStreamingDatetimeChartKeepsWholeAscendingTimeLabels) {
    Fixture f;
    const double t0 = utcMs(2026, 12, 3, 12);
    ColumnDataSource cds({{"t", std::vector<double>{t0}}, {"y", std::vector<double>{0}}});
    Figure fig({.xAxisType = qpanel::AxisType::Datetime});
    fig.line({.x = "t", .y = "y", .source = &cds});
    ChartView view(&fig);
    view.resize(400, 200);
    view.show();
    double t = t0;
    for (int frame = 0; frame < 60; ++frame) {
        std::vector<double> ts, ys;
        for (int i = 0; i < 10; ++i) ts.push_back(t += 100), ys.push_back(std::sin(t / 1e3));
        f.doc.runLocked([&] { cds.stream({{"t", ts}, {"y", ys}}, 300); });  // a 30 s window
        view.grabFrame();
        const QStringList labels = xTickLabels(view);
        // Two or more once the window spans a few seconds (at first: 1 s).
        ASSERT_GE(labels.size(), frame < 20 ? 1 : 2) << "frame " << frame << ": " << joined(labels);
        QTime previous;
        for (const QString& label : labels) {
            QTime time = QTime::fromString(label, QStringLiteral("HH:mm:ss"));
            if (!time.isValid()) time = QTime::fromString(label, QStringLiteral("HH:mm:ss.zzz"));
            ASSERT_TRUE(time.isValid()) << "frame " << frame << ": " << joined(labels);
            EXPECT_GT(time, previous) << joined(labels);
            previous = time;
        }
    }
}
