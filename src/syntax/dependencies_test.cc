#include "syntax/dependencies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "syntax/clause_finder.h"
#include "tag/tagger.h"
#include "text/segmenter.h"

namespace dyad::syntax {
namespace {

// Tags, analyses and converts one sentence with the real lexicon.
class DependenciesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tagger_ = std::make_unique<tag::Tagger>(
        tag::Tagger::Load(tag::DefaultLexiconPath(), tag::DefaultWordNetDir()));
  }

  void Convert(const std::string& text) {
    text_ = text;
    auto sentences = text::Segment(text_, 0, text_.size());
    ASSERT_EQ(sentences.size(), 1u) << text;
    sentence_ = std::move(sentences[0]);
    tagger_->Tag(sentence_);
    deps_ = ToDependencies(sentence_, Analyze(sentence_));
  }

  // Pre-tokenised input, as from a treebank: words separated by spaces.
  void ConvertTokens(const std::string& text) {
    text_ = text;
    sentence_ = Sentence{};
    uint32_t begin = 0;
    while (begin < text_.size()) {
      uint32_t end = static_cast<uint32_t>(std::min(text_.find(' ', begin), text_.size()));
      Token token;
      token.begin = begin;
      token.end = end;
      token.norm = text_.substr(begin, end - begin);
      sentence_.tokens.push_back(token);
      begin = end + 1;
    }
    sentence_.end = static_cast<uint32_t>(text_.size());
    tagger_->Tag(sentence_);
    deps_ = ToDependencies(sentence_, Analyze(sentence_));
  }

  // "relation(head word)" of the token written `word`.
  std::string Of(const std::string& word) const {
    for (size_t i = 0; i < sentence_.tokens.size(); ++i) {
      if (sentence_.tokens[i].norm != word) continue;
      const Dependency& d = deps_[i];
      std::string head = d.head == 0 ? "ROOT" : sentence_.tokens[d.head - 1].norm;
      return d.relation + "(" + head + ")";
    }
    return "no such word";
  }

  static std::unique_ptr<tag::Tagger> tagger_;
  std::string text_;
  Sentence sentence_;
  std::vector<Dependency> deps_;
};

std::unique_ptr<tag::Tagger> DependenciesTest::tagger_;

TEST_F(DependenciesTest, PlaceNamesAreHeadedByTheirLastWord) {
  Convert("North Korea fired artillery rounds at the border.");
  EXPECT_EQ(Of("Korea"), "nsubj(fired)");
}

TEST_F(DependenciesTest, PersonNamesAfterTitlesAreHeadedByTheirFirstWord) {
  Convert("NASA Administrator Charles Bolden announced the locations.");
  EXPECT_EQ(Of("Charles"), "nsubj(announced)");
  Convert("Mr Key promoted the campaign.");
  EXPECT_EQ(Of("Key"), "nsubj(promoted)");
}

TEST_F(DependenciesTest, ByPhraseGoesWithTheNearestParticiple) {
  Convert("Afghanistan is one of the nations covered by the ban.");
  EXPECT_EQ(Of("ban"), "obl:agent(covered)");
}

TEST_F(DependenciesTest, HyphenatedNameIsOneName) {
  ConvertTokens("Her father Mohamed El - Hassan said he was proud .");
  EXPECT_EQ(Of("father"), "nsubj(said)");
}

TEST_F(DependenciesTest, PrepositionalAndAdverbialPredicatesOfBe) {
  Convert("We are in contact with all parties.");
  EXPECT_EQ(Of("We"), "nsubj(contact)");
  EXPECT_EQ(Of("are"), "cop(contact)");
  Convert("Construction was underway at the mosque.");
  EXPECT_EQ(Of("Construction"), "nsubj(underway)");
}

TEST_F(DependenciesTest, MorePredicatesOfBe) {
  Convert("The turnout was the highest in its history.");
  EXPECT_EQ(Of("turnout"), "nsubj(highest)");
  Convert("Warhol was both an artist and a businessman.");
  EXPECT_EQ(Of("Warhol"), "nsubj(artist)");
  Convert("He was such a personality.");
  EXPECT_EQ(Of("He"), "nsubj(personality)");
  Convert("The school was not alone in receiving a gift.");
  EXPECT_EQ(Of("school"), "nsubj(alone)");
}

TEST_F(DependenciesTest, PassiveKeepsItsSecondObject) {
  Convert("They were denied visas twice.");
  EXPECT_EQ(Of("visas"), "obj(denied)");
  EXPECT_EQ(Of("They"), "nsubj:pass(denied)");
}

TEST_F(DependenciesTest, RelativePronounBeforeTheSubjectIsTheObject) {
  Convert("He conceded a penalty which the referee awarded after a review.");
  EXPECT_EQ(Of("which"), "obj(awarded)");
  EXPECT_EQ(Of("referee"), "nsubj(awarded)");
}

TEST_F(DependenciesTest, ParticipleAfterAnObjectModifiesIt) {
  Convert("NASA held a ceremony commemorating the date.");
  EXPECT_EQ(Of("ceremony"), "obj(held)");
  Convert("With Ho defeating Lee, the party won.");
  EXPECT_EQ(Of("Ho"), "nsubj(defeating)");
}

TEST_F(DependenciesTest, HeadlineParticipleHasItsSubject) {
  Convert("Parents prosecuted after daughter's death");
  EXPECT_EQ(Of("Parents"), "nsubj:pass(prosecuted)");
  Convert("Drones owned by the army crashed.");
  EXPECT_EQ(Of("Drones"), "nsubj(crashed)");
}

TEST_F(DependenciesTest, NameAfterTheIsHeadedByItsLastWord) {
  Convert("The Rotary Club raised funds.");
  EXPECT_EQ(Of("Club"), "nsubj(raised)");
  Convert("Maria Lopez raised funds.");
  EXPECT_EQ(Of("Maria"), "nsubj(raised)");
}

TEST_F(DependenciesTest, QuantifierSubjectsNumberedNamesAndQuotedPredicates) {
  Convert("The survey showed many are poor.");
  EXPECT_EQ(Of("many"), "nsubj(poor)");
  Convert("Apollo Lander 4 reached the moon.");
  EXPECT_EQ(Of("Lander"), "nsubj(reached)");
  Convert("The mayor said the budget is \"a disaster\".");
  EXPECT_EQ(Of("budget"), "nsubj(disaster)");
}

TEST_F(DependenciesTest, StatesAfterBeAreAdjectivalPredicates) {
  Convert("The voters were pleased with the result.");
  EXPECT_EQ(Of("voters"), "nsubj(pleased)");
  EXPECT_EQ(Of("were"), "cop(pleased)");
  Convert("The beach was uncrowded.");
  EXPECT_EQ(Of("beach"), "nsubj(uncrowded)");
  // A verb beginning with "un" keeps its passive.
  Convert("The plan was unveiled.");
  EXPECT_EQ(Of("plan"), "nsubj:pass(unveiled)");
  Convert("The suspects were arrested.");
  EXPECT_EQ(Of("suspects"), "nsubj:pass(arrested)");
}

TEST_F(DependenciesTest, RoleBeforeANameIsTheSubject) {
  Convert("After the vote, the party's leader, Ana Ruiz said the result was fair.");
  EXPECT_EQ(Of("leader"), "nsubj(said)");
}

TEST_F(DependenciesTest, InvertedSpeakerIsTheSubject) {
  Convert("\"We will rebuild,\" said Garcia to the crowd.");
  EXPECT_EQ(Of("Garcia"), "nsubj(said)");
  Convert("Tenants, said Garcia, must pay on time.");
  EXPECT_EQ(Of("Garcia"), "nsubj(said)");
}

TEST_F(DependenciesTest, SubjectOfForToInfinitive) {
  Convert("The town built new houses for refugees to live in.");
  EXPECT_EQ(Of("refugees"), "nsubj(live)");
  EXPECT_EQ(Of("houses"), "obj(built)");
  Convert("The ruling prompted calls for all old bridges to be repaired.");
  EXPECT_EQ(Of("bridges"), "nsubj:pass(repaired)");
  // A controlled infinitive still has no subject of its own.
  Convert("The miners asked the company to raise wages.");
  EXPECT_EQ(Of("company"), "obj(asked)");
}

TEST_F(DependenciesTest, HeadlineParticipleThenAClause) {
  Convert("Farmers arrested after police raid leads to protest");
  EXPECT_EQ(Of("Farmers"), "nsubj:pass(arrested)");
  EXPECT_EQ(Of("raid"), "nsubj(leads)");
}

TEST_F(DependenciesTest, CoordinatedSubjectAfterThat) {
  Convert("The army said that the mayor and his aide were detained.");
  EXPECT_EQ(Of("mayor"), "nsubj:pass(detained)");
}

}  // namespace
}  // namespace dyad::syntax
