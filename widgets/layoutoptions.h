#pragma once
// Panel's layout options beyond width and height, on a component's Qt view:
// sizing_mode (fixed, stretch_* and scale_*: size policies), min_width,
// max_width, min_height, max_height (size limits) and margin (one, two or
// four numbers as in Panel: contents margins). tags are kept (metadata).
// align, css_classes, styles, stylesheets, design, width_policy,
// height_policy and aspect_ratio are accepted but have no Qt equivalent
// here: supported() says so, and scripts warn once (Console).

#include <QSizePolicy>
#include <QString>
#include <QStringList>
#include <QVariant>

class QWidget;

namespace qpanel::layoutoptions {

/// All the names (a component's params are not among them).
const QStringList& names();
bool isOption(const QString& name);
/// Whether qpanel's views honour the option (false: accepted, no effect).
bool supported(const QString& name);
/// The Console's warning for an option that is not supported().
QString ignoredWarning(const QString& name);
/// Throws ParamError (naming the option and what it takes) for a bad value.
void check(const QString& name, const QVariant& value);
/// Applies a checked option to `view`; `base` is the view's own size policy
/// (what sizing_mode None restores).
void apply(QWidget* view, const QString& name, const QVariant& value, const QSizePolicy& base);

}  // namespace qpanel::layoutoptions
