#include "tag/word_table.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dyad::tag {
namespace {

TEST(WordTableTest, FindsWhatWasAddedAndNothingElse) {
  WordTable<int> table;
  EXPECT_EQ(table.Find("army"), nullptr);  // empty, never sized
  EXPECT_TRUE(table.Emplace("army", 1));
  EXPECT_TRUE(table.Emplace("armies", 2));
  ASSERT_NE(table.Find("army"), nullptr);
  EXPECT_EQ(*table.Find("army"), 1);
  EXPECT_EQ(*table.Find("armies"), 2);
  EXPECT_EQ(table.Find("arm"), nullptr);
  EXPECT_EQ(table.Find("Army"), nullptr);  // case-sensitive
  EXPECT_EQ(table.Find(""), nullptr);
  EXPECT_EQ(table.size(), 2u);
}

TEST(WordTableTest, EmplaceKeepsTheFirstValueAndSetReplacesIt) {
  WordTable<int> table;
  EXPECT_TRUE(table.Emplace("sold", 1));
  EXPECT_FALSE(table.Emplace("sold", 2));
  EXPECT_EQ(*table.Find("sold"), 1);
  table.Set("sold", 3);
  EXPECT_EQ(*table.Find("sold"), 3);
  table.Set("sell", 4);
  EXPECT_EQ(*table.Find("sell"), 4);
  EXPECT_EQ(table.size(), 2u);
}

// Far more words than reserved: the table grows and keeps every word, and
// words that collide in its slots are told apart.
TEST(WordTableTest, GrowsPastItsReservation) {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i));
  WordTable<int> table;
  table.Reserve(10);
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(table.Emplace(words[i], i));
  EXPECT_EQ(table.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const int* value = table.Find(words[i]);
    ASSERT_NE(value, nullptr) << words[i];
    EXPECT_EQ(*value, i);
  }
  EXPECT_EQ(table.Find("w5000"), nullptr);
  EXPECT_EQ(table.Find("w"), nullptr);
}

}  // namespace
}  // namespace dyad::tag
