#include "plots/scriptmodels.h"

#include "core/document.h"
#include "plots/bokehoptions.h"
#include "plots/columndatasource.h"
#include "plots/figure.h"

namespace qpanel {

namespace {

void refuseUnknown(const QVariantMap& options, const QStringList& known, const QString& what) {
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        if (!known.contains(it.key()))
            throw ParamError(QStringLiteral("%1: unknown option '%2' (allowed: %3)")
                                 .arg(what, it.key(), known.join(", "))
                                 .toStdString());
}

}  // namespace

ScriptModels::ScriptModels(Document* document, QObject* parent)
    : QObject(parent), document_(document) {}

QString ScriptModels::missing(const char* what) {
    return QStringLiteral("not a %1 (or its app was closed)").arg(QLatin1String(what));
}

int ScriptModels::remember(QObject* model) {
    if (!model->parent()) model->setParent(document_.data());
    const int id = ++nextId_;
    models_.insert(id, model);
    return id;
}

int ScriptModels::createSource(const QVariantMap& data) {
    Document::Scope scope(document_.data());
    auto columns = ColumnDataSource::columnsFromVariant(data, QStringLiteral("ColumnDataSource"));
    return remember(new ColumnDataSource(columns));
}

QVariantMap ScriptModels::sourceData(int source) const {
    return require<ColumnDataSource>(source, "ColumnDataSource")->toVariant();
}

void ScriptModels::setSourceData(int source, const QVariantMap& data) {
    auto* cds = require<ColumnDataSource>(source, "ColumnDataSource");
    cds->setData(
        ColumnDataSource::columnsFromVariant(data, QStringLiteral("ColumnDataSource.data")));
}

void ScriptModels::stream(int source, const QVariantMap& data, std::optional<qint64> rollover) {
    auto* cds = require<ColumnDataSource>(source, "ColumnDataSource");
    const auto columns =
        ColumnDataSource::columnsFromVariant(data, QStringLiteral("ColumnDataSource.stream"));
    std::optional<ColumnDataSource::Index> limit;
    if (rollover) limit = ColumnDataSource::Index(*rollover);
    cds->stream(columns, limit);
}

void ScriptModels::patch(int source, const QVariantMap& patches) {
    auto* cds = require<ColumnDataSource>(source, "ColumnDataSource");
    QList<std::pair<QString, QList<std::pair<ColumnDataSource::Index, double>>>> changes;
    for (auto it = patches.cbegin(); it != patches.cend(); ++it) {
        QList<std::pair<ColumnDataSource::Index, double>> list;
        for (const QVariant& pair : it.value().toList()) {
            const QVariantList p = pair.toList();
            if (p.size() != 2)
                throw ParamError("ColumnDataSource.patch: each change is [index, value]");
            list.append({ColumnDataSource::Index(p[0].toDouble()), p[1].toDouble()});
        }
        changes.append({it.key(), list});
    }
    cds->patch(changes);
}

int ScriptModels::createFigure(const QVariantMap& options) {
    static const QStringList known =
        QStringList{"title", "width", "height", "x_axis_label", "y_axis_label"} +
        figureInteractionOptions();
    refuseUnknown(options, known, QStringLiteral("pn.plotting.figure"));
    FigureOptions f;
    f.title = options.value("title").toString();
    f.width = options.value("width", 600).toInt();
    f.height = options.value("height", 300).toInt();
    f.xAxisLabel = options.value("x_axis_label").toString();
    f.yAxisLabel = options.value("y_axis_label").toString();
    for (const QString& name : figureInteractionOptions())
        if (options.contains(name)) applyFigureOption(f, name, options.value(name));
    return remember(new Figure(f));
}

Figure* ScriptModels::figure(int id) const {
    return require<Figure>(id, "figure");
}

void ScriptModels::addTools(int figure, const QVariantList& tools) {
    this->figure(figure)->addTools(toolsFromVariant(tools, QStringLiteral("figure.add_tools")));
}

void ScriptModels::setLegendOption(int figure, const QString& name, const QVariant& value) {
    applyLegendOption(*this->figure(figure), name, value);
}

void ScriptModels::line(int figure, const QVariantMap& options) {
    static const QStringList known{"x", "y", "source", "color", "line_width", "legend_label"};
    refuseUnknown(options, known, QStringLiteral("figure.line"));
    LineGlyph glyph;
    glyph.x = options.value("x").toString();
    glyph.y = options.value("y").toString();
    glyph.source = require<ColumnDataSource>(options.value("source").toInt(), "ColumnDataSource");
    if (options.contains("color")) {
        glyph.color = QColor(options.value("color").toString());
        if (!glyph.color.isValid())
            throw ParamError(QStringLiteral("figure.line: '%1' is not a colour")
                                 .arg(options.value("color").toString())
                                 .toStdString());
    }
    glyph.lineWidth = options.value("line_width", 1.0).toDouble();
    glyph.legendLabel = options.value("legend_label").toString();
    this->figure(figure)->line(glyph);
}

PeriodicCallback::Options ScriptModels::periodicOptions(const QVariantMap& options,
                                                        const QString& name) {
    static const QStringList known{"period", "count", "timeout", "start"};
    refuseUnknown(options, known, QStringLiteral("add_periodic_callback"));
    PeriodicCallback::Options o;
    o.periodMs = options.value("period", 500).toInt();
    if (options.contains("count") && options.value("count").isValid() &&
        !options.value("count").isNull())
        o.count = options.value("count").toInt();
    if (options.contains("timeout") && options.value("timeout").isValid() &&
        !options.value("timeout").isNull())
        o.timeoutMs = options.value("timeout").toInt();
    o.start = options.value("start", true).toBool();
    o.origin = QStringLiteral("periodic callback %1(%2 ms)")
                   .arg(name.isEmpty() ? QString() : name + QLatin1Char(' '))
                   .arg(o.periodMs);
    return o;
}

QVariant ScriptModels::controlPeriodic(PeriodicCallback& callback, const QString& what,
                                       const QVariant& value) {
    if (what == QLatin1String("start"))
        callback.start();
    else if (what == QLatin1String("stop"))
        callback.stop();
    else if (what == QLatin1String("running"))
        return callback.running();
    else if (what == QLatin1String("counter"))
        return callback.counter();
    else if (what == QLatin1String("period"))
        return callback.period();
    else if (what == QLatin1String("setPeriod"))
        callback.setPeriod(value.toInt());
    return {};
}

LockRequiredError ScriptModels::calledWithLockDirectly(const LockRequiredError& refused,
                                                       const QString& what) {
    return LockRequiredError(
        QStringLiteral("%1 (%2 is wrapped with pn.io.with_lock but was called directly: "
                       "with_lock takes effect when it runs as a callback, given to "
                       "on_click, param.watch, add_periodic_callback or pn.state.execute)")
            .arg(QString::fromUtf8(refused.what()), what)
            .toStdString());
}

}  // namespace qpanel
