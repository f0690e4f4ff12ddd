#pragma once
// Bokeh's figure() interaction options from script values, one parser for
// both script languages (they hand over plain QVariant maps and lists):
//
//   tools             "pan,wheel_zoom,hover", or a list of names and tool
//                     records {type: "hover", tooltips: [[label, field], ...]}
//   toolbar_location  "right" (default), "left", "above", "below" or null
//   active_drag       "auto", "pan", "box_zoom" or null (no drag tool)
//   active_scroll     "auto", "wheel_zoom" or null
//   x_range, y_range  [start, end] (Range1d), or {start, end, follow:
//                     "end"|"start", follow_interval: n} (DataRange1d)
//   x_axis_type       "linear" (and Bokeh's default "auto") or "datetime"
//
// and the legend's: click_policy ("hide", "none"), location ("top_right",
// "top_left", "bottom_left", "bottom_right", "top", "bottom", "left",
// "right", "center").
//
// Errors are DataError naming the option and what it accepts.

#include <QStringList>
#include <QVariant>

#include "plots/figure.h"

namespace qpanel {

/// The option names applyFigureOption() knows.
QStringList figureInteractionOptions();
/// Sets one of figureInteractionOptions() from a script value.
void applyFigureOption(FigureOptions& options, const QString& name, const QVariant& value);

QList<Tool> toolsFromVariant(const QVariant& value, const QString& where);
RangeSpec rangeFromVariant(const QVariant& value, const QString& where);
ClickPolicy clickPolicyFromName(const QString& name);
AxisType axisTypeFromVariant(const QVariant& value, const QString& where);
LegendLocation legendLocationFromVariant(const QVariant& value);
/// p.legend.<name> = value for click_policy and location.
void applyLegendOption(Figure& figure, const QString& name, const QVariant& value);

}  // namespace qpanel
