#include "lexicon/peer_dictionaries.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "tests/support/temp_file.h"
#include "text/segmenter.h"
#include "util/date.h"

namespace dyad::lexicon {
namespace {

int Day(const char* iso) { return *util::ParseIsoDate(iso); }

// Invented actors in PETRARCH's syntax.
constexpr const char* kPetrarchActors = R"(<!-- Test actors: an invented river country.
# comment lines inside the block are skipped too
-->
RIVERLAND [RVL]  # the country
+RIVERLANDER
+RIVER_REPUBLIC
PORT_OSSEL [RVLGOV]
HILL TRIBES_ [HLT]
SILENT_FERRYMAN [---]

MAYOR_ELSA_VANT [RVL]
	[RVLGOV 990101-031231]  # two-digit years: 1999 to 2003

CAPTAIN_ORVEL_TARN
+CAPTAIN_TARN
	[RVLCIV <20011221]
	[RVLGOV 20011222-20050630]
	[RVLREB >050701]

OLD_RIVER_LEAGUE
	[RVLLGE <300101]
GREY_HOST [+++]  # a plain code in PETRARCH
)";

// Invented agents in PETRARCH's syntax.
constexpr const char* kPetrarchAgents = R"(<!-- Test agents -->
!CREW! = HAND, HANDS, MATE, MATES
FERRYMAN {FERRYMEN} [~TRN] # irregular plural
RIVER_WARDEN [~COP]
DEPUTY [~GOV]
FLOTILLA {} [~MIL]
BARGE!CREW! [~LAB]
MARSH_COUNCIL [NGO~]
)";

constexpr const char* kTabariActors = R"(<NOUN>
OTTERS  ;not actors: TABARI's word list
</NOUN>
RIVERLAND_  [RVL] ;invented
DUNEMARK  [DNM <991231] [DNMNEW] ;pas 01 Jan 00
~~FINISH
IGNORED_AFTER_THE_END [XXX]
)";

constexpr const char* kTabariAgents = R"(FERRY_CAPTAIN_  [ ~TRN] ;invented
RIVER_WARDENS_  [  ~COP] ;invented
)";

constexpr const char* kDyadActors = R"(# dyad actors
Riverland | Riverlanders => RVL
Elsa Vant | Mayor Vant
  RVLGOV 1999..2003
)";

std::vector<AgentMatch> FindAgents(const AgentDictionary& agents, const std::string& text) {
  std::vector<Token> tokens;
  for (const Sentence& sentence : text::Segment(text, 0, text.size()))
    tokens.insert(tokens.end(), sentence.tokens.begin(), sentence.tokens.end());
  // No tagger here: the words stand for their lemmas.
  auto keys = MatchKeys::ForTokens(tokens, false);
  return agents.FindAll(keys, keys);
}

std::string SectorOf(const AgentDictionary& agents, const std::string& text) {
  auto matches = FindAgents(agents, text);
  return matches.size() == 1 ? matches[0].sector : "";
}

bool HasIssue(const std::vector<DictionaryIssue>& issues, const std::string& needle) {
  return std::any_of(issues.begin(), issues.end(), [&](const DictionaryIssue& issue) {
    return issue.ToString().find(needle) != std::string::npos;
  });
}

TEST(PeerDictionaries, DetectsEachFormat) {
  testing::TempDir dir;
  EXPECT_EQ(DetectFormat(dir.Write("actors.txt", kDyadActors)), DictionaryFormat::kDyad);
  EXPECT_EQ(DetectFormat(dir.Write("agents.txt", "# dyad\nMIL: soldier | troop\n")),
            DictionaryFormat::kDyad);
  EXPECT_EQ(DetectFormat(dir.Write("p.actors.txt", kPetrarchActors)), DictionaryFormat::kPetrarch);
  EXPECT_EQ(DetectFormat(dir.Write("p.agents.txt", kPetrarchAgents)), DictionaryFormat::kPetrarch);
  EXPECT_EQ(DetectFormat(dir.Write("t.actors", kTabariActors)), DictionaryFormat::kTabari);
  EXPECT_EQ(DetectFormat(dir.Write("t.agents", kTabariAgents)), DictionaryFormat::kTabari);
  EXPECT_EQ(DetectFormat(dir.Write("empty.txt", "# nothing yet\n")), DictionaryFormat::kDyad);
  EXPECT_EQ(DetectFormat(dir.path() / "missing.txt"), DictionaryFormat::kDyad);
  EXPECT_EQ(FormatName(DictionaryFormat::kTabari), "TABARI");
}

TEST(PeerActors, ReadsPhrasesWithUnderscoresAndSynonyms) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("p.actors.txt", kPetrarchActors)});
  EXPECT_EQ(dict.Lookup("Riverland", std::nullopt), "RVL");
  EXPECT_EQ(dict.Lookup("riverlander", std::nullopt), "RVL");
  EXPECT_EQ(dict.Lookup("River Republic", std::nullopt), "RVL");
  EXPECT_EQ(dict.Lookup("Port Ossel", std::nullopt), "RVLGOV");
  EXPECT_EQ(dict.Lookup("hill tribes", std::nullopt), "HLT");  // a blank joins words too
  EXPECT_EQ(dict.Lookup("Port", std::nullopt), std::nullopt);
  EXPECT_EQ(dict.Lookup("Grey Host", std::nullopt), "+++");
  EXPECT_EQ(dict.entries()[0].name, "RIVERLAND");
  EXPECT_EQ(dict.entries()[0].line, 4);

  std::string text = "Captain Tarn met the Silent Ferryman in Port Ossel.";
  auto sentence = text::Segment(text, 0, text.size()).at(0);
  auto matches = dict.FindAll(MatchKeys::ForTokens(sentence.tokens, false));
  ASSERT_EQ(matches.size(), 3u);
  // [---]: the phrase is an actor, deliberately not coded.
  EXPECT_EQ(dict.entries()[matches[1].entry].name, "SILENT FERRYMAN");
  EXPECT_EQ(dict.Resolve(matches[1].entry, std::nullopt), std::nullopt);
  EXPECT_EQ(dict.Resolve(matches[2].entry, std::nullopt), "RVLGOV");
}

TEST(PeerActors, ResolvesDateRestrictedCodes) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("p.actors.txt", kPetrarchActors)});
  // An undated code applies outside the dated ones; YY 99 is 1999, 03 is 2003.
  EXPECT_EQ(dict.Lookup("Mayor Elsa Vant", Day("1998-12-31")), "RVL");
  EXPECT_EQ(dict.Lookup("Mayor Elsa Vant", Day("1999-01-01")), "RVLGOV");
  EXPECT_EQ(dict.Lookup("Mayor Elsa Vant", Day("2003-12-31")), "RVLGOV");
  EXPECT_EQ(dict.Lookup("Mayor Elsa Vant", Day("2004-01-01")), "RVL");
  EXPECT_EQ(dict.Lookup("Mayor Elsa Vant", std::nullopt), "RVL");
  // "<" is until and ">" from, limits included; 05 is 2005.
  EXPECT_EQ(dict.Lookup("Captain Tarn", Day("2001-12-21")), "RVLCIV");
  EXPECT_EQ(dict.Lookup("Captain Tarn", Day("2001-12-22")), "RVLGOV");
  EXPECT_EQ(dict.Lookup("Captain Orvel Tarn", Day("2005-06-30")), "RVLGOV");
  EXPECT_EQ(dict.Lookup("Captain Orvel Tarn", Day("2005-07-01")), "RVLREB");
  // Without an undated code an entry outside its dates is not coded (no
  // dyad-style ELI); YY 30 is 1930.
  EXPECT_EQ(dict.Lookup("Old River League", Day("1929-12-31")), "RVLLGE");
  EXPECT_EQ(dict.Lookup("Old River League", Day("1930-01-01")), "RVLLGE");
  EXPECT_EQ(dict.Lookup("Old River League", Day("1930-01-02")), std::nullopt);
  EXPECT_EQ(dict.Lookup("Old River League", std::nullopt), "RVLLGE");  // latest role
  EXPECT_TRUE(dict.issues().empty());
}

TEST(PeerActors, ReadsTabariFiles) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("t.actors", kTabariActors)});
  EXPECT_EQ(dict.entries().size(), 2u);  // no word list, nothing after ~~FINISH
  EXPECT_EQ(dict.Lookup("Riverland", std::nullopt), "RVL");
  EXPECT_EQ(dict.Lookup("Dunemark", Day("1999-12-31")), "DNM");
  EXPECT_EQ(dict.Lookup("Dunemark", Day("2000-01-01")), "DNMNEW");
  EXPECT_EQ(dict.Lookup("otters", std::nullopt), std::nullopt);
}

TEST(PeerAgents, ReadsPluralsSubstitutionsAndSectors) {
  testing::TempDir dir;
  auto agents = AgentDictionary::Load({dir.Write("p.agents.txt", kPetrarchAgents)});
  EXPECT_EQ(SectorOf(agents, "the ferryman"), "TRN");
  EXPECT_EQ(SectorOf(agents, "the ferrymen"), "TRN");   // {irregular plural}
  EXPECT_EQ(SectorOf(agents, "river wardens"), "COP");  // regular plural
  EXPECT_EQ(SectorOf(agents, "two deputies"), "GOV");   // Y -> IES
  EXPECT_EQ(SectorOf(agents, "a flotilla"), "MIL");
  EXPECT_EQ(SectorOf(agents, "the flotillas"), "");  // {}: no plural
  EXPECT_EQ(SectorOf(agents, "bargehands"), "LAB");  // !CREW! substitution
  EXPECT_EQ(SectorOf(agents, "bargemate"), "LAB");
  // NGO~ goes before the country: the peer coder puts it there.
  EXPECT_EQ(SectorOf(agents, "marsh council"), "NGO~");
  EXPECT_TRUE(agents.issues().empty());
}

TEST(PeerAgents, ReadsTabariAgentsWithoutAutomaticPlurals) {
  testing::TempDir dir;
  auto agents = AgentDictionary::Load({dir.Write("t.agents", kTabariAgents)});
  // Two phrases, each also indexed with '_' between its two words.
  EXPECT_EQ(agents.size(), 4u);
  EXPECT_EQ(SectorOf(agents, "the ferry captain"), "TRN");
  EXPECT_EQ(SectorOf(agents, "the ferry_captain"), "TRN");
  EXPECT_EQ(SectorOf(agents, "the river wardens"), "COP");
}

TEST(PeerDictionaries, LoadsDyadAndPetrarchFilesTogether) {
  testing::TempDir dir;
  auto dyad_file = dir.Write("actors.txt", kDyadActors);
  auto peer_file = dir.Write("p.actors.txt", kPetrarchActors);
  // Both files define "Riverland": the first loaded wins, and a peer file's
  // duplicate is only a warning, so a strict load succeeds.
  auto dict = ActorDictionary::Load({dyad_file, peer_file});
  EXPECT_EQ(dict.Lookup("Riverlanders", std::nullopt), "RVL");                  // dyad
  EXPECT_EQ(dict.Lookup("Port Ossel", std::nullopt), "RVLGOV");                 // PETRARCH
  EXPECT_EQ(dict.Lookup("Mayor Vant", Day("2010-01-01")), "RVLELI");            // dyad person
  EXPECT_EQ(dict.Lookup("Old River League", Day("2010-01-01")), std::nullopt);  // peer entry
  EXPECT_TRUE(HasIssue(dict.issues(),
                       "p.actors.txt:4: warning: phrase 'RIVERLAND' is already "
                       "defined at " +
                           dyad_file.string() + ":2"));

  auto agents = AgentDictionary::Load(
      {dir.Write("agents.txt", "MIL: soldier\n"), dir.Write("p.agents.txt", kPetrarchAgents)});
  EXPECT_EQ(SectorOf(agents, "soldier"), "MIL");
  EXPECT_EQ(SectorOf(agents, "ferrymen"), "TRN");
}

TEST(PeerDictionaries, ReportsMalformedLinesWithFileAndLine) {
  testing::TempDir dir;
  auto file = dir.Write("bad.actors.txt",
                        "<!-- broken on purpose -->\n"  // 1
                        "GOODLAND [GDL]\n"              // 2
                        "BADLAND [BDL 20201340]\n"      // 3: no 13th month
                        "\t[BDLGOV 050101-040101]\n"    // 4: ends before it starts
                        "ODDLAND [odd-code]\n"          // 5: not a code
                        "UNCLOSED [UNC\n"               // 6
                        "\tSTRAY_PHRASE\n"              // 7: indented, not a code block
                        "DOLLAR$LAND [DLL]\n");         // 8: '$' in a phrase
  auto dict = ActorDictionary::Load({file}, /*strict=*/false);
  const auto& issues = dict.issues();
  EXPECT_TRUE(HasIssue(issues, "bad.actors.txt:3: error: bad date restriction '20201340'"));
  EXPECT_TRUE(HasIssue(issues,
                       "bad.actors.txt:4: error: date restriction '050101-040101' ends "
                       "before it starts"));
  EXPECT_TRUE(HasIssue(issues, "bad.actors.txt:5: error: 'odd-code' is not an actor code"));
  EXPECT_TRUE(HasIssue(issues, "bad.actors.txt:6: error: '[' without ']'"));
  EXPECT_TRUE(HasIssue(issues, "bad.actors.txt:7: error: expected a code block"));
  EXPECT_TRUE(HasIssue(issues, "bad.actors.txt:8: error: unexpected '$'"));
  EXPECT_EQ(dict.Lookup("Goodland", std::nullopt), "GDL");  // good lines still load
  EXPECT_THROW(ActorDictionary::Load({file}), DictionaryError);

  auto agents_file = dir.Write("bad.agents.txt", "<!-- agents -->\nPATROL [~MIL]\nTROOPER [MIL]\n");
  auto agents = AgentDictionary::Load({agents_file}, /*strict=*/false);
  EXPECT_TRUE(HasIssue(agents.issues(), "bad.agents.txt:3: error: agent code 'MIL' has no '~'"));
  EXPECT_THROW(AgentDictionary::Load({agents_file}), DictionaryError);
}

}  // namespace
}  // namespace dyad::lexicon
