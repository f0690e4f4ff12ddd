#include "bridge/pnnative.h"

#include "bridge/jsgenerator.h"
#include "core/fetch.h"
#include "core/periodiccallback.h"
#include "core/reactive.h"
#include "plots/chartpane.h"
#include "session/scriptrecords.h"
#include "widgets/panes/reactivepane.h"

namespace qpanel {

PnNative::PnNative(QJSEngine* engine, JsTasks* tasks, Document* document, QObject* parent)
    : QObject(parent),
      engine_(engine),
      tasks_(tasks),
      document_(document),
      components_(document),
      models_(document) {
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);
    QPointer<JsTasks> host(tasks);
    components_.setWarning([host](const QString& text) {
        if (host && host->host()) host->host()->log(QStringLiteral("warn"), text);
    });
}

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

QJSValue PnNative::create(int group, const QString& kind, const QVariantMap& params) {
    return guarded(
        [&] { return QJSValue(components_.create(ComponentGroup(group), kind, params)); });
}

QString PnNative::typeName(int id) const {
    return components_.typeName(id);
}

bool PnNative::taskHoldsLock() const {
    return currentTask() && document_ && document_->editAllowed();
}

QJSValue PnNative::toScript(const QVariant& value) {
    if (Component* component = componentFrom(value); component && facadeOf_.isCallable())
        return facadeOf_.call({remember(component)});
    // A param's None (an empty QVariant) is null, as Panel's None.
    if (!value.isValid() ||
        (value.metaType().flags().testFlag(QMetaType::PointerToQObject) && value.isNull()))
        return QJSValue(QJSValue::NullValue);
    return engine_->toScriptValue(value);
}

QStringList PnNative::params(int id) const {
    return components_.params(id);
}

QJSValue PnNative::get(int id, const QString& name) {
    return guarded([&] { return toScript(components_.get(id, name)); });
}

void PnNative::set(int id, const QString& name, const QVariant& value) {
    guarded([&] {
        components_.set(id, name, value);
        return QJSValue();
    });
}

void PnNative::trigger(int id, const QString& name) {
    guarded([&] {
        components_.trigger(id, name);
        return QJSValue();
    });
}

QJSValue PnNative::watch(int id, const QStringList& names, const QJSValue& callback,
                         bool onlychanged, const QString& mode, int limit, const QString& origin,
                         bool withLock) {
    return guarded([&] {
        Component* component = require(id);
        if (!callback.isCallable())
            throw ParamError("param.watch: the callback must be a function");
        CallbackPolicy policy;
        if (mode == QLatin1String("exclusive"))
            policy = CallbackPolicy::exclusive();
        else if (mode == QLatin1String("limit"))
            policy = CallbackPolicy::limitedTo(std::max(1, limit));
        // A plain callback runs at once like param's watchers; a policy or
        // the lock needs a task from the start.
        const bool eager = mode == QLatin1String("concurrent") && !withLock;
        auto state = std::make_shared<PolicyState>(policy);
        QPointer<PnNative> self(this);
        const QString where =
            origin.isEmpty()
                ? QStringLiteral("%1.param.watch(%2)").arg(component->label(), names.join(", "))
                : origin;
        // A sync C++ watcher that starts the JS callback as a task, so its
        // policy, cancellation and errors are the runtime's.
        const int watcher = component->watch(
            names,
            [self, callback, state, where, id, withLock, eager](const Events& events) {
                if (!self || !self->tasks_) return;
                QJSEngine* engine = self->engine_;
                QJSValueList args;
                if (events.size() == 1) {
                    // The common case, as plain arguments: one JS crossing.
                    const Event& e = events.front();
                    args = {e.name, self->toScript(e.oldValue), self->toScript(e.newValue), e.type,
                            id};
                } else {
                    QJSValue raw = engine->newArray(uint(events.size()));
                    for (qsizetype i = 0; i < events.size(); ++i) {
                        QJSValue e = engine->newObject();
                        e.setProperty(QStringLiteral("name"), events[i].name);
                        e.setProperty(QStringLiteral("old"), self->toScript(events[i].oldValue));
                        e.setProperty(QStringLiteral("new"), self->toScript(events[i].newValue));
                        e.setProperty(QStringLiteral("type"), events[i].type);
                        e.setProperty(QStringLiteral("obj"), id);
                        raw.setProperty(quint32(i), e);
                    }
                    args = {raw};
                }
                if (eager)
                    self->tasks_->callEagerly(callback, args, where);
                else
                    self->tasks_->call(callback, args, where, {state, withLock});
            },
            WatchOptions{onlychanged, {}, where});
        return QJSValue(watcher);
    });
}

bool PnNative::unwatch(int id, int watcher) {
    Component* component = components_.component(id);
    return component && component->unwatch(watcher);
}

namespace {
/// pn.js's child: a component id (a number) or text.
QVariant childOf(const QJSValue& child) {
    return child.isNumber() ? QVariant(child.toInt()) : QVariant(child.toString());
}
}  // namespace

void PnNative::append(int layout, const QJSValue& child) {
    guarded([&] {
        components_.append(layout, childOf(child));
        return QJSValue();
    });
}

void PnNative::appendTab(int tabs, const QString& title, const QJSValue& child) {
    guarded([&] {
        components_.appendTab(tabs, title, childOf(child));
        return QJSValue();
    });
}

void PnNative::servable(int id, const QString& title) {
    guarded([&] {
        components_.servable(id, title);
        return QJSValue();
    });
}

QString PnNative::label(int id) const {
    return components_.label(id);
}

QString PnNative::env(const QString& name, const QString& fallback) {
    return components_.env(name, fallback);
}

void PnNative::execute(const QJSValue& fn, bool withLock) {
    if (!fn.isCallable()) {
        fail(QStringLiteral("pn.state.execute: expected a function"));
        return;
    }
    QPointer<JsTasks> tasks = tasks_;
    QPointer<Document> document = document_;
    // pn.state.execute(pn.io.with_lock(fn)) runs fn holding the lock, as
    // watchers and periodic callbacks do.
    Runtime::instance().execute(Runtime::Body([tasks, document, fn, withLock]() -> QCoro::Task<> {
                                    Document::LockGuard guard;
                                    if (withLock && document) guard = co_await document->lock();
                                    if (tasks) co_await tasks->evaluate(fn, QJSValueList());
                                }),
                                SpawnOptions{QStringLiteral("pn.state.execute"), document_.data()});
}

}  // namespace qpanel

namespace qpanel {

QVariant PnNative::toVariant(const QJSValue& value) const {
    const QJSValue id = value.property(QStringLiteral("__id"));
    if (value.isObject() && id.isNumber()) {
        if (Component* component = components_.component(id.toInt()))
            return QVariant::fromValue<QObject*>(component);
    }
    return components_.fromScript(value.toVariant());
}

QJSValue PnNative::bind(const QJSValue& fn, const QJSValue& args, bool watch, bool onInit,
                        const QString& generatorMode) {
    return guarded([&] {
        if (!fn.isCallable()) throw ParamError("pn.bind: the first argument must be a function");
        QList<Reactive::Argument> arguments;
        const int count = args.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < count; ++i) {
            const QJSValue arg = args.property(quint32(i));
            if (arg.isNumber())
                arguments.append({require(arg.toInt()), QStringLiteral("value"), {}});
            else
                arguments.append(
                    {nullptr, {}, toVariant(arg.property(QStringLiteral("constant")))});
        }
        QPointer<PnNative> self(this);
        QPointer<JsTasks> tasks = tasks_;
        const bool append = generatorMode == QLatin1String("append");
        // Called inside the run's task: what fn returns decides the kind of run.
        auto evaluator = [self, tasks, fn,
                          append](const QVariantList& values) -> Reactive::Evaluation {
            if (!self || !tasks) return QVariant();
            QJSValueList jsArgs;
            for (const QVariant& v : values) jsArgs.append(self->engine_->toScriptValue(v));
            JsTasks::Started started = tasks->start(fn, jsArgs);
            if (isJsIterator(started.result))
                return paneValues(self->document_,
                                  streamedValues(self, iterateJs(tasks, started.result)), append);
            if (!started.pending) return self->toVariant(started.result);
            return settledValue(self, tasks, std::move(started));
        };
        const QString name = fn.property(QStringLiteral("name")).toString();
        Reactive::Options options;
        options.watch = watch;
        options.onInit = onInit;
        options.origin = QStringLiteral("%1(%2)").arg(
            watch ? QStringLiteral("pn.depends") : QStringLiteral("pn.bind"),
            name.isEmpty() ? QStringLiteral("function") : name);
        Document::Scope scope(document_.data());
        auto* reactive = new Reactive(std::move(evaluator), arguments, options, document_.data());
        if (watch) return QJSValue();
        return QJSValue(remember(new ReactivePane(reactive)));
    });
}

QCoro::Task<QVariant> PnNative::settledValue(QPointer<PnNative> self, QPointer<JsTasks> tasks,
                                             JsTasks::Started started) {
    if (!tasks) co_return QVariant();
    const QJSValue result = co_await tasks->settle(std::move(started));
    co_return self ? self->toVariant(result) : QVariant();
}

QCoro::AsyncGenerator<QVariant> PnNative::streamedValues(QPointer<PnNative> self,
                                                         QCoro::AsyncGenerator<QJSValue> values) {
    for (auto it = co_await values.begin(); it != values.end(); co_await ++it) {
        if (!self) co_return;
        co_yield self->toVariant(*it);
    }
}

bool PnNative::busy() const {
    const Runtime* runtime = Runtime::ifExists();
    return runtime && runtime->busy();
}

int PnNative::watchBusy(const QJSValue& relay) {
    if (busyWatchers_.isEmpty()) {
        lastBusy_ = busy();
        // Queued: busy flips inside task bookkeeping, where script code must not run.
        connect(&Runtime::instance(), &Runtime::busyChanged, this, &PnNative::deliverBusy,
                Qt::QueuedConnection);
    }
    const int id = ++nextId_;
    busyWatchers_.insert(id, relay);
    return id;
}

bool PnNative::unwatchBusy(int watcher) {
    const bool removed = busyWatchers_.remove(watcher);
    if (removed && busyWatchers_.isEmpty())
        disconnect(&Runtime::instance(), &Runtime::busyChanged, this, &PnNative::deliverBusy);
    return removed;
}

void PnNative::deliverBusy(bool now) {
    if (now == lastBusy_) return;
    const bool old = lastBusy_;
    lastBusy_ = now;
    ScriptHost* host = tasks_ ? tasks_->host() : nullptr;
    if (!host) return;
    for (const QJSValue& relay : std::as_const(busyWatchers_))
        host->invoke(relay, {old, now}, QStringLiteral("pn.state.param.watch(busy)"));
}

double PnNative::fetch(const QString& url, const QJSValue& options, const QJSValue& resolve,
                       const QJSValue& reject) {
    const FetchOptions fetchOptions =
        fetchOptionsFromScript(options.toVariant().toMap(), scriptFolder_);
    QPointer<PnNative> self(this);
    const QUrl target = QUrl::fromUserInput(url, scriptFolder_, QUrl::AssumeLocalFile);
    return double(Runtime::instance().spawn(
        [self, target, fetchOptions, resolve, reject]() -> QCoro::Task<> {
            QJSValue settle;
            QJSValueList settleArgs;
            try {
                const Response response = co_await qpanel::fetch(target, fetchOptions);
                if (!self) co_return;
                settleArgs.append(self->engine_->toScriptValue(responseRecord(response)));
                settle = resolve;
            } catch (const FetchError& e) {
                if (!self) co_return;
                settle = reject;
                settleArgs.append(
                    QString::fromUtf8(e.what()));  // pn.js makes the Error, located at the call
            }
            // The script's code after `await pn.fetch(...)` runs inside this call.
            if (ScriptHost* host = self->tasks_ ? self->tasks_->host() : nullptr)
                host->invoke(settle, settleArgs, QStringLiteral("code after pn.fetch"));
        },
        SpawnOptions{QStringLiteral("pn.fetch %1").arg(displayUrl(target)), document_.data()}));
}

bool PnNative::cancelTask(double taskId) {
    Runtime* runtime = Runtime::ifExists();
    return runtime && runtime->tasks().cancel(quint64(taskId));
}

}  // namespace qpanel

namespace qpanel {

template <typename Fn>
void PnNative::asCurrentJsTask(Fn&& fn) const {
    const QJSValue context = engine_->globalObject()
                                 .property(QStringLiteral("__qpanel"))
                                 .property(QStringLiteral("currentContext"));
    TaskRecord* task = nullptr;
    if (Runtime* runtime = Runtime::ifExists(); runtime && context.isObject())
        task =
            runtime->tasks().find(quint64(context.property(QStringLiteral("taskId")).toNumber()));
    TaskRecord* previous = currentTask();
    if (task) setCurrentTask(task);
    struct Restore {
        TaskRecord* previous;
        ~Restore() { setCurrentTask(previous); }
    } restore{previous};
    try {
        fn();
    } catch (const LockRequiredError& e) {
        const QJSValue direct = context.isObject()
                                    ? context.property(QStringLiteral("calledWithLockDirectly"))
                                    : QJSValue();
        if (!direct.isString()) throw;
        throw ScriptModels::calledWithLockDirectly(e, direct.toString());
    }
}

QJSValue PnNative::createSource(const QVariantMap& data) {
    return guarded([&] { return QJSValue(models_.createSource(data)); });
}

QJSValue PnNative::sourceData(int source) const {
    return guarded([&] { return engine_->toScriptValue(models_.sourceData(source)); });
}

void PnNative::setSourceData(int source, const QVariantMap& data) {
    guarded([&] {
        asCurrentJsTask([&] { models_.setSourceData(source, data); });
        return QJSValue();
    });
}

void PnNative::stream(int source, const QVariantMap& data, const QJSValue& rollover) {
    guarded([&] {
        std::optional<qint64> limit;
        if (rollover.isNumber()) limit = qint64(rollover.toNumber());
        asCurrentJsTask([&] { models_.stream(source, data, limit); });
        return QJSValue();
    });
}

void PnNative::patch(int source, const QVariantMap& patches) {
    guarded([&] {
        asCurrentJsTask([&] { models_.patch(source, patches); });
        return QJSValue();
    });
}

QJSValue PnNative::createFigure(const QVariantMap& options) {
    return guarded([&] { return QJSValue(models_.createFigure(options)); });
}

void PnNative::addTools(int figure, const QVariantList& tools) {
    guarded([&] {
        models_.addTools(figure, tools);
        return QJSValue();
    });
}

void PnNative::setLegendOption(int figure, const QString& name, const QVariant& value) {
    guarded([&] {
        models_.setLegendOption(figure, name, value);
        return QJSValue();
    });
}

void PnNative::line(int figure, const QVariantMap& options) {
    guarded([&] {
        models_.line(figure, options);
        return QJSValue();
    });
}

QJSValue PnNative::createChart(int figure) {
    return guarded([&] {
        Document::Scope scope(document_.data());
        return QJSValue(remember(new ChartPane(models_.figure(figure))));
    });
}

QJSValue PnNative::addPeriodic(const QJSValue& callback, const QVariantMap& options,
                               bool withLock) {
    return guarded([&] {
        if (!callback.isCallable())
            throw ParamError("add_periodic_callback: the callback must be a function");
        const PeriodicCallback::Options o = ScriptModels::periodicOptions(
            options, callback.property(QStringLiteral("name")).toString());
        QPointer<JsTasks> tasks = tasks_;
        QPointer<Document> document = document_;
        Callback<> body = [tasks, document, callback, withLock]() -> QCoro::Task<> {
            Document::LockGuard guard;
            if (withLock && document) guard = co_await document->lock();
            if (tasks) co_await tasks->evaluate(callback, QJSValueList());
        };
        return QJSValue(models_.remember(new PeriodicCallback(body, o, document_.data())));
    });
}

QJSValue PnNative::periodic(int id, const QString& what, const QJSValue& value) {
    return guarded([&] {
        auto* pc = models_.require<PeriodicCallback>(id, "periodic callback");
        return engine_->toScriptValue(ScriptModels::controlPeriodic(*pc, what, value.toVariant()));
    });
}

}  // namespace qpanel
