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

TEST(WordList, ContainsOnlyItsWords) {
  static constexpr WordList kWords(std::to_array<std::string_view>({"give", "grant", "provide"}));
  EXPECT_TRUE(kWords.Contains("give"));
  EXPECT_TRUE(kWords.Contains("provide"));
  EXPECT_FALSE(kWords.Contains("gift"));   // same length and initial as "give"
  EXPECT_FALSE(kWords.Contains("Give"));   // Contains is exact; ContainsFolded folds
  EXPECT_TRUE(kWords.ContainsFolded("Give"));
  EXPECT_FALSE(kWords.Contains(""));
  EXPECT_FALSE(kWords.Contains("3"));
  EXPECT_FALSE(kWords.Contains("providentiality"));
}

}  // namespace
}  // namespace dyad::util
