// dyad dict check on small dictionary folders written by the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "dyad/dictionaries.h"
#include "tests/support/temp_file.h"

namespace dyad {
namespace {

// Makes `dir` a resource folder with the project's ontology tables.
void AddOntology(const testing::TempDir& dir) {
  const auto ontology = std::filesystem::path(DYAD_TEST_DATA_DIR) / ".." / "data" / "ontology";
  std::filesystem::create_directories(dir.path() / "data");
  std::filesystem::copy(ontology, dir.path() / "data" / "ontology");
}

bool Has(const std::vector<std::string>& lines, const std::string& needle) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(needle) != std::string::npos; });
}

TEST(DictionaryCheck, ReportsUnknownCodesFailingSelfTestsAndShadowedPatterns) {
  testing::TempDir dir;
  AddOntology(dir);
  dir.Write("dict/codes.txt", "country ARM\ncountry AZE\nrole GOV\n");
  dir.Write("dict/actors/test.txt",
            "Armenia => ARM\n"
            "Gondor => GON\n"                 // line 2: unknown country code
            "Jane Example\n  AZEGOV 2010..2012\n  test 2015-01-01 AZEGOV\n");  // line 5: fails
  dir.Write("dict/verbs/test.txt",
            "190 attack $T\n"
            "111 attack $T\n");               // line 2: shadowed by line 1
  DictionaryReport report = CheckDictionaries(dir.path());
  EXPECT_TRUE(Has(report.errors, "test.txt:2: error: unknown actor code GON")) << ::testing::PrintToString(report.errors);
  EXPECT_TRUE(Has(report.errors, "test.txt:5: error: self-test: 'Jane Example' on 2015-01-01 is AZEELI, expected AZEGOV"));
  EXPECT_TRUE(Has(report.warnings, "test.txt:2: warning: same words as verbs/test.txt:1 with code 190"))
      << ::testing::PrintToString(report.warnings);
  EXPECT_EQ(report.actor_entries, 3u);
  EXPECT_EQ(report.person_entries, 1u);
  EXPECT_EQ(report.verb_patterns, 2u);
}

}  // namespace
}  // namespace dyad
