#include "syntax/clause_finder.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tag/tagger.h"
#include "text/segmenter.h"

namespace dyad::syntax {
namespace {

// Tags and analyses one sentence with the real lexicon and WordNet.
class ClauseFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tagger_ = std::make_unique<tag::Tagger>(
        tag::Tagger::Load(tag::DefaultLexiconPath(), tag::DefaultWordNetDir()));
  }

  void Analyse(const std::string& text) {
    text_ = text;
    auto sentences = text::Segment(text_, 0, text_.size());
    ASSERT_EQ(sentences.size(), 1u) << text;
    sentence_ = std::move(sentences[0]);
    tagger_->Tag(sentence_);
    analysis_ = Analyze(sentence_);
  }

  std::string Words(TokenSpan span) const {
    if (span.empty()) return "";
    return text_.substr(sentence_.tokens[span.first].begin,
                        sentence_.tokens[span.last - 1].end - sentence_.tokens[span.first].begin);
  }

  // The clause whose head verb is written `verb`.
  const Clause& ClauseOf(const std::string& verb) const {
    for (const Clause& c : analysis_.clauses) {
      if (sentence_.tokens[c.head].norm == verb) return c;
    }
    ADD_FAILURE() << "no clause headed by '" << verb << "'";
    static const Clause kNone;
    return kNone;
  }

  // The subject, following borrowed subjects to their clause.
  std::string SubjectOf(const std::string& verb) const {
    return Words(EffectiveSubject(analysis_, ClauseOf(verb)));
  }

  static std::unique_ptr<tag::Tagger> tagger_;
  std::string text_;
  Sentence sentence_;
  SentenceAnalysis analysis_;
};

std::unique_ptr<tag::Tagger> ClauseFinderTest::tagger_;

TEST_F(ClauseFinderTest, ActiveClauseHasSubjectAndObject) {
  Analyse("The Kurdish rebels attacked a police station in the east.");
  const Clause& c = ClauseOf("attacked");
  EXPECT_EQ(Words(c.subject), "The Kurdish rebels");
  EXPECT_EQ(Words(c.object), "a police station");
  EXPECT_EQ(c.voice, Voice::kActive);
  EXPECT_EQ(c.modality, Modality::kAsserted);
}

TEST_F(ClauseFinderTest, PassiveClauseHasByAgent) {
  Analyse("The convoy was ambushed by militants near the border.");
  const Clause& c = ClauseOf("ambushed");
  EXPECT_EQ(c.voice, Voice::kPassive);
  EXPECT_EQ(Words(c.subject), "The convoy");
  EXPECT_EQ(Words(c.agent), "militants");
}

TEST_F(ClauseFinderTest, SubjectThroughOfChainAndApposition) {
  Analyse("The head of the drone maker, Ivan Petrov, praised the new contract.");
  EXPECT_EQ(Words(ClauseOf("praised").subject), "The head of the drone maker, Ivan Petrov");
}

TEST_F(ClauseFinderTest, InfinitiveTakesTheGoverningObject) {
  Analyse("The vote led Serbia to recall its envoy.");
  EXPECT_EQ(SubjectOf("recall"), "Serbia");
  EXPECT_EQ(ClauseOf("recall").modality, Modality::kAsserted);
}

TEST_F(ClauseFinderTest, AppealMakesTheInfinitiveHypothetical) {
  Analyse("The president urged Russia to withdraw its troops.");
  EXPECT_EQ(SubjectOf("withdraw"), "Russia");
  EXPECT_EQ(ClauseOf("withdraw").modality, Modality::kHypothetical);
}

TEST_F(ClauseFinderTest, AccusedOfMakesTheEventAlleged) {
  Analyse("Iran was accused on Monday of supplying missiles to the rebels.");
  EXPECT_EQ(SubjectOf("supplying"), "Iran");
  EXPECT_EQ(ClauseOf("supplying").modality, Modality::kAlleged);
}

TEST_F(ClauseFinderTest, ParticipleAfterNounTakesItAsSubject) {
  Analyse("Officials met in Geneva, with the Swiss minister calling on both sides to talk.");
  EXPECT_EQ(SubjectOf("calling"), "the Swiss minister");
}

TEST_F(ClauseFinderTest, ConjoinedPredicateSharesTheSubject) {
  Analyse("Government troops entered the town and arrested dozens of protesters.");
  EXPECT_EQ(SubjectOf("arrested"), "Government troops");
}

TEST_F(ClauseFinderTest, NegationAndModals) {
  Analyse("Egypt did not condemn the strike.");
  EXPECT_TRUE(ClauseOf("condemn").negated);
  Analyse("Japan may impose new sanctions.");
  EXPECT_EQ(ClauseOf("impose").modality, Modality::kHypothetical);
  Analyse("Kenya will send more troops.");
  EXPECT_EQ(ClauseOf("send").modality, Modality::kFuture);
  Analyse("Rebels have reportedly seized the airport.");
  EXPECT_EQ(ClauseOf("seized").modality, Modality::kReported);
}

TEST_F(ClauseFinderTest, ReportingFrameBeforeTheClause) {
  Analyse("The ministry said that Chinese ships had entered the disputed waters.");
  const Clause& c = ClauseOf("entered");
  EXPECT_EQ(Words(c.reported_by), "The ministry");
  EXPECT_EQ(c.modality, Modality::kReported);
}

TEST_F(ClauseFinderTest, ReportingFrameAfterTheClause) {
  Analyse("Police arrested three journalists, the union said.");
  EXPECT_EQ(Words(ClauseOf("arrested").reported_by), "the union");
}

TEST_F(ClauseFinderTest, InvertedReportingFrame) {
  Analyse("Police arrested three journalists, said the union.");
  EXPECT_EQ(SubjectOf("said"), "the union");
  EXPECT_EQ(Words(ClauseOf("arrested").reported_by), "the union");
}

TEST_F(ClauseFinderTest, AccordingToIsAFrame) {
  Analyse("According to witnesses, soldiers fired on the crowd.");
  EXPECT_EQ(Words(ClauseOf("fired").reported_by), "witnesses");
}

TEST_F(ClauseFinderTest, NominalPredicateWithPrepositions) {
  Analyse("Talks between Chile and Peru resumed on Friday.");
  ASSERT_FALSE(analysis_.nominals.empty());
  const NominalPredicate& talks = analysis_.nominals.front();
  EXPECT_EQ(sentence_.tokens[talks.head].norm, "Talks");
  ASSERT_FALSE(talks.obliques.empty());
  EXPECT_EQ(sentence_.tokens[talks.obliques[0].preposition].norm, "between");
  EXPECT_EQ(Words(talks.obliques[0].phrase), "Chile");
}

TEST_F(ClauseFinderTest, SubjectAcrossARelativeClauseBetweenCommas) {
  Analyse("The accident, which occurred yesterday afternoon, was caused by strong winds.");
  EXPECT_EQ(SubjectOf("caused"), "The accident");
  Analyse("The ministry, which denied the report, said the talks would go on.");
  EXPECT_EQ(SubjectOf("said"), "The ministry");
}

TEST_F(ClauseFinderTest, SubjectAcrossSeveralAppositions) {
  Analyse("Daniel Montalvo, 19, a member of the church, was arrested on Friday.");
  EXPECT_EQ(SubjectOf("arrested"), "Daniel Montalvo, 19, a member of the church");
}

TEST_F(ClauseFinderTest, SubjectAcrossAParticipialPhraseBetweenCommas) {
  Analyse("The envoy, speaking to reporters in Cairo, rejected the offer.");
  EXPECT_EQ(SubjectOf("rejected"), "The envoy");
}

TEST_F(ClauseFinderTest, IntroductoryPhraseIsNotTheSubject) {
  Analyse("After the war ended in the city, the army, which lost many men, withdrew.");
  EXPECT_EQ(SubjectOf("withdrew"), "the army");
}

TEST_F(ClauseFinderTest, SubjectAcrossAReducedRelative) {
  Analyse("Photos released by the police showed the damage.");
  EXPECT_EQ(SubjectOf("showed"), "Photos");
  Analyse("Protesters demanding new elections blocked the main road.");
  EXPECT_EQ(SubjectOf("blocked"), "Protesters");
}

TEST_F(ClauseFinderTest, SubjectAcrossARelativeClause) {
  Analyse("The man who killed the mayor was arrested.");
  EXPECT_EQ(SubjectOf("arrested"), "The man");
  // After a verb of saying the noun is the subject of the complement.
  Analyse("The officer who said the army fired was dismissed.");
  EXPECT_EQ(SubjectOf("fired"), "the army");
}

TEST_F(ClauseFinderTest, SubjectAcrossAnInfinitiveModifier) {
  Analyse("Moves to reduce the backlog are welcome.");
  EXPECT_EQ(SubjectOf("are"), "Moves");
  Analyse("We want to work with them and I would welcome it.");
  EXPECT_EQ(SubjectOf("welcome"), "I");
}

TEST_F(ClauseFinderTest, ThatComplementIsInsideTheGoverningClause) {
  Analyse("Germany demanded that Iran release the prisoners.");
  EXPECT_EQ(SubjectOf("release"), "Iran");
  const Clause& demanded = ClauseOf("demanded");
  EXPECT_TRUE(demanded.extent.Contains(sentence_.tokens.size() - 2)) << Words(demanded.extent);
}

TEST_F(ClauseFinderTest, HeadlineParticipleIsAPassive) {
  Analyse("Five soldiers killed in attack near Kabul");
  const Clause& killed = ClauseOf("killed");
  EXPECT_EQ(killed.voice, Voice::kPassive);
  EXPECT_EQ(Words(killed.subject), "Five soldiers");
  EXPECT_TRUE(IsHeadline(sentence_));
  Analyse("Five soldiers killed the commander near Kabul.");
  EXPECT_EQ(ClauseOf("killed").voice, Voice::kActive);
  EXPECT_FALSE(IsHeadline(sentence_));
}

TEST_F(ClauseFinderTest, SubjectAcrossAParenthesis) {
  Analyse("The World Health Organisation (WHO) recommends that every country iodise salt.");
  EXPECT_EQ(SubjectOf("recommends"), "The World Health Organisation");
}

TEST_F(ClauseFinderTest, ObjectBeforeAndIsNotTheNextSubject) {
  Analyse("Fishermen rescued 700 people and a warship was deployed.");
  EXPECT_EQ(SubjectOf("deployed"), "a warship");
  Analyse("The ministry said Armenia and Turkey agreed to talk.");
  EXPECT_EQ(SubjectOf("agreed"), "Armenia and Turkey");
}

TEST_F(ClauseFinderTest, ReportingVerbWithAComplementIsNotInverted) {
  Analyse("Paul Dewar, an opposition MP, said the government failed.");
  EXPECT_EQ(SubjectOf("said"), "Paul Dewar, an opposition MP");
}

TEST_F(ClauseFinderTest, DegreeAdverbInsideANounPhrase) {
  Analyse("It was a very difficult decision.");
  ASSERT_EQ(analysis_.noun_phrases.size(), 2u);
  EXPECT_EQ(Words(analysis_.noun_phrases[1]), "a very difficult decision");
  Analyse("Warhol was both an artist and a businessman.");
  EXPECT_EQ(Words(analysis_.noun_phrases[1]), "an artist");
}

TEST_F(ClauseFinderTest, ListOfSubjects) {
  Analyse("Ubisoft, Microsoft, and Sony all had large stands.");
  EXPECT_EQ(SubjectOf("had"), "Ubisoft, Microsoft, and Sony");
  Analyse("Armenia, Russia and Iran signed the accord.");
  EXPECT_EQ(SubjectOf("signed"), "Armenia, Russia and Iran");
  // An introductory phrase or an earlier object starts no list.
  Analyse("After the war, France and Germany signed the accord.");
  EXPECT_EQ(SubjectOf("signed"), "France and Germany");
  Analyse("She made no hormone, and the child did not grow.");
  EXPECT_EQ(SubjectOf("grow"), "the child");
}

TEST_F(ClauseFinderTest, SubjectChainThroughSuchAsAndInto) {
  Analyse("Other sites such as Gawker have refused.");
  EXPECT_EQ(SubjectOf("refused"), "Other sites such as Gawker");
  Analyse("Iodine released from these chemicals into milk has been the main source.");
  EXPECT_EQ(SubjectOf("been"), "Iodine");
}

TEST_F(ClauseFinderTest, ParticipleAfterAnObjectIsAReducedPassive) {
  Analyse("The child battled infections caused by the bites.");
  const Clause& caused = ClauseOf("caused");
  EXPECT_EQ(caused.voice, Voice::kPassive);
  EXPECT_EQ(Words(caused.agent), "the bites");
  // After a verb that takes a clause the noun is that clause's subject.
  Analyse("The ministry said the forces pushed into the town.");
  EXPECT_EQ(ClauseOf("pushed").voice, Voice::kActive);
  Analyse("Officials left as thousands of people crowded into the square.");
  EXPECT_EQ(ClauseOf("crowded").voice, Voice::kActive);
}

TEST_F(ClauseFinderTest, SubjectAfterARelativeClauseWithoutObject) {
  Analyse("Those who were tripped were then crushed by the crowd.");
  EXPECT_EQ(SubjectOf("crushed"), "Those");
}

TEST_F(ClauseFinderTest, FloatingQuantifierInsideTheVerbGroup) {
  Analyse("The prisoners were all released by the rebels.");
  const Clause& released = ClauseOf("released");
  EXPECT_EQ(released.voice, Voice::kPassive);
  EXPECT_EQ(Words(released.subject), "The prisoners");
  EXPECT_EQ(Words(released.agent), "the rebels");
}

TEST_F(ClauseFinderTest, ParticipleAfterTheObjectOfHave) {
  Analyse("Sony had large areas set up for visitors.");
  EXPECT_EQ(ClauseOf("set").voice, Voice::kPassive);
  Analyse("Has anyone ever worked for them?");
  EXPECT_EQ(ClauseOf("worked").voice, Voice::kActive);
}

TEST_F(ClauseFinderTest, ForToInfinitiveHasItsOwnSubject) {
  Analyse("The town built new houses for refugees to live in.");
  EXPECT_EQ(SubjectOf("live"), "refugees");
  Analyse("The town asked the refugees to leave.");
  EXPECT_EQ(SubjectOf("leave"), "the refugees");
}

TEST_F(ClauseFinderTest, SubjectLinkedByOrButNotByADegreeAdverb) {
  Analyse("No soldiers or civilians were hurt in the raid.");
  EXPECT_EQ(SubjectOf("hurt"), "No soldiers or civilians");
  Analyse("Last week over 300 farmers attended the meeting.");
  EXPECT_EQ(SubjectOf("attended"), "over 300 farmers");
}

TEST_F(ClauseFinderTest, PronounAfterOrStartsAClause) {
  Analyse("The owner says the shops will raise their prices or they will close.");
  EXPECT_EQ(SubjectOf("close"), "they");
}

TEST_F(ClauseFinderTest, SubjectBeforeAQuoteOrAReflexive) {
  Analyse("The mayor \"walked out of the meeting\" on Monday.");
  EXPECT_EQ(SubjectOf("walked"), "The mayor");
  Analyse("The pupils wore masks, most of which they themselves painted.");
  EXPECT_EQ(SubjectOf("painted"), "they");
  Analyse("Acme no longer sells the old model.");
  EXPECT_EQ(SubjectOf("sells"), "Acme");
}

TEST_F(ClauseFinderTest, ListOfSubjectsWithTheirOwnPhrases) {
  Analyse("Ann Lee of the Green Party, Bo Chan of the Labour Party, and Cy Ho of the Civic Party were elected.");
  EXPECT_EQ(SubjectOf("elected").substr(0, 6), "Ann Le");
}

TEST_F(ClauseFinderTest, RelativeClauseWithoutAPronoun) {
  Analyse("The bridges we built have survived the floods.");
  EXPECT_EQ(SubjectOf("survived"), "The bridges");
  EXPECT_EQ(SubjectOf("built"), "we");
}

TEST_F(ClauseFinderTest, ApposedSubjectAfterASubordinator) {
  Analyse("She moved abroad after her husband, a banker, lost his job.");
  EXPECT_EQ(SubjectOf("lost"), "her husband, a banker");
}

TEST_F(ClauseFinderTest, OpeningSubjectSetOffByAComma) {
  Analyse("Jane Doe of the Red Cross, says the camps are full.");
  EXPECT_EQ(SubjectOf("says"), "Jane Doe of the Red Cross");
}

TEST_F(ClauseFinderTest, AdverbInsideAPossessedPhrase) {
  Analyse("The city's most famous bridge collapsed.");
  EXPECT_EQ(SubjectOf("collapsed"), "The city's most famous bridge");
}

TEST_F(ClauseFinderTest, DayWordIsNotPartOfTheSubject) {
  Analyse("A storm yesterday caused a crane to fall.");
  EXPECT_EQ(SubjectOf("caused"), "A storm");
}

TEST_F(ClauseFinderTest, DemonstrativeIsASubject) {
  Analyse("This was a very difficult decision.");
  EXPECT_EQ(SubjectOf("was"), "This");
  Analyse("Both of these parties rejected the plan.");
  EXPECT_EQ(SubjectOf("rejected"), "Both of these parties");
  // A floating quantifier is not.
  Analyse("Iraq and Syria all condemned the strike.");
  EXPECT_EQ(SubjectOf("condemned"), "Iraq and Syria");
}

TEST_F(ClauseFinderTest, SubjectThroughMorePrepositions) {
  Analyse("Thousands of fans around the world watched the final.");
  EXPECT_EQ(SubjectOf("watched"), "Thousands of fans around the world");
}

TEST_F(ClauseFinderTest, LongRunOnSentenceIsAnalysedInOnePass) {
  std::string text = "Rebels attacked";
  for (int i = 0; i < 2000; ++i) text += " and troops shelled villages";
  text += ".";
  Analyse(text);
  EXPECT_GE(analysis_.clauses.size(), 2000u);
}

TEST_F(ClauseFinderTest, ParticipleOpeningAnObject) {
  Analyse("The ministers reject proposed Peruvian changes to the treaty.");
  EXPECT_EQ(Words(ClauseOf("reject").object), "proposed Peruvian changes");
  Analyse("Chile has proposed new talks with Peru.");
  EXPECT_EQ(Words(ClauseOf("proposed").object), "new talks");
}

TEST_F(ClauseFinderTest, NoBeforeAnArgumentNegates) {
  Analyse("Chile gave no aid to Peru.");
  EXPECT_TRUE(ClauseOf("gave").negated);
  Analyse("No country recognised the vote.");
  EXPECT_TRUE(ClauseOf("recognised").negated);
  Analyse("Chile gave aid to Peru.");
  EXPECT_FALSE(ClauseOf("gave").negated);
}

TEST_F(ClauseFinderTest, ConditionsAndDemandedActsAreHypothetical) {
  Analyse("Chile will leave the talks unless Peru apologises.");
  EXPECT_EQ(ClauseOf("apologises").modality, Modality::kHypothetical);
  Analyse("Kenya demanded on Monday that Uganda release the prisoners.");
  EXPECT_EQ(ClauseOf("release").modality, Modality::kHypothetical);
  Analyse("Kenya said on Monday that Uganda released the prisoners.");
  EXPECT_EQ(ClauseOf("released").modality, Modality::kReported);
}

TEST_F(ClauseFinderTest, LongRunOfCommasIsAnalysedInOnePass) {
  std::string text = "The rebels";
  for (int i = 0; i < 2000; ++i) text += ", a group from Syria";
  text += ", attacked the town.";
  Analyse(text);
  EXPECT_FALSE(ClauseOf("attacked").subject.empty());
}

}  // namespace
}  // namespace dyad::syntax
