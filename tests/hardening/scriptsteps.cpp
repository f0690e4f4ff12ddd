#include "hardening/scriptsteps.h"

#include <QJsonDocument>
#include <QTest>

#include "core/document.h"
#include "widgets/button.h"

namespace qpanel::test {

namespace {

QVariant jsonValue(const QString& text) {
    return QJsonDocument::fromJson("[" + text.toUtf8() + "]").toVariant().toList().value(0);
}

}  // namespace

Component* findComponent(const Document* document, const QString& name) {
    if (!document) return nullptr;
    for (Component* c : document->findChildren<Component*>())
        if (c->paramNames().contains(QStringLiteral("name")) && c->get("name").toString() == name)
            return c;
    return nullptr;
}

bool runStep(const Document* document, const QString& step, const std::function<void()>& close,
             std::string& problem) {
    const QString verb = step.section(QLatin1Char(' '), 0, 0);
    const QString name = step.section(QLatin1Char('"'), 1, 1);
    if (verb == QLatin1String("wait")) {
        QTest::qWait(step.section(QLatin1Char(' '), 1, 1).toInt());
        return true;
    }
    if (verb == QLatin1String("close")) {
        close();
        return true;
    }
    if (!document) {
        problem = "step after close: " + step.toStdString();
        return false;
    }
    Component* target = findComponent(document, name);
    if (!target) {
        problem = "no component named '" + name.toStdString() + "'";
        return false;
    }
    if (verb == QLatin1String("click")) {
        auto* button = qobject_cast<Button*>(target);
        if (!button) {
            problem = name.toStdString() + " is not a Button";
            return false;
        }
        button->click();
        return true;
    }
    if (verb == QLatin1String("set")) {
        target->set("value", jsonValue(step.section(QLatin1Char('"'), 2).trimmed()));
        return true;
    }
    problem = "unknown step: " + step.toStdString();
    return false;
}

}  // namespace qpanel::test
