#include "core/param.h"

#include <QThread>

#include <cmath>

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
        case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong:
        case QMetaType::ULongLong: case QMetaType::Double: case QMetaType::Float:
        case QMetaType::Long: case QMetaType::ULong: case QMetaType::Short:
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
    const QVariant name = hasParam(QStringLiteral("name")) ? get(QStringLiteral("name")) : QVariant();
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

const ParamSpec& Parameterized::spec(const QString& name) const {
    const auto it = index_.constFind(name);
    if (it == index_.cend()) {
        throw ParamError(QStringLiteral("%1 has no parameter '%2' (it has: %3)")
                             .arg(typeName_, name, paramNames().join(QStringLiteral(", ")))
                             .toStdString());
    }
    return specs_[std::size_t(*it)];
}

QVariant Parameterized::get(const QString& name) const {
    const auto it = index_.constFind(name);
    if (it == index_.cend()) spec(name);  // throws the "no parameter" error
    return values_.at(*it);
}

QVariant Parameterized::coerce(const ParamSpec& spec, const QVariant& value) const {
    const QString where = typeName_ + QLatin1Char('.') + spec.name;
    auto fail = [&](const QString& expected) {
        throw ParamError(QStringLiteral("%1: expected %2, got %3")
                             .arg(where, expected, describeValue(value))
                             .toStdString());
    };
    if (!value.isValid() || value.isNull()) {
        if (spec.allowNone || spec.type == QMetaType::fromType<QVariant>()) return QVariant();
        if (value.isValid() && value.metaType() == spec.type) return value;  // e.g. empty QString
        fail(QString::fromLatin1(spec.type.name()));
    }
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
            if (value.metaType().id() != QMetaType::QVariantList) fail(QStringLiteral("a list of strings"));
            QStringList list;
            for (const QVariant& item : value.toList()) {
                if (item.metaType().id() != QMetaType::QString) fail(QStringLiteral("a list of strings"));
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
        throw ParamError(QStringLiteral("%1: %2 is outside the bounds [%3, %4]")
                             .arg(where, result.toString(),
                                  spec.lower ? QString::number(*spec.lower) : QStringLiteral("-inf"),
                                  spec.upper ? QString::number(*spec.upper) : QStringLiteral("inf"))
                             .toStdString());
    }
    return result;
}

void Parameterized::validate(const ParamSpec&, QVariant&) const {}

void Parameterized::set(const QString& name, const QVariant& value) {
    if (QThread::currentThread() != thread()) {
        // Widgets live on the GUI thread: hand over, keeping the order of sets.
        QMetaObject::invokeMethod(
            this,
            [this, name, value] {
                try {
                    set(name, value);
                } catch (...) {
                    Runtime::instance().reportCurrentException(label());
                }
            },
            Qt::QueuedConnection);
        return;
    }
    const ParamSpec& s = spec(name);
    if (s.readOnly)
        throw ParamError(QStringLiteral("%1.%2 is read-only").arg(typeName_, name).toStdString());
    QVariant coerced = coerce(s, value);
    validate(s, coerced);
    store(name, coerced, false);
}

void Parameterized::setInternal(const QString& name, const QVariant& value) {
    const ParamSpec& s = spec(name);
    store(name, coerce(s, value), false);
}

void Parameterized::update(const QList<std::pair<QString, QVariant>>& values) {
    // Validate everything first so a bad value changes nothing.
    QList<std::pair<QString, QVariant>> coerced;
    for (const auto& [name, value] : values) {
        const ParamSpec& s = spec(name);
        if (s.readOnly)
            throw ParamError(QStringLiteral("%1.%2 is read-only").arg(typeName_, name).toStdString());
        QVariant v = coerce(s, value);
        validate(s, v);
        coerced.append({name, v});
    }
    Batch batch(this);
    for (const auto& [name, value] : coerced) store(name, value, false);
}

void Parameterized::trigger(const QString& name) {
    spec(name);
    store(name, get(name), true);
}

void Parameterized::store(const QString& name, const QVariant& value, bool triggered) {
    const int i = index_.value(name);
    const QVariant old = values_.at(i);
    const bool changed = old != value || old.metaType() != value.metaType();
    values_[i] = value;
    if (changed) emit paramChanged(name, value);
    Event event{name, old, value, this,
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
    // Snapshot ids: watchers may (un)watch while we call them.
    std::vector<int> ids;
    ids.reserve(watchers_.size());
    for (const auto& w : watchers_) ids.push_back(w.id);
    QPointer<Parameterized> self(this);
    for (int id : ids) {
        if (!self) return;
        auto it = std::find_if(watchers_.begin(), watchers_.end(),
                               [id](const Watcher& w) { return w.id == id; });
        if (it == watchers_.end()) continue;
        Events relevant;
        for (const Event& e : events) {
            if (!it->names.contains(e.name)) continue;
            if (it->onlychanged && e.type == QLatin1String("set")) continue;
            relevant.append(e);
        }
        if (relevant.isEmpty()) continue;
        // Copy: the callback may unwatch itself and erase the Watcher.
        const Callback<Events> callback = it->callback;
        const InvokeContext context = it->context;
        if (it->perEvent) {
            for (const Event& e : relevant) invoke(callback, context, Events{e});
        } else {
            invoke(callback, context, relevant);
        }
    }
}

int Parameterized::addWatcher(const QStringList& names, Callback<Events> callback, bool perEvent,
                              WatchOptions options) {
    for (const QString& name : names) spec(name);  // unknown names throw here
    if (options.origin.isEmpty())
        options.origin = QStringLiteral("%1.param.watch(%2)").arg(label(), names.join(QStringLiteral(", ")));
    const int id = ++nextWatcherId_;
    watchers_.push_back(Watcher{id, names, std::move(callback), options.onlychanged, perEvent,
                                InvokeContext{options.origin, document_,
                                              std::make_shared<PolicyState>(options.policy)}});
    return id;
}

bool Parameterized::unwatch(int watcherId) {
    auto it = std::find_if(watchers_.begin(), watchers_.end(),
                           [watcherId](const Watcher& w) { return w.id == watcherId; });
    if (it == watchers_.end()) return false;
    watchers_.erase(it);
    return true;
}

Parameterized::Batch::Batch(Parameterized* object) : object_(object) { ++object->batchDepth_; }

Parameterized::Batch::~Batch() {
    Parameterized* object = object_.data();
    if (!object || --object->batchDepth_ > 0) return;
    Events events;
    events.swap(object->batched_);
    if (!events.isEmpty()) object->dispatch(events);
}

}  // namespace qpanel
