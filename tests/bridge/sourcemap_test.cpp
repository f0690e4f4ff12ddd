#include "bridge/sourcemap.h"

#include <gtest/gtest.h>

using qpanel::SourceMap;
using qpanel::SourcePosition;

TEST(SourceMap, DecodesDeltasAcrossSegmentsAndLines) {
    // Line 1: col 0 -> (0,0), col 2 -> (0,2); line 2: col 0 -> (1,2) (deltas carry over lines).
    const SourceMap map = SourceMap::fromJson(R"({"version":3,"mappings":"AAAA,EAAE;AACA"})");
    ASSERT_FALSE(map.isEmpty());
    EXPECT_EQ(map.originalPosition(1, 1), (SourcePosition{1, 1}));
    EXPECT_EQ(map.originalPosition(1, 3), (SourcePosition{1, 3}));
    EXPECT_EQ(map.originalPosition(1, 7), (SourcePosition{1, 7}));  // 4 past the segment
    EXPECT_EQ(map.originalPosition(2, 1), (SourcePosition{2, 3}));
}

TEST(SourceMap, DecodesMultiDigitAndNegativeValues) {
    // "gBAAgB": generated column 16, original column 16; then "AAAhB": back by 16.
    const SourceMap map = SourceMap::fromJson(R"({"mappings":"gBAAgB,EAAhB"})");
    EXPECT_EQ(map.originalPosition(1, 17), (SourcePosition{1, 17}));
    EXPECT_EQ(map.originalPosition(1, 19), (SourcePosition{1, 1}));
}

TEST(SourceMap, UnmappedPositionsComeBackUnchanged) {
    const SourceMap map = SourceMap::fromJson(R"({"mappings":";;AAAA"})");
    EXPECT_EQ(map.originalPosition(1, 5), (SourcePosition{1, 5}));
    EXPECT_EQ(map.originalPosition(9, 2), (SourcePosition{9, 2}));
    EXPECT_TRUE(SourceMap::fromJson("not json").isEmpty());
    EXPECT_TRUE(SourceMap::fromJson(R"({"mappings":"!!"})").isEmpty());
}
