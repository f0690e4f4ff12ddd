#include "plots/columndatasource.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <random>

#include "common/eventloop.h"
#include "core/scheduler.h"
#include "core/threadpool.h"

using namespace std::chrono_literals;
using qpanel::ColumnDataSource;
using qpanel::DataError;
using qpanel::Document;
using qpanel::Runtime;
using qpanel::SpawnOptions;
using qpanel::test::waitUntil;

namespace {
/// Runs `fn` as a task holding the document lock, and waits for it.
void locked(Document& doc, std::function<void()> fn) {
    bool done = false;
    Runtime::instance().spawn(
        [&doc, &done, fn]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            fn();
            done = true;
        },
        SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return done && !doc.isLocked(); }));
}

QString errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}
}  // namespace

TEST(ColumnDataSource, ConstructionNeedsNoLockAndKeepsColumns) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0, 1}}, {"y", {5, 6}}});
    EXPECT_EQ(cds.columnNames(), (QStringList{"x", "y"}));
    EXPECT_EQ(cds.rowCount(), 2);
    EXPECT_EQ(cds.column("y"), (std::vector<double>{5, 6}));
}

TEST(ColumnDataSource, StreamAppendsAndRolloverKeepsTheLastRows) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    locked(doc, [&] { cds.stream({{"x", {1, 2, 3}}, {"y", {10, 20, 30}}}); });
    EXPECT_EQ(cds.column("x"), (std::vector<double>{0, 1, 2, 3}));
    locked(doc, [&] { cds.stream({{"x", {4, 5}}, {"y", {40, 50}}}, 3); });
    EXPECT_EQ(cds.column("x"), (std::vector<double>{3, 4, 5}));
    EXPECT_EQ(cds.column("y"), (std::vector<double>{30, 40, 50}));
    const QVariantMap data = cds.toVariant();
    EXPECT_EQ(data.value("y").toList(), (QVariantList{30.0, 40.0, 50.0}));
}

TEST(ColumnDataSource, AnEditOutsideTheLockIsRefusedNamingWithLockAndChangesNothing) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    const QString error = errorOf([&] { cds.stream({{"x", {1}}, {"y", {1}}}); });
    EXPECT_TRUE(error.startsWith("ColumnDataSource.stream: ")) << error.toStdString();
    EXPECT_TRUE(error.contains("pn.io.with_lock"));
    EXPECT_TRUE(errorOf([&] { cds.patch({{"y", {{0, 9}}}}); }).contains("ColumnDataSource.patch"));
    EXPECT_TRUE(errorOf([&] { cds.setData({}); }).contains("ColumnDataSource.data"));
    EXPECT_EQ(cds.rowCount(), 1);
    EXPECT_EQ(cds.column("y"), std::vector<double>{0});
}

TEST(ColumnDataSource, BadShapesAreClearErrorsAndChangeNothing) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    locked(doc, [&] {
        EXPECT_EQ(
            errorOf([&] {
                cds.stream({{"x", {1, 2}}, {"y", {1}}});
            }),
            "ColumnDataSource.stream: column 'y' has 1 values but 'x' has 2; nothing was changed");
        EXPECT_EQ(
            errorOf([&] {
                cds.stream({{"x", {1}}, {"y", {1}}, {"z", {1}}});
            }),
            "ColumnDataSource.stream: unknown column 'z' (columns: x, y); nothing was changed");
        EXPECT_TRUE(errorOf([&] { cds.stream({{"x", {1}}}); }).contains("column 'y' is missing"));
        EXPECT_TRUE(errorOf([&] {
                        cds.stream({{"x", {1}}, {"y", {1}}}, -1);
                    }).contains("rollover"));
        EXPECT_TRUE(errorOf([&] {
                        cds.patch({{"y", {{5, 1.0}}}});
                    }).contains("index 5 is out of range"));
        EXPECT_TRUE(errorOf([&] {
                        cds.patch({{"q", {{0, 1.0}}}});
                    }).contains("unknown column 'q'"));
    });
    EXPECT_EQ(cds.rowCount(), 1);
    EXPECT_EQ(cds.column("x"), std::vector<double>{0});
}

TEST(ColumnDataSource, NonNumericScriptValuesNameTheColumnAndItem) {
    QVariantMap data{{"x", QVariantList{1, 2}}, {"y", QVariantList{1, QStringLiteral("abc")}}};
    EXPECT_EQ(errorOf([&] { ColumnDataSource::columnsFromVariant(data, "cds.stream"); }),
              "cds.stream: column 'y' item 1 is 'abc' (QString), expected a number");
    EXPECT_TRUE(errorOf([&] {
                    ColumnDataSource::columnsFromVariant({{"x", 3}}, "cds.stream");
                }).contains("column 'x' must be a list of numbers"));
}

TEST(ColumnDataSource, PatchReplacesByIndexIncludingFromTheEnd) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0, 1, 2}}, {"y", {0, 0, 0}}});
    locked(doc, [&] { cds.patch({{"y", {{0, 5}, {-1, 7}}}}); });
    EXPECT_EQ(cds.column("y"), (std::vector<double>{5, 0, 7}));
    ASSERT_EQ(cds.range(cds.columnIndex("y"), cds.firstIndex(), cds.endIndex()),
              (std::pair<double, double>{0, 7}));
}

TEST(ColumnDataSource, SetDataReplacesEverything) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0, 1, 2}}});
    locked(doc, [&] { cds.setData({{"a", {9}}, {"b", {8}}}); });
    EXPECT_EQ(cds.columnNames(), (QStringList{"a", "b"}));
    EXPECT_EQ(cds.rowCount(), 1);
}

TEST(ColumnDataSource, EditsInOneLockedSectionNotifyOnceOnRelease) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
    QSignalSpy changed(&cds, &ColumnDataSource::dataChanged);
    int duringSection = -1;
    locked(doc, [&] {
        for (int i = 1; i <= 5; ++i) cds.stream({{"x", {double(i)}}, {"y", {double(i)}}});
        duringSection = int(changed.count());
    });
    EXPECT_EQ(duringSection, 0);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(cds.rowCount(), 6);
}

TEST(ColumnDataSource, AWorkerThreadMayStreamWhileTheTaskHoldsTheLock) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"x", {}}, {"y", {}}});
    QSignalSpy changed(&cds, &ColumnDataSource::dataChanged);
    bool done = false;
    Runtime::instance().spawn(
        [&]() -> QCoro::Task<> {
            auto guard = co_await doc.lock();
            co_await qpanel::runInThread([&] {
                for (int i = 0; i < 100; ++i)
                    cds.stream({{"x", {double(i)}}, {"y", {double(i * i)}}});
            });
            done = true;
        },
        SpawnOptions{{}, &doc});
    ASSERT_TRUE(waitUntil([&] { return done && changed.count() == 1; }));
    EXPECT_EQ(cds.rowCount(), 100);
    EXPECT_EQ(cds.column("y").back(), 99.0 * 99.0);
}

TEST(ColumnDataSource, RangeAndLowerBoundStayExactAcrossGrowthAndRollover) {
    Document doc;
    Document::Scope scope(&doc);
    ColumnDataSource cds({{"t", {}}, {"v", {}}});
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> value(-100, 100);
    double t = 0;
    locked(doc, [&] {
        for (int batch = 0; batch < 40; ++batch) {
            std::vector<double> ts, vs;
            for (int k = 0; k < 1500; ++k) ts.push_back(t++), vs.push_back(value(rng));
            cds.stream({{"t", ts}, {"v", vs}}, 20000);
        }
    });
    const std::vector<double> v = cds.column("v");
    ASSERT_EQ(v.size(), 20000u);
    const int vc = cds.columnIndex("v"), tc = cds.columnIndex("t");
    for (int q = 0; q < 200; ++q) {
        const auto a = qint64(rng() % 20000), b = a + 1 + qint64(rng() % std::uint64_t(20000 - a));
        const auto [lo, hi] = cds.range(vc, cds.firstIndex() + a, cds.firstIndex() + b);
        EXPECT_EQ(lo, *std::min_element(v.begin() + a, v.begin() + b));
        EXPECT_EQ(hi, *std::max_element(v.begin() + a, v.begin() + b));
    }
    EXPECT_TRUE(cds.isNondecreasing(tc));
    const double firstT = cds.at(tc, cds.firstIndex());
    EXPECT_EQ(cds.lowerBound(tc, cds.firstIndex(), cds.endIndex(), firstT + 10.5),
              cds.firstIndex() + 11);
}
