#include "plots/minmaxpyramid.h"

namespace qpanel {

void MinMaxPyramid::reset(Index capacity) {
    capacity_ = capacity;
    levels_.clear();
    // Levels up to the one whose single block spans the whole capacity.
    for (int shift = kLeafShift; (Index(1) << shift) <= std::max<Index>(capacity, 1 << kLeafShift);
         ++shift) {
        const Index blocks = std::max<Index>(1, capacity >> shift);
        levels_.emplace_back(std::size_t(blocks), Summary{0, 0});
    }
}

}  // namespace qpanel
