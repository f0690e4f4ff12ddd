#include "jsapp/v8pn.h"

#include "core/periodiccallback.h"
#include "core/reactive.h"
#include "plots/chartpane.h"
#include "session/scriptrecords.h"
#include "v8/jsengine.h"
#include "widgets/panes/reactivepane.h"

namespace qpanel {

using v8engine::JsFunction;
using v8engine::JsTaskRunner;

V8Pn::V8Pn(v8engine::JsEngine& engine, JsTaskRunner& tasks, Document* document, QObject* parent)
    : QObject(parent),
      engine_(engine),
      tasks_(&tasks),
      document_(document),
      components_(document),
      models_(document) {}

void V8Pn::setWarning(std::function<void(const QString&)> warn) {
    components_.setWarning(std::move(warn));
}

int V8Pn::create(int group, const QString& kind, const QVariantMap& params) {
    return components_.create(ComponentGroup(group), kind, params);
}

bool V8Pn::taskHoldsLock() const {
    return currentTask() && document_ && document_->editAllowed();
}

void V8Pn::noteCalledWithLockDirectly(const QString& what) {
    if (tasks_) tasks_->noteOnTask(engine_.context(), what);
}

QVariant V8Pn::get(int id, const QString& name) {
    return components_.toScript(components_.get(id, name));
}

void V8Pn::set(int id, const QString& name, const QVariant& value) {
    components_.set(id, name, value);
}

QVariantList V8Pn::eventArguments(int id, const Events& events) {
    if (events.size() == 1) {
        // The common case, as plain arguments: no object to build.
        const Event& e = events.front();
        return {e.name, components_.toScript(e.oldValue), components_.toScript(e.newValue), e.type,
                id};
    }
    QVariantList raw;
    for (const Event& e : events)
        raw.append(QVariantMap{{QStringLiteral("name"), e.name},
                               {QStringLiteral("old"), components_.toScript(e.oldValue)},
                               {QStringLiteral("new"), components_.toScript(e.newValue)},
                               {QStringLiteral("type"), e.type},
                               {QStringLiteral("obj"), id}});
    return {QVariant(raw)};
}

int V8Pn::watch(int id, const QStringList& names, const JsFunction& callback, bool onlychanged,
                const QString& mode, int limit, const QString& origin, bool withLock) {
    Component* component = components_.require(id);
    CallbackPolicy policy;
    if (mode == QLatin1String("exclusive"))
        policy = CallbackPolicy::exclusive();
    else if (mode == QLatin1String("limit"))
        policy = CallbackPolicy::limitedTo(std::max(1, limit));
    // A plain callback runs at once like param's watchers; a policy or the
    // lock needs a task from the start.
    const bool eager = mode == QLatin1String("concurrent") && !withLock;
    auto state = std::make_shared<PolicyState>(policy);
    const QString where =
        origin.isEmpty()
            ? QStringLiteral("%1.param.watch(%2)").arg(component->label(), names.join(", "))
            : origin;
    QPointer<V8Pn> self(this);
    // A sync C++ watcher that starts the JS callback as a task, so its
    // policy, cancellation and errors are the runtime's.
    return component->watch(
        names,
        [self, callback, state, where, id, withLock, eager](const Events& events) {
            if (!self || !self->tasks_) return;
            if (eager)
                self->tasks_->callEagerly(callback, self->eventArguments(id, events), where);
            else
                self->tasks_->call(callback, self->eventArguments(id, events), where,
                                   {state, withLock});
        },
        WatchOptions{onlychanged, {}, where});
}

bool V8Pn::unwatch(int id, int watcher) {
    Component* component = components_.component(id);
    return component && component->unwatch(watcher);
}

void V8Pn::execute(const JsFunction& fn, bool withLock) {
    QPointer<JsTaskRunner> tasks = tasks_;
    QPointer<Document> document = document_;
    // pn.state.execute(pn.io.with_lock(fn)) runs fn holding the lock, as
    // watchers and periodic callbacks do.
    Runtime::instance().execute(Runtime::Body([tasks, document, fn, withLock]() -> QCoro::Task<> {
                                    Document::LockGuard guard;
                                    if (withLock && document) guard = co_await document->lock();
                                    if (tasks) co_await tasks->evaluate(fn, {});
                                }),
                                SpawnOptions{QStringLiteral("pn.state.execute"), document_.data()});
}

QVariant V8Pn::bind(const JsFunction& fn, const QVariantList& args, bool watch, bool onInit,
                    const QString& generatorMode) {
    QList<Reactive::Argument> arguments;
    for (const QVariant& arg : args) {
        if (arg.typeId() == QMetaType::QVariantMap)
            arguments.append({nullptr, {}, components_.fromScript(arg.toMap().value("constant"))});
        else
            arguments.append({components_.require(arg.toInt()), QStringLiteral("value"), {}});
    }
    QPointer<V8Pn> self(this);
    const bool append = generatorMode == QLatin1String("append");
    // Called inside the run's task: what fn returns decides the kind of run.
    auto evaluator = [self, fn, append](const QVariantList& values) -> Reactive::Evaluation {
        if (!self || !self->tasks_) return QVariant();
        QVariantList scriptValues;
        for (const QVariant& v : values) scriptValues.append(self->components_.toScript(v));
        JsTaskRunner::Started started = self->tasks_->begin(fn, scriptValues);
        if (started.iterator) {
            return paneValues(self->document_,
                              streamedValues(self, self->tasks_->iterate(std::move(started))),
                              append);
        }
        return [](QPointer<V8Pn> self, QPointer<JsTaskRunner> tasks,
                  JsTaskRunner::Started started) -> QCoro::Task<QVariant> {
            if (!tasks) co_return QVariant();
            const QVariant value = co_await tasks->finish(std::move(started));
            co_return self ? self->components_.fromScript(value) : QVariant();
        }(self, self->tasks_, std::move(started));
    };
    Reactive::Options options;
    options.watch = watch;
    options.onInit = onInit;
    options.origin = QStringLiteral("%1(%2)").arg(
        watch ? QStringLiteral("pn.depends") : QStringLiteral("pn.bind"),
        fn.name().isEmpty() ? QStringLiteral("function") : fn.name());
    Document::Scope scope(document_.data());
    auto* reactive = new Reactive(std::move(evaluator), arguments, options, document_.data());
    if (watch) return {};
    return components_.remember(new ReactivePane(reactive));
}

QCoro::AsyncGenerator<QVariant> V8Pn::streamedValues(QPointer<V8Pn> self,
                                                     QCoro::AsyncGenerator<QVariant> values) {
    for (auto it = co_await values.begin(); it != values.end(); co_await ++it) {
        if (!self) co_return;
        co_yield self->components_.fromScript(*it);
    }
}

bool V8Pn::busy() const {
    const Runtime* runtime = Runtime::ifExists();
    return runtime && runtime->busy();
}

int V8Pn::watchBusy(const JsFunction& relay) {
    if (busyWatchers_.isEmpty()) {
        lastBusy_ = busy();
        // Queued: busy flips inside task bookkeeping, where script code must not run.
        connect(&Runtime::instance(), &Runtime::busyChanged, this, &V8Pn::deliverBusy,
                Qt::QueuedConnection);
    }
    const int id = ++nextBusyWatcher_;
    busyWatchers_.insert(id, relay);
    return id;
}

bool V8Pn::unwatchBusy(int watcher) {
    const bool removed = busyWatchers_.remove(watcher);
    if (removed && busyWatchers_.isEmpty())
        disconnect(&Runtime::instance(), &Runtime::busyChanged, this, &V8Pn::deliverBusy);
    return removed;
}

void V8Pn::deliverBusy(bool now) {
    if (now == lastBusy_) return;
    const bool old = lastBusy_;
    lastBusy_ = now;
    // Outside the task registry (as tasks they would flip busy themselves);
    // a throw is reported as any callback's.
    const QList<JsFunction> relays = busyWatchers_.values();
    for (const JsFunction& relay : relays)
        if (const auto error = relay.call({old, now})) engine_.report(*error);
}

double V8Pn::fetch(const QString& url, const QVariantMap& options, const JsFunction& resolve,
                   const JsFunction& reject) {
    const FetchOptions fetchOptions = fetchOptionsFromScript(options, scriptFolder_);
    const QUrl target = QUrl::fromUserInput(url, scriptFolder_, QUrl::AssumeLocalFile);
    QPointer<V8Pn> self(this);
    return double(Runtime::instance().spawn(
        [self, target, fetchOptions, resolve, reject]() -> QCoro::Task<> {
            JsFunction settle;
            QVariantList settleArgs;
            try {
                const Response response = co_await qpanel::fetch(target, fetchOptions);
                settle = resolve;
                settleArgs.append(responseRecord(response));
            } catch (const FetchError& e) {
                settle = reject;
                settleArgs.append(QString::fromUtf8(e.what()));  // pn.js makes the Error
            }
            if (!self) co_return;
            // The script's code after `await pn.fetch(...)` runs in this macrotask.
            if (const auto error = settle.call(settleArgs)) self->engine_.report(*error);
        },
        SpawnOptions{QStringLiteral("pn.fetch %1").arg(displayUrl(target)), document_.data()}));
}

bool V8Pn::cancelTask(double taskId) {
    Runtime* runtime = Runtime::ifExists();
    return runtime && runtime->tasks().cancel(quint64(taskId));
}

void V8Pn::asCurrentJsTask(const std::function<void()>& edit) const {
    const quint64 taskId = tasks_ ? tasks_->currentJsTask(engine_.context()) : 0;
    TaskRecord* task = nullptr;
    if (Runtime* runtime = Runtime::ifExists(); runtime && taskId)
        task = runtime->tasks().find(taskId);
    TaskRecord* previous = currentTask();
    if (task) setCurrentTask(task);
    struct Restore {
        TaskRecord* previous;
        ~Restore() { setCurrentTask(previous); }
    } restore{previous};
    try {
        edit();
    } catch (const LockRequiredError& e) {
        const QString direct = tasks_ ? tasks_->taskNote(taskId) : QString();
        if (direct.isEmpty()) throw;
        throw ScriptModels::calledWithLockDirectly(e, direct);
    }
}

void V8Pn::setSourceData(int source, const QVariantMap& data) {
    asCurrentJsTask([&] { models_.setSourceData(source, data); });
}

void V8Pn::stream(int source, const QVariantMap& data, const QVariant& rollover) {
    std::optional<qint64> limit;
    if (rollover.typeId() == QMetaType::Int || rollover.typeId() == QMetaType::Double)
        limit = qint64(rollover.toDouble());
    asCurrentJsTask([&] { models_.stream(source, data, limit); });
}

void V8Pn::patch(int source, const QVariantMap& patches) {
    asCurrentJsTask([&] { models_.patch(source, patches); });
}

int V8Pn::createChart(int figure) {
    Document::Scope scope(document_.data());
    return components_.remember(new ChartPane(models_.figure(figure)));
}

int V8Pn::addPeriodic(const JsFunction& callback, const QVariantMap& options, bool withLock) {
    PeriodicCallback::Options o = ScriptModels::periodicOptions(options, callback.name());
    QPointer<JsTaskRunner> tasks = tasks_;
    QPointer<Document> document = document_;
    Callback<> body = [tasks, document, callback, withLock]() -> QCoro::Task<> {
        Document::LockGuard guard;
        if (withLock && document) guard = co_await document->lock();
        if (tasks) co_await tasks->evaluate(callback, {});
    };
    return models_.remember(new PeriodicCallback(body, o, document_.data()));
}

QVariant V8Pn::periodic(int id, const QString& what, const QVariant& value) {
    return ScriptModels::controlPeriodic(
        *models_.require<PeriodicCallback>(id, "periodic callback"), what, value);
}

}  // namespace qpanel
