#include "core/param.h"

#include <QThread>
#include <QVarLengthArray>
#include <cmath>

#include "core/crossthread.h"

namespace qpanel {

namespace {

QString describeValue(const QVariant& value) {
    if (!value.isValid()) return QStringLiteral("None");
    const QString type = QString::fromLatin1(value.metaType().name());
    QString text = value.toString();
    if (text.size() > 40) text = text.left(37) + QStringLiteral("...");
    if (text.isEmpty()) return type;
    return QStringLiteral("%1 (%2)").arg(type, text);
}

bool isNumber(const QVariant& v) {
    switch (v.metaType().id()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::Short:
        case QMetaType::UShort:
            return true;
        default:
            return false;
    }
}

}  // namespace

Parameterized::Parameterized(QString typeName, QObject* parent)
    : QObject(parent), typeName_(std::move(typeName)), document_(Document::current()) {}

Parameterized::~Parameterized() = default;

QString Parameterized::label() const {
    const QVariant name =
        hasParam(QStringLiteral("name")) ? get(QStringLiteral("name")) : QVariant();
    const QString text = name.toString();
    return text.isEmpty() ? typeName_ : QStringLiteral("%1 '%2'").arg(typeName_, text);
}

void Parameterized::declare(ParamSpec spec) {
    Q_ASSERT_X(!index_.contains(spec.name), "Parameterized::declare", "duplicate param");
    const QVariant initial = spec.defaultValue;
    index_.insert(spec.name, int(specs_.size()));
    specs_.push_back(std::move(spec));
    values_.append(initial);
}

QStringList Parameterized::paramNames() const {
    QStringList names;
    for (const auto& spec : specs_) names.append(spec.name);
    return names;
}

int Parameterized::indexOf(const QString& name) const {
    const auto it = index_.constFind(name);
    if (it == index_.cend()) {
        throw ParamError(QStringLiteral("%1 has no parameter '%2' (it has: %3)")
                             .arg(typeName_, name, paramNames().join(QStringLiteral(", ")))
                             .toStdString());
    }
    return *it;
}

const ParamSpec& Parameterized::spec(const QString& name) const {
    return specs_[std::size_t(indexOf(name))];
}

QVariant Parameterized::get(const QString& name) const {
    return values_.at(indexOf(name));
}

QVariant Parameterized::coerce(const ParamSpec& spec, const QVariant& value) const {
    // Built only on failure: this function is on every set's hot path.
    auto where = [&] { return typeName_ + QLatin1Char('.') + spec.name; };
    auto fail = [&](const QString& expected) {
        throw ParamError(QStringLiteral("%1: expected %2, got %3")
                             .arg(where(), expected, describeValue(value))
                             .toStdString());
    };
    if (!value.isValid() || value.isNull()) {
        if (spec.allowNone || spec.type == QMetaType::fromType<QVariant>()) return QVariant();
        if (value.isValid() && value.metaType() == spec.type) return value;  // e.g. empty QString
        fail(QString::fromLatin1(spec.type.name()));
    }
    // Fast path: already the declared type and nothing to bound-check.
    if (value.metaType() == spec.type && !spec.lower && !spec.upper) return value;
    QVariant result;
    switch (spec.type.id()) {
        case QMetaType::QVariant:
            return value;
        case QMetaType::Bool:
            if (value.metaType().id() != QMetaType::Bool) fail(QStringLiteral("a boolean"));
            return value;
        case QMetaType::Int:
        case QMetaType::LongLong: {
            if (!isNumber(value)) fail(QStringLiteral("an integer"));
            const double d = value.toDouble();
            if (!std::isfinite(d) || d != std::floor(d)) fail(QStringLiteral("an integer"));
            if (spec.type.id() == QMetaType::Int && (d > INT_MAX || d < INT_MIN))
                fail(QStringLiteral("a 32-bit integer"));
            result = spec.type.id() == QMetaType::Int ? QVariant(int(d)) : QVariant(qint64(d));
            break;
        }
        case QMetaType::Double:
            if (!isNumber(value)) fail(QStringLiteral("a number"));
            result = QVariant(value.toDouble());
            break;
        case QMetaType::QString:
            if (value.metaType().id() != QMetaType::QString) fail(QStringLiteral("a string"));
            return value;
        case QMetaType::QStringList: {
            if (value.metaType().id() == QMetaType::QStringList) return value;
            if (value.metaType().id() != QMetaType::QVariantList)
                fail(QStringLiteral("a list of strings"));
            QStringList list;
            for (const QVariant& item : value.toList()) {
                if (item.metaType().id() != QMetaType::QString)
                    fail(QStringLiteral("a list of strings"));
                list.append(item.toString());
            }
            return list;
        }
        default:
            if (value.metaType() == spec.type) return value;
            result = value;
            if (!result.convert(spec.type)) fail(QString::fromLatin1(spec.type.name()));
            return result;
    }
    const double number = result.toDouble();
    if ((spec.lower && number < *spec.lower) || (spec.upper && number > *spec.upper)) {
        throw ParamError(
            QStringLiteral("%1: %2 is outside the bounds [%3, %4]")
                .arg(where(), result.toString(),
                     spec.lower ? QString::number(*spec.lower) : QStringLiteral("-inf"),
                     spec.upper ? QString::number(*spec.upper) : QStringLiteral("inf"))
                .toStdString());
    }
    return result;
}

void Parameterized::validate(const ParamSpec&, QVariant&) const {}

bool Parameterized::event(QEvent* event) {
    return detail::runPostedCall(event) || QObject::event(event);
}

void Parameterized::set(const QString& name, const QVariant& value) {
    if (QThread::currentThread() != thread()) {
        // Widgets live on the GUI thread: hand over, keeping the order of sets.
        detail::postCall(this, [this, name, value] {
            try {
                set(name, value);
            } catch (...) {
                Runtime::instance().reportCurrentException(label());
            }
        });
        return;
    }
    const int index = indexOf(name);
    const ParamSpec& s = specs_[std::size_t(index)];
    if (s.readOnly)
        throw ParamError(QStringLiteral("%1.%2 is read-only").arg(typeName_, name).toStdString());
    QVariant coerced = coerce(s, value);
    validate(s, coerced);
    store(index, coerced, false);
}

void Parameterized::setInternal(const QString& name, const QVariant& value) {
    const int index = indexOf(name);
    store(index, coerce(specs_[std::size_t(index)], value), false);
}

void Parameterized::update(const QList<std::pair<QString, QVariant>>& values) {
    // Validate everything first so a bad value changes nothing.
    QList<std::pair<QString, QVariant>> coerced;
    for (const auto& [name, value] : values) {
        const ParamSpec& s = spec(name);
        if (s.readOnly)
            throw ParamError(
                QStringLiteral("%1.%2 is read-only").arg(typeName_, name).toStdString());
        QVariant v = coerce(s, value);
        validate(s, v);
        coerced.append({name, v});
    }
    Batch batch(this);
    for (const auto& [name, value] : coerced) store(indexOf(name), value, false);
}

void Parameterized::trigger(const QString& name) {
    const int index = indexOf(name);
    const QVariant current = values_.at(index);  // a copy: store() overwrites the slot
    store(index, current, true);
}

void Parameterized::store(int i, const QVariant& value, bool triggered) {
    const QString& name = specs_[std::size_t(i)].name;
    QVariant old = std::exchange(values_[i], value);
    const bool changed = old != value || old.metaType() != value.metaType();
    if (changed) emit paramChanged(name, value);
    Event event{name, std::move(old), value, this,
                triggered ? QStringLiteral("triggered")
                          : (changed ? QStringLiteral("changed") : QStringLiteral("set"))};
    if (batchDepth_ > 0) {
        for (Event& pending : batched_) {
            if (pending.name == name) {  // keep the first old value, the latest new one
                pending.newValue = value;
                if (pending.type != QLatin1String("changed")) pending.type = event.type;
                return;
            }
        }
        batched_.append(std::move(event));
        return;
    }
    dispatch(Events{std::move(event)});
}

void Parameterized::dispatch(const Events& events) {
    if (watchers_.empty()) return;
    // Snapshot: watchers may (un)watch while we call them; the shared_ptrs
    // keep each one alive until its call returns.
    QVarLengthArray<std::shared_ptr<const Watcher>, 8> snapshot(watchers_.begin(), watchers_.end());
    // Only needed when a watcher could delete us before the next one runs.
    QPointer<Parameterized> self(snapshot.size() > 1 ? this : nullptr);
    for (const auto& watcher : snapshot) {
        if (snapshot.size() > 1 && !self) return;
        bool allRelevant = true;
        for (const Event& e : events) {
            if (!watcher->names.contains(e.name) ||
                (watcher->onlychanged && e.type == QLatin1String("set"))) {
                allRelevant = false;
                break;
            }
        }
        Events relevant;
        if (allRelevant) {
            relevant = events;  // implicitly shared: no copy
        } else {
            for (const Event& e : events) {
                if (!watcher->names.contains(e.name)) continue;
                if (watcher->onlychanged && e.type == QLatin1String("set")) continue;
                relevant.append(e);
            }
            if (relevant.isEmpty()) continue;
        }
        if (watcher->perEvent && relevant.size() > 1) {
            for (const Event& e : relevant) invoke(watcher->callback, watcher->context, Events{e});
        } else {
            invoke(watcher->callback, watcher->context, relevant);
        }
    }
}

int Parameterized::addWatcher(const QStringList& names, Callback<Events> callback, bool perEvent,
                              WatchOptions options) {
    for (const QString& name : names) spec(name);  // unknown names throw here
    if (options.origin.isEmpty())
        options.origin =
            QStringLiteral("%1.param.watch(%2)").arg(label(), names.join(QStringLiteral(", ")));
    const int id = ++nextWatcherId_;
    watchers_.push_back(std::make_shared<const Watcher>(Watcher{
        id, names, std::move(callback), options.onlychanged, perEvent,
        InvokeContext{options.origin, document_, std::make_shared<PolicyState>(options.policy)}}));
    return id;
}

bool Parameterized::unwatch(int watcherId) {
    auto it = std::find_if(watchers_.begin(), watchers_.end(),
                           [watcherId](const auto& w) { return w->id == watcherId; });
    if (it == watchers_.end()) return false;
    watchers_.erase(it);
    return true;
}

Parameterized::Batch::Batch(Parameterized* object) : object_(object) {
    ++object->batchDepth_;
}

Parameterized::Batch::~Batch() {
    Parameterized* object = object_.data();
    if (!object || --object->batchDepth_ > 0) return;
    Events events;
    events.swap(object->batched_);
    if (!events.isEmpty()) object->dispatch(events);
}

}  // namespace qpanel
