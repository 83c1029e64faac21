#include "dyad/ontology.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "dyad/clause.h"

namespace dyad {
namespace {

const std::filesystem::path kTables =
    std::filesystem::path(DYAD_TEST_DATA_DIR) / ".." / "data" / "ontology";

const Ontology& Tables() {
  static const Ontology ontology = Ontology::Load(kTables);
  return ontology;
}

TEST(OntologyTest, HasAllTwentyRoots) {
  int roots = 0;
  for (const CameoCode& code : Tables().codes()) {
    if (code.code.size() == 2) ++roots;
  }
  EXPECT_EQ(roots, 20);
  for (int root = 1; root <= 20; ++root) {
    const std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    EXPECT_NE(Tables().Find(code), nullptr) << code;
  }
  EXPECT_EQ(Tables().codes().size(), 317u);
}

TEST(OntologyTest, FindsCodesWithTheirValues) {
  const CameoCode* statement = Tables().Find("010");
  ASSERT_NE(statement, nullptr);
  EXPECT_EQ(statement->name, "Make statement, not specified below");
  EXPECT_EQ(statement->quad_class, 1);
  EXPECT_EQ(statement->quad_class_phoenix, 0);
  ASSERT_TRUE(statement->goldstein.has_value());
  EXPECT_EQ(*statement->goldstein, 0.0);

  const CameoCode* force = Tables().Find("190");
  ASSERT_NE(force, nullptr);
  EXPECT_EQ(force->quad_class, 4);
  EXPECT_EQ(force->goldstein, -10.0);

  const CameoCode* demand = Tables().Find("1056");
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(demand->name, "Demand de-escalation of military engagement");
  EXPECT_EQ(demand->quad_class, 3);

  // Root names are upper case; 16 is verbal conflict for Phoenix only.
  ASSERT_NE(Tables().Find("16"), nullptr);
  EXPECT_EQ(Tables().Find("16")->name, "REDUCE RELATIONS");
  EXPECT_EQ(Tables().Find("16")->quad_class, 4);
  EXPECT_EQ(Tables().Find("16")->quad_class_phoenix, 3);
  EXPECT_EQ(Tables().Find("072")->goldstein, 8.3);
  EXPECT_EQ(Tables().Find("1213")->name, "Reject judicial cooperation");
}

TEST(OntologyTest, LeadingZerosMatterAndUnknownCodesAreAbsent) {
  EXPECT_EQ(Tables().Find("10")->name, "DEMAND");
  EXPECT_NE(Tables().Find("010"), Tables().Find("10"));
  EXPECT_EQ(Tables().Find("10a"), nullptr);
  EXPECT_EQ(Tables().Find("0110"), nullptr);
  EXPECT_EQ(Tables().Find(""), nullptr);
}

TEST(OntologyTest, GoldsteinIsMissingForCodesNoScaleCovers) {
  for (const char* code : {"155", "176", "1834", "1951", "1952"}) {
    ASSERT_NE(Tables().Find(code), nullptr) << code;
    EXPECT_FALSE(Tables().Find(code)->goldstein.has_value()) << code;
  }
}

TEST(OntologyTest, QuadClassFollowsTheRoot) {
  for (const CameoCode& code : Tables().codes()) {
    const int root = std::stoi(code.code.substr(0, 2));
    const int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    EXPECT_EQ(code.quad_class, quad) << code.code;
  }
}

TEST(OntologyTest, MapsCameoToPlover) {
  Plover aid = Tables().ToPlover("072");
  EXPECT_EQ(aid.event, "AID");
  EXPECT_EQ(aid.mode, "");
  EXPECT_EQ(aid.context, std::vector<std::string>{"military"});

  Plover embargo = Tables().ToPlover("163");
  EXPECT_EQ(embargo.event, "COERCE");
  EXPECT_EQ(embargo.mode, "restrict");

  EXPECT_EQ(Tables().ToPlover("190").event, "ASSAULT");
  EXPECT_EQ(Tables().ToPlover("1056").mode, "yield");
}

TEST(OntologyTest, StatementsAndAppealsHaveNoPloverEvent) {
  EXPECT_EQ(Tables().ToPlover("010").event, "");
  EXPECT_TRUE(Tables().ToPlover("010").context.empty());
  EXPECT_EQ(Tables().ToPlover("01").event, "");
  EXPECT_EQ(Tables().ToPlover("0256").event, "");
  EXPECT_EQ(Tables().ToPlover("0110").event, "");
}

TEST(OntologyTest, FallsBackToBaseThenRoot) {
  // 1834 is not mapped; its base 183 is.
  EXPECT_EQ(Tables().ToPlover("1834").event, Tables().ToPlover("183").event);
  EXPECT_EQ(Tables().ToPlover("1834").event, "ASSAULT");
  // 155 is not mapped; its root 15 is.
  EXPECT_EQ(Tables().ToPlover("155").event, "MOBILIZE");
  // 109 is a dictionary extension, placed by its root.
  EXPECT_EQ(Tables().ToPlover("109").event, "REQUEST");
  EXPECT_EQ(Tables().ToPlover("").event, "");
  EXPECT_EQ(Tables().ToPlover("99").event, "");
}

TEST(OntologyTest, SplitsMultiValuedContexts) {
  EXPECT_EQ(Tables().ToPlover("091").context, (std::vector<std::string>{"crime", "corruption"}));
  EXPECT_EQ(Tables().ToPlover("196").context, (std::vector<std::string>{"legal", "military"}));
  EXPECT_TRUE(Tables().ToPlover("03").context.empty());
}

// Reads plover.tsv: the event types and, per event, the modes of the manual.
TEST(OntologyTest, MappingUsesPloverEventTypes) {
  std::ifstream in(kTables / "plover.tsv");
  ASSERT_TRUE(in);
  std::set<std::string> events;
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "kind\tevent_type\tname\tquad\tdescription");
  while (std::getline(in, line)) {
    if (line.rfind("event\t", 0) == 0) events.insert(line.substr(6, line.find('\t', 6) - 6));
  }
  EXPECT_EQ(events.size(), 16u);
  for (const CameoCode& code : Tables().codes()) {
    const std::string event = Tables().ToPlover(code.code).event;
    if (code.code.starts_with("01") || code.code.starts_with("02")) {
      EXPECT_EQ(event, "") << code.code;
    } else {
      EXPECT_TRUE(events.contains(event)) << code.code << " -> " << event;
    }
  }
}

class OntologyMalformedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("dyad_ontology_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    Write("cameo_codes.tsv",
          "code\tname\tgoldstein\tquad_class\tquad_class_phoenix\tlevel\troot\n"
          "01\tMAKE PUBLIC STATEMENT\t0.0\t1\t0\troot\t01\n"
          "010\tMake statement\t0.0\t1\t0\tbase\t01\n");
    Write("cameo_to_plover.tsv",
          "cameo_code\tplover_event\tplover_mode\tplover_context\n"
          "19\tASSAULT\t\t\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // Returns the message Load throws, or "" when it does not throw.
  std::string LoadError() {
    try {
      Ontology::Load(dir_);
    } catch (const std::runtime_error& error) {
      return error.what();
    }
    return "";
  }

  std::filesystem::path dir_;
};

TEST_F(OntologyMalformedTest, LoadsAWellFormedTable) {
  EXPECT_EQ(LoadError(), "");
  Ontology ontology = Ontology::Load(dir_);
  EXPECT_EQ(ontology.codes().size(), 2u);
  EXPECT_EQ(ontology.ToPlover("190").event, "ASSAULT");
}

TEST_F(OntologyMalformedTest, ReportsFileAndLineOfABadRow) {
  Write("cameo_codes.tsv",
        "code\tname\tgoldstein\tquad_class\tquad_class_phoenix\tlevel\troot\n"
        "01\tMAKE PUBLIC STATEMENT\t0.0\t1\t0\troot\t01\n"
        "\n"
        "010\tMake statement\t0.0\t7\t0\tbase\t01\n");
  const std::string error = LoadError();
  EXPECT_EQ(error.find((dir_ / "cameo_codes.tsv").string() + ":4: quad_class"), 0u) << error;
}

TEST_F(OntologyMalformedTest, ReportsWrongColumnCount) {
  Write("cameo_to_plover.tsv",
        "cameo_code\tplover_event\tplover_mode\tplover_context\n"
        "19\tASSAULT\n");
  const std::string error = LoadError();
  EXPECT_NE(error.find("cameo_to_plover.tsv:2: expected 4 tab-separated columns, found 2"),
            std::string::npos)
      << error;
}

TEST_F(OntologyMalformedTest, ReportsBadValues) {
  Write("cameo_codes.tsv",
        "code\tname\tgoldstein\tquad_class\tquad_class_phoenix\tlevel\troot\n"
        "01\tMAKE PUBLIC STATEMENT\tzero\t1\t0\troot\t01\n");
  EXPECT_NE(LoadError().find("cameo_codes.tsv:2: goldstein"), std::string::npos);
  Write("cameo_codes.tsv",
        "code\tname\tgoldstein\tquad_class\tquad_class_phoenix\tlevel\troot\n"
        "1a\tX\t0.0\t1\t0\troot\t1a\n");
  EXPECT_NE(LoadError().find("cameo_codes.tsv:2: \"1a\" is not a CAMEO code"), std::string::npos);
  Write("cameo_codes.tsv",
        "code\tname\tgoldstein\tquad_class\tquad_class_phoenix\tlevel\troot\n"
        "010\tX\t0.0\t1\t0\tbase\t02\n");
  EXPECT_NE(LoadError().find("cameo_codes.tsv:2: root"), std::string::npos);
}

TEST_F(OntologyMalformedTest, ReportsDuplicatesAndBadHeader) {
  Write("cameo_to_plover.tsv",
        "cameo_code\tplover_event\tplover_mode\tplover_context\n"
        "19\tASSAULT\t\t\n"
        "19\tCOERCE\t\t\n");
  EXPECT_NE(LoadError().find("cameo_to_plover.tsv:3: code 19 is mapped twice"), std::string::npos);
  Write("cameo_to_plover.tsv", "code\tevent\n19\tASSAULT\n");
  EXPECT_NE(LoadError().find("cameo_to_plover.tsv:1: expected the header"), std::string::npos);
}

TEST_F(OntologyMalformedTest, ReportsMissingFile) {
  std::filesystem::remove(dir_ / "cameo_to_plover.tsv");
  EXPECT_NE(LoadError().find("cameo_to_plover.tsv: cannot open"), std::string::npos);
}

TEST(OntologyModalityTest, NamesEveryModality) {
  EXPECT_STREQ(ModalityName(Modality::kAsserted), "asserted");
  EXPECT_STREQ(ModalityName(Modality::kReported), "reported");
  EXPECT_STREQ(ModalityName(Modality::kAlleged), "alleged");
  EXPECT_STREQ(ModalityName(Modality::kDenied), "denied");
  EXPECT_STREQ(ModalityName(Modality::kNegated), "negated");
  EXPECT_STREQ(ModalityName(Modality::kHypothetical), "hypothetical");
  EXPECT_STREQ(ModalityName(Modality::kFuture), "future");
}

}  // namespace
}  // namespace dyad
