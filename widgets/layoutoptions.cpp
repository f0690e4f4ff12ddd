#include "widgets/layoutoptions.h"

#include <QMargins>
#include <QWidget>
#include <algorithm>

#include "core/param.h"

namespace qpanel::layoutoptions {

namespace {

const QStringList& sizingModes() {
    static const QStringList modes{
        QStringLiteral("fixed"),          QStringLiteral("stretch_width"),
        QStringLiteral("stretch_height"), QStringLiteral("stretch_both"),
        QStringLiteral("scale_width"),    QStringLiteral("scale_height"),
        QStringLiteral("scale_both")};
    return modes;
}

bool isLimit(const QString& name) {
    return name == QLatin1String("min_width") || name == QLatin1String("max_width") ||
           name == QLatin1String("min_height") || name == QLatin1String("max_height");
}

bool isNumber(const QVariant& value) {
    return value.canConvert<double>() && value.typeId() != QMetaType::QString &&
           value.typeId() != QMetaType::Bool;
}

[[noreturn]] void refuse(const QString& name, const QVariant& value, const QString& takes) {
    throw ParamError(QStringLiteral("layout option '%1' takes %2, not %3")
                         .arg(name, takes,
                              value.toString().isEmpty() ? QString::fromUtf8(value.typeName())
                                                         : value.toString())
                         .toStdString());
}

/// Panel's margin: m, (vertical, horizontal) or (top, right, bottom, left).
QMargins margins(const QVariant& value) {
    if (!value.isValid()) return {};
    if (isNumber(value)) {
        const int m = value.toInt();
        return {m, m, m, m};
    }
    const QVariantList list = value.toList();
    if (list.size() == 2)
        return {list[1].toInt(), list[0].toInt(), list[1].toInt(), list[0].toInt()};
    return {list[3].toInt(), list[0].toInt(), list[1].toInt(), list[2].toInt()};
}

}  // namespace

const QStringList& names() {
    static const QStringList all{QStringLiteral("sizing_mode"),  QStringLiteral("min_width"),
                                 QStringLiteral("max_width"),    QStringLiteral("min_height"),
                                 QStringLiteral("max_height"),   QStringLiteral("margin"),
                                 QStringLiteral("tags"),         QStringLiteral("align"),
                                 QStringLiteral("css_classes"),  QStringLiteral("styles"),
                                 QStringLiteral("stylesheets"),  QStringLiteral("design"),
                                 QStringLiteral("width_policy"), QStringLiteral("height_policy"),
                                 QStringLiteral("aspect_ratio")};
    return all;
}

bool isOption(const QString& name) {
    return names().contains(name);
}

bool supported(const QString& name) {
    return name == QLatin1String("sizing_mode") || isLimit(name) ||
           name == QLatin1String("margin") || name == QLatin1String("tags");
}

QString ignoredWarning(const QString& name) {
    return QStringLiteral(
               "layout option '%1' has no effect in qpanel (its views are Qt widgets, without "
               "CSS or HTML alignment); accepted and ignored")
        .arg(name);
}

void check(const QString& name, const QVariant& value) {
    if (!value.isValid()) return;  // None: the view's own
    if (name == QLatin1String("sizing_mode")) {
        if (!sizingModes().contains(value.toString()) || value.typeId() != QMetaType::QString)
            refuse(name, value,
                   QStringLiteral("one of ") + sizingModes().join(QStringLiteral(", ")));
    } else if (isLimit(name)) {
        if (!isNumber(value) || value.toDouble() < 0)
            refuse(name, value, QStringLiteral("a size in pixels (0 or more)"));
    } else if (name == QLatin1String("margin")) {
        const QVariantList list = value.toList();
        const bool ok =
            isNumber(value) ||
            ((list.size() == 2 || list.size() == 4) &&
             std::all_of(list.begin(), list.end(), [](const QVariant& v) { return isNumber(v); }));
        if (!ok)
            refuse(
                name, value,
                QStringLiteral("a number, (vertical, horizontal) or (top, right, bottom, left)"));
    }
}

void apply(QWidget* view, const QString& name, const QVariant& value, const QSizePolicy& base) {
    if (name == QLatin1String("sizing_mode")) {
        const QString mode = value.toString();
        QSizePolicy policy = base;
        const bool width =
            mode.endsWith(QLatin1String("_width")) || mode.endsWith(QLatin1String("_both"));
        const bool height =
            mode.endsWith(QLatin1String("_height")) || mode.endsWith(QLatin1String("_both"));
        if (mode == QLatin1String("fixed")) {
            policy.setHorizontalPolicy(QSizePolicy::Fixed);
            policy.setVerticalPolicy(QSizePolicy::Fixed);
        }
        if (width) policy.setHorizontalPolicy(QSizePolicy::Expanding);
        if (height) policy.setVerticalPolicy(QSizePolicy::Expanding);
        view->setSizePolicy(policy);
    } else if (name == QLatin1String("min_width")) {
        view->setMinimumWidth(value.isValid() ? value.toInt() : 0);
    } else if (name == QLatin1String("max_width")) {
        view->setMaximumWidth(value.isValid() ? value.toInt() : QWIDGETSIZE_MAX);
    } else if (name == QLatin1String("min_height")) {
        view->setMinimumHeight(value.isValid() ? value.toInt() : 0);
    } else if (name == QLatin1String("max_height")) {
        view->setMaximumHeight(value.isValid() ? value.toInt() : QWIDGETSIZE_MAX);
    } else if (name == QLatin1String("margin")) {
        view->setContentsMargins(margins(value));
    }
}

}  // namespace qpanel::layoutoptions
