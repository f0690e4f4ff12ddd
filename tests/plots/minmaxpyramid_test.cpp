#include "plots/minmaxpyramid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using qpanel::MinMaxPyramid;
using Index = MinMaxPyramid::Index;

namespace {
/// A rolling window over a ring, kept next to brute-force answers.
struct RollingRing {
    Index capacity;
    std::vector<double> ring;
    Index first = 0, end = 0;
    MinMaxPyramid pyramid;
    explicit RollingRing(Index cap) : capacity(cap), ring(std::size_t(cap)) { pyramid.reset(cap); }
    double at(Index i) const { return ring[std::size_t(i & (capacity - 1))]; }
    void append(const std::vector<double>& values, Index window) {
        const Index from = end;
        for (double v : values) ring[std::size_t(end++ & (capacity - 1))] = v;
        first = std::max(first, end - window);
        pyramid.update(from, end, end, [this](Index i) { return at(i); });
    }
    std::pair<double, double> brute(Index a, Index b) const {
        double lo = at(a), hi = lo;
        for (Index i = a; i < b; ++i) lo = std::min(lo, at(i)), hi = std::max(hi, at(i));
        return {lo, hi};
    }
};
}  // namespace

TEST(MinMaxPyramid, QueriesMatchBruteForceWhileStreamingWithRollover) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 10);
    RollingRing ring(4096);
    const Index window = 3000;
    for (int batch = 0; batch < 60; ++batch) {
        std::vector<double> values(std::size_t(1 + rng() % 300));
        for (double& v : values) v = noise(rng);
        ring.append(values, window);
        for (int q = 0; q < 50; ++q) {
            const Index live = ring.end - ring.first;
            const Index a = ring.first + Index(rng() % std::uint64_t(live));
            const Index b = a + 1 + Index(rng() % std::uint64_t(ring.end - a));
            const auto got = ring.pyramid.query(a, b, [&](Index i) { return ring.at(i); });
            const auto want = ring.brute(a, b);
            ASSERT_EQ(got.first, want.first) << "range [" << a << ", " << b << ")";
            ASSERT_EQ(got.second, want.second) << "range [" << a << ", " << b << ")";
        }
    }
}

TEST(MinMaxPyramid, ASingleSpikeIsFoundInAMillionPoints) {
    RollingRing ring(1 << 20);
    std::vector<double> values(1'000'000, 0.0);
    values[654'321] = 42.0;
    ring.append(values, 1 << 20);
    const auto [lo, hi] = ring.pyramid.query(0, 1'000'000, [&](Index i) { return ring.at(i); });
    EXPECT_EQ(lo, 0.0);
    EXPECT_EQ(hi, 42.0);
    const auto left = ring.pyramid.query(0, 654'321, [&](Index i) { return ring.at(i); });
    EXPECT_EQ(left.second, 0.0);
}
