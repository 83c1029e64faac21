#include "lexicon/verb_dictionary.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/support/temp_file.h"

namespace dyad::lexicon {
namespace {

bool KnownCode(std::string_view code) {
  return code == "190" || code == "072" || code == "161" || code == "042" || code == "051";
}

TEST(VerbDictionary, ParsesVerbAndNounPatternsWithSynsets) {
  testing::TempDir dir;
  auto verbs = dir.Write("verbs/test.txt",
                         "# test\n"
                         "190 attack $T\n"
                         "072 sell &ARMS to $T\n"
                         "161 recall {ambassador|envoy}\n"
                         "042 noun talk between\n"
                         "051 noun support for $T\n"
                         "&ARMS = arms | weapon | drone\n");
  auto dict = VerbDictionary::Load({verbs}, KnownCode);
  ASSERT_EQ(dict.patterns().size(), 5u);
  const auto& sell = dict.pattern(dict.ForVerb("sell").at(0));
  EXPECT_EQ(sell.code, "072");
  EXPECT_EQ(sell.id, "verbs/test.txt:3");
  ASSERT_EQ(sell.elements.size(), 3u);
  EXPECT_EQ(sell.elements[0].words, (std::vector<std::string>{"arms", "weapon", "drone"}));
  EXPECT_TRUE(sell.elements[2].target);
  const auto& talk = dict.pattern(dict.ForNoun("talk").at(0));
  EXPECT_TRUE(talk.reciprocal);
  const auto& support = dict.pattern(dict.ForNoun("support").at(0));
  EXPECT_FALSE(support.reciprocal);
  EXPECT_EQ(support.elements.at(0).words.at(0), "for");
}

// Word ids and the anchor index only speed matching up: a pattern is left
// out of VerbCandidates only when its rarest word element cannot occur.
TEST(VerbDictionary, CandidatesNeedTheirRarestWord) {
  testing::TempDir dir;
  auto verbs = dir.Write("verbs/test.txt",
                         "190 attack $T\n"
                         "072 sell &ARMS to $T\n"
                         "161 sell {ambassador|envoy}\n"
                         "&ARMS = arms | weapon | drone\n");
  auto dict = VerbDictionary::Load({verbs}, KnownCode);
  const uint32_t to = dict.WordId("to"), envoy = dict.WordId("envoy");
  ASSERT_NE(to, VerbDictionary::kNoWord);
  EXPECT_EQ(dict.WordId("tank"), VerbDictionary::kNoWord);
  EXPECT_EQ(dict.pattern(dict.ForVerb("sell")[0]).elements[0].ids.size(), 3u);
  auto sorted = [](std::vector<uint32_t> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  // "sell ... to $T" is anchored on "to" (one word), the other on its two.
  EXPECT_EQ(dict.VerbCandidates("sell", sorted({to})), (std::vector<uint32_t>{0}));
  EXPECT_EQ(dict.VerbCandidates("sell", sorted({to, envoy})), (std::vector<uint32_t>{0, 1}));
  EXPECT_TRUE(dict.VerbCandidates("sell", {}).empty());
  // A pattern without word elements is always a candidate.
  EXPECT_EQ(dict.VerbCandidates("attack", {}), (std::vector<uint32_t>{0}));
  EXPECT_TRUE(dict.VerbCandidates("unknown", sorted({to})).empty());
}

TEST(VerbDictionary, MoreSpecificPatternsComeFirst) {
  testing::TempDir dir;
  auto verbs = dir.Write("verbs/test.txt",
                         "190 attack $T\n"
                         "190 attack $T with drone\n");
  auto dict = VerbDictionary::Load({verbs}, KnownCode);
  EXPECT_EQ(dict.pattern(dict.ForVerb("attack")[0]).id, "verbs/test.txt:2");
}

TEST(VerbDictionary, ReportsErrorsWithFileAndLine) {
  testing::TempDir dir;
  auto verbs = dir.Write("verbs/bad.txt",
                         "999 attack $T\n"          // unknown code
                         "190 attack $T with $T\n"  // two targets
                         "190 use &NOPE\n"          // undefined synset
                         "190 hit {a|b\n");         // unclosed alternatives
  auto dict = VerbDictionary::Load({verbs}, KnownCode, /*strict=*/false);
  std::vector<std::string> lines;
  for (const auto& issue : dict.issues()) lines.push_back(issue.ToString());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find("bad.txt:1: error: '999' is not a CAMEO event code"), std::string::npos);
  EXPECT_NE(lines[1].find("bad.txt:2: error: more than one $T"), std::string::npos);
  EXPECT_NE(lines[2].find("bad.txt:4: error: unclosed alternatives"), std::string::npos);
  EXPECT_NE(lines[3].find("bad.txt:3: error: synset &NOPE is not defined"), std::string::npos);
  EXPECT_THROW(VerbDictionary::Load({verbs}, KnownCode), DictionaryError);
}

TEST(VerbDictionary, PatternsMayCarryTheirPloverType) {
  testing::TempDir dir;
  auto verbs = dir.Write("verbs/p.txt",
                         "161/SANCTION:expel recall {ambassador|envoy}\n"
                         "190 attack $T\n"
                         "042/consult visit $T\n");  // not upper case: an error
  auto dict = VerbDictionary::Load({verbs}, KnownCode, /*strict=*/false);
  ASSERT_EQ(dict.patterns().size(), 2u);
  const auto& recall = dict.pattern(dict.ForVerb("recall").at(0));
  EXPECT_EQ(recall.code, "161");
  const VerbDictionary::PloverType* type = dict.PloverTypeOf(recall.id);
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->code, "161");
  EXPECT_EQ(type->event, "SANCTION");
  EXPECT_EQ(type->mode, "expel");
  EXPECT_EQ(dict.PloverTypeOf(dict.pattern(dict.ForVerb("attack").at(0)).id), nullptr);
  ASSERT_EQ(dict.issues().size(), 1u);
  EXPECT_NE(dict.issues()[0].ToString().find("p.txt:3: error: 'consult' is no PLOVER type"), std::string::npos);
}

TEST(VerbDictionary, SeveralFilesKeepFileOrderAndSynsetsAcrossFiles) {
  // Files are parsed on two threads and merged: patterns, issues and
  // synsets must come out as if the files were read one after the other.
  testing::TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 6; ++i) {
    std::string text = "190 attack $T\n072 sell &TOOLS to $T\n999 bad code\n";
    if (i == 2) text += "&TOOLS = arms | drone\n190 strike $T\n";
    if (i == 4) text += "&TOOLS = tank\n";  // a second definition
    files.push_back(dir.Write("verbs/" + std::to_string(i) + ".txt", text));
  }
  auto dict = VerbDictionary::Load(files, KnownCode, /*strict=*/false);
  ASSERT_EQ(dict.patterns().size(), 13u);
  EXPECT_EQ(dict.patterns()[0].id, "verbs/0.txt:1");
  EXPECT_EQ(dict.patterns()[6].id, "verbs/2.txt:5");
  EXPECT_EQ(dict.patterns()[12].id, "verbs/5.txt:2");
  const auto& sell = dict.pattern(dict.ForVerb("sell").at(0));
  EXPECT_EQ(sell.elements[0].words, (std::vector<std::string>{"arms", "drone"}));
  std::vector<std::string> lines;
  for (const auto& issue : dict.issues()) lines.push_back(issue.ToString());
  ASSERT_EQ(lines.size(), 7u);
  for (int i = 0; i < 6; ++i) {
    const size_t at = i < 5 ? i : 6;  // the twice-defined synset comes after 4.txt:3
    EXPECT_NE(lines[at].find(std::to_string(i) + ".txt:3: error: '999'"), std::string::npos) << lines[at];
  }
  EXPECT_NE(lines[5].find("4.txt:4: error: synset &TOOLS is defined twice"), std::string::npos);
}

TEST(DiscardList, FindsSentenceAndDocumentPhrases) {
  testing::TempDir dir;
  auto file = dir.Write("discards.txt", "sentence: World Cup\ndocument: box office\n");
  auto list = DiscardList::Load({file});
  Token world{0, 5, "World", "", ""}, cup{6, 9, "Cup", "", ""};
  auto hit = list.Find(MatchKeys::ForTokens({world, cup}, false));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->scope, DiscardList::Scope::kSentence);
  Token box{0, 3, "box", "", ""}, office{4, 10, "office", "", ""};
  EXPECT_EQ(list.Find(MatchKeys::ForTokens({box, office}, false))->scope, DiscardList::Scope::kDocument);
  EXPECT_FALSE(list.Find(MatchKeys::ForTokens({box}, false)));
}

TEST(DiscardList, AContestPhraseYieldsToAStrongerOneLaterInTheSentence) {
  testing::TempDir dir;
  auto file = dir.Write("discards.txt", "contest: Olympics\nsentence: gold medal\nbogus: x\n");
  auto list = DiscardList::Load({file}, false);
  ASSERT_EQ(list.issues().size(), 1u);
  EXPECT_NE(list.issues()[0].ToString().find("discards.txt:3: error: expected 'sentence: PHRASE'"),
            std::string::npos);
  Token olympics{0, 8, "Olympics", "", ""}, gold{9, 13, "gold", "", ""}, medal{14, 19, "medal", "", ""};
  auto contest = list.Find(MatchKeys::ForTokens({olympics}, false));
  ASSERT_TRUE(contest);
  EXPECT_EQ(contest->scope, DiscardList::Scope::kContest);
  auto sentence = list.Find(MatchKeys::ForTokens({olympics, gold, medal}, false));
  ASSERT_TRUE(sentence);
  EXPECT_EQ(sentence->scope, DiscardList::Scope::kSentence);
}

}  // namespace
}  // namespace dyad::lexicon
