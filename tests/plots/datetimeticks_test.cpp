#include "plots/datetimeticks.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

using qpanel::datetimeTicks;
using qpanel::formatDatetime;

namespace {
/// ms since the epoch of a UTC date and time.
double at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0) {
    return double(
        QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc())
            .toMSecsSinceEpoch());
}

std::string labelsOf(double low, double high, int maxTicks = 6) {
    return QStringList(datetimeTicks(low, high, maxTicks).labels)
        .join(QStringLiteral(", "))
        .toStdString();
}
}  // namespace

TEST(DatetimeTicks, HalfASecondIsLabelledInMilliseconds) {
    const double t = at(2026, 12, 3, 12);
    EXPECT_EQ(labelsOf(t, t + 500, 6),
              "12:00:00.000, 12:00:00.100, 12:00:00.200, "
              "12:00:00.300, 12:00:00.400, 12:00:00.500");
    EXPECT_EQ(labelsOf(t + 10, t + 510, 3), "12:00:00.200, 12:00:00.400");
}

TEST(DatetimeTicks, AMinuteIsLabelledInSeconds) {
    const double t = at(2026, 12, 3, 12);
    EXPECT_EQ(labelsOf(t, t + 60e3, 5), "12:00:00, 12:00:15, 12:00:30, 12:00:45, 12:01:00");
}

TEST(DatetimeTicks, SixHoursAreLabelledInHoursAndMinutes) {
    const double t = at(2026, 12, 3, 9, 20);
    EXPECT_EQ(labelsOf(t, t + 6 * 3600e3, 6), "10:00, 11:00, 12:00, 13:00, 14:00, 15:00");
    EXPECT_EQ(labelsOf(t, t + 6 * 3600e3, 3), "10:00, 12:00, 14:00");
}

TEST(DatetimeTicks, AMidnightTickOnAnHourScaleShowsItsDate) {
    const double t = at(2026, 12, 3, 13);
    EXPECT_EQ(labelsOf(t, t + 36 * 3600e3, 6), "18:00, Dec 04, 06:00, 12:00, 18:00, Dec 05");
    EXPECT_EQ(labelsOf(t, t + 36 * 3600e3, 4), "Dec 04, 12:00, Dec 05");
}

TEST(DatetimeTicks, TenDaysAreLabelledWithMonthAndDay) {
    const double t = at(2026, 11, 28, 6);
    EXPECT_EQ(labelsOf(t, t + 10 * 86400e3, 6), "Nov 29, Dec 01, Dec 03, Dec 05, Dec 07");
    EXPECT_EQ(labelsOf(t, t + 10 * 86400e3, 3), "Dec 01, Dec 08");
}

TEST(DatetimeTicks, TwoYearsAreLabelledWithMonthAndYear) {
    const double t = at(2025, 2, 10);
    EXPECT_EQ(labelsOf(t, at(2027, 2, 10), 5), "Jul 2025, Jan 2026, Jul 2026, Jan 2027");
}

TEST(DatetimeTicks, DecadesAreLabelledWithTheYear) {
    EXPECT_EQ(labelsOf(at(2001, 5, 1), at(2031, 5, 1), 4), "2010, 2020, 2030");
    EXPECT_EQ(labelsOf(at(2024, 3, 1), at(2027, 3, 1), 4), "2025, 2026, 2027");
}

TEST(DatetimeTicks, ARangeWithOneTickOfTheFittingStepGetsTwoOfAFinerOne) {
    // 16 s: the step of 10 s may leave one tick inside; 5 s leaves three.
    const double t = at(2026, 12, 3, 12, 0, 3);
    const auto ticks = datetimeTicks(t, t + 16e3, 2);
    EXPECT_GE(ticks.values.size(), 2);
    for (double v : ticks.values) {
        EXPECT_GE(v, t);
        EXPECT_LE(v, t + 16e3);
    }
}

TEST(DatetimeTicks, AnEmptyOrInvalidRangeHasNoTicks) {
    EXPECT_TRUE(datetimeTicks(5, 5, 4).values.isEmpty());
    EXPECT_TRUE(datetimeTicks(5, 1, 4).values.isEmpty());
    EXPECT_TRUE(datetimeTicks(0, std::numeric_limits<double>::infinity(), 4).values.isEmpty());
}

TEST(DatetimeTicks, ReadoutsShowTheFullUtcTime) {
    EXPECT_EQ(formatDatetime(at(2026, 12, 3, 12, 0, 5)).toStdString(), "2026-12-03 12:00:05");
    EXPECT_EQ(formatDatetime(at(2026, 12, 3, 12, 0, 5, 250)).toStdString(),
              "2026-12-03 12:00:05.250");
}
