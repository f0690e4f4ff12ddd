#pragma once
// Min/max summaries over a growing, rolling-over column, so a chart can ask
// "min and max of points [a, b)" in O(log n) and draw one min/max pair per
// pixel column whatever the number of points kept. Blocks of 2^k points are
// summarised level by level; a streamed batch only rebuilds the blocks it
// touched (amortised ~1 operation per point), never the whole column.

#include <cstdint>
#include <utility>
#include <vector>

namespace qpanel {

class MinMaxPyramid {
public:
    /// `value(i)` must return the value at absolute index i for every i in the
    /// live window; the pyramid stores only summaries, not the values.
    using Index = std::int64_t;

    /// Capacity (a power of two ≥ the live window) sets how summaries wrap.
    void reset(Index capacity);
    Index capacity() const { return capacity_; }

    /// Rebuilds the summaries covering absolute indices [first, last) of
    /// data that now ends at `dataEnd` (blocks may be partly filled).
    template <typename ValueAt>
    void update(Index first, Index last, Index dataEnd, const ValueAt& value);

    /// Min and max over absolute indices [first, last) (first < last).
    template <typename ValueAt>
    std::pair<double, double> query(Index first, Index last, const ValueAt& value) const;

    static constexpr int kLeafShift = 4;  ///< level 1 blocks hold 16 raw points

private:
    struct Summary {
        double min;
        double max;
    };
    // levels_[k] summarises aligned blocks of 2^(kLeafShift + k) points,
    // stored at (block index mod blocks at that level).
    std::vector<std::vector<Summary>> levels_;
    Index capacity_ = 0;
};

template <typename ValueAt>
void MinMaxPyramid::update(Index first, Index last, Index dataEnd, const ValueAt& value) {
    if (first >= last) return;
    if (dataEnd - first > capacity_) first = dataEnd - capacity_;
    for (std::size_t level = 0; level < levels_.size(); ++level) {
        const int shift = kLeafShift + int(level);
        const Index firstBlock = first >> shift;
        const Index lastBlock = (last - 1) >> shift;
        auto& summaries = levels_[level];
        const Index mask = Index(summaries.size()) - 1;
        for (Index block = firstBlock; block <= lastBlock; ++block) {
            Summary s;
            if (level == 0) {
                // A block may be partly filled: summarise what exists of it.
                // Its older part [begin, first) is still in the ring, so
                // the summary covers all of it.
                const Index begin = block << shift;
                const Index end = std::min(dataEnd, begin + (Index(1) << shift));
                const Index from = std::max(begin, dataEnd - capacity_);
                s = {value(from), value(from)};
                for (Index i = from + 1; i < end; ++i) {
                    const double v = value(i);
                    if (v < s.min) s.min = v;
                    if (v > s.max) s.max = v;
                }
            } else {
                const auto& below = levels_[level - 1];
                const Index belowMask = Index(below.size()) - 1;
                const Index left = block * 2;
                const Index right = left + 1;
                s = below[std::size_t(left & belowMask)];
                // The right half exists only once data reached it.
                if ((right << (shift - 1)) < dataEnd) {
                    const Summary& r = below[std::size_t(right & belowMask)];
                    if (r.min < s.min) s.min = r.min;
                    if (r.max > s.max) s.max = r.max;
                }
            }
            summaries[std::size_t(block & mask)] = s;
        }
    }
}

template <typename ValueAt>
std::pair<double, double> MinMaxPyramid::query(Index first, Index last,
                                               const ValueAt& value) const {
    double lo = value(first), hi = lo;
    auto take = [&](double mn, double mx) {
        if (mn < lo) lo = mn;
        if (mx > hi) hi = mx;
    };
    Index i = first;
    // Raw points up to the first leaf boundary (or the end).
    const Index leaf = Index(1) << kLeafShift;
    while (i < last && (i & (leaf - 1)) != 0) {
        const double v = value(i++);
        take(v, v);
    }
    // Whole blocks, climbing while aligned and descending near the end.
    while (i + leaf <= last) {
        std::size_t level = 0;
        while (level + 1 < levels_.size()) {
            const int nextShift = kLeafShift + int(level) + 1;
            if ((i & ((Index(1) << nextShift) - 1)) != 0) break;
            if (i + (Index(1) << nextShift) > last) break;
            ++level;
        }
        const int shift = kLeafShift + int(level);
        const auto& summaries = levels_[level];
        const Summary& s = summaries[std::size_t((i >> shift) & (Index(summaries.size()) - 1))];
        take(s.min, s.max);
        i += Index(1) << shift;
    }
    while (i < last) {
        const double v = value(i++);
        take(v, v);
    }
    return {lo, hi};
}

}  // namespace qpanel
