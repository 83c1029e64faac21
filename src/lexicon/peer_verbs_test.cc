// Readers of PETRARCH, UD-PETRARCH and TABARI verb files and of PETRARCH
// discard files, on small invented files.
#include "lexicon/peer_verbs.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/temp_file.h"

namespace dyad::lexicon {
namespace {

bool AnyCode(std::string_view) { return true; }

// The pattern of `dict` whose id ends with ":LINE".
const VerbPattern& AtLine(const VerbDictionary& dict, int line) {
  const std::string suffix = ":" + std::to_string(line);
  for (const VerbPattern& p : dict.patterns()) {
    if (p.id.ends_with(suffix)) return p;
  }
  ADD_FAILURE() << "no pattern from line " << line;
  static const VerbPattern none;
  return none;
}

std::vector<std::string> Messages(const VerbDictionary& dict, DictionaryIssue::Severity severity) {
  std::vector<std::string> out;
  for (const auto& issue : dict.issues()) {
    if (issue.severity == severity) out.push_back(issue.ToString());
  }
  return out;
}

TEST(PeerVerbs, DetectsTheFormatBySyntax) {
  testing::TempDir dir;
  EXPECT_EQ(DetectVerbFormat(dir.Write("a.txt", "--- HAIL [051] ---\nHAIL\n- * RIVER [052]\n")),
            DictionaryFormat::kPetrarch);
  EXPECT_EQ(DetectVerbFormat(
                dir.Write("b.verbs", "HAIL  [051] ;jb 1 May 99\n- * RIVER [052]\n~~FINISH\n")),
            DictionaryFormat::kTabari);
  EXPECT_EQ(DetectVerbFormat(dir.Write("c.txt", "# ontology\n051:0x0081\n052:0x0082\n")),
            DictionaryFormat::kPetrarch);
  EXPECT_EQ(DetectVerbFormat(dir.Write("d.txt", "+WORLD LEAGUE\nPENALTY KICK\n")),
            DictionaryFormat::kPetrarch);
  EXPECT_EQ(DetectVerbFormat(dir.Write("e.txt", "# dyad\n190 attack $T\n&ARMS = arms | drone\n")),
            DictionaryFormat::kDyad);
}

TEST(PeerVerbs, ReadsPetrarchBlocksPatternsAndSynsets) {
  testing::TempDir dir;
  auto file = dir.Write("test.verbs.txt",
                        "<!-- invented verbs -->\n"                  // 1
                        "&BOAT\n+FERRY\n+BARGE\n+&RAFT  # nested\n"  // 2-5
                        "&RAFT_\n+LOG RAFT\n"                        // 6-7
                        "\n"                                         // 8
                        "--- GREET  [051:052] ---\n"                 // 9
                        "GREET {GRET GREETEN}\n"                     // 10
                        "HAIL_+WAVE [053]\n"                         // 11
                        "- * &BOAT FROM $ [054]  # with a source\n"  // 12
                        "- SAID_* + [055]\n"                         // 13
                        "- % * ^ TOGETHER [---]\n"                   // 14
                        "--- SNUB [---] ---\n"                       // 15
                        "+BRUSH_OFF {+BRUSHED_OFF}\n"                // 16
                        "- * ENVOY [161]\n");                        // 17
  auto dict = VerbDictionary::Load({file}, AnyCode);
  EXPECT_TRUE(dict.peer());
  EXPECT_FALSE(dict.verbs_anywhere());
  EXPECT_TRUE(Messages(dict, DictionaryIssue::Severity::kError).empty());

  // GREET: its block code both ways, its irregular forms.
  const VerbPattern& greet = AtLine(dict, 10);
  EXPECT_EQ(greet.head, "greet");
  EXPECT_EQ(greet.code, "051");
  EXPECT_EQ(greet.reverse_code, "052");
  EXPECT_EQ(greet.verb_forms, (std::vector<std::string>{"gret", "greeten"}));
  EXPECT_TRUE(greet.elements.empty() && greet.before.empty());
  // "HAIL_+WAVE": the verb is WAVE, HAIL stands right before it.
  const VerbPattern& wave = AtLine(dict, 11);
  EXPECT_EQ(wave.head, "wave");
  EXPECT_EQ(wave.code, "053");
  ASSERT_EQ(wave.before.size(), 1u);
  EXPECT_EQ(wave.before[0].words, (std::vector<std::string>{"hail"}));
  EXPECT_TRUE(wave.before[0].adjacent);

  // Each pattern of the block is a pattern of each of its verbs.
  std::vector<const VerbPattern*> line12;
  for (const VerbPattern& p : dict.patterns()) {
    if (p.id.ends_with(":12")) line12.push_back(&p);
  }
  ASSERT_EQ(line12.size(), 2u);  // GREET and HAIL_+WAVE
  const VerbPattern& boat = *line12[0];
  EXPECT_EQ(boat.head, "greet");
  EXPECT_EQ(boat.code, "054");
  ASSERT_EQ(boat.elements.size(), 3u);
  // Synsets expand to their members, nested ones and phrases included.
  EXPECT_EQ(boat.elements[0].words, (std::vector<std::string>{"ferry", "barge", "log raft"}));
  EXPECT_EQ(boat.elements[1].words, (std::vector<std::string>{"from"}));
  EXPECT_TRUE(boat.elements[2].source);
  EXPECT_EQ(line12[1]->before.size(), 1u);  // HAIL before WAVE

  // "SAID_* +": SAID right before the verb, the target after it.
  const VerbPattern& said = AtLine(dict, 13);
  ASSERT_EQ(said.before.size(), 1u);
  EXPECT_EQ(said.before[0].words, (std::vector<std::string>{"said"}));
  EXPECT_TRUE(said.before[0].adjacent);
  ASSERT_EQ(said.elements.size(), 1u);
  EXPECT_TRUE(said.elements[0].target);

  const VerbPattern& together = AtLine(dict, 14);
  EXPECT_TRUE(together.compound);
  EXPECT_EQ(together.code, "---");
  ASSERT_EQ(together.elements.size(), 2u);
  EXPECT_TRUE(together.elements[0].skip);

  // A [---] block gives its verbs no default pattern; "+BRUSH_OFF" is the
  // verb BRUSH with OFF right after it.
  const VerbPattern& brush = AtLine(dict, 17);
  EXPECT_EQ(brush.head, "brush");
  EXPECT_EQ(brush.verb_forms, (std::vector<std::string>{"brushed"}));
  ASSERT_EQ(brush.elements.size(), 2u);
  EXPECT_EQ(brush.elements[0].words, (std::vector<std::string>{"off"}));
  EXPECT_TRUE(brush.elements[0].adjacent);
  EXPECT_FALSE(brush.elements[1].adjacent);
  for (const VerbPattern& p : dict.patterns()) EXPECT_FALSE(p.id.ends_with(":16"));

  // Lookup by form and by lemma, most specific first.
  auto found = dict.ForPeerVerb("greeten", "greeten");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(dict.pattern(found.back()).id, greet.id);
  EXPECT_FALSE(dict.ForPeerVerb("greeted", "greet").empty());
  EXPECT_TRUE(dict.ForPeerVerb("meet", "meet").empty());
}

TEST(PeerVerbs, ReadsUdPetrarchGroupsAndTheCodingOntology) {
  testing::TempDir dir;
  auto ontology = dir.Write("Test_Coding_Ontology.txt",
                            "# invented values\n"
                            "050:0x0080#cooperate\n"
                            "110:0x1007f#disapprove\n"
                            "120:-0xFFFF\n"
                            "121:-0xFFFF+0x0070  # reject material cooperation\n");
  auto verbs = dir.Write("test_verbs.txt",
                         "# UD-PETRARCH style\n"              // 1
                         "--- SCOLD  [110] ---\n"             // 2
                         "SCOLD {SCOLDS SCOLDED}\n"           // 3
                         "- * {HARSH WORDS} (AT +)  [121]\n"  // 4
                         "- (AMID $) *  [120]\n");            // 5
  auto dict = VerbDictionary::Load({ontology, verbs}, [](std::string_view) { return false; });
  EXPECT_TRUE(Messages(dict, DictionaryIssue::Severity::kError).empty());
  // Every code is in the ontology: no warnings about unknown codes.
  EXPECT_TRUE(Messages(dict, DictionaryIssue::Severity::kWarning).empty());
  const VerbPattern& words = AtLine(dict, 4);
  ASSERT_EQ(words.elements.size(), 4u);
  EXPECT_EQ(words.elements[0].words, (std::vector<std::string>{"harsh"}));
  EXPECT_EQ(words.elements[2].words, (std::vector<std::string>{"at"}));
  // The head of a noun phrase stands right after its modifier, or after a
  // coordinated one; the preposition after the group may be farther away.
  EXPECT_TRUE(words.elements[1].adjacent);
  EXPECT_TRUE(words.elements[1].coordinated);
  EXPECT_FALSE(words.elements[0].adjacent);
  EXPECT_FALSE(words.elements[2].adjacent);
  EXPECT_TRUE(words.elements[0].noun_phrase);
  EXPECT_FALSE(words.elements[2].noun_phrase);
  EXPECT_TRUE(words.elements[3].target);
  const VerbPattern& despite = AtLine(dict, 5);
  ASSERT_EQ(despite.before.size(), 2u);
  EXPECT_TRUE(despite.before[0].source);  // nearest the verb first
  EXPECT_EQ(despite.before[1].words, (std::vector<std::string>{"amid"}));
  // Negation adds or removes 0xFFFF.
  EXPECT_EQ(dict.NegatedCode("110"), "050");
  EXPECT_EQ(dict.NegatedCode("050"), "110");
  EXPECT_EQ(dict.NegatedCode("121"), "");  // 0x0070 - 0xFFFF + 0xFFFF has no code here
  EXPECT_EQ(dict.NegatedCode("999"), "");
}

TEST(PeerVerbs, ReadsTabariStemsChoicesAndSections) {
  testing::TempDir dir;
  auto file = dir.Write("Test.verbs",
                        "<SYNSETS>\n"                      // 1
                        "&GRAIN\n+WHEAT\n+BARLEY_\n"       // 2-4
                        "</SYNSETS>\n"                     // 5
                        "<TIME>\n"                         // 6
                        "NEXT_HARVEST [+90]\n"             // 7
                        "</TIME>\n"                        // 8
                        "SHIP_ [073] ;jb 3 Jan 99\n"       // 9
                        "{ SHIPPED_ SHIPPING_ }\n"         // 10
                        "- * &GRAIN TO + [071]\n"          // 11
                        "- * { CATTLE | SHEEP_ } [072]\n"  // 12
                        "EMBARG [163]\n"                   // 13
                        "~~FINISH\n"
                        "IGNORED [010]\n");
  auto dict = VerbDictionary::Load({file}, AnyCode);
  EXPECT_TRUE(dict.verbs_anywhere());
  EXPECT_TRUE(Messages(dict, DictionaryIssue::Severity::kError).empty());
  const VerbPattern& ship = AtLine(dict, 9);
  EXPECT_EQ(ship.head, "ship");
  EXPECT_FALSE(ship.head_is_stem);  // "SHIP_": a whole word
  EXPECT_EQ(ship.verb_forms, (std::vector<std::string>{"shipped", "shipping"}));
  const VerbPattern& grain = AtLine(dict, 11);
  ASSERT_EQ(grain.elements.size(), 3u);
  // TABARI words are stems unless they end in '_'.
  EXPECT_EQ(grain.elements[0].words, (std::vector<std::string>{"wheat*", "barley"}));
  EXPECT_EQ(grain.elements[1].words, (std::vector<std::string>{"to*"}));
  EXPECT_EQ(AtLine(dict, 12).elements.at(0).words, (std::vector<std::string>{"cattle*", "sheep"}));
  const VerbPattern& embargo = AtLine(dict, 13);
  EXPECT_TRUE(embargo.head_is_stem);
  EXPECT_FALSE(dict.ForPeerVerb("embargoed", "embargo").empty());
  EXPECT_EQ(dict.patterns().size(), 4u);  // nothing from <TIME> or after ~~FINISH
}

TEST(PeerVerbs, MalformedLinesAreReportedWithFileAndLine) {
  testing::TempDir dir;
  auto file = dir.Write("bad.verbs.txt",
                        "- * RIVER [051]\n"     // 1: before any verb
                        "--- HAIL [051] ---\n"  // 2
                        "HAIL\n"                // 3
                        "- * RIVER\n"           // 4: no code
                        "- * RIVER * [052]\n"   // 5: two verbs
                        "- * &NOWHERE [053]\n"  // 6: unknown synset (warning)
                        "- * BANK [05Z]\n");    // 7: not a CAMEO code (warning)
  auto lenient = VerbDictionary::Load(
      {file}, [](std::string_view code) { return code == "051"; }, false);
  auto errors = Messages(lenient, DictionaryIssue::Severity::kError);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("bad.verbs.txt:1:"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("before any verb"), std::string::npos);
  EXPECT_NE(errors[1].find("bad.verbs.txt:4:"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("bad.verbs.txt:5:"), std::string::npos) << errors[2];
  auto warnings = Messages(lenient, DictionaryIssue::Severity::kWarning);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("bad.verbs.txt:6:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("bad.verbs.txt:7:"), std::string::npos) << warnings[1];
  EXPECT_THROW(VerbDictionary::Load({file}, AnyCode), DictionaryError);

  auto ontology = dir.Write("bad_ontology.txt", "050:0x0080\n051:0xZZ\n");
  auto with_ontology = VerbDictionary::Load({ontology}, AnyCode, false);
  errors = Messages(with_ontology, DictionaryIssue::Severity::kError);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("bad_ontology.txt:2:"), std::string::npos) << errors[0];
}

TEST(PeerVerbs, DyadAndPeerVerbFilesDoNotMix) {
  testing::TempDir dir;
  auto peer = dir.Write("peer.txt", "--- HAIL [051] ---\nHAIL\n- * RIVER [052]\n");
  auto mine = dir.Write("mine.txt", "190 attack $T\n");
  EXPECT_THROW(VerbDictionary::Load({peer, mine}, AnyCode), DictionaryError);
}

TEST(PeerDiscards, StoryAndSentenceDiscards) {
  testing::TempDir dir;
  auto file = dir.Write("test.discards.txt",
                        "# invented\n"
                        "+GRAND_REGATTA   # a story about boats\n"
                        "PENALTY KICK\n");
  auto list = DiscardList::Load({file});
  auto keys = [](std::vector<std::string> words) {
    std::vector<Token> tokens;
    for (auto& w : words) {
      Token t;
      t.norm = w;
      tokens.push_back(t);
    }
    return MatchKeys::ForTokens(tokens, false);
  };
  auto story = list.Find(keys({"the", "Grand", "Regatta", "began"}));
  ASSERT_TRUE(story);
  EXPECT_EQ(story->scope, DiscardList::Scope::kDocument);
  auto sentence = list.Find(keys({"a", "penalty", "kick", "decided"}));
  ASSERT_TRUE(sentence);
  EXPECT_EQ(sentence->scope, DiscardList::Scope::kSentence);
  EXPECT_FALSE(list.Find(keys({"a", "penalty", "was", "paid"})));
}

}  // namespace
}  // namespace dyad::lexicon
