#pragma once
// Ticks and labels for a datetime axis (Bokeh's x_axis_type='datetime'):
// values are milliseconds since the epoch, shown in UTC as Bokeh does.
//
//   const DatetimeTicks ticks = datetimeTicks(t0, t0 + 6 * 3600e3, 5);
//   // ticks.labels: "12:00", "13:00", ... (steps of 1 h)
//
// Steps run 1, 2, 5 ... 500 ms; 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15,
// 30 min; 1, 2, 3, 6, 12 h; 1, 2, 7 days; 1, 2, 3, 6 months; 1, 2, 5 × 10^k
// years. Labels follow Bokeh's DatetimeTickFormatter defaults for the scale
// of the step ("%T" seconds, "%H:%M" minutes and hours, "%b %d" days, "%b
// %Y" months, "%Y" years), except milliseconds: "12:00:00.250" rather than
// Bokeh's bare "250ms". A tick at midnight on a sub-day scale shows its
// date ("Dec 04"), so a range over several days says which day is which.

#include <QList>
#include <QString>

namespace qpanel {

struct DatetimeTicks {
    double step = 0;        ///< ms between ticks (months and years: their mean length)
    QList<double> values;   ///< ms since the epoch, ascending, inside the range
    QList<QString> labels;  ///< as the axis shows them, one per value
};

/// Ticks inside [low, high] (ms since the epoch): the finest step that gives
/// at most `maxTicks` of them; when that leaves fewer than two, the finer
/// step before it if it gives at most `maxTicks` + 1.
DatetimeTicks datetimeTicks(double low, double high, int maxTicks);

/// The label of a tick at `ms` for ticks `step` ms apart.
QString datetimeTickLabel(double ms, double step);

/// A full UTC date and time for readouts (hover): "2026-12-03 12:00:05",
/// with ".250" when the value has milliseconds.
QString formatDatetime(double ms);

}  // namespace qpanel
