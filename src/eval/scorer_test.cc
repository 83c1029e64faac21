// Scoring against gold records, CAMEO and PLOVER. The records are written
// here (plain sentences the built-in dictionaries code), so the tests do not
// depend on the peer suites in ../shared.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <list>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/eval.h"
#include "dyad/ontology.h"

namespace dyad {
namespace {

const Coder& SharedCoder() {
  static const Coder coder = Coder::Load(CoderOptions{});
  return coder;
}

const Ontology& SharedOntology() {
  static const Ontology ontology = Ontology::Load(ResourceDir() / "data" / "ontology");
  return ontology;
}

GoldRecord Record(std::string id, std::string text, std::vector<GoldEvent> expected) {
  GoldRecord record;
  record.id = std::move(id);
  record.date = "2020-01-01";
  record.text = std::move(text);
  record.expected = std::move(expected);
  record.outcome = record.expected.empty() ? "no_events" : "events";
  return record;
}

GoldEvent Expect(std::string source, std::string target, std::string code) {
  GoldEvent event;
  event.source = std::move(source);
  event.target = std::move(target);
  event.code = std::move(code);
  return event;
}

// A report points into the records it scored (RecordResult::record), so the
// records outlive every report made in a test.
const std::vector<GoldRecord>& Keep(std::vector<GoldRecord> records) {
  static std::list<std::vector<GoldRecord>> kept;
  return kept.emplace_back(std::move(records));
}

EvalReport ScorePlover(std::vector<GoldRecord> records) {
  EvalOptions options;
  options.scheme = GoldScheme::kPlover;
  options.ontology = &SharedOntology();
  return Evaluate(SharedCoder(), Keep(std::move(records)), options);
}

const Counts& Total(const EvalReport& report, EvalLevel level) {
  static const Counts kNone;
  auto it = report.totals.find(level);
  return it == report.totals.end() ? kNone : it->second;
}

TEST(GoldSchemeTest, UpperCaseNamesArePloverAndDigitsCameo) {
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {Expect("CAN", "RUS", "COERCE")}),
                              Record("b", "y", {Expect("DEU", "", "DEMAND")})}),
            GoldScheme::kPlover);
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {Expect("CAN", "RUS", "163")})}),
            GoldScheme::kCameo);
  // One CAMEO code among PLOVER names: not a PLOVER file.
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {Expect("CAN", "RUS", "COERCE")}),
                              Record("b", "y", {Expect("DEU", "", "100")})}),
            GoldScheme::kCameo);
  // Null codes say nothing; a file without codes stays CAMEO.
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {Expect("---", "", "---")}),
                              Record("b", "y", {Expect("CAN", "RUS", "COERCE")})}),
            GoldScheme::kPlover);
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {})}), GoldScheme::kCameo);
  EXPECT_EQ(DetectGoldScheme({Record("a", "x", {Expect("CAN", "RUS", "Coerce")})}),
            GoldScheme::kCameo);
}

TEST(GoldSchemeTest, DetectedFromAGoldFile) {
  auto write = [](const std::string& name, const std::string& text) {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
    std::ofstream(path) << text;
    return path;
  };
  GoldFile plover = ReadGoldFile(write(
      "scorer_test_plover.jsonl",
      R"({"id":"p1","date":"2020-01-01","text":"Canada imposed sanctions on Russia.",)"
      R"("expected":[{"source":"CAN","target":"RUS","code":"COERCE"}],"expected_outcome":"events"})"
      "\n"));
  GoldFile cameo = ReadGoldFile(write(
      "scorer_test_cameo.jsonl",
      R"({"id":"c1","date":"2020-01-01","text":"Canada imposed sanctions on Russia.",)"
      R"("expected":[{"source":"CAN","target":"RUS","code":"163"}],"expected_outcome":"events"})"
      "\n"));
  ASSERT_TRUE(plover.problems.empty());
  ASSERT_TRUE(cameo.problems.empty());
  EXPECT_EQ(DetectGoldScheme(plover.records), GoldScheme::kPlover);
  EXPECT_EQ(DetectGoldScheme(cameo.records), GoldScheme::kCameo);
}

TEST(PloverTypeNameTest, MapsPlover05NamesTo08) {
  EXPECT_EQ(PloverTypeName("DEMAND"), "REQUEST");
  EXPECT_EQ(PloverTypeName("DISAPPROVE"), "ACCUSE");
  EXPECT_EQ(PloverTypeName("FIGHT"), "ASSAULT");
  EXPECT_EQ(PloverTypeName("INVESTIGATE"), "ACCUSE");
  EXPECT_EQ(PloverTypeName("SANCTION"), "SANCTION");
  EXPECT_EQ(PloverTypeName("COERCE"), "COERCE");
}

TEST(PloverScoringTest, CodedCameoIsComparedOnItsPloverType) {
  // 163 (impose embargo, boycott, or sanctions) is COERCE in PLOVER 0.8, not
  // SANCTION (cameo_to_plover.tsv).
  EvalReport report = ScorePlover(
      {Record("coerce", "Canada imposed sanctions on Russia.", {Expect("CAN", "RUS", "COERCE")}),
       Record("sanction", "Canada imposed sanctions on Russia.",
              {Expect("CAN", "RUS", "SANCTION")})});
  EXPECT_EQ(report.scheme, GoldScheme::kPlover);
  const Counts& type = Total(report, EvalLevel::kPloverType);
  EXPECT_EQ(type.expected, 2u);
  EXPECT_EQ(type.coded, 2u);
  EXPECT_EQ(type.matched, 1u);
  EXPECT_EQ(report.totals.count(EvalLevel::kCode), 0u) << "no CAMEO levels on PLOVER gold";
  ASSERT_EQ(report.results.size(), 2u);
  EXPECT_TRUE(report.results[0].missed.empty());
  EXPECT_EQ(report.results[1].missed, std::vector<std::string>{"CAN RUS SANCTION"});
  EXPECT_EQ(report.results[1].extra, std::vector<std::string>{"CAN RUS COERCE"});
  EXPECT_EQ(report.by_type["COERCE"].matched, 1u);
  EXPECT_EQ(report.by_type["SANCTION"].expected, 1u);
  EXPECT_EQ(report.by_type["SANCTION"].matched, 0u);
}

TEST(PloverScoringTest, GoldPlover05NamesMatchThe08Types) {
  EvalReport report = ScorePlover({
      Record("demand", "Germany demanded that Iran release the prisoners.",
             {Expect("DEU", "IRN", "DEMAND")}),
      Record("disapprove", "Brazil accused Argentina of spying.",
             {Expect("BRA", "ARG", "DISAPPROVE")}),
      Record("fight", "Turkey shelled Syrian army positions.", {Expect("TUR", "SYRMIL", "FIGHT")}),
  });
  const Counts& type = Total(report, EvalLevel::kPloverType);
  EXPECT_EQ(type.expected, 3u);
  EXPECT_EQ(type.matched, 3u);
  for (const RecordResult& r : report.results) {
    EXPECT_TRUE(r.missed.empty() && r.extra.empty()) << r.record->id;
  }
  EXPECT_EQ(report.by_type["REQUEST"].matched, 1u);
  EXPECT_EQ(report.by_type["ACCUSE"].matched, 1u);
  EXPECT_EQ(report.by_type["ASSAULT"].matched, 1u);
  EXPECT_EQ(report.by_type.count("DEMAND"), 0u);
}

TEST(PloverScoringTest, EventsAreMatchedAsMultisets) {
  // Two identical gold events need two coded ones.
  EvalReport report =
      ScorePlover({Record("twice", "Canada imposed sanctions on Russia.",
                          {Expect("CAN", "RUS", "COERCE"), Expect("CAN", "RUS", "COERCE")})});
  const Counts& type = Total(report, EvalLevel::kPloverType);
  EXPECT_EQ(type.expected, 2u);
  EXPECT_EQ(type.coded, 1u);
  EXPECT_EQ(type.matched, 1u);
  EXPECT_EQ(report.results[0].missed, std::vector<std::string>{"CAN RUS COERCE"});
  EXPECT_TRUE(report.results[0].extra.empty());
}

TEST(PloverScoringTest, CountryLevelComparesActorCountries) {
  EvalReport report = ScorePlover({Record("sectors", "Canada imposed sanctions on Russia.",
                                          {Expect("CANGOV", "RUSGOV", "COERCE")})});
  EXPECT_EQ(Total(report, EvalLevel::kPloverType).matched, 0u);
  const Counts& countries = Total(report, EvalLevel::kCountryPloverType);
  EXPECT_EQ(countries.expected, 1u);
  EXPECT_EQ(countries.matched, 1u);
  EXPECT_DOUBLE_EQ(countries.F1(), 1.0);
}

TEST(PloverScoringTest, CameoCodesWithoutPloverTypeAreExtras) {
  // 010 (make statement) has no PLOVER type: it is coded output that no
  // PLOVER gold event can match.
  EvalReport report = ScorePlover(
      {Record("statement", "Peru made a statement about Chile.", {Expect("PER", "CHL", "AGREE")})});
  const Counts& type = Total(report, EvalLevel::kPloverType);
  EXPECT_EQ(type.coded, 1u);
  EXPECT_EQ(type.matched, 0u);
  EXPECT_EQ(report.by_type["(none)"].coded, 1u);
  ASSERT_EQ(report.results[0].extra.size(), 1u);
  EXPECT_EQ(report.results[0].extra[0], "PER CHL (010)");
}

TEST(PloverScoringTest, CameoGoldIsTranslatedWhenScoredOnPloverType) {
  // 172 (restrictions) and 163 (sanctions) are both COERCE: a match on type,
  // a miss on CAMEO code.
  const std::vector<GoldRecord>& records =
      Keep({Record("cameo", "Canada imposed sanctions on Russia.", {Expect("CAN", "RUS", "172")})});
  EXPECT_EQ(Total(ScorePlover(records), EvalLevel::kPloverType).matched, 1u);
  EXPECT_EQ(Total(Evaluate(SharedCoder(), records), EvalLevel::kCode).matched, 0u);
}

TEST(CameoScoringTest, KeepsTheCameoLevels) {
  EvalReport report =
      Evaluate(SharedCoder(), Keep({Record("cameo", "Canada imposed sanctions on Russia.",
                                           {Expect("CANGOV", "RUS", "163")})}));
  EXPECT_EQ(report.scheme, GoldScheme::kCameo);
  EXPECT_EQ(Total(report, EvalLevel::kCode).matched, 0u);
  EXPECT_EQ(Total(report, EvalLevel::kRoot).matched, 0u);
  EXPECT_EQ(Total(report, EvalLevel::kCountryRoot).matched, 1u);
  EXPECT_EQ(report.totals.count(EvalLevel::kPloverType), 0u);
  EXPECT_EQ(report.by_type["16"].expected, 1u);
  EXPECT_EQ(report.results[0].missed, std::vector<std::string>{"CANGOV RUS 163"});
}

TEST(GoldFileTest, RequireDyadFollowsThePeerOptions) {
  const auto dir = std::filesystem::temp_directory_path() / "dyad_scorer_test";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return ReadGoldFile(dir / name);
  };
  // A peer suite: records that do not set the option keep the default, on.
  GoldFile peer = write("peer.jsonl",
                        R"({"id":"a","text":"One.","expected":[]})"
                        "\n"
                        R"({"id":"b","text":"Two.","expected":[],"config":{"require_dyad":"FALSE"}})"
                        "\n"
                        R"({"id":"c","text":"Three.","expected":[],"config":{"comma_max":"8"}})"
                        "\n"
                        R"({"id":"e","text":"Five.","expected":[],"config":{"new_actor_length":"3"}})"
                        "\n"
                        R"({"id":"f","text":"Six.","expected":[],"config":{"options":[)"
                        R"("DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT] AFTER","DEFAULT: OFF",)"
                        R"("DEFAULT: SOURCE [ONE] TARGET [TWO]"]}})"
                        "\n");
  ASSERT_EQ(peer.records.size(), 5u);
  // TABARI's DEFAULT: commands, the last one in force.
  EXPECT_EQ(peer.records[4].peer.default_source, "ONE");
  EXPECT_EQ(peer.records[4].peer.default_target, "TWO");
  EXPECT_FALSE(peer.records[4].peer.default_source_prior);
  EXPECT_FALSE(peer.records[4].peer.default_target_after);
  EXPECT_EQ(peer.records[3].peer.default_source, "");
  EXPECT_TRUE(peer.records[0].require_dyad);
  EXPECT_FALSE(peer.records[1].require_dyad);
  EXPECT_TRUE(peer.records[2].require_dyad);
  EXPECT_EQ(peer.records[0].peer.new_actor_length, 0);
  EXPECT_EQ(peer.records[3].peer.new_actor_length, 3);
  // Records without peer options score every event.
  GoldFile own = write("own.jsonl", R"({"id":"d","text":"Four.","expected":[]})"
                                    "\n");
  ASSERT_EQ(own.records.size(), 1u);
  EXPECT_FALSE(own.records[0].require_dyad);
  std::filesystem::remove_all(dir);
}

TEST(CameoScoringTest, RequireDyadDropsEventsWithoutTarget) {
  // "Serbia recalled its ambassador": an event without a target.
  GoldRecord open = Record("open", "The decision led Serbia to recall its ambassador.",
                           {Expect("SRB", "", "161")});
  GoldRecord dyadic = open;
  dyadic.id = "dyadic";
  dyadic.require_dyad = true;
  EvalReport report = Evaluate(SharedCoder(), Keep({open, dyadic}));
  EXPECT_EQ(report.results[0].missed, std::vector<std::string>{});
  EXPECT_EQ(report.results[1].missed, std::vector<std::string>{"SRB - 161"});
  EXPECT_EQ(report.results[1].extra, std::vector<std::string>{});
}

TEST(FormatEvalReportTest, PloverReportHasTypeLevelsAndTable) {
  EvalReport report = ScorePlover({Record("statement", "Peru made a statement about Chile.",
                                          {Expect("PER", "CHL", "DEMAND")})});
  std::string text = FormatEvalReport(report, /*list_errors=*/true);
  EXPECT_NE(text.find("source,target,type"), std::string::npos) << text;
  EXPECT_NE(text.find("countries,type"), std::string::npos) << text;
  EXPECT_EQ(text.find("source,target,code"), std::string::npos) << text;
  EXPECT_NE(text.find("per type (source,target,type):"), std::string::npos) << text;
  EXPECT_NE(text.find("missed: PER CHL REQUEST"), std::string::npos) << text;
  EXPECT_NE(text.find("extra:  PER CHL (010)"), std::string::npos) << text;
}

}  // namespace
}  // namespace dyad
