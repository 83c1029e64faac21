#include "lexicon/phrase_index.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::lexicon {
namespace {

// Enough keys to double the table several times: every key stays found
// under its own owner only, with its own value.
TEST(KeyTable, FindsEveryKeyByOwnerAcrossGrowth) {
  KeyTable table;
  for (uint32_t i = 0; i < 1000; ++i) {
    const std::string key = "w" + std::to_string(i);
    table.Insert(i % 7, key, KeyHash(key), i);
  }
  EXPECT_EQ(table.size(), 1000u);
  for (uint32_t i = 0; i < 1000; ++i) {
    const std::string key = "w" + std::to_string(i);
    EXPECT_EQ(table.Find(i % 7, key, KeyHash(key)), i);
    EXPECT_EQ(table.Find(i % 7 + 1, key, KeyHash(key)), KeyTable::kNone);
  }
  EXPECT_EQ(table.Find(0, "absent", KeyHash("absent")), KeyTable::kNone);
}

}  // namespace
}  // namespace dyad::lexicon
