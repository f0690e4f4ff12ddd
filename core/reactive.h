#pragma once
// Reactive functions (Panel's pn.bind / pn.depends): re-evaluated when a
// dependency changes; the result is the `value` param, `loading` is true
// while the latest evaluation is pending. Latest wins: a stale run never
// replaces a newer result, is cancelled where possible, and never clears
// the newer run's `loading`.
//
//   auto* r = qpanel::bind([](int i) -> QCoro::Task<QVariant> {
//       co_await qpanel::sleep(100ms); co_return i * 2; }, slider);
//   r->activate();   // panes activate what they show; watch=true does it at once

#include <QCoro/QCoroAsyncGenerator>
#include <QCoro/QCoroTask>
#include <concepts>
#include <variant>

#include "core/param.h"

namespace qpanel {

class Reactive : public Parameterized {
    Q_OBJECT

public:
    enum class GeneratorMode { Replace, Append };

    /// What one evaluation produced: a value at once, a task, or a stream.
    using Evaluation =
        std::variant<QVariant, QCoro::Task<QVariant>, QCoro::AsyncGenerator<QVariant>>;
    using Evaluator = std::function<Evaluation(const QVariantList& args)>;

    /// An argument: a param of a component, or a constant.
    struct Argument {
        QPointer<Parameterized> object;
        QString param;
        QVariant constant;
    };

    struct Options {
        bool watch =
            false;  ///< evaluate on every change, shown or not (Panel's depends(watch=True))
        bool onInit = true;  ///< with watch: also evaluate at once (Panel's on_init)
        GeneratorMode generatorMode = GeneratorMode::Replace;
        QString origin;
    };

    Reactive(Evaluator evaluator, QList<Argument> arguments, Options options,
             QObject* parent = nullptr);
    ~Reactive() override;

    /// Starts evaluating (first time) — idempotent.
    void activate();
    bool isActive() const { return active_; }
    /// Re-evaluates now, superseding any pending run.
    void refresh();

    QVariant result() const { return get(QStringLiteral("value")); }
    bool loading() const { return get(QStringLiteral("loading")).toBool(); }
    QString error() const { return get(QStringLiteral("error")).toString(); }
    int evaluations() const { return generation_; }

private:
    QVariantList currentArguments() const;
    void finishRun(quint64 generation, const QVariant& value);
    void failRun(quint64 generation, const QString& message);
    void apply(quint64 generation, const QVariant& value, bool first);

    Evaluator evaluator_;
    QList<Argument> arguments_;
    Options options_;
    std::shared_ptr<PolicyState> policy_ =
        std::make_shared<PolicyState>(CallbackPolicy::exclusive());
    quint64 generation_ = 0;
    quint64 lastTask_ = 0;
    bool active_ = false;
    QList<std::pair<QPointer<Parameterized>, int>> watchers_;
};

namespace detail {
/// Converts to whatever type the bound function's parameter asks for.
struct ArgumentValue {
    QVariant value;
    template <typename T>
    operator T() const {  // NOLINT: implicit by design
        if constexpr (std::is_same_v<T, QVariant>)
            return value;
        else
            return qvariant_cast<T>(value);
    }
};

/// A component (of any Parameterized subclass) means its "value" param.
template <typename T>
requires std::derived_from<T, Parameterized> Reactive::Argument toArgument(T* object) {
    return {object, QStringLiteral("value"), {}};
}
inline Reactive::Argument toArgument(const Reactive::Argument& argument) {
    return argument;
}
template <typename T>
requires(!std::is_convertible_v<T, const Parameterized*>) Reactive::Argument
    toArgument(const T& constant) {
    return {nullptr, {}, QVariant::fromValue(constant)};
}

template <typename F, std::size_t... I>
Reactive::Evaluation evaluate(F& fn, const QVariantList& args, std::index_sequence<I...>) {
    using Result = std::invoke_result_t<F&, decltype((void)I, ArgumentValue{})...>;
    if constexpr (std::is_same_v<Result, QCoro::Task<QVariant>> ||
                  std::is_same_v<Result, QCoro::AsyncGenerator<QVariant>>)
        return fn(ArgumentValue{args.at(I)}...);
    else if constexpr (std::is_same_v<Result, QVariant>)
        return fn(ArgumentValue{args.at(I)}...);
    else
        return QVariant::fromValue(fn(ArgumentValue{args.at(I)}...));
}
}  // namespace detail

/// A param of a component as a bind argument.
inline Reactive::Argument param(Parameterized* object, const QString& name) {
    return {object, name, {}};
}

/// Panel's pn.bind / pn.depends: `fn` gets each argument's current value (a
/// component means its "value" param) and returns a value,
/// QCoro::Task<QVariant> or QCoro::AsyncGenerator<QVariant>.
template <typename F, typename... Args>
Reactive* bindWith(Reactive::Options options, F fn, const Args&... args) {
    QList<Reactive::Argument> arguments{detail::toArgument(args)...};
    auto evaluator = [fn = std::move(fn)](const QVariantList& values) mutable {
        return detail::evaluate(fn, values, std::index_sequence_for<Args...>{});
    };
    return new Reactive(std::move(evaluator), std::move(arguments), std::move(options),
                        Document::current());
}

template <typename F, typename... Args>
Reactive* bind(F fn, const Args&... args) {
    return bindWith(Reactive::Options{}, std::move(fn), args...);
}

/// Panel's pn.depends(..., watch=...): like bind, but with watch=true the
/// function runs at once and on every change even when no pane shows it.
template <typename F, typename... Args>
Reactive* depends(bool watch, F fn, const Args&... args) {
    return bindWith(Reactive::Options{watch}, std::move(fn), args...);
}

}  // namespace qpanel
