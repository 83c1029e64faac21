#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dyad/sink.h"
#include "sink/test_document.h"

namespace dyad::sink {
namespace {

const std::vector<std::string> kColumns = {"doc_id",
                                           "sentence",
                                           "date",
                                           "date_granularity",
                                           "source_code",
                                           "source_country",
                                           "source_sector",
                                           "target_code",
                                           "target_country",
                                           "target_sector",
                                           "cameo",
                                           "root",
                                           "quad_class",
                                           "goldstein",
                                           "plover_event",
                                           "modality",
                                           "attribution",
                                           "location_name",
                                           "location_country",
                                           "lat",
                                           "lon",
                                           "verb",
                                           "pattern",
                                           "confidence",
                                           "sentence_text"};

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// Returns the rows of the output, each split into its columns.
std::vector<std::vector<std::string>> WriteTsv(const TestDocument& test) {
  std::ostringstream out;
  auto sink = MakeTsvSink(out);
  sink->Write(test.document, test.result);
  sink->Finish();
  const std::string text = out.str();
  EXPECT_EQ(text.back(), '\n');
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) rows.push_back(Split(line, '\t'));
  return rows;
}

TEST(TsvSinkTest, WritesHeaderAndOneRowPerEvent) {
  const auto rows = WriteTsv(MakeTestDocument());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], kColumns);
  for (const auto& row : rows) EXPECT_EQ(row.size(), kColumns.size());
}

TEST(TsvSinkTest, WritesValuesWithEmptyForAbsent) {
  const auto rows = WriteTsv(MakeTestDocument());
  ASSERT_EQ(rows.size(), 3u);
  // Columns in header order; the statement has no target, PLOVER type,
  // attribution or location. Kept one row to a few lines, not one column per line.
  // clang-format off
  const std::vector<std::string> statement = {
      "doc-7", "0", "2020-10-05", "day", "AZEGOV", "AZE", "GOV", "", "", "", "010", "01", "1", "0.0", "",
      "asserted", "", "", "", "", "", "issued", "verbs/statement.txt:3", "0.50",
      "The Azerbaijani government issued a statement."};
  // clang-format on
  EXPECT_EQ(rows[1], statement);
  // clang-format off
  const std::vector<std::string> attack = {
      "doc-7", "1", "2020-10-05", "day", "AZE", "AZE", "", "ARMMIL", "ARM", "MIL", "190", "19", "4",
      "-10.0", "ASSAULT", "reported", "the ministry", "Xank\xC9\x99ndi", "AZE", "39.8153",
      "46.7519", "attacked", "verbs/attack.txt:7", "0.86",
      // The line break inside the sentence became a space.
      "Azerbaijani forces \"attacked\" Armenian military positions near Xank\xC9\x99ndi on "
      "Monday, the ministry said."};
  // clang-format on
  EXPECT_EQ(rows[2], attack);
}

TEST(TsvSinkTest, ReplacesTabsInsideFields) {
  TestDocument test = MakeTestDocument();
  test.result.events[0].source.text = "a\tb";
  test.result.events[0].sentence_text = "one\ttwo\r\nthree";
  const auto rows = WriteTsv(test);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].size(), kColumns.size());
  EXPECT_EQ(rows[1].back(), "one two  three");
}

TEST(TsvSinkTest, WritesTheHeaderOnceAndEvenWithoutEvents) {
  std::ostringstream out;
  auto sink = MakeTsvSink(out);
  TestDocument empty = MakeTestDocument();
  empty.result.events.clear();
  sink->Write(empty.document, empty.result);
  sink->Finish();
  EXPECT_EQ(Split(out.str(), '\n').size(), 2u);  // header, then the final empty piece

  std::ostringstream twice;
  sink = MakeTsvSink(twice);
  const TestDocument test = MakeTestDocument();
  sink->Write(test.document, test.result);
  sink->Write(test.document, test.result);
  sink->Finish();
  EXPECT_EQ(Split(twice.str(), '\n').size(), 6u);
}

}  // namespace
}  // namespace dyad::sink
