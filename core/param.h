#pragma once
// Reactive parameters (Panel's `param`): named, typed values with watchers.
//
//   slider->set("value", 3);                               // validated, fires watchers
//   int id = slider->watch({"value"}, [](const Event& e) { ... });
//   { Parameterized::Batch batch(obj); obj->set("a", 1); obj->set("b", 2); }  // one call
//
// Watchers may be sync or coroutines (QCoro::Task<>); the runtime runs them
// (sync ones with the document lock held, async ones as tasks).

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/callback.h"

namespace qpanel {

class Parameterized;

/// What a watcher receives (Panel's `Event`): type is "changed" when the
/// value changed, "set" when it was set to the same value (onlychanged=false
/// watchers only), "triggered" for trigger().
struct Event {
    QString name;
    QVariant oldValue;
    QVariant newValue;
    QPointer<Parameterized> obj;
    QString type;
};
using Events = QList<Event>;

/// Bad parameter use: unknown name, wrong type, out of bounds, read-only.
class ParamError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

struct ParamSpec {
    QString name;
    QMetaType type;  ///< QMetaType::fromType<QVariant>() accepts anything
    QVariant defaultValue;
    bool readOnly = false;   ///< only the component itself changes it
    bool allowNone = false;  ///< accepts an invalid (null) QVariant
    std::optional<double> lower;
    std::optional<double> upper;
    QString doc;
};

struct WatchOptions {
    bool onlychanged = true;
    CallbackPolicy policy;
    QString origin;  ///< defaults to "<label>.param.watch(<names>)"
};

class Parameterized : public QObject {
    Q_OBJECT

public:
    explicit Parameterized(QString typeName, QObject* parent = nullptr);
    ~Parameterized() override;

    const QString& typeName() const { return typeName_; }
    /// "IntSlider 'Speed'" — used in origins and error messages.
    QString label() const;
    Document* document() const { return document_.data(); }

    void declare(ParamSpec spec);
    bool hasParam(const QString& name) const { return index_.contains(name); }
    QStringList paramNames() const;
    const ParamSpec& spec(const QString& name) const;

    QVariant get(const QString& name) const;
    template <typename T>
    T value(const QString& name) const {
        return qvariant_cast<T>(get(name));
    }

    /// Validates and stores `value`, then notifies. Throws ParamError on bad
    /// input (nothing changes). From another thread the set is queued to this
    /// object's thread, in order; errors there are reported.
    void set(const QString& name, const QVariant& value);
    /// Several sets as one batch, in order.
    void update(const QList<std::pair<QString, QVariant>>& values);
    /// Sets a read-only param: for the component's own state (clicks, loading).
    void setInternal(const QString& name, const QVariant& value);
    /// Fires the param's watchers without changing it (Panel's param.trigger).
    void trigger(const QString& name);

    /// Collects sets and dispatches once when the outermost batch ends: each
    /// watcher is called once with all of its events.
    class Batch {
    public:
        explicit Batch(Parameterized* object);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;

    private:
        QPointer<Parameterized> object_;
    };

    /// Watches `names`; `fn` takes `const Events&` (once per batch) or
    /// `const Event&` (once per event), and may return QCoro::Task<>.
    template <typename F>
    int watch(const QStringList& names, F fn, WatchOptions options = {});
    bool unwatch(int watcherId);
    int watcherCount() const { return int(watchers_.size()); }

signals:
    /// Emitted on every change, before watchers run (views sync from it).
    void paramChanged(const QString& name, const QVariant& value);

protected:
    /// Components may veto or normalise a value beyond type and bounds.
    virtual void validate(const ParamSpec& spec, QVariant& value) const;
    bool event(QEvent* event) override;  // runs sets posted from other threads

private:
    struct Watcher {
        int id;
        QStringList names;
        Callback<Events> callback;
        bool onlychanged;
        bool perEvent;
        InvokeContext context;
    };
    int addWatcher(const QStringList& names, Callback<Events> callback, bool perEvent,
                   WatchOptions options);
    int indexOf(const QString& name) const;  ///< throws ParamError when unknown
    QVariant coerce(const ParamSpec& spec, const QVariant& value) const;
    void store(int index, const QVariant& value, bool triggered);
    void dispatch(const Events& events);

    QString typeName_;
    QPointer<Document> document_;
    std::vector<ParamSpec> specs_;
    QHash<QString, int> index_;
    QVariantList values_;
    std::vector<std::shared_ptr<const Watcher>> watchers_;
    int nextWatcherId_ = 0;
    int batchDepth_ = 0;
    Events batched_;
};

template <typename F>
int Parameterized::watch(const QStringList& names, F fn, WatchOptions options) {
    if constexpr (std::is_invocable_v<F&, const Events&>) {
        return addWatcher(names, Callback<Events>(std::move(fn)), false, std::move(options));
    } else {
        static_assert(std::is_invocable_v<F&, const Event&>,
                      "a watcher takes const qpanel::Event& or const qpanel::Events&");
        // Not a coroutine itself: it forwards a reference into the events the
        // task's body owns, which outlive fn's coroutine.
        auto single = [fn = std::move(fn)](const Events& events) mutable {
            return std::invoke(fn, events.constFirst());
        };
        return addWatcher(names, Callback<Events>(std::move(single)), true, std::move(options));
    }
}

}  // namespace qpanel
