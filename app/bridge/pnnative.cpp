#include "bridge/pnnative.h"

#include "bridge/componentfactory.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/layouts/tabs.h"
#include "widgets/panes/markdown.h"

namespace qpanel {

PnNative::PnNative(QJSEngine* engine, JsTasks* tasks, Document* document, QObject* parent)
    : QObject(parent), engine_(engine), tasks_(tasks), document_(document) {
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
}

Component* PnNative::component(int id) const { return components_.value(id).data(); }

QJSValue PnNative::fail(const QString& message) const {
    // Thrown in the script at the calling line; V4 adds the position.
    engine_->throwError(QJSValue::TypeError, message);
    return QJSValue();
}

template <typename Fn>
QJSValue PnNative::guarded(Fn&& fn) const {
    try {
        return fn();
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
}

Component* PnNative::require(int id) const {
    Component* component = components_.value(id).data();
    if (!component) throw ParamError("this component no longer exists (its app was closed)");
    return component;
}

int PnNative::remember(Component* component) {
    if (const auto it = ids_.constFind(component); it != ids_.cend()) return *it;
    if (!component->parent()) component->setParent(document_.data());  // the app owns it
    const int id = ++nextId_;
    components_.insert(id, component);
    ids_.insert(component, id);
    connect(component, &QObject::destroyed, this, [this, id, component] {
        components_.remove(id);
        ids_.remove(component);
    });
    return id;
}

QJSValue PnNative::create(int group, const QString& kind, const QVariantMap& params) {
    return guarded([&] {
        Document::Scope scope(document_.data());
        return QJSValue(remember(createComponent(ComponentGroup(group), kind, params)));
    });
}

QString PnNative::typeName(int id) const {
    const Component* c = components_.value(id).data();
    return c ? c->typeName() : QString();
}

QStringList PnNative::params(int id) const {
    const Component* c = components_.value(id).data();
    return c ? c->paramNames() : QStringList();
}

QJSValue PnNative::get(int id, const QString& name) const {
    return guarded([&] { return engine_->toScriptValue(require(id)->get(name)); });
}

void PnNative::set(int id, const QString& name, const QVariant& value) {
    guarded([&] {
        require(id)->set(name, value);
        return QJSValue();
    });
}

void PnNative::trigger(int id, const QString& name) {
    guarded([&] {
        require(id)->trigger(name);
        return QJSValue();
    });
}

QJSValue PnNative::watch(int id, const QStringList& names, const QJSValue& callback,
                         bool onlychanged, const QString& mode, int limit, const QString& origin) {
    return guarded([&] {
        Component* component = require(id);
        if (!callback.isCallable()) throw ParamError("param.watch: the callback must be a function");
        CallbackPolicy policy;
        if (mode == QLatin1String("exclusive")) policy = CallbackPolicy::exclusive();
        else if (mode == QLatin1String("limit")) policy = CallbackPolicy::limitedTo(std::max(1, limit));
        auto state = std::make_shared<PolicyState>(policy);
        QPointer<PnNative> self(this);
        const QString where = origin.isEmpty()
                                  ? QStringLiteral("%1.param.watch(%2)").arg(component->label(), names.join(", "))
                                  : origin;
        // A sync C++ watcher that starts the JS callback as a task, so its
        // policy, cancellation and errors are the runtime's.
        const int watcher = component->watch(
            names,
            [self, callback, state, where, id](const Events& events) {
                if (!self || !self->tasks_) return;
                QJSValue raw = self->engine_->newArray(uint(events.size()));
                for (qsizetype i = 0; i < events.size(); ++i) {
                    QJSValue e = self->engine_->newObject();
                    e.setProperty(QStringLiteral("name"), events[i].name);
                    e.setProperty(QStringLiteral("old"), self->engine_->toScriptValue(events[i].oldValue));
                    e.setProperty(QStringLiteral("new"), self->engine_->toScriptValue(events[i].newValue));
                    e.setProperty(QStringLiteral("type"), events[i].type);
                    e.setProperty(QStringLiteral("obj"), id);
                    raw.setProperty(quint32(i), e);
                }
                self->tasks_->call(callback, {raw}, where, {state, false});
            },
            WatchOptions{onlychanged, {}, where});
        return QJSValue(watcher);
    });
}

bool PnNative::unwatch(int id, int watcher) {
    Component* component = components_.value(id).data();
    return component && component->unwatch(watcher);
}

void PnNative::append(int layout, const QJSValue& child) {
    guarded([&] {
        auto* list = qobject_cast<ListLayout*>(require(layout));
        if (!list) throw ParamError(QStringLiteral("%1 cannot hold children").arg(require(layout)->typeName()).toStdString());
        if (child.isNumber()) {
            list->append(require(child.toInt()));
        } else {
            Document::Scope scope(document_.data());
            auto* pane = new Markdown(child.toString());
            remember(pane);
            list->append(pane);
        }
        return QJSValue();
    });
}

void PnNative::appendTab(int tabs, const QString& title, const QJSValue& child) {
    guarded([&] {
        auto* t = qobject_cast<Tabs*>(require(tabs));
        if (!t) throw ParamError("pn.Tabs expects [title, object] pairs");
        if (child.isNumber()) {
            t->append(title, require(child.toInt()));
        } else {
            Document::Scope scope(document_.data());
            auto* pane = new Markdown(child.toString());
            remember(pane);
            t->append(title, pane);
        }
        return QJSValue();
    });
}

void PnNative::servable(int id, const QString& title) {
    guarded([&] {
        require(id)->servable(title);
        return QJSValue();
    });
}

QString PnNative::label(int id) const {
    const Component* c = components_.value(id).data();
    return c ? c->label() : QString();
}

QString PnNative::env(const QString& name, const QString& fallback) const {
    return qEnvironmentVariableIsSet(qPrintable(name)) ? qEnvironmentVariable(qPrintable(name)) : fallback;
}

void PnNative::execute(const QJSValue& fn) {
    if (!fn.isCallable()) {
        fail(QStringLiteral("pn.state.execute: expected a function"));
        return;
    }
    QPointer<JsTasks> tasks = tasks_;
    Runtime::instance().execute(
        Runtime::Body([tasks, fn]() -> QCoro::Task<> {
            if (tasks) co_await tasks->evaluate(fn, QJSValueList());
        }),
        SpawnOptions{QStringLiteral("pn.state.execute"), document_.data()});
}

}  // namespace qpanel
