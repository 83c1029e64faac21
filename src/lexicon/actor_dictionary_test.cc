#include "lexicon/actor_dictionary.h"

#include <gtest/gtest.h>

#include "lexicon/agent_dictionary.h"
#include "lexicon/phrase_index.h"
#include "tests/support/temp_file.h"
#include "text/segmenter.h"
#include "util/date.h"
#include "util/strings.h"

namespace dyad::lexicon {
namespace {

int Day(const char* iso) { return *util::ParseIsoDate(iso); }

constexpr const char* kActors = R"(# test actors
Azerbaijan | Azerbaijani | Azeri => AZE
United States | US | U.S. => USA
Ilham Aliyev | Aliyev   # a person
  AZEGOV 2003-10-31..
  test 2020-10-05 AZEGOV
Jane Example | Example
  FRAGOV 2010..2012-05-14
  FRAOPP 2015-01..2016
Max Sample
  DEUGOV 2001..2005
  IGOUNO 2006..2010
)";

// TokenizePhrase splits plain phrases itself; the tokenizer is the
// reference for what a phrase's tokens are.
TEST(ActorDictionary, TokenizePhraseAgreesWithTheTokenizer) {
  auto reference = [](std::string_view phrase) {
    std::vector<std::pair<std::string, bool>> tokens;
    for (const Sentence& sentence : text::Segment(phrase, 0, phrase.size())) {
      for (const Token& token : sentence.tokens) {
        const bool exact = NeedsExactCase(token.norm);
        tokens.emplace_back(exact ? token.norm : util::FoldForMatch(token.norm), exact);
      }
    }
    return tokens;
  };
  const char* phrases[] = {"Ilham Aliyev", "US", "UN Security Council", "G20 summit", "NATO",
                           "USA", "Abu Dhabi 2", "x1y2 Z", "AB", "ABCD", "a", "Mr Smith",
                           "No 10", "St Petersburg", "Mr. Smith", "U.S. envoy", "O'Brien",
                           "Al-Assad", "Sana'a", "AT&T", "the  two", " leading", "Côte d'Ivoire"};
  for (std::string_view phrase : phrases) {
    std::vector<std::pair<std::string, bool>> tokens;
    for (const auto& token : TokenizePhrase(phrase)) tokens.emplace_back(token.key, token.exact_case);
    EXPECT_EQ(tokens, reference(phrase)) << phrase;
  }
}

TEST(ActorDictionary, ResolvesUndatedAndDatedEntries) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("actors.txt", kActors)});
  EXPECT_EQ(dict.Lookup("Azeri", std::nullopt), "AZE");
  EXPECT_EQ(dict.Lookup("Aliyev", Day("2020-10-05")), "AZEGOV");
  EXPECT_EQ(dict.Lookup("Aliyev", Day("2001-01-01")), std::nullopt);  // before any role
  EXPECT_EQ(dict.Lookup("Jane Example", Day("2011-06-01")), "FRAGOV");
  EXPECT_EQ(dict.Lookup("Jane Example", Day("2013-06-01")), "FRAELI");  // former official
  EXPECT_EQ(dict.Lookup("Example", Day("2015-03-01")), "FRAOPP");
  EXPECT_EQ(dict.Lookup("Example", std::nullopt), "FRAOPP");  // no date: latest role
  // After an international post, a former official is an elite of their country.
  EXPECT_EQ(dict.Lookup("Max Sample", Day("2012-01-01")), "DEUELI");
}

TEST(ActorDictionary, MatchesIgnoringCaseAndDiacriticsButNotShortCapitals) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("actors.txt", kActors + std::string("Erdoğan => TURGOV\n"))});
  EXPECT_EQ(dict.Lookup("ERDOGAN", std::nullopt), "TURGOV");
  EXPECT_EQ(dict.Lookup("azerbaijan", std::nullopt), "AZE");
  EXPECT_EQ(dict.Lookup("US", std::nullopt), "USA");
  EXPECT_EQ(dict.Lookup("us", std::nullopt), std::nullopt);
  EXPECT_EQ(dict.Lookup("U.S.", std::nullopt), "USA");
}

// In text, with the root filter: an exact-case phrase is found by the
// folded key's filter bit, and only when written in capitals.
TEST(ActorDictionary, FindsShortCapitalsInTextOnlyInCapitals) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("actors.txt", kActors)});
  for (std::string text : {"The US said so.", "Tell us so."}) {
    auto sentence = text::Segment(text, 0, text.size()).at(0);
    auto matches = dict.FindAll(MatchKeys::ForTokens(sentence.tokens, false));
    EXPECT_EQ(matches.size(), text.starts_with("The US") ? 1u : 0u) << text;
  }
}

TEST(ActorDictionary, FindsLongestPhrasesInText) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("actors.txt", kActors)});
  std::string text = "Ilham Aliyev met United States envoys.";
  auto sentence = text::Segment(text, 0, text.size()).at(0);
  auto matches = dict.FindAll(MatchKeys::ForTokens(sentence.tokens, false));
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].last - matches[0].first, 2u);  // "Ilham Aliyev", not "Aliyev"
  EXPECT_EQ(dict.entries()[matches[1].entry].name, "United States");
}

TEST(ActorDictionary, SharedSurnameNamesWhoeverHeldARoleOnTheDate) {
  testing::TempDir dir;
  auto dict = ActorDictionary::Load({dir.Write("actors.txt", R"(Elder Sample | ~Sample
  GBRGOV 1980..1989
Younger Sample | ~Sample
  GBRGOV 2010..2015
  GBROPP 2016..2018
Cousin Sample | ~Sample
  FRAGOV 2017..2019
)")});
  EXPECT_EQ(dict.Lookup("Sample", Day("1985-01-01")), "GBRGOV");
  EXPECT_EQ(dict.Lookup("Sample", Day("2012-01-01")), "GBRGOV");
  EXPECT_EQ(dict.Lookup("Sample", Day("2016-06-01")), "GBROPP");
  // Two people in different roles, or no one in office: no actor.
  EXPECT_EQ(dict.Lookup("Sample", Day("2017-06-01")), std::nullopt);
  EXPECT_EQ(dict.Lookup("Sample", Day("2000-01-01")), std::nullopt);
  EXPECT_EQ(dict.Lookup("Sample", std::nullopt), std::nullopt);
  EXPECT_EQ(dict.Lookup("Elder Sample", Day("2000-01-01")), "GBRELI");

  auto bad = ActorDictionary::Load({dir.Write("bad.txt", "Sample => GBR\nOther | ~Sample\n  FRAGOV 2001..\n")},
                                   /*strict=*/false);
  ASSERT_FALSE(bad.issues().empty());
  EXPECT_NE(bad.issues()[0].ToString().find("bad.txt:2: error: shared phrase '~Sample' is also an unshared"),
            std::string::npos);
}

TEST(ActorDictionary, ReportsErrorsWithFileAndLine) {
  testing::TempDir dir;
  auto file = dir.Write("bad.txt",
                        "Gondor => gon\n"              // line 1: bad code
                        "Rohan\n"                      // line 2: entry without a code
                        "Arnor | Rohan => ARN\n"       // line 3: phrase defined twice
                        "Someone\n  XYZGOV 2020-13..\n"  // line 5: bad date
                        "Other\n  ABCGOV 2001..2005\n  ABCMIL 2004..2006\n");  // line 8: overlap
  auto dict = ActorDictionary::Load({file}, /*strict=*/false);
  std::vector<std::string> messages;
  for (const auto& issue : dict.issues()) messages.push_back(issue.ToString());
  auto has = [&](const std::string& needle) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(has("bad.txt:1: error: 'gon' is not an actor code"));
  EXPECT_TRUE(has("bad.txt:3: error: phrase 'Rohan' is already defined at"));
  EXPECT_TRUE(has("bad.txt:5: error: bad date range"));
  EXPECT_TRUE(has("bad.txt:8: error: role ABCMIL overlaps role ABCGOV"));
  EXPECT_TRUE(has("bad.txt:2: error: entry 'Rohan' has no code"));
  EXPECT_THROW(ActorDictionary::Load({file}), DictionaryError);
}

TEST(AgentDictionary, MatchesLemmasAndMultiWordAgents) {
  testing::TempDir dir;
  auto file = dir.Write("agents.txt", "MIL: force | armed forces | soldier\nREB: nationalist militia\n");
  auto agents = AgentDictionary::Load({file});
  std::string text = "armed forces and nationalist militias";
  auto sentence = text::Segment(text, 0, text.size()).at(0);
  sentence.tokens[4].lemma = "militia";  // as the tagger would lemmatise it
  auto matches = agents.FindAll(MatchKeys::ForTokens(sentence.tokens, true),
                                MatchKeys::ForTokens(sentence.tokens, false));
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].sector, "MIL");
  EXPECT_EQ(matches[0].last - matches[0].first, 2u);
  EXPECT_EQ(matches[1].sector, "REB");
}

// Keys filled into an object that held a longer sentence's keys (and lemma
// keys) are those of a fresh one.
TEST(MatchKeys, FillingReusedKeysGivesFreshKeys) {
  std::string longer = "Ilham Aliyev met the Azeri delegation in Baku on Tuesday";
  std::string shorter = "The ÉLYSÉE said US troops";
  auto first = text::Segment(longer, 0, longer.size()).at(0);
  auto second = text::Segment(shorter, 0, shorter.size()).at(0);
  MatchKeys keys;
  MatchKeys::ForTokens(first.tokens, false, keys);
  MatchKeys lemmas;
  MatchKeys::LemmasFor(first.tokens, keys, lemmas);
  keys = lemmas;  // with `own` set
  MatchKeys::ForTokens(second.tokens, false, keys);
  const MatchKeys fresh = MatchKeys::ForTokens(second.tokens, false);
  ASSERT_EQ(keys.folded.size(), fresh.folded.size());
  for (size_t t = 0; t < fresh.folded.size(); ++t) EXPECT_EQ(keys.folded[t], fresh.folded[t]) << t;
  EXPECT_EQ(keys.caps, fresh.caps);
  EXPECT_EQ(keys.hashes, fresh.hashes);
  EXPECT_TRUE(keys.own.empty());
}

}  // namespace
}  // namespace dyad::lexicon
