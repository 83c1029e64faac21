#include "tag/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tag/lemmatizer.h"
#include "tag/lexicon.h"
#include "tag/tagset.h"

namespace dyad::tag {
namespace {

// Loading takes a while under the sanitizers; share one tagger.
const Tagger& SharedTagger() {
  static const Tagger tagger =
      Tagger::Load(DefaultLexiconPath(), DefaultWordNetDir());
  return tagger;
}

const Lemmatizer& SharedLemmatizer() {
  static const Lemmatizer lemmatizer = Lemmatizer::Load(DefaultWordNetDir());
  return lemmatizer;
}

// Splits on spaces into tokens with offsets as if the words were separated
// by single spaces.
Sentence Tokens(std::string_view text) {
  Sentence sentence;
  uint32_t offset = 0;
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text.remove_prefix(space == std::string_view::npos ? text.size()
                                                       : space + 1);
    Token token;
    token.norm = std::string(word);
    token.begin = offset;
    token.end = offset + static_cast<uint32_t>(word.size());
    offset = token.end + 1;
    sentence.tokens.push_back(token);
  }
  return sentence;
}

// Tags `text` and returns "word/TAG word/TAG ...".
std::string Tagged(std::string_view text) {
  Sentence sentence = Tokens(text);
  SharedTagger().Tag(sentence);
  std::string out;
  for (const Token& token : sentence.tokens) {
    if (!out.empty()) out += ' ';
    out += token.norm + "/" + token.tag;
  }
  return out;
}

std::string TagOf(std::string_view text, std::string_view word) {
  Sentence sentence = Tokens(text);
  SharedTagger().Tag(sentence);
  for (const Token& token : sentence.tokens) {
    if (token.norm == word) return token.tag;
  }
  return "(missing)";
}

std::string LemmaOf(std::string_view text, std::string_view word) {
  Sentence sentence = Tokens(text);
  SharedTagger().Tag(sentence);
  for (const Token& token : sentence.tokens) {
    if (token.norm == word) return token.lemma;
  }
  return "(missing)";
}

TEST(TagSentenceTest, CapturedVillages) {
  EXPECT_EQ(Tagged("Azeri forces captured 22 villages near the border ."),
            "Azeri/NNP forces/NNS captured/VBD 22/CD villages/NNS near/IN "
            "the/DT border/NN ./.");
}

TEST(TagSentenceTest, TalksWereHeld) {
  EXPECT_EQ(Tagged("The talks were held in Moscow on Tuesday ."),
            "The/DT talks/NNS were/VBD held/VBN in/IN Moscow/NNP on/IN "
            "Tuesday/NNP ./.");
}

TEST(TagSentenceTest, PossessiveSupport) {
  EXPECT_EQ(Tagged("Turkey 's support for Azerbaijan angered Armenia ."),
            "Turkey/NNP 's/POS support/NN for/IN Azerbaijan/NNP angered/VBD "
            "Armenia/NNP ./.");
}

TEST(TagSentenceTest, PassiveAccused) {
  EXPECT_EQ(Tagged("Israel was accused of selling arms to Azerbaijan ."),
            "Israel/NNP was/VBD accused/VBN of/IN selling/VBG arms/NNS to/IN "
            "Azerbaijan/NNP ./.");
}

TEST(TagSentenceTest, RecalledAmbassador) {
  EXPECT_EQ(Tagged("Armenia recalled its ambassador ."),
            "Armenia/NNP recalled/VBD its/PRP$ ambassador/NN ./.");
}

TEST(TagSentenceTest, CalledOnToWithdraw) {
  EXPECT_EQ(Tagged("He called on Russia to withdraw its troops ."),
            "He/PRP called/VBD on/IN Russia/NNP to/TO withdraw/VB its/PRP$ "
            "troops/NNS ./.");
}

TEST(TagSentenceTest, ReducedRelative) {
  EXPECT_EQ(
      Tagged("The drones , used by the army in Syria , were made in Turkey ."),
      "The/DT drones/NNS ,/, used/VBN by/IN the/DT army/NN in/IN Syria/NNP "
      ",/, were/VBD made/VBN in/IN Turkey/NNP ./.");
  EXPECT_EQ(TagOf("Drones owned by Turkey struck the town .", "owned"), "VBN");
}

TEST(TagSentenceTest, PerfectAndModal) {
  EXPECT_EQ(Tagged("She has praised the deal ."),
            "She/PRP has/VBZ praised/VBN the/DT deal/NN ./.");
  EXPECT_EQ(Tagged("Protesters could storm the parliament ."),
            "Protesters/NNS could/MD storm/VB the/DT parliament/NN ./.");
  EXPECT_EQ(TagOf("Armenia has also recalled its ambassador .", "recalled"),
            "VBN");
}

TEST(TagContextTest, NounAfterDeterminerOrAdjective) {
  EXPECT_EQ(TagOf("the attack on Stepanakert", "attack"), "NN");
  EXPECT_EQ(TagOf("Russia offered military support .", "support"), "NN");
  EXPECT_EQ(TagOf("They will attack at dawn .", "attack"), "VB");
}

TEST(TagContextTest, NounCompoundBeforeTheVerb) {
  EXPECT_EQ(TagOf("The phone calls were recorded .", "calls"), "NNS");
  EXPECT_EQ(TagOf("He made phone calls to Aliyev .", "calls"), "NNS");
  EXPECT_EQ(TagOf("The minister calls for calm .", "calls"), "VBZ");
  EXPECT_EQ(TagOf("Both sides held talks in Geneva .", "talks"), "NNS");
  EXPECT_EQ(TagOf("An American think tank criticized Iran .", "think"), "NN");
  EXPECT_EQ(TagOf("Israel demands an end to rocket fire from Gaza .", "rocket"), "NN");
  EXPECT_EQ(TagOf("I think tanks are useless .", "think"), "VBP");
}

TEST(TagContextTest, That) {
  EXPECT_EQ(TagOf("He said that Armenia attacked .", "that"), "IN");
  EXPECT_EQ(TagOf("the drones that were used", "that"), "WDT");
  EXPECT_EQ(TagOf("He condemned that attack .", "that"), "DT");
  // A past form still read as a participle, or a modal, after "that".
  EXPECT_EQ(Tagged("the rain that led the crane to fall"),
            "the/DT rain/NN that/WDT led/VBD the/DT crane/NN to/TO fall/VB");
  EXPECT_EQ(TagOf("substances that would cause harm", "that"), "WDT");
}

TEST(TagContextTest, ThatAsRelativeComplementizerOrPronoun) {
  // A number standing for a noun, and a verb that can be finite, make a
  // relative clause.
  EXPECT_EQ(TagOf("It was a long day , but one that was worth it .", "that"), "WDT");
  EXPECT_EQ(TagOf("The fund helps the towns that receive refugees .", "that"), "WDT");
  EXPECT_EQ(TagOf("The fund helps the towns that receive refugees .", "receive"), "VBP");
  // A relative clause with a subject of its own.
  EXPECT_EQ(TagOf("the songs that farmers sing at harvest", "that"), "WDT");
  // A clause after a verb, an adjective or a noun of knowing, even when
  // the verb comes late.
  EXPECT_EQ(TagOf("The survey found that older voters in the north are angry .", "that"), "IN");
  EXPECT_EQ(TagOf("It is vital that young children in cities get vaccines .", "that"), "IN");
  EXPECT_EQ(TagOf("There is no proof that cheap loans help farmers .", "that"), "IN");
  EXPECT_EQ(TagOf("She told the judge that , in 2019 , she lived abroad .", "that"), "IN");
  EXPECT_EQ(TagOf("The mayor told reporters that local taxes will rise .", "that"), "IN");
  // The pronoun at the end of its clause or before "'s".
  EXPECT_EQ(TagOf("We can not promise that .", "that"), "DT");
  EXPECT_EQ(TagOf("That 's why they left .", "That"), "DT");
  EXPECT_EQ(TagOf("Everyone knew him , that 's a fact .", "that"), "DT");
  EXPECT_EQ(TagOf("The home side won that game .", "that"), "DT");
}

TEST(TagContextTest, PluralNamesAndParticles) {
  // A plural name word known in lower case as a plural noun.
  EXPECT_EQ(TagOf("She wrote to the Department of Foreign Affairs .", "Affairs"), "NNPS");
  EXPECT_EQ(TagOf("a grant from the Council for the Arts", "Arts"), "NNPS");
  // "down" after a verb with no noun phrase after it.
  EXPECT_EQ(TagOf("The chairman stepped down in March .", "down"), "RP");
  EXPECT_EQ(TagOf("Police cracked down on the gangs .", "down"), "RP");
  EXPECT_EQ(TagOf("Prices are down .", "down"), "RB");
}

TEST(TagContextTest, VerbOfAClauseAfterAVerbOfSaying) {
  // A verb of saying takes a clause with its own finite verb.
  EXPECT_EQ(TagOf("The board said the repeated safety lapses raise serious doubts .", "raise"), "VBP");
  // A past form before a noun modifies it, so the verb before it is
  // still the clause's verb.
  EXPECT_EQ(TagOf("Few bakers use iodised flour in bread .", "use"), "VBP");
  EXPECT_EQ(TagOf("The aide said Lopez wants to resign .", "wants"), "VBZ");
}

TEST(TagContextTest, QuantifiersNounsAndVerbsAroundParentheses) {
  // "as" opens a clause of its own.
  EXPECT_EQ(TagOf("New faces emerge as older senators step down .", "step"), "VBP");
  // A quantifier before a verb is its subject, not an adverb.
  EXPECT_EQ(TagOf("The survey showed many are poor .", "many"), "JJ");
  // After a parenthesis the verb's subject is before it.
  EXPECT_EQ(TagOf("A fire on Monday ( May 4 ) caused a blackout .", "caused"), "VBD");
}

TEST(TagContextTest, LowerCasePartOfAHyphenatedName) {
  EXPECT_EQ(TagOf("The seat went to Chan Siu - ming of the Civic Party .", "ming"), "NNP");
  EXPECT_NE(TagOf("the Iran - backed militias", "backed"), "NNP");
}

TEST(TagContextTest, ModifyingParticiplesAndObjectNouns) {
  // A past form between a determiner and its noun, adverbs aside, or
  // after an -ing verb, modifies the noun.
  EXPECT_EQ(TagOf("the newly elected mayor spoke", "elected"), "VBN");
  EXPECT_EQ(TagOf("They are seeing increased demand .", "increased"), "VBN");
  // A noun phrase after an object, adverbs aside, takes a participle as
  // its modifier.
  EXPECT_EQ(TagOf("That left them only ten days scheduled for repairs .", "scheduled"), "VBN");
  // An -s form right after a main verb is its object.
  EXPECT_EQ(TagOf("The flood prompted calls for new dams .", "calls"), "NNS");
}

TEST(TagContextTest, ApostropheS) {
  EXPECT_EQ(TagOf("It 's a war .", "'s"), "VBZ");
  EXPECT_EQ(TagOf("Armenia 's army", "'s"), "POS");
}

TEST(TagContextTest, PunctuationAndQuotes) {
  EXPECT_EQ(Tagged("Ceasefire -- for now ( maybe ) ."),
            "Ceasefire/NN --/: for/IN now/RB (/-LRB- maybe/RB )/-RRB- ./.");
  Sentence sentence;
  for (auto [word, begin] : {std::pair{"He", 0},
                             {"said", 3},
                             {"\"", 8},
                             {"no", 9},
                             {"\"", 11},
                             {".", 12}}) {
    Token token;
    token.norm = word;
    token.begin = begin;
    token.end = begin + static_cast<uint32_t>(std::string_view(word).size());
    sentence.tokens.push_back(token);
  }
  SharedTagger().Tag(sentence);
  EXPECT_EQ(sentence.tokens[2].tag, "``");
  EXPECT_EQ(sentence.tokens[4].tag, "''");
}

TEST(TagCapitalisationTest, SentenceInitialAndNames) {
  EXPECT_EQ(TagOf("The army advanced .", "The"), "DT");
  EXPECT_EQ(TagOf("Israel denied it .", "Israel"), "NNP");
  EXPECT_EQ(TagOf("Officials arrested him .", "Officials"), "NNS");
  EXPECT_EQ(TagOf("Ceasefire talks resumed .", "Ceasefire"), "NN");
  EXPECT_EQ(TagOf("The US and the U.S. Army", "US"), "NNP");
  EXPECT_EQ(TagOf("The U.S. Army", "U.S."), "NNP");
  EXPECT_EQ(TagOf("He met Trump .", "Trump"), "NNP");
}

TEST(TagUnknownWordTest, Shapes) {
  EXPECT_EQ(TagOf("He met Erdoğan .", "Erdoğan"), "NNP");
  EXPECT_EQ(TagOf("Shelling hit Xankəndi .", "Xankəndi"), "NNP");
  EXPECT_EQ(TagOf("Shelling hit Şuşa .", "Şuşa"), "NNP");
  EXPECT_EQ(TagOf("They cited OSCEQ sources .", "OSCEQ"), "NNP");
  EXPECT_EQ(TagOf("It cost 1,200 dollars .", "1,200"), "CD");
  EXPECT_EQ(TagOf("It rose 3.5 percent .", "3.5"), "CD");
  EXPECT_EQ(TagOf("the 22nd brigade", "22nd"), "JJ");
  EXPECT_EQ(
      TagOf("They used Turkish-manufactured drones .", "Turkish-manufactured"),
      "JJ");
  EXPECT_EQ(
      TagOf("They shelled Armenian-occupied towns .", "Armenian-occupied"),
      "JJ");
  EXPECT_EQ(TagOf("the internationally-recognised border",
                  "internationally-recognised"),
            "VBN");
  EXPECT_EQ(TagOf("Fighting in Nagorno-Karabakh resumed .", "Nagorno-Karabakh"),
            "NNP");
  EXPECT_EQ(TagOf("the zorblification of talks", "zorblification"), "NN");
  EXPECT_EQ(TagOf("they acted zorbly", "zorbly"), "RB");
  EXPECT_EQ(TagOf("a zorbulous plan", "zorbulous"), "JJ");
  EXPECT_EQ(TagOf("He was zorbled by them .", "zorbled"), "VBN");
  EXPECT_EQ(TagOf("He kept zorbling .", "zorbling"), "VBG");
}

TEST(TagUnknownWordTest, BritishSpellings) {
  EXPECT_EQ(TagOf("They militarised the border .", "militarised"), "VBD");
  EXPECT_EQ(TagOf("the demilitarisation of the zone", "demilitarisation"),
            "NN");
}

TEST(LemmaTest, VerbsFromExceptionsAndRules) {
  const Lemmatizer& lemmatizer = SharedLemmatizer();
  EXPECT_EQ(lemmatizer.Lemma("sold", Pos::kVBD), "sell");
  EXPECT_EQ(lemmatizer.Lemma("led", Pos::kVBN), "lead");
  EXPECT_EQ(lemmatizer.Lemma("accused", Pos::kVBN), "accuse");
  EXPECT_EQ(lemmatizer.Lemma("withdrew", Pos::kVBD), "withdraw");
  EXPECT_EQ(lemmatizer.Lemma("was", Pos::kVBD), "be");
  EXPECT_EQ(lemmatizer.Lemma("praised", Pos::kVBN), "praise");
  EXPECT_EQ(lemmatizer.Lemma("stating", Pos::kVBG), "state");
  EXPECT_EQ(lemmatizer.Lemma("pushed", Pos::kVBD), "push");
  EXPECT_EQ(lemmatizer.Lemma("captured", Pos::kVBD), "capture");
  EXPECT_EQ(lemmatizer.Lemma("Captured", Pos::kVBN), "capture");
  EXPECT_EQ(lemmatizer.Lemma("hoped", Pos::kVBD), "hope");
  EXPECT_EQ(lemmatizer.Lemma("singing", Pos::kVBG), "sing");
  EXPECT_EQ(lemmatizer.Lemma("carries", Pos::kVBZ), "carry");
  EXPECT_EQ(lemmatizer.Lemma("'s", Pos::kVBZ), "be");
  EXPECT_EQ(lemmatizer.Lemma("n't", Pos::kRB), "not");
}

// WordNet 3.0 lists "recognise" as a verb, so the British spelling stays
// British; a British form it lacks becomes the -ize lemma.
TEST(LemmaTest, BritishSpellings) {
  const Lemmatizer& lemmatizer = SharedLemmatizer();
  EXPECT_EQ(lemmatizer.Lemma("recognised", Pos::kVBN), "recognise");
  EXPECT_EQ(lemmatizer.Lemma("recognized", Pos::kVBN), "recognize");
  EXPECT_EQ(lemmatizer.Lemma("weaponised", Pos::kVBD), "weaponize");
}

TEST(LemmaTest, Nouns) {
  const Lemmatizer& lemmatizer = SharedLemmatizer();
  EXPECT_EQ(lemmatizer.Lemma("talks", Pos::kNNS), "talk");
  EXPECT_EQ(lemmatizer.Lemma("forces", Pos::kNNS), "force");
  EXPECT_EQ(lemmatizer.Lemma("militias", Pos::kNNS), "militia");
  EXPECT_EQ(lemmatizer.Lemma("countries", Pos::kNNS), "country");
  EXPECT_EQ(lemmatizer.Lemma("churches", Pos::kNNS), "church");
  EXPECT_EQ(lemmatizer.Lemma("servicemen", Pos::kNNS), "serviceman");
  EXPECT_EQ(lemmatizer.Lemma("children", Pos::kNNS), "child");
  EXPECT_EQ(lemmatizer.Lemma("zorblings", Pos::kNNS), "zorbling");
  EXPECT_EQ(lemmatizer.Lemma("Army", Pos::kNN), "army");
}

TEST(LemmaTest, ProperNounsAdjectivesAndOthers) {
  const Lemmatizer& lemmatizer = SharedLemmatizer();
  EXPECT_EQ(lemmatizer.Lemma("Armenians", Pos::kNNPS), "Armenians");
  EXPECT_EQ(lemmatizer.Lemma("Erdoğan", Pos::kNNP), "Erdoğan");
  EXPECT_EQ(lemmatizer.Lemma("better", Pos::kJJR), "good");
  EXPECT_EQ(lemmatizer.Lemma("largest", Pos::kJJS), "large");
  EXPECT_EQ(lemmatizer.Lemma("The", Pos::kDT), "the");
}

TEST(LemmaTest, InTaggedSentences) {
  EXPECT_EQ(LemmaOf("The talks were held in Moscow .", "talks"), "talk");
  EXPECT_EQ(LemmaOf("The talks were held in Moscow .", "held"), "hold");
  EXPECT_EQ(LemmaOf("The talks were held in Moscow .", "were"), "be");
  EXPECT_EQ(LemmaOf("The talks were held in Moscow .", "Moscow"), "Moscow");
  EXPECT_EQ(LemmaOf("He said it 's been hard .", "'s"), "have");
}

TEST(TagLexiconTest, LoadsAndRejectsMalformedFiles) {
  Lexicon lexicon = Lexicon::Load(DefaultLexiconPath());
  EXPECT_GT(lexicon.size(), 100000u);
  const LexEntry* entry = lexicon.Find("Azerbaijan");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->first, Pos::kNNP);
  entry = lexicon.Find("the");
  ASSERT_NE(entry, nullptr);
  EXPECT_FALSE(Has(entry->mask, Pos::kVBD));  // noise dropped
  EXPECT_THROW(Lexicon::Load("/nonexistent/lexicon.tsv"), std::runtime_error);
  const std::filesystem::path bad =
      std::filesystem::temp_directory_path() / "dyad_tag_bad_lexicon.tsv";
  {
    std::ofstream out(bad);
    out << "good\tNN\nbad line without tab\n";
  }
  try {
    Lexicon::Load(bad);
    ADD_FAILURE() << "expected a std::runtime_error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(":2:"), std::string::npos)
        << error.what();
  }
  {
    std::ofstream out(bad);
    out << "good\tNN|BOGUS\n";
  }
  EXPECT_THROW(Lexicon::Load(bad), std::runtime_error);
  std::filesystem::remove(bad);
  EXPECT_THROW(Tagger::Load(DefaultLexiconPath(), "/nonexistent/wordnet"),
               std::runtime_error);
}

TEST(TagSetTest, NamesRoundTrip) {
  for (int i = 1; i < static_cast<int>(Pos::kCount); ++i) {
    auto pos = static_cast<Pos>(i);
    EXPECT_EQ(ParsePos(PosName(pos)), pos) << PosName(pos);
  }
  EXPECT_EQ(ParsePos("("), Pos::kLRB);
  EXPECT_EQ(ParsePos("BOGUS"), std::nullopt);
}

TEST(TagSentenceTest, EmptySentenceAndEmptyToken) {
  Sentence empty;
  SharedTagger().Tag(empty);
  Sentence sentence = Tokens("a");
  sentence.tokens[0].norm.clear();
  SharedTagger().Tag(sentence);
  EXPECT_EQ(sentence.tokens[0].tag, "SYM");
}

TEST(TagRulesTest, CapitalisedParticipleEndsAName) {
  EXPECT_EQ(Tagged("They signed a Memorandum of Understanding ."),
            "They/PRP signed/VBD a/DT Memorandum/NNP of/IN Understanding/NNP ./.");
}

TEST(TagRulesTest, UpToBeforeANumberIsNoParticle) {
  EXPECT_EQ(Tagged("Rebels abducted up to 12 drivers ."),
            "Rebels/NNS abducted/VBD up/RB to/IN 12/CD drivers/NNS ./.");
}

}  // namespace
}  // namespace dyad::tag

namespace dyad::tag {
namespace {

// Tokens with their real offsets: `glued` marks a token written right
// after the previous one (no space).
std::string TaggedWithSpacing(
    std::initializer_list<std::pair<std::string_view, bool>> words) {
  Sentence sentence;
  uint32_t offset = 0;
  for (auto [word, glued] : words) {
    if (!sentence.tokens.empty() && !glued) ++offset;
    Token token;
    token.norm = std::string(word);
    token.begin = offset;
    token.end = offset + static_cast<uint32_t>(word.size());
    offset = token.end;
    sentence.tokens.push_back(token);
  }
  SharedTagger().Tag(sentence);
  std::string out;
  for (const Token& token : sentence.tokens) {
    if (!out.empty()) out += ' ';
    out += token.norm + "/" + token.tag;
  }
  return out;
}

TEST(TagRulesTest, ToBeforeVerbOrNounPhrase) {
  EXPECT_EQ(Tagged("Rebels fled to the border and tried to quickly regroup ."),
            "Rebels/NNS fled/VBD to/IN the/DT border/NN and/CC tried/VBD "
            "to/TO quickly/RB regroup/VB ./.");
  EXPECT_EQ(TagOf("He spoke to them .", "to"), "IN");
  EXPECT_EQ(TagOf("a plan to reopen talks", "to"), "TO");
}

TEST(TagRulesTest, HyphenDashAndRange) {
  // Pre-tokenized: a hyphen joins open-class words, a dash opens a clause.
  EXPECT_EQ(Tagged("The pro - Beijing camp won 3 - 2 ."),
            "The/DT pro/FW -/HYPH Beijing/NNP camp/NN won/VBD 3/CD -/SYM "
            "2/CD ./.");
  EXPECT_EQ(TagOf("Clashes broke out - the army said .", "-"), ":");
  // With real spacing the spaces decide.
  EXPECT_EQ(TaggedWithSpacing({{"well", false},
                               {"-", true},
                               {"armed", true},
                               {"men", false},
                               {"-", false},
                               {"rebels", false},
                               {".", true}}),
            "well/RB -/HYPH armed/JJ men/NNS -/: rebels/NNS ./.");
}

TEST(TagRulesTest, CapitalisedWordsInsideNames) {
  EXPECT_EQ(Tagged("Members of the Democratic Party met the Korean Central "
                   "News Agency ."),
            "Members/NNS of/IN the/DT Democratic/NNP Party/NNP met/VBD the/DT "
            "Korean/NNP Central/NNP News/NNP Agency/NNP ./.");
  EXPECT_EQ(TagOf("Korean troops crossed the border .", "Korean"), "JJ");
}

TEST(TagRulesTest, PastTenseOrParticiple) {
  EXPECT_EQ(TagOf("Iran had sent troops .", "had"), "VBD");
  EXPECT_EQ(Tagged("The army reportedly captured the town and named its "
                   "commander ."),
            "The/DT army/NN reportedly/RB captured/VBD the/DT town/NN and/CC "
            "named/VBD its/PRP$ commander/NN ./.");
  EXPECT_EQ(TagOf("The ministry , which attacked the report , was wrong .",
                  "attacked"),
            "VBD");
  EXPECT_EQ(TagOf("Smith , a lawyer , defeated his rival .", "defeated"),
            "VBD");
  EXPECT_EQ(TagOf("The South retaliated by firing shells .", "retaliated"),
            "VBD");
  EXPECT_EQ(TagOf("the South Korean military made another provocation .",
                  "made"),
            "VBD");
}

TEST(TagRulesTest, PresentVerbAfterNounOrRelative) {
  EXPECT_EQ(TagOf("Professor Jones says there were no talks .", "says"),
            "VBZ");
  EXPECT_EQ(TagOf("The bridge , which spans the river , was closed .",
                  "spans"),
            "VBZ");
  EXPECT_EQ(TagOf("They raised money through button sales .", "sales"),
            "NNS");
}

TEST(TagRulesTest, AdverbsFromAdjectivesAndPrepositions) {
  EXPECT_EQ(Tagged("Troops evacuated over 700 people ."),
            "Troops/NNS evacuated/VBD over/RB 700/CD people/NNS ./.");
  EXPECT_EQ(TagOf("a more important role", "more"), "RBR");
  EXPECT_EQ(TagOf("She first visited Kabul in 2001 .", "first"), "RB");
  EXPECT_EQ(TagOf("The first attack came later .", "first"), "JJ");
  EXPECT_EQ(TagOf("as many as 80 people", "as"), "RB");
}

TEST(TagRulesTest, TypographicApostrophesAndQuotes) {
  Sentence sentence = Tokens("He said it ’s over and they ’re leaving .");
  SharedTagger().Tag(sentence);
  EXPECT_EQ(sentence.tokens[3].tag, "VBZ");
  EXPECT_EQ(sentence.tokens[3].lemma, "be");
  EXPECT_EQ(sentence.tokens[7].tag, "VBP");
  EXPECT_EQ(Tagged("the end , \" he said ."),
            "the/DT end/NN ,/, \"/'' he/PRP said/VBD ./.");
}

TEST(TagRulesTest, CapitalisedFirstWordBeforeAVerbIsNotAnImperative) {
  EXPECT_EQ(TagOf("Twitter gave him an internship .", "Twitter"), "NNP");
}

TEST(TagRulesTest, NounOrVerbBeforeAnObject) {
  EXPECT_EQ(TagOf("and the United Nations rates the Rohingya among them .", "rates"), "VBZ");
  EXPECT_EQ(TagOf("He was welcome to come and tour the company .", "tour"), "VB");
  EXPECT_EQ(TagOf("The air strikes this week were condemned .", "strikes"), "NNS");
  EXPECT_EQ(TagOf("A new obsession is taking hold on the internet .", "hold"), "NN");
}

TEST(TagRulesTest, HeadlineParticiples) {
  EXPECT_EQ(TagOf("Parents prosecuted after homeopathic treatment fails", "prosecuted"), "VBN");
  EXPECT_EQ(TagOf("The US claimed that rebels attacked the city", "claimed"), "VBD");
  EXPECT_EQ(TagOf("Forces advanced after the ceasefire ended .", "advanced"), "VBD");
}

TEST(TagRulesTest, VerbsOfSayingBeforeTheirClause) {
  EXPECT_EQ(TagOf("Professor Eastman says manufacturers could remedy it .", "says"), "VBZ");
  EXPECT_EQ(TagOf("The findings show pollution is falling .", "show"), "VBP");
  EXPECT_EQ(TagOf("The phone calls were recorded .", "calls"), "NNS");
  EXPECT_EQ(TagOf("Mohamed wishes to use his fame .", "wishes"), "VBZ");
  EXPECT_EQ(TagOf("NASA is also offering heat tiles .", "offering"), "VBG");
}

TEST(TagRulesTest, CapitalisedCompoundInAName) {
  EXPECT_EQ(TagOf("Candidate Yau Wai-ching defeated another candidate .", "Wai-ching"), "NNP");
  EXPECT_EQ(TagOf("They met in a Turkish-controlled area .", "Turkish-controlled"), "JJ");
}

TEST(TagRulesTest, ParticipleAfterAnObject) {
  EXPECT_EQ(TagOf("There were two teams scheduled to compete .", "scheduled"), "VBN");
  EXPECT_EQ(TagOf("Sony had large areas set up for visitors .", "set"), "VBN");
  EXPECT_EQ(TagOf("He said the forces pushed the rebels back .", "pushed"), "VBD");
  EXPECT_EQ(TagOf("Gary Fan of the Democrats failed to win .", "failed"), "VBD");
}

TEST(TagRulesTest, SaidBeforeATimePhraseAndItsClause) {
  EXPECT_EQ(TagOf("Chile said on Monday it would sign the treaty .", "said"), "VBD");
  // A reduced relative keeps its participle.
  EXPECT_EQ(TagOf("The man arrested on Monday was freed .", "arrested"), "VBN");
}

TEST(TagRulesTest, NounOrAdjectiveBeforeTheVerbHeadsTheSubject) {
  EXPECT_EQ(TagOf("The Kenyan army chief made a visit .", "chief"), "NN");
  EXPECT_EQ(TagOf("The chief minister made a visit .", "chief"), "JJ");
}

TEST(TagRulesTest, NounHeadAfterPossessive) {
  EXPECT_EQ(TagOf("Smith defeated his rival .", "rival"), "NN");
  EXPECT_EQ(TagOf("his rival candidates", "rival"), "JJ");
}


// Rules of the third tagging session (issue #3).

TEST(TagRulesTest, AbbreviatedNameAtSentenceStart) {
  EXPECT_EQ(TagOf("US officials met Iranian diplomats .", "US"), "NNP");
  EXPECT_EQ(TagOf("Us and them .", "Us"), "PRP");
}

TEST(TagRulesTest, QuoteAfterACommaInTokenizedText) {
  // No attribution follows: the quotation opens.
  EXPECT_EQ(Tagged("The mayor told the crowd , \" our city will recover . \""),
            "The/DT mayor/NN told/VBD the/DT crowd/NN ,/, \"/`` our/PRP$ city/NN "
            "will/MD recover/VB ./. \"/''");
  // Its attribution follows: the quotation closes.
  EXPECT_EQ(TagOf("The city will recover , \" the mayor added .", "\""), "''");
  EXPECT_EQ(TagOf("Nothing was lost , \" according to the police .", "\""), "''");
}

TEST(TagRulesTest, HyphensComeInChains) {
  EXPECT_EQ(Tagged("an out - of - court settlement"),
            "an/DT out/RP -/HYPH of/IN -/HYPH court/NN settlement/NN");
  EXPECT_EQ(TagOf("The talks failed - as expected .", "-"), ":");
}

TEST(TagRulesTest, OneStandingForANoun) {
  EXPECT_EQ(TagOf("The old bridge was replaced by a new one .", "one"), "NN");
  EXPECT_EQ(TagOf("No one was hurt in the blast .", "one"), "NN");
  EXPECT_EQ(TagOf("He was one of the soldiers .", "one"), "CD");
  EXPECT_EQ(TagOf("They built a new one - lane road .", "one"), "CD");
}

TEST(TagRulesTest, GerundWithAnObject) {
  EXPECT_EQ(TagOf("The navy responded by firing two missiles .", "firing"), "VBG");
  EXPECT_EQ(TagOf("They left without signing the deal .", "signing"), "VBG");
  EXPECT_EQ(TagOf("The firing of two missiles alarmed them .", "firing"), "NN");
}

TEST(TagRulesTest, PluralNameBeforeItsHead) {
  EXPECT_EQ(TagOf("He spoke at the Nations League final .", "Nations"), "NNP");
  EXPECT_EQ(TagOf("The United States Navy sent ships .", "States"), "NNPS");
}

TEST(TagRulesTest, AdjectiveOfNationalityBeforeACommonNoun) {
  EXPECT_EQ(TagOf("The deal angered American voters .", "American"), "JJ");
  EXPECT_EQ(TagOf("They attended a Christian festival .", "Christian"), "JJ");
  EXPECT_EQ(TagOf("She met American Airlines executives .", "American"), "NNP");
}

TEST(TagRulesTest, QuantifierIsNotAHeadNoun) {
  EXPECT_EQ(TagOf("The rivals praised each other .", "other"), "JJ");
  EXPECT_EQ(TagOf("Only a few stray dogs remained .", "few"), "JJ");
}

TEST(TagRulesTest, AdverbOrAdjective) {
  EXPECT_EQ(TagOf("The village has enough food .", "enough"), "JJ");
  EXPECT_EQ(TagOf("He was the only survivor .", "only"), "JJ");
  EXPECT_EQ(TagOf("The situation is much worse .", "much"), "RB");
  EXPECT_EQ(TagOf("The striker scored a goal early in the match .", "early"), "RB");
  EXPECT_EQ(TagOf("The talks failed the week before , officials said .", "before"), "RB");
  EXPECT_EQ(TagOf("The report was a decrease from the year before .", "before"), "RB");
}

TEST(TagRulesTest, BareInfinitiveAfterACausativeObject) {
  EXPECT_EQ(TagOf("The deal helped the refugees leave the camps .", "leave"), "VB");
  EXPECT_EQ(TagOf("They let the prisoners go .", "go"), "VB");
  EXPECT_EQ(TagOf("He makes little mention of the war .", "mention"), "NN");
}

TEST(TagRulesTest, BaseFormAfterASubjectPhrase) {
  EXPECT_EQ(TagOf("Thousands of families in the region live in tents .", "live"), "VBP");
  EXPECT_EQ(TagOf("They demanded that the company be closed .", "be"), "VB");
}

TEST(TagRulesTest, GraveAccentAsApostrophe) {
  EXPECT_EQ(Tagged("They ca n`t leave ."), "They/PRP ca/MD n`t/RB leave/VB ./.");
}

}  // namespace
}  // namespace dyad::tag
