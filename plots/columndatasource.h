#pragma once
// Bokeh's ColumnDataSource: named numeric columns of equal length.
//
//   ColumnDataSource cds({{"x", {0}}, {"y", {0}}});
//   co_await doc.lock();  cds.stream({{"x", {1, 2}}, {"y", {.5, .7}}}, 500);
//
// Edits (stream, patch, setData) are direct model edits: they need the
// document lock (Panel's pn.io.with_lock) and are refused without it, leaving
// the data unchanged. Edits inside one locked section notify once, when it
// is released. Edits from worker threads are safe while the lock is held.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QReadWriteLock>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/document.h"
#include "plots/minmaxpyramid.h"

namespace qpanel {

/// Bad data for a source: length mismatch, unknown column, non-numeric value.
class DataError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

class ColumnDataSource : public QObject {
    Q_OBJECT

public:
    using Columns = QList<std::pair<QString, std::vector<double>>>;
    using Index = MinMaxPyramid::Index;

    explicit ColumnDataSource(const Columns& data = {}, QObject* parent = nullptr);
    ~ColumnDataSource() override;

    /// From script values: {name: [numbers]}; errors name the bad column/item.
    static Columns columnsFromVariant(const QVariantMap& data, const QString& where);

    QStringList columnNames() const;
    Index rowCount() const;
    std::vector<double> column(const QString& name) const;  ///< a copy, oldest first
    QVariantMap toVariant() const;

    /// Replaces all data (Bokeh's `source.data = ...`).
    void setData(const Columns& data);
    /// Appends rows; with `rollover`, keeps at most that many (oldest dropped).
    void stream(const Columns& rows, std::optional<Index> rollover = std::nullopt);
    /// Replaces values: {column: [(index, value), ...]}; negative indices count
    /// from the end as in Python.
    void patch(const QList<std::pair<QString, QList<std::pair<Index, double>>>>& patches);

    Document* document() const { return document_.data(); }

    /// Readers (charts) hold this while they read through the accessors below.
    QReadWriteLock& dataLock() const { return lock_; }
    // Absolute indices: row r is absolute index firstIndex() + r. They keep
    // growing across rollover, which is what lets summaries stay incremental.
    Index firstIndex() const { return first_; }
    Index endIndex() const { return end_; }
    int columnIndex(const QString& name) const { return index_.value(name, -1); }
    double at(int column, Index absolute) const {
        return columns_[std::size_t(column)].ring[std::size_t(absolute & mask_)];
    }
    /// Min/max of a column over absolute indices [first, last).
    std::pair<double, double> range(int column, Index first, Index last) const;
    /// Whether a column never decreased (lets charts binary-search x).
    bool isNondecreasing(int column) const { return columns_[std::size_t(column)].nondecreasing; }
    /// First absolute index in [first, last) whose value is >= x (column must be nondecreasing).
    Index lowerBound(int column, Index first, Index last, double x) const;

signals:
    /// Once per locked section that edited the data (or per unlocked set-up edit).
    void dataChanged();

private:
    struct Column {
        QString name;
        std::vector<double> ring;
        MinMaxPyramid pyramid;
        bool nondecreasing = true;
    };
    void checkEdit(const char* operation) const;
    void checkColumns(const Columns& data, const QString& where, bool requireAll) const;
    void resize(Index capacity);
    void appendRows(const Columns& rows);
    void announce();

    QPointer<Document> document_;
    mutable QReadWriteLock lock_;
    std::vector<Column> columns_;
    QHash<QString, int> index_;
    Index first_ = 0;
    Index end_ = 0;
    Index mask_ = 0;
};

}  // namespace qpanel
