// End to end: peer (PETRARCH, UD-PETRARCH, TABARI) verb files loaded through
// CoderOptions::dictionaries code sentences with the peers' pattern
// semantics. Dictionaries and sentences are invented for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "tests/support/temp_file.h"

namespace dyad {
namespace {

constexpr const char* kPetrarchActors =
    "<!-- invented actors -->\n"
    "RIVERLAND [RVL]\n+RIVERLANDER\n"
    "HILL_COUNTRY [HLC]\n"
    "LAKELAND [LKL]\n"
    "MARSHLAND [MSL]\n"
    "THE_LOWLANDS [LWA/LWB]\n";

constexpr const char* kPetrarchVerbs =
    "<!-- invented verbs -->\n"
    "&TIES\n+TIES\n+RELATIONS\n"
    "--- REPAIR [064] ---\n"
    "REPAIR\n"
    "- * &TIES [050]\n"
    "- * NOTHING [---]\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n"
    "--- MEET [040] ---\n"
    "MEET {MET}\n"
    "- % * [041]\n"
    "--- GAIN [---] ---\n"
    "GAIN\n"
    "- + * PROMISE FROM $ [057]\n"
    "--- DECRY [122] ---\n"
    "DECRY {DECRIED}\n"
    "--- DECLARE [010] ---\n"
    "DECLARE\n"
    "--- SEND [070] ---\n"
    "SEND\n"
    "- DECLARED WOULD * [071]\n"
    "--- ALIGN [030] ---\n"
    "ALIGN\n"
    "- * WITH % [036]\n";

// Source, target and code of every event, as "SRC>TGT:CODE", sorted.
std::vector<std::string> Triples(const Coder& coder, const std::string& text,
                                 const PeerOptions& peer = {}) {
  Document document{"t", "2020-01-01", "", text, "", "test"};
  std::vector<std::string> out;
  for (const Event& e : coder.Code(document, peer).events) {
    out.push_back(e.source.code + ">" + (e.target ? e.target->code : "") + ":" + e.cameo);
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Strings = std::vector<std::string>;

class PetrarchVerbs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    dir_->Write("test.actors.txt", kPetrarchActors);
    dir_->Write("test.verbs.txt", kPetrarchVerbs);
    CoderOptions options;
    options.dictionaries = {dir_->path()};
    coder_ = new Coder(Coder::Load(options));
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static Coder* coder_;
};
testing::TempDir* PetrarchVerbs::dir_ = nullptr;
Coder* PetrarchVerbs::coder_ = nullptr;

TEST_F(PetrarchVerbs, PatternBeforeDefaultAndTargetFromThePhrase) {
  // "* &TIES" beats the verb's default code; the target is the first actor
  // after the verb, here in a prepositional phrase.
  EXPECT_EQ(Triples(*coder_, "Riverland repaired relations with Hill Country."),
            (Strings{"RVL>HLC:050"}));
  EXPECT_EQ(Triples(*coder_, "Riverland repaired roads in Hill Country."),
            (Strings{"RVL>HLC:064"}));
  // A [---] pattern codes nothing.
  EXPECT_EQ(Triples(*coder_, "Riverland repaired nothing in Hill Country."), (Strings{}));
}

TEST_F(PetrarchVerbs, CodesThereAndBack) {
  EXPECT_EQ(Triples(*coder_, "Riverland visited Hill Country on Monday."),
            (Strings{"HLC>RVL:043", "RVL>HLC:042"}));
}

TEST_F(PetrarchVerbs, CompoundSubjectActsOnItself) {
  EXPECT_EQ(Triples(*coder_, "Riverland and Hill Country met on Monday."),
            (Strings{"HLC>RVL:041", "RVL>HLC:041"}));
}

TEST_F(PetrarchVerbs, CompoundAfterTheVerbIsATargetInPetrarch) {
  EXPECT_EQ(Triples(*coder_, "Riverland aligned with Lakeland and Hill Country on Monday."),
            (Strings{"RVL>HLC:036", "RVL>LKL:036"}));
}

TEST_F(PetrarchVerbs, SourceAndTargetSlots) {
  // "+ * PROMISE FROM $": the target before the verb, the source after it.
  EXPECT_EQ(Triples(*coder_, "Hill Country gained a promise from Riverland."),
            (Strings{"RVL>HLC:057"}));
  // Without the pattern's words the block has no default code.
  EXPECT_EQ(Triples(*coder_, "Hill Country gained ground against Riverland."), (Strings{}));
}

TEST_F(PetrarchVerbs, PatternOverAnEarlierVerbReplacesItsEvent) {
  EXPECT_EQ(Triples(*coder_, "Riverland declared Lakeland would send aid to Hill Country."),
            (Strings{"LKL>HLC:071"}));
  EXPECT_EQ(Triples(*coder_, "Riverland declared Lakeland sent aid to Hill Country."),
            (Strings{"LKL>HLC:070", "RVL>LKL:010"}));
}

TEST_F(PetrarchVerbs, GerundAfterAPrepositionHasNoSource) {
  // The peers' parses give "after decrying X" no subject: no event of its own.
  EXPECT_EQ(Triples(*coder_, "Riverland visited Hill Country after decrying Marshland."),
            (Strings{"HLC>RVL:043", "RVL>HLC:042"}));
}

TEST_F(PetrarchVerbs, MisspeltEsFormIsNoVerb) {
  EXPECT_EQ(Triples(*coder_, "Riverland visits Hill Country."),
            (Strings{"HLC>RVL:043", "RVL>HLC:042"}));
  EXPECT_EQ(Triples(*coder_, "Riverland visites Hill Country."), (Strings{}));
}

TEST_F(PetrarchVerbs, ListsOfActors) {
  EXPECT_EQ(Triples(*coder_, "Riverland, Lakeland and Hill Country decried Marshland."),
            (Strings{"HLC>MSL:122", "LKL>MSL:122", "RVL>MSL:122"}));
  // The head noun's role goes to every member of the list.
  EXPECT_EQ(Triples(*coder_,
                    "The ambassadors of Riverland, Lakeland and Hill Country decried Marshland."),
            (Strings{"HLCGOV>MSL:122", "LKLGOV>MSL:122", "RVLGOV>MSL:122"}));
  // A compound actor code: one event per member (PETRARCH-1).
  EXPECT_EQ(Triples(*coder_, "The Lowlands decried Marshland."),
            (Strings{"LWA>MSL:122", "LWB>MSL:122"}));
  // ... but not from a later member.
  EXPECT_EQ(Triples(*coder_, "Riverland and the government of Hill Country decried Marshland."),
            (Strings{"HLCGOV>MSL:122", "RVL>MSL:122"}));
}

TEST(PeerVerbs, Petrarch1AgentsAloneTargetlessEventsAndPassives) {
  testing::TempDir dir;
  dir.Write("test.actors.txt", kPetrarchActors);
  dir.Write("test.agents.txt",
            "<!-- invented agents -->\n"
            "DEPUTY [~GOV]\n"
            "PRIEST [~REL]\n"
            "MARSH_COUNCIL [NGO~]\n");
  dir.Write("test.verbs.txt", kPetrarchVerbs);
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  // An agent without a country is an actor of its own, "---" + sector.
  EXPECT_EQ(Triples(coder, "A senior deputy decried Lakeland."), (Strings{"---GOV>LKL:122"}));
  EXPECT_EQ(Triples(coder, "Priests and deputies decried Lakeland."),
            (Strings{"---GOV>LKL:122", "---REL>LKL:122"}));
  // Each coordinated head noun gives its role to every member.
  EXPECT_EQ(Triples(coder, "Priests and deputies in Riverland and Hill Country decried Lakeland."),
            (Strings{"HLCGOV>LKL:122", "HLCREL>LKL:122", "RVLGOV>LKL:122", "RVLREL>LKL:122"}));
  // "NGO~" goes before the country.
  EXPECT_EQ(Triples(coder, "The Riverland marsh council decried Lakeland."),
            (Strings{"NGORVL>LKL:122"}));
  // Every agent of the noun phrase adds its code, once.
  EXPECT_EQ(Triples(coder, "A marsh council Riverland deputy decried Lakeland."),
            (Strings{"NGORVLGOV>LKL:122"}));
  EXPECT_EQ(Triples(coder, "Riverland deputy priests decried Lakeland."),
            (Strings{"RVLGOVREL>LKL:122"}));
  EXPECT_EQ(Triples(coder, "Riverland deputy deputies decried Lakeland."),
            (Strings{"RVLGOV>LKL:122"}));
  // A verb without an object: an event without a target (kept by records
  // with require_dyad off); an object that names no actor: none.
  EXPECT_EQ(Triples(coder, "Riverland declared on Monday."), (Strings{"RVL>:010"}));
  EXPECT_EQ(Triples(coder, "Riverland repaired the old roads."), (Strings{}));
  // A passive without "by" reads as the active; with it, the by-agent acts.
  EXPECT_EQ(Triples(coder, "Riverland was decried over its quarrel with Lakeland."),
            (Strings{"RVL>LKL:122"}));
  EXPECT_EQ(Triples(coder, "Riverland was decried by Lakeland."), (Strings{"LKL>RVL:122"}));
}

TEST(PeerVerbs, UnderscoreJoinedNamesAndSkipAfterAWord) {
  testing::TempDir dir;
  dir.Write("test.actors.txt", "<!-- invented -->\nRIVERLAND [RVL]\nLAKELAND [LKL]\n"
                               "DUKE OF PORT LANDING [PTL]\n");
  dir.Write("test.agents.txt", "<!-- invented -->\nRIVER WARDEN [~COP]\n");
  dir.Write("test.verbs.txt",
            "<!-- invented -->\n"
            "--- CAUTION [160] ---\n"
            "CAUTION\n"
            "- * THEIR ^ ABOUT +  [162]\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  // A name written with '_' in the text matches the dictionary's words.
  EXPECT_EQ(Triples(coder, "Riverland cautioned the Duke of Port_Landing."),
            (Strings{"RVL>PTL:160"}));
  EXPECT_EQ(Triples(coder, "The Duke_of_Port_Landing cautioned Riverland."),
            (Strings{"PTL>RVL:160"}));
  EXPECT_EQ(Triples(coder, "Lakeland's river_wardens cautioned Riverland."),
            (Strings{"LKLCOP>RVL:160"}));
  // '^' after a word skips the rest of the noun phrase the word opens.
  EXPECT_EQ(Triples(coder, "Riverland cautioned their sailors about Lakeland."),
            (Strings{"RVL>LKL:162"}));
  EXPECT_EQ(Triples(coder, "Riverland and Lakeland cautioned their sailors about the Duke of "
                           "Port_Landing."),
            (Strings{"LKL>PTL:162", "RVL>PTL:162"}));
}

TEST(PeerVerbs, NewActorLength) {
  testing::TempDir dir;
  dir.Write("test.actors.txt", kPetrarchActors);
  dir.Write("test.verbs.txt", "<!-- invented -->\n--- DEPART [032:033] ---\nDEPART\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  const std::string text = "Fenmark's scribe Ida Brook departed for the Office of Tides.";
  // Off: the phrases name no actor, so nothing is coded.
  EXPECT_EQ(Triples(coder, text), (Strings{}));
  // On: source and target phrases of at most that many words ("'s" not
  // counted) are new actors, named by their words.
  const PeerOptions four{.new_actor_length = 4};
  EXPECT_EQ(Triples(coder, text, four),
            (Strings{"\"FENMARK SCRIBE IDA BROOK\">\"THE OFFICE OF TIDES\":032",
                     "\"THE OFFICE OF TIDES\">\"FENMARK SCRIBE IDA BROOK\":033"}));
  EXPECT_EQ(Triples(coder, "The chief scribe departed for Riverland.", four),
            (Strings{"\"THE CHIEF SCRIBE\">RVL:032", "RVL>\"THE CHIEF SCRIBE\":033"}));
  // Longer phrases are not actors; pronouns never are.
  EXPECT_EQ(Triples(coder, "The chief scribe departed for Riverland.", {.new_actor_length = 2}),
            (Strings{}));
  EXPECT_EQ(Triples(coder, "They departed for Riverland.", four), (Strings{}));
}

TEST(PeerVerbs, TabariStemsAndDictionaryVerbs) {
  testing::TempDir dir;
  dir.Write("Test.actors", "; invented\nRIVERLAND [RVL]\nHILL_COUNTRY [HLC]\nLAKELAND [LKL]\n");
  dir.Write("Test.agents", "; invented\nDEPUTIES_ [~GOV]\n");
  dir.Write("Test.verbs",
            "; invented\n"
            "EMBARG [163] ;stem: embargo, embargoed\n"
            "PRAISE_ [051]\n"
            "- * WARMLY [052]\n"
            "SWAP [061]\n"
            "- * WITH % [062]\n"
            "~~FINISH\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  EXPECT_EQ(Triples(coder, "Riverland embargoed Hill Country."), (Strings{"RVL>HLC:163"}));
  EXPECT_EQ(Triples(coder, "Riverland praised Hill Country warmly."), (Strings{"RVL>HLC:052"}));
  // An agent named alone: "~" and its sector.
  EXPECT_EQ(Triples(coder, "The deputies embargoed Hill Country."), (Strings{"~GOV>HLC:163"}));
  // TABARI: a compound after the verb acts on itself.
  EXPECT_EQ(Triples(coder, "Riverland swapped prisoners with Lakeland and Hill Country."),
            (Strings{"HLC>LKL:062", "LKL>HLC:062"}));
}

TEST(PeerVerbs, TabariDefaultActors) {
  testing::TempDir dir;
  dir.Write("Test.actors", "; invented\nRIVERLAND [RVL]\nHILL_COUNTRY [HLC]\nLAKELAND [LKL]\n");
  dir.Write("Test.verbs", "; invented\nEMBARG [163]\n~~FINISH\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  PeerOptions strict{.default_source = "DSRC",
                     .default_target = "DTGT",
                     .default_source_prior = true,
                     .default_target_after = true};
  // A side the sentence does not name takes the default code.
  EXPECT_EQ(Triples(coder, "Vinland embargoed Hill Country.", strict), (Strings{"DSRC>HLC:163"}));
  EXPECT_EQ(Triples(coder, "Riverland embargoed Vinland.", strict), (Strings{"RVL>DTGT:163"}));
  EXPECT_EQ(Triples(coder, "Riverland and Lakeland embargoed Vinland.", strict),
            (Strings{"LKL>DTGT:163", "RVL>DTGT:163"}));
  // Without PRIOR the source may follow the verb; without AFTER the target
  // may precede it.
  PeerOptions loose{.default_source = "DSRC", .default_target = "DTGT"};
  EXPECT_EQ(Triples(coder, "Vinland embargoed Hill Country and Lakeland.", loose),
            (Strings{"HLC>LKL:163"}));
  EXPECT_EQ(Triples(coder, "Riverland and Lakeland embargoed Vinland.", loose),
            (Strings{"RVL>LKL:163"}));
  // Without the command nothing is coded.
  EXPECT_EQ(Triples(coder, "Vinland embargoed Hill Country."), (Strings{}));
}

TEST(PeerVerbs, UdPetrarchNegationThroughTheOntology) {
  testing::TempDir dir;
  dir.Write("test_actors.txt", kPetrarchActors);
  dir.Write("Test_Coding_Ontology.txt", "050:0x0080\n110:0x1007f\n");
  dir.Write("test_verbs.txt",
            "# invented\n"
            "--- CRITICIZE [110] ---\n"
            "CRITICIZE\n"
            "- * (OVER {BORDER DISPUTE}) [110]\n"
            "--- SEE [010] ---\n"
            "SEE {SEEN}\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  EXPECT_EQ(Triples(coder, "Riverland criticized Hill Country."), (Strings{"RVL>HLC:110"}));
  // Negated disapproval is cooperation in PETRARCH-2's coding ontology.
  EXPECT_EQ(Triples(coder, "Riverland did not criticize Hill Country."), (Strings{"RVL>HLC:050"}));
  // A passive without a by-agent: the first actor after the verb acts.
  EXPECT_EQ(Triples(coder, "Riverland was criticized over its quarrel with Hill Country."),
            (Strings{"HLC>RVL:110"}));
  // ...but not one in the clause of another verb: Hill Country is only
  // criticized here, it does not see.
  EXPECT_EQ(Triples(coder, "Riverland was seen to criticize Hill Country."),
            (Strings{"RVL>HLC:110"}));
  // PETRARCH-2 keeps a compound actor code whole.
  EXPECT_EQ(Triples(coder, "The Lowlands criticized Marshland."), (Strings{"LWA/LWB>MSL:110"}));
}

TEST(PeerVerbs, OfEquallySpecificPatternsTheOneMatchingMoreWordsWins) {
  testing::TempDir dir;
  dir.Write("test.actors.txt", kPetrarchActors);
  dir.Write("test.verbs.txt",
            "<!-- invented -->\n"
            "&MONEY\n+DUCAT\n+CROWN\n"
            "&RARECOINS\n+OLD SILVER CROWN\n"
            "--- DONATE [070] ---\n"
            "DONATE\n"
            "- * &MONEY [071]\n"
            "- * &RARECOINS [072]\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  EXPECT_EQ(Triples(coder, "Riverland donated an old silver crown to Lakeland."),
            (Strings{"RVL>LKL:072"}));
  EXPECT_EQ(Triples(coder, "Riverland donated a crown to Lakeland."), (Strings{"RVL>LKL:071"}));
}

TEST(PeerVerbs, UdPetrarchNounPhrases) {
  testing::TempDir dir;
  dir.Write("test_actors.txt", kPetrarchActors);
  dir.Write("Test_Coding_Ontology.txt", "040:0x0040\n050:0x0080\n051:0x0081\n");
  dir.Write("test_verbs.txt",
            "# invented\n"
            "&KINDS\n+FARM\n+SHIPPING\n"
            "--- RENEW [040] ---\n"
            "RENEW\n"
            "- * {OLD &KINDS PACTS} [051]\n"
            "- * {TO SUPPLY} [050]\n"
            "- LATELY * [050]\n"
            "--- SWELL [---] ---\n"
            "SWELL {SWOLLEN}\n"
            "- {WATER LEVELS} * [050]\n");
  CoderOptions options;
  options.dictionaries = {dir.path()};
  const Coder coder = Coder::Load(options);
  // Modifiers may stand between the others ("old river farm pacts")...
  EXPECT_EQ(Triples(coder, "Riverland renewed old river farm pacts with Hill Country."),
            (Strings{"RVL>HLC:051"}));
  // ...but "farm trade pacts" are trade pacts, not farm pacts.
  EXPECT_EQ(Triples(coder, "Riverland renewed old farm trade pacts with Hill Country."),
            (Strings{"RVL>HLC:040"}));
  // The head of a noun phrase is a noun, not a verb.
  EXPECT_EQ(Triples(coder, "Riverland renewed a pact to supply Hill Country."),
            (Strings{"RVL>HLC:040"}));
  // Before the verb only noun phrases match, no bare words.
  EXPECT_EQ(Triples(coder, "Riverland lately renewed its ties with Hill Country."),
            (Strings{"RVL>HLC:040"}));
  // A coordinated modifier keeps its place: "water and flood levels".
  EXPECT_EQ(Triples(coder, "Riverland's water and flood levels have swollen in its quarrel "
                           "with Hill Country."),
            (Strings{"RVL>HLC:050"}));
}

}  // namespace
}  // namespace dyad
