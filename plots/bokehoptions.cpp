#include "plots/bokehoptions.h"

namespace qpanel {

namespace {

[[noreturn]] void fail(const QString& message) {
    throw DataError(message.toStdString());
}

bool isNull(const QVariant& value) {
    return !value.isValid() || value.metaType().id() == QMetaType::Nullptr;
}

/// A tool name or record {type, tooltips}.
Tool toolFromVariant(const QVariant& value, const QString& where) {
    if (value.metaType().id() == QMetaType::QString)
        return {toolKindFromName(value.toString().trimmed())};
    const QVariantMap record = value.toMap();
    if (!record.contains(QStringLiteral("type")))
        fail(QStringLiteral("%1: a tool is a name ('pan') or a tool object, got %2")
                 .arg(where, QString::fromLatin1(value.metaType().name())));
    Tool tool{toolKindFromName(record.value(QStringLiteral("type")).toString())};
    for (const QVariant& pair : record.value(QStringLiteral("tooltips")).toList()) {
        const QVariantList items = pair.toList();
        if (items.size() != 2)
            fail(QStringLiteral("%1: each tooltip is a (label, field) pair like ('y', '@y')")
                     .arg(where));
        tool.tooltips.append({items[0].toString(), items[1].toString()});
    }
    if (tool.kind != ToolKind::Hover && !tool.tooltips.isEmpty())
        fail(QStringLiteral("%1: only the hover tool takes tooltips").arg(where));
    return tool;
}

std::optional<ToolKind> activeFromVariant(const QVariant& value, const QString& where,
                                          ToolKind automatic, const QStringList& allowed) {
    if (isNull(value)) return std::nullopt;
    const QString name = value.toMap().contains(QStringLiteral("type"))
                             ? value.toMap().value(QStringLiteral("type")).toString()
                             : value.toString();
    if (name == QLatin1String("auto")) return automatic;
    if (!allowed.contains(name))
        fail(QStringLiteral("%1: expected 'auto', %2 or None, got '%3'")
                 .arg(where, "'" + allowed.join(QStringLiteral("', '")) + "'", name));
    return toolKindFromName(name);
}

}  // namespace

QStringList figureInteractionOptions() {
    return {QStringLiteral("tools"),       QStringLiteral("toolbar_location"),
            QStringLiteral("active_drag"), QStringLiteral("active_scroll"),
            QStringLiteral("x_range"),     QStringLiteral("y_range"),
            QStringLiteral("x_axis_type")};
}

QList<Tool> toolsFromVariant(const QVariant& value, const QString& where) {
    QList<Tool> tools;
    if (isNull(value)) return tools;
    if (value.metaType().id() == QMetaType::QString) {
        for (const QString& name : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            tools.append({toolKindFromName(name.trimmed())});
        return tools;
    }
    if (value.metaType().id() != QMetaType::QVariantList &&
        value.metaType().id() != QMetaType::QStringList)
        tools.append(toolFromVariant(value, where));
    else
        for (const QVariant& item : value.toList()) tools.append(toolFromVariant(item, where));
    return tools;
}

RangeSpec rangeFromVariant(const QVariant& value, const QString& where) {
    if (isNull(value)) return {};
    if (value.metaType().id() == QMetaType::QVariantList) {
        const QVariantList ends = value.toList();
        bool ok0 = false, ok1 = false;
        const double start = ends.value(0).toDouble(&ok0), end = ends.value(1).toDouble(&ok1);
        if (ends.size() != 2 || !ok0 || !ok1 || !(end != start))
            fail(QStringLiteral("%1: expected (start, end), two different numbers").arg(where));
        return RangeSpec::fixed(start, end);
    }
    const QVariantMap map = value.toMap();
    RangeSpec range;
    for (const char* end : {"start", "end"}) {
        const QVariant v = map.value(QLatin1String(end));
        if (isNull(v)) continue;
        bool ok = false;
        const double number = v.toDouble(&ok);
        if (!ok) fail(QStringLiteral("%1: %2 must be a number").arg(where, QLatin1String(end)));
        (QLatin1String(end) == QLatin1String("start") ? range.start : range.end) = number;
    }
    const QString follow = isNull(map.value(QStringLiteral("follow")))
                               ? QString()
                               : map.value(QStringLiteral("follow")).toString();
    if (follow == QLatin1String("end"))
        range.follow = RangeSpec::Follow::End;
    else if (follow == QLatin1String("start"))
        range.follow = RangeSpec::Follow::Start;
    else if (!follow.isEmpty())
        fail(QStringLiteral("%1: follow must be 'start', 'end' or None, got '%2'")
                 .arg(where, follow));
    const QVariant interval = map.value(QStringLiteral("follow_interval"));
    if (!isNull(interval)) {
        bool ok = false;
        range.followInterval = interval.toDouble(&ok);
        if (!ok || !(range.followInterval > 0))
            fail(QStringLiteral("%1: follow_interval must be a positive number").arg(where));
    }
    return range;
}

ClickPolicy clickPolicyFromName(const QString& name) {
    if (name == QLatin1String("hide")) return ClickPolicy::Hide;
    if (name == QLatin1String("none")) return ClickPolicy::None;
    fail(QStringLiteral("legend.click_policy: expected 'hide' or 'none', got '%1'").arg(name));
}

AxisType axisTypeFromVariant(const QVariant& value, const QString& where) {
    const QString name = value.toString();
    if (name == QLatin1String("linear") || name == QLatin1String("auto")) return AxisType::Linear;
    if (name == QLatin1String("datetime")) return AxisType::Datetime;
    if (name == QLatin1String("log"))
        fail(QStringLiteral("%1: log axes are not supported yet; use 'linear' or 'datetime'")
                 .arg(where));
    fail(QStringLiteral("%1: expected 'linear' or 'datetime', got '%2'").arg(where, name));
}

LegendLocation legendLocationFromVariant(const QVariant& value) {
    static const QList<std::pair<QString, LegendLocation>> locations{
        {QStringLiteral("top_right"), LegendLocation::TopRight},
        {QStringLiteral("top_left"), LegendLocation::TopLeft},
        {QStringLiteral("bottom_left"), LegendLocation::BottomLeft},
        {QStringLiteral("bottom_right"), LegendLocation::BottomRight},
        {QStringLiteral("top"), LegendLocation::Top},
        {QStringLiteral("bottom"), LegendLocation::Bottom},
        {QStringLiteral("left"), LegendLocation::Left},
        {QStringLiteral("right"), LegendLocation::Right},
        {QStringLiteral("center"), LegendLocation::Center}};
    const int type = value.metaType().id();
    if (type == QMetaType::QVariantList || type == QMetaType::QStringList)
        fail(
            QStringLiteral("legend.location: an (x, y) position is not supported; use one of "
                           "'top_right', 'top_left', 'bottom_left', 'bottom_right', 'top', "
                           "'bottom', 'left', 'right', 'center'"));
    QStringList names;
    for (const auto& [key, location] : locations) {
        if (value.toString() == key) return location;
        names.append(QLatin1Char('\'') + key + QLatin1Char('\''));
    }
    fail(QStringLiteral("legend.location: expected %1, got '%2'")
             .arg(names.join(QStringLiteral(", ")), value.toString()));
}

void applyLegendOption(Figure& figure, const QString& name, const QVariant& value) {
    if (name == QLatin1String("click_policy"))
        figure.setLegendClickPolicy(clickPolicyFromName(value.toString()));
    else if (name == QLatin1String("location"))
        figure.setLegendLocation(legendLocationFromVariant(value));
    else
        fail(QStringLiteral("legend: unknown option '%1' (qpanel knows: click_policy, location)")
                 .arg(name));
}

void applyFigureOption(FigureOptions& options, const QString& name, const QVariant& value) {
    const QString where = QStringLiteral("figure(%1=...)").arg(name);
    if (name == QLatin1String("tools")) {
        options.tools = toolsFromVariant(value, where);
    } else if (name == QLatin1String("toolbar_location")) {
        static const QList<std::pair<QString, ToolbarLocation>> locations{
            {QStringLiteral("right"), ToolbarLocation::Right},
            {QStringLiteral("left"), ToolbarLocation::Left},
            {QStringLiteral("above"), ToolbarLocation::Above},
            {QStringLiteral("below"), ToolbarLocation::Below}};
        if (isNull(value)) {
            options.toolbarLocation = ToolbarLocation::None;
            return;
        }
        for (const auto& [key, location] : locations)
            if (value.toString() == key) {
                options.toolbarLocation = location;
                return;
            }
        fail(QStringLiteral("%1: expected 'right', 'left', 'above', 'below' or None, got '%2'")
                 .arg(where, value.toString()));
    } else if (name == QLatin1String("active_drag")) {
        options.activeDrag = activeFromVariant(value, where, ToolKind::Pan,
                                               {QStringLiteral("pan"), QStringLiteral("box_zoom")});
    } else if (name == QLatin1String("active_scroll")) {
        options.activeScroll =
            activeFromVariant(value, where, ToolKind::WheelZoom, {QStringLiteral("wheel_zoom")});
    } else if (name == QLatin1String("x_range")) {
        options.xRange = rangeFromVariant(value, where);
    } else if (name == QLatin1String("y_range")) {
        options.yRange = rangeFromVariant(value, where);
    } else if (name == QLatin1String("x_axis_type")) {
        options.xAxisType = axisTypeFromVariant(value, where);
    } else {
        fail(QStringLiteral("figure(): unknown option '%1'").arg(name));
    }
}

}  // namespace qpanel
