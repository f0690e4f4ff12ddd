#include "plots/columndatasource.h"

#include <QReadLocker>
#include <QWriteLocker>
#include <algorithm>
#include <cmath>

namespace qpanel {

namespace {
using Index = ColumnDataSource::Index;

Index capacityFor(Index rows) {
    Index capacity = 1024;
    while (capacity < rows) capacity *= 2;
    return capacity;
}

[[noreturn]] void fail(const QString& message) {
    throw DataError(message.toStdString());
}
}  // namespace

ColumnDataSource::ColumnDataSource(const Columns& data, QObject* parent)
    : QObject(parent), document_(Document::current()) {
    checkColumns(data, QStringLiteral("ColumnDataSource"), false);
    QWriteLocker locker(&lock_);
    resize(0);
    appendRows(data);
}

ColumnDataSource::~ColumnDataSource() = default;

ColumnDataSource::Columns ColumnDataSource::columnsFromVariant(const QVariantMap& data,
                                                               const QString& where) {
    Columns columns;
    for (auto it = data.cbegin(); it != data.cend(); ++it) {
        const QVariant& value = it.value();
        if (value.metaType().id() != QMetaType::QVariantList &&
            value.metaType().id() != QMetaType::QStringList)
            fail(QStringLiteral("%1: column '%2' must be a list of numbers, got %3")
                     .arg(where, it.key(), QString::fromLatin1(value.metaType().name())));
        std::vector<double> numbers;
        const QVariantList items = value.toList();
        numbers.reserve(std::size_t(items.size()));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QVariant& item = items[i];
            bool ok = false;
            const int type = item.metaType().id();
            const bool numeric = type == QMetaType::Double || type == QMetaType::Int ||
                                 type == QMetaType::LongLong || type == QMetaType::Float ||
                                 type == QMetaType::UInt || type == QMetaType::ULongLong;
            const double d = numeric ? item.toDouble(&ok) : 0.0;
            if (!numeric || !ok)
                fail(QStringLiteral("%1: column '%2' item %3 is %4, expected a number")
                         .arg(where, it.key())
                         .arg(i)
                         .arg(item.isValid() ? QStringLiteral("'%1' (%2)")
                                                   .arg(item.toString(),
                                                        QString::fromLatin1(item.metaType().name()))
                                             : QStringLiteral("null")));
            numbers.push_back(d);
        }
        columns.append({it.key(), std::move(numbers)});
    }
    return columns;
}

void ColumnDataSource::checkEdit(const char* operation) const {
    if (Document* document = document_.data())
        document->requireLock(QStringLiteral("ColumnDataSource.%1").arg(QLatin1String(operation)));
}

void ColumnDataSource::checkColumns(const Columns& data, const QString& where,
                                    bool requireAll) const {
    for (qsizetype i = 0; i < data.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j)
            if (data[i].first == data[j].first)
                fail(QStringLiteral("%1: column '%2' given twice").arg(where, data[i].first));
        if (data[i].second.size() != data[0].second.size())
            fail(
                QStringLiteral("%1: column '%2' has %3 values but '%4' has %5; nothing was changed")
                    .arg(where, data[i].first)
                    .arg(data[i].second.size())
                    .arg(data[0].first)
                    .arg(data[0].second.size()));
    }
    if (!requireAll || columns_.empty()) return;
    for (const auto& [name, values] : data)
        if (!index_.contains(name))
            fail(QStringLiteral("%1: unknown column '%2' (columns: %3); nothing was changed")
                     .arg(where, name, columnNames().join(QStringLiteral(", "))));
    for (const Column& column : columns_) {
        const bool given = std::any_of(data.begin(), data.end(), [&](const auto& entry) {
            return entry.first == column.name;
        });
        if (!given)
            fail(QStringLiteral("%1: column '%2' is missing; every column must get the same "
                                "number of new values; nothing was changed")
                     .arg(where, column.name));
    }
}

QStringList ColumnDataSource::columnNames() const {
    QReadLocker locker(&lock_);
    QStringList names;
    for (const Column& column : columns_) names.append(column.name);
    return names;
}

Index ColumnDataSource::rowCount() const {
    QReadLocker locker(&lock_);
    return end_ - first_;
}

std::vector<double> ColumnDataSource::column(const QString& name) const {
    QReadLocker locker(&lock_);
    const int c = index_.value(name, -1);
    if (c < 0)
        fail(
            QStringLiteral("ColumnDataSource: unknown column '%1' (columns: %2)").arg(name, [this] {
                QStringList names;
                for (const Column& column : columns_) names.append(column.name);
                return names.join(QStringLiteral(", "));
            }()));
    std::vector<double> values;
    values.reserve(std::size_t(end_ - first_));
    for (Index i = first_; i < end_; ++i) values.push_back(at(c, i));
    return values;
}

QVariantMap ColumnDataSource::toVariant() const {
    QReadLocker locker(&lock_);
    QVariantMap map;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        QVariantList values;
        values.reserve(end_ - first_);
        for (Index i = first_; i < end_; ++i) values.append(at(int(c), i));
        map.insert(columns_[c].name, values);
    }
    return map;
}

void ColumnDataSource::resize(Index capacity) {
    // Re-home live rows at their absolute positions in a bigger ring.
    const Index newCapacity = capacityFor(capacity);
    for (Column& column : columns_) {
        std::vector<double> ring(static_cast<std::size_t>(newCapacity));
        for (Index i = first_; i < end_; ++i)
            ring[std::size_t(i & (newCapacity - 1))] = column.ring[std::size_t(i & mask_)];
        column.ring.swap(ring);
        column.pyramid.reset(newCapacity);
    }
    mask_ = newCapacity - 1;
    for (std::size_t c = 0; c < columns_.size(); ++c)
        columns_[c].pyramid.update(first_, end_, end_,
                                   [this, c](Index i) { return at(int(c), i); });
}

void ColumnDataSource::appendRows(const Columns& rows) {
    if (columns_.empty()) {
        for (const auto& [name, values] : rows) {
            index_.insert(name, int(columns_.size()));
            Column column;
            column.name = name;
            column.ring.resize(std::size_t(mask_ + 1));
            column.pyramid.reset(mask_ + 1);
            columns_.push_back(std::move(column));
        }
    }
    const Index added = rows.isEmpty() ? 0 : Index(rows.front().second.size());
    if (added == 0) return;
    if (end_ + added - first_ > mask_ + 1) resize(end_ + added - first_);
    for (const auto& [name, values] : rows) {
        Column& column = columns_[std::size_t(index_.value(name))];
        double previous = end_ > first_ ? column.ring[std::size_t((end_ - 1) & mask_)] : -INFINITY;
        for (Index k = 0; k < added; ++k) {
            const double v = values[std::size_t(k)];
            column.ring[std::size_t((end_ + k) & mask_)] = v;
            if (v < previous || std::isnan(v)) column.nondecreasing = false;
            previous = v;
        }
    }
    const Index from = end_;
    end_ += added;
    for (std::size_t c = 0; c < columns_.size(); ++c)
        columns_[c].pyramid.update(from, end_, end_, [this, c](Index i) { return at(int(c), i); });
}

void ColumnDataSource::setData(const Columns& data) {
    checkEdit("data");
    checkColumns(data, QStringLiteral("ColumnDataSource.data"), false);
    {
        QWriteLocker locker(&lock_);
        columns_.clear();
        index_.clear();
        first_ = end_ = 0;
        mask_ = capacityFor(data.isEmpty() ? 0 : Index(data.front().second.size())) - 1;
        appendRows(data);
    }
    announce();
}

void ColumnDataSource::stream(const Columns& rows, std::optional<Index> rollover) {
    checkEdit("stream");
    const QString where = QStringLiteral("ColumnDataSource.stream");
    if (rollover && *rollover < 0)
        fail(QStringLiteral("%1: rollover must be >= 0, got %2").arg(where).arg(*rollover));
    checkColumns(rows, where, true);
    {
        QWriteLocker locker(&lock_);
        appendRows(rows);
        if (rollover && end_ - first_ > *rollover) first_ = end_ - *rollover;
    }
    announce();
}

void ColumnDataSource::patch(
    const QList<std::pair<QString, QList<std::pair<Index, double>>>>& patches) {
    checkEdit("patch");
    const QString where = QStringLiteral("ColumnDataSource.patch");
    QWriteLocker locker(&lock_);
    const Index rows = end_ - first_;
    // Validate everything before changing anything.
    for (const auto& [name, changes] : patches) {
        if (!index_.contains(name))
            fail(QStringLiteral("%1: unknown column '%2'; nothing was changed").arg(where, name));
        for (const auto& [index, value] : changes) {
            if (index >= rows || index < -rows)
                fail(QStringLiteral("%1: index %2 is out of range for column '%3' of %4 rows; "
                                    "nothing was changed")
                         .arg(where)
                         .arg(index)
                         .arg(name)
                         .arg(rows));
            (void)value;
        }
    }
    for (const auto& [name, changes] : patches) {
        const int c = index_.value(name);
        Column& column = columns_[std::size_t(c)];
        for (const auto& [index, value] : changes) {
            const Index absolute = first_ + (index < 0 ? rows + index : index);
            column.ring[std::size_t(absolute & mask_)] = value;
            column.pyramid.update(absolute, absolute + 1, end_,
                                  [this, c](Index i) { return at(c, i); });
        }
        column.nondecreasing = true;
        for (Index i = first_ + 1; i < end_ && column.nondecreasing; ++i)
            column.nondecreasing = at(c, i) >= at(c, i - 1);
    }
    locker.unlock();
    announce();
}

std::pair<double, double> ColumnDataSource::range(int column, Index first, Index last) const {
    return columns_[std::size_t(column)].pyramid.query(
        first, last, [this, column](Index i) { return at(column, i); });
}

Index ColumnDataSource::lowerBound(int column, Index first, Index last, double x) const {
    while (first < last) {
        const Index middle = first + (last - first) / 2;
        if (at(column, middle) < x)
            first = middle + 1;
        else
            last = middle;
    }
    return first;
}

void ColumnDataSource::announce() {
    QPointer<ColumnDataSource> self(this);
    auto notify = [self] {
        if (self) emit self->dataChanged();
    };
    if (Document* document = document_.data())
        document->notifyOnUnlock(this, std::move(notify));
    else
        notify();
}

}  // namespace qpanel
