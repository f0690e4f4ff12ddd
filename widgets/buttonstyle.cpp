#include "widgets/buttonstyle.h"

#include <QAbstractButton>
#include <QColor>

#include "core/param.h"

namespace qpanel {

const QStringList& buttonTypes() {
    static const QStringList types{QStringLiteral("default"), QStringLiteral("primary"),
                                   QStringLiteral("success"), QStringLiteral("warning"),
                                   QStringLiteral("danger"),  QStringLiteral("light")};
    return types;
}

void requireButtonType(const QString& where, const QString& type) {
    if (!buttonTypes().contains(type))
        throw ParamError(QStringLiteral("%1: '%2' is not one of %3")
                             .arg(where, type, buttonTypes().join(QStringLiteral(", ")))
                             .toStdString());
}

void applyButtonType(QAbstractButton* button, const QString& type) {
    struct Colours {
        const char* background;
        const char* text;
    };
    static const QHash<QString, Colours> colours{
        {QStringLiteral("primary"), {"#0072b5", "#ffffff"}},
        {QStringLiteral("success"), {"#198754", "#ffffff"}},
        {QStringLiteral("warning"), {"#ffc107", "#212529"}},
        {QStringLiteral("danger"), {"#dc3545", "#ffffff"}},
        {QStringLiteral("light"), {"#f8f9fa", "#212529"}},
    };
    const auto it = colours.constFind(type);
    if (it == colours.cend()) {
        // "default" follows the palette (light or dark) but shares the coloured
        // buttons' shape, so a row of mixed buttons lines up.
        button->setStyleSheet(QStringLiteral(
            "QAbstractButton { background-color: palette(button); color: palette(button-text);"
            " border: 1px solid palette(mid); border-radius: 4px; padding: 5px 14px; min-height: "
            "18px; }"
            "QAbstractButton:hover { border-color: palette(highlight); }"
            "QAbstractButton:pressed, QAbstractButton:checked { background-color: palette(mid); }"
            "QAbstractButton:focus { border: 1px solid palette(highlight); }"
            "QAbstractButton:disabled { color: palette(mid); }"));
        return;
    }
    const QColor bg(QLatin1String(it->background));
    // Light buttons need a visible edge on light windows; the rest use a darker rim.
    const QColor border =
        type == QLatin1String("light") ? QColor(0xce, 0xd4, 0xda) : bg.darker(115);
    QColor faded = bg;
    faded.setAlphaF(0.55f);
    button->setStyleSheet(
        QStringLiteral("QAbstractButton { background-color: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 4px; padding: 5px 14px; min-height: 18px; }"
                       "QAbstractButton:hover { background-color: %4; }"
                       "QAbstractButton:pressed, QAbstractButton:checked { background-color: %5;"
                       " border-color: %5; }"
                       "QAbstractButton:focus { border: 1px solid %6; }"
                       "QAbstractButton:disabled { background-color: %7; border-color: %7; }")
            .arg(bg.name(), QLatin1String(it->text), border.name(), bg.darker(110).name(),
                 bg.darker(130).name(), bg.darker(160).name(), faded.name(QColor::HexArgb)));
}

}  // namespace qpanel
