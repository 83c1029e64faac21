// Golden records: the contract of the coder. Every record in tests/golden/
// is coded with the project's own dictionaries and must produce exactly its
// expected (source, target, code) events, with the expected modality where
// the record names one. Every fixed coding bug adds a record.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "dyad/coder.h"
#include "dyad/eval.h"

namespace dyad {
namespace {

}  // namespace

// Test names and failure messages show the record id, not its bytes.
void PrintTo(const GoldRecord& record, std::ostream* out) { *out << record.id; }

namespace {

std::vector<GoldRecord> LoadGoldenRecords() {
  std::vector<GoldRecord> records;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(DYAD_TEST_DATA_DIR "/golden")) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    GoldFile gold = ReadGoldFile(file);
    for (const auto& problem : gold.problems) ADD_FAILURE() << problem.where << ": " << problem.message;
    for (auto& record : gold.records) {
      record.id = file.stem().string() + "/" + record.id;
      records.push_back(std::move(record));
    }
  }
  return records;
}

const Coder& SharedCoder() {
  static const Coder coder = Coder::Load(CoderOptions{});
  return coder;
}

class GoldenTest : public ::testing::TestWithParam<GoldRecord> {};

TEST_P(GoldenTest, CodesExactlyTheExpectedEvents) {
  const GoldRecord& record = GetParam();
  EvalReport report = Evaluate(SharedCoder(), {record});
  ASSERT_EQ(report.results.size(), 1u);
  const RecordResult& result = report.results[0];
  std::string coded;
  for (const auto& line : result.coded) coded += "\n  " + line;
  EXPECT_TRUE(result.missed.empty() && result.extra.empty())
      << record.text << "\ncoded:" << coded << "\nmissed: " << ::testing::PrintToString(result.missed)
      << "\nextra: " << ::testing::PrintToString(result.extra);
  EXPECT_TRUE(result.wrong_modality.empty()) << ::testing::PrintToString(result.wrong_modality);
  EXPECT_TRUE(result.wrong_date.empty()) << ::testing::PrintToString(result.wrong_date);
  EXPECT_TRUE(result.wrong_location.empty()) << ::testing::PrintToString(result.wrong_location);
}

std::string RecordName(const ::testing::TestParamInfo<GoldRecord>& info) {
  std::string name = info.param.id;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(LoadGoldenRecords()), RecordName);

}  // namespace
}  // namespace dyad
