#include "plots/datetimeticks.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace qpanel {

namespace {

constexpr double kSecond = 1000;
constexpr double kMinute = 60 * kSecond;
constexpr double kHour = 60 * kMinute;
constexpr double kDay = 24 * kHour;

/// One candidate step: a fixed length (multiples of it since the epoch), the
/// 1st, 8th, 15th and 22nd of each month (Bokeh's weekly days), or a number
/// of calendar months or years.
struct Step {
    enum class Kind { Fixed, Weekly, Months, Years };
    Kind kind;
    double ms;  // Fixed: exact; else the mean length, for the labels' scale
    int count = 1;
};

QList<Step> candidateSteps() {
    QList<Step> steps;
    for (double ms : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0})
        steps.append({Step::Kind::Fixed, ms});
    for (double s : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0})
        steps.append({Step::Kind::Fixed, s * kSecond});
    for (double m : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0})
        steps.append({Step::Kind::Fixed, m * kMinute});
    for (double h : {1.0, 2.0, 3.0, 6.0, 12.0}) steps.append({Step::Kind::Fixed, h * kHour});
    steps.append({Step::Kind::Fixed, kDay});
    steps.append({Step::Kind::Fixed, 2 * kDay});
    steps.append({Step::Kind::Weekly, 7 * kDay});
    for (int months : {1, 2, 3, 6})
        steps.append({Step::Kind::Months, months * 30.44 * kDay, months});
    for (int magnitude = 1; magnitude <= 1000; magnitude *= 10)
        for (int m : {1, 2, 5})
            steps.append({Step::Kind::Years, m * magnitude * 365.25 * kDay, m * magnitude});
    return steps;
}

QDateTime utc(double ms) {
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), QTimeZone::utc());
}

double msOf(int year, int month, int day) {
    return double(
        QDateTime(QDate(year, month, day), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
}

/// The ticks of `step` in [low, high], at most `cap` + 1 of them (enough to
/// tell that a step gives too many).
QList<double> ticksOf(const Step& step, double low, double high, qsizetype cap) {
    QList<double> values;
    const auto add = [&](double value) {
        if (value >= low && value <= high) values.append(value);
        return value <= high && values.size() <= cap;
    };
    if (step.kind == Step::Kind::Fixed) {
        for (double v = std::ceil(low / step.ms) * step.ms; add(v); v += step.ms) {
        }
        return values;
    }
    const QDate first = utc(low).date();
    if (step.kind == Step::Kind::Years) {
        int year = first.year() + (msOf(first.year(), 1, 1) < low ? 1 : 0);
        year = int(std::ceil(double(year) / step.count)) * step.count;
        for (; add(msOf(year, 1, 1)); year += step.count) {
        }
        return values;
    }
    // Months and weekly days walk the calendar from the month of `low`.
    int year = first.year(), month = first.month();
    if (step.kind == Step::Kind::Months) month -= (month - 1) % step.count;
    for (bool more = true; more;) {
        if (step.kind == Step::Kind::Months) {
            more = add(msOf(year, month, 1));
        } else {
            for (int day : {1, 8, 15, 22}) more = more && add(msOf(year, month, day));
        }
        month += step.kind == Step::Kind::Months ? step.count : 1;
        if (month > 12) month -= 12, ++year;
    }
    return values;
}

}  // namespace

DatetimeTicks datetimeTicks(double low, double high, int maxTicks) {
    DatetimeTicks ticks;
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) return ticks;
    maxTicks = std::max(maxTicks, 1);
    static const QList<Step> steps = candidateSteps();
    QList<double> finer;  // the values of the step before, if it had two or more
    const Step* finerStep = nullptr;
    for (const Step& step : steps) {
        QList<double> values = ticksOf(step, low, high, maxTicks + 1);
        if (values.size() > maxTicks) {  // too many: try the next step
            finer = std::move(values);
            finerStep = &step;
            continue;
        }
        // Fewer than two inside: a finer step that shows two tells more.
        // (At most one more than asked: more would not fit.)
        if (values.size() < 2 && finerStep && finer.size() >= 2 && finer.size() <= maxTicks + 1) {
            values = std::move(finer);
            ticks.step = finerStep->ms;
        } else {
            ticks.step = step.ms;
        }
        ticks.values = std::move(values);
        break;
    }
    for (double value : ticks.values) ticks.labels.append(datetimeTickLabel(value, ticks.step));
    return ticks;
}

QString datetimeTickLabel(double ms, double step) {
    const QLocale c = QLocale::c();
    const QDateTime t = utc(ms);
    const bool midnight = t.time() == QTime(0, 0);
    if (step < kDay && midnight) return c.toString(t, QStringLiteral("MMM dd"));
    if (step < kSecond) return c.toString(t, QStringLiteral("HH:mm:ss.zzz"));
    if (step < kMinute) return c.toString(t, QStringLiteral("HH:mm:ss"));
    if (step < kDay) return c.toString(t, QStringLiteral("HH:mm"));
    if (step < 28 * kDay) return c.toString(t, QStringLiteral("MMM dd"));
    if (step < 365 * kDay) return c.toString(t, QStringLiteral("MMM yyyy"));
    return c.toString(t, QStringLiteral("yyyy"));
}

QString formatDatetime(double ms) {
    const QDateTime t = utc(ms);
    return QLocale::c().toString(t, t.time().msec() != 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                         : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

}  // namespace qpanel
