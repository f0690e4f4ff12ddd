#include "plots/figure.h"

namespace qpanel {

Figure::Figure(FigureOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    if (options_.width <= 0 || options_.height <= 0)
        throw DataError(QStringLiteral("figure: width and height must be positive, got %1x%2")
                            .arg(options_.width)
                            .arg(options_.height)
                            .toStdString());
}

namespace {
struct ToolNameEntry {
    ToolKind kind;
    const char* name;
};
constexpr ToolNameEntry kToolNames[] = {
    {ToolKind::Pan, "pan"},          {ToolKind::WheelZoom, "wheel_zoom"},
    {ToolKind::BoxZoom, "box_zoom"}, {ToolKind::Reset, "reset"},
    {ToolKind::Save, "save"},        {ToolKind::Hover, "hover"},
};
}  // namespace

QString toolName(ToolKind kind) {
    for (const auto& entry : kToolNames)
        if (entry.kind == kind) return QString::fromLatin1(entry.name);
    return {};
}

ToolKind toolKindFromName(const QString& name) {
    QStringList known;
    for (const auto& entry : kToolNames) {
        if (name == QLatin1String(entry.name)) return entry.kind;
        known.append(QString::fromLatin1(entry.name));
    }
    throw DataError(QStringLiteral("figure: unknown tool '%1' (qpanel knows: %2)")
                        .arg(name, known.join(QStringLiteral(", ")))
                        .toStdString());
}

bool isDragTool(ToolKind kind) {
    return kind == ToolKind::Pan || kind == ToolKind::BoxZoom;
}

QList<Tool> defaultTools() {
    return {{ToolKind::Pan},  {ToolKind::WheelZoom}, {ToolKind::BoxZoom},
            {ToolKind::Save}, {ToolKind::Reset},     {ToolKind::Hover}};
}

void Figure::addTools(const QList<Tool>& tools) {
    for (const Tool& added : tools) {
        options_.tools.removeIf([&](const Tool& t) { return t.kind == added.kind; });
        options_.tools.append(added);
    }
    emit interactionChanged();
}

const Tool* Figure::tool(ToolKind kind) const {
    for (const Tool& t : options_.tools)
        if (t.kind == kind) return &t;
    return nullptr;
}

namespace {
std::optional<ToolKind> resolveActive(const Figure& figure, std::optional<ToolKind> wanted,
                                      bool drag) {
    if (!wanted) return std::nullopt;
    if (figure.tool(*wanted)) return wanted;
    for (const Tool& t : figure.options().tools) {
        if (drag ? isDragTool(t.kind) : t.kind == ToolKind::WheelZoom) return t.kind;
    }
    return std::nullopt;
}
}  // namespace

std::optional<ToolKind> Figure::activeDrag() const {
    return resolveActive(*this, options_.activeDrag, true);
}

std::optional<ToolKind> Figure::activeScroll() const {
    return resolveActive(*this, options_.activeScroll, false);
}

void Figure::setLegendClickPolicy(ClickPolicy policy) {
    options_.legendClickPolicy = policy;
    emit interactionChanged();
}

void Figure::setLegendLocation(LegendLocation location) {
    options_.legendLocation = location;
    emit interactionChanged();
}

void Figure::setXRange(const RangeSpec& range) {
    options_.xRange = range;
    emit interactionChanged();
}

void Figure::setYRange(const RangeSpec& range) {
    options_.yRange = range;
    emit interactionChanged();
}

void Figure::setTitle(const QString& title) {
    options_.title = title;
    emit changed();
}

QColor Figure::paletteColor(int index) {
    static const QColor colors[] = {
        QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728), QColor(0x9467bd),
        QColor(0x8c564b), QColor(0xe377c2), QColor(0x7f7f7f), QColor(0xbcbd22), QColor(0x17becf)};
    return colors[index % 10];
}

void Figure::line(LineGlyph glyph) {
    if (!glyph.source) throw DataError("figure.line: 'source' must be a ColumnDataSource");
    const QStringList names = glyph.source->columnNames();
    for (const QString& column : {glyph.x, glyph.y}) {
        if (!names.contains(column))
            throw DataError(
                QStringLiteral("figure.line: the source has no column '%1' (columns: %2)")
                    .arg(column, names.join(QStringLiteral(", ")))
                    .toStdString());
    }
    if (glyph.lineWidth <= 0)
        throw DataError(QStringLiteral("figure.line: line_width must be positive, got %1")
                            .arg(glyph.lineWidth)
                            .toStdString());
    if (!glyph.color.isValid()) glyph.color = paletteColor(int(lines_.size()));
    lines_.append(std::move(glyph));
    emit changed();
}

}  // namespace qpanel
