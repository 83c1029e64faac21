#include "util/strings.h"

#include <gtest/gtest.h>

namespace dyad::util {
namespace {

TEST(FoldForMatch, RemovesLatinDiacriticsAndLowercases) {
  EXPECT_EQ(FoldForMatch("Erdoğan"), "erdogan");
  EXPECT_EQ(FoldForMatch("Xankəndi"), "xankendi");
  EXPECT_EQ(FoldForMatch("Élysée"), "elysee");
  EXPECT_EQ(FoldForMatch("Selçuk"), "selcuk");
  EXPECT_EQ(FoldForMatch("Şuşa"), "susa");
  EXPECT_EQ(FoldForMatch("Turkey’s"), "turkey's");
}

TEST(FoldForMatch, KeepsNonLatinScripts) {
  EXPECT_EQ(FoldForMatch("Москва"), "Москва");
}

TEST(Split, TrimsPieces) {
  auto parts = Split(" a | b c |", '|');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[1], "b c");
  EXPECT_EQ(parts[2], "");
}

TEST(IsAllCaps, NeedsALetterAndNoLowerCase) {
  EXPECT_TRUE(IsAllCaps("US"));
  EXPECT_TRUE(IsAllCaps("U.S."));
  EXPECT_FALSE(IsAllCaps("Us"));
  EXPECT_FALSE(IsAllCaps("42"));
}

}  // namespace
}  // namespace dyad::util
