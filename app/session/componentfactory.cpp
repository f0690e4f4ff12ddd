#include "session/componentfactory.h"

#include <functional>
#include <map>
#include <memory>

#include "core/param.h"
#include "widgets/button.h"
#include "widgets/checkbox.h"
#include "widgets/floatslider.h"
#include "widgets/intslider.h"
#include "widgets/layoutoptions.h"
#include "widgets/layouts/card.h"
#include "widgets/layouts/column.h"
#include "widgets/layouts/row.h"
#include "widgets/layouts/spacer.h"
#include "widgets/layouts/tabs.h"
#include "widgets/loadingspinner.h"
#include "widgets/panes/image.h"
#include "widgets/panes/markdown.h"
#include "widgets/panes/str.h"
#include "widgets/progress.h"
#include "widgets/select.h"
#include "widgets/statictext.h"
#include "widgets/textareainput.h"
#include "widgets/textinput.h"
#include "widgets/toggle.h"

namespace qpanel {

namespace {

using Maker = std::function<Component*(const QVariantMap&)>;

template <typename T>
Maker make() {
    return [](const QVariantMap& params) -> Component* { return new T(params); };
}

const std::map<QString, Maker>& makers(ComponentGroup group) {
    static const std::map<QString, Maker> widgets{{"Button", make<Button>()},
                                                  {"Toggle", make<Toggle>()},
                                                  {"Checkbox", make<Checkbox>()},
                                                  {"TextInput", make<TextInput>()},
                                                  {"TextAreaInput", make<TextAreaInput>()},
                                                  {"IntSlider", make<IntSlider>()},
                                                  {"FloatSlider", make<FloatSlider>()},
                                                  {"Select", make<Select>()},
                                                  {"StaticText", make<StaticText>()}};
    static const std::map<QString, Maker> indicators{{"Progress", make<Progress>()},
                                                     {"LoadingSpinner", make<LoadingSpinner>()}};
    static const std::map<QString, Maker> panes{{"Markdown", make<Markdown>()},
                                                {"Str", make<Str>()},
                                                {"Image", make<Image>()},
                                                {"JPG", make<JPG>()},
                                                {"PNG", make<PNG>()}};
    static const std::map<QString, Maker> layouts{
        {"Row", [](const QVariantMap& p) -> Component* { return new Row({}, p); }},
        {"Column", [](const QVariantMap& p) -> Component* { return new Column({}, p); }},
        {"Card", [](const QVariantMap& p) -> Component* { return new Card({}, p); }},
        {"Tabs", [](const QVariantMap& p) -> Component* { return new Tabs({}, p); }},
        {"Spacer", make<Spacer>()}};
    switch (group) {
        case ComponentGroup::Widget:
            return widgets;
        case ComponentGroup::Indicator:
            return indicators;
        case ComponentGroup::Pane:
            return panes;
        case ComponentGroup::Layout:
            return layouts;
    }
    return widgets;
}

QString groupPrefix(ComponentGroup group) {
    switch (group) {
        case ComponentGroup::Widget:
            return QStringLiteral("pn.widgets.");
        case ComponentGroup::Indicator:
            return QStringLiteral("pn.indicators.");
        case ComponentGroup::Pane:
            return QStringLiteral("pn.pane.");
        case ComponentGroup::Layout:
            return QStringLiteral("pn.");
    }
    return {};
}

}  // namespace

QStringList componentNames(ComponentGroup group) {
    QStringList names;
    for (const auto& [name, maker] : makers(group)) names.append(name);
    return names;
}

Component* createComponent(ComponentGroup group, const QString& kind, const QVariantMap& params,
                           QStringList* ignored) {
    QVariantMap own = params;
    QVariantMap options;
    for (const QString& name : layoutoptions::names())
        if (own.contains(name)) options.insert(name, own.take(name));
    const auto& table = makers(group);
    const auto it = table.find(kind);
    if (it == table.end())
        throw ParamError(
            QStringLiteral("%1%2 does not exist (available: %3)")
                .arg(groupPrefix(group), kind, componentNames(group).join(QStringLiteral(", ")))
                .toStdString());
    std::unique_ptr<Component> component(it->second(own));
    for (auto option = options.cbegin(); option != options.cend(); ++option)
        if (!component->setLayoutOption(option.key(), option.value()) && ignored)
            ignored->append(option.key());
    return component.release();
}

}  // namespace qpanel
