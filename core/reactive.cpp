#include "core/reactive.h"

namespace qpanel {

Reactive::Reactive(Evaluator evaluator, QList<Argument> arguments, Options options, QObject* parent)
    : Parameterized(QStringLiteral("ParamFunction"), parent),
      evaluator_(std::move(evaluator)),
      arguments_(std::move(arguments)),
      options_(std::move(options)) {
    declare({QStringLiteral("value"), QMetaType::fromType<QVariant>(), {}, false, true});
    declare({QStringLiteral("loading"), QMetaType::fromType<bool>(), false, true});
    declare({QStringLiteral("error"), QMetaType::fromType<QString>(), QString(), true});
    if (options_.origin.isEmpty()) options_.origin = QStringLiteral("pn.bind");
    for (const Argument& argument : arguments_) {
        if (!argument.object) continue;
        const int id = argument.object->watch(
            {argument.param}, [this](const Events&) { refresh(); },
            WatchOptions{true, {}, options_.origin});
        watchers_.append({argument.object, id});
    }
    if (options_.watch) {
        if (options_.onInit)
            activate();
        else
            active_ = true;  // the first change runs it
    }
}

Reactive::~Reactive() {
    for (const auto& [object, id] : watchers_)
        if (object) object->unwatch(id);
    if (Runtime* runtime = Runtime::ifExists(); runtime && lastTask_)
        runtime->tasks().cancel(lastTask_);
}

void Reactive::activate() {
    if (active_) return;
    active_ = true;
    refresh();
}

QVariantList Reactive::currentArguments() const {
    QVariantList values;
    values.reserve(arguments_.size());
    for (const Argument& argument : arguments_) {
        if (argument.param.isEmpty())
            values.append(argument.constant);
        else
            values.append(argument.object ? argument.object->get(argument.param) : QVariant());
    }
    return values;
}

void Reactive::refresh() {
    if (!active_) return;
    const quint64 generation = ++generation_;
    QPointer<Reactive> self(this);
    auto body = [self, generation, evaluator = evaluator_,
                 args = currentArguments()]() -> QCoro::Task<> {
        try {
            Evaluation evaluation = evaluator(args);
            if (auto* value = std::get_if<QVariant>(&evaluation)) {
                if (self) self->finishRun(generation, *value);
            } else if (auto* task = std::get_if<QCoro::Task<QVariant>>(&evaluation)) {
                QVariant value = co_await std::move(*task);
                if (self) self->finishRun(generation, value);
            } else {
                auto& stream = std::get<QCoro::AsyncGenerator<QVariant>>(evaluation);
                bool first = true;
                for (auto it = co_await stream.begin(); it != stream.end(); co_await ++it) {
                    if (!self || self->generation_ != generation) co_return;
                    self->apply(generation, *it, first);
                    first = false;
                }
                if (self && self->generation_ == generation) {
                    if (first) self->apply(generation, QVariant(), true);  // empty stream
                    self->setInternal(QStringLiteral("loading"), false);
                }
            }
        } catch (const TaskCancelled&) {
            throw;
        } catch (...) {
            if (self) self->failRun(generation, describeCurrentException().message);
            throw;  // the runtime reports it with this task's origin
        }
    };
    lastTask_ = Runtime::instance().spawn(std::move(body),
                                          SpawnOptions{options_.origin, document(), policy_, {}});
    if (generation_ == generation && Runtime::instance().tasks().contains(lastTask_))
        setInternal(QStringLiteral("loading"), true);
}

void Reactive::apply(quint64 generation, const QVariant& value, bool first) {
    if (generation != generation_) return;
    if (options_.generatorMode == GeneratorMode::Append) {
        QVariantList items = first ? QVariantList() : result().toList();
        if (value.isValid()) items.append(value);
        setInternal(QStringLiteral("value"), items);
    } else {
        setInternal(QStringLiteral("value"), value);
    }
    setInternal(QStringLiteral("error"), QString());
}

void Reactive::finishRun(quint64 generation, const QVariant& value) {
    if (generation != generation_) return;  // a newer run owns the output
    setInternal(QStringLiteral("value"), value);
    setInternal(QStringLiteral("error"), QString());
    setInternal(QStringLiteral("loading"), false);
}

void Reactive::failRun(quint64 generation, const QString& message) {
    if (generation != generation_) return;
    setInternal(QStringLiteral("error"), message);
    setInternal(QStringLiteral("loading"), false);
}

}  // namespace qpanel
