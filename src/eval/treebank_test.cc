// Treebank scoring on a small CoNLL-U written here. Some gold tags are wrong
// on purpose, so that the confusions dyad's (right) tags make are known.
#include "dyad/treebank.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace dyad {
namespace {

const Coder& SharedCoder() {
  static const Coder coder = Coder::Load(CoderOptions{});
  return coder;
}

// Tab-separated CoNLL-U word lines: id, form, lemma, upos, xpos, head, deprel.
std::string Word(int id, const std::string& form, const std::string& lemma, const std::string& upos,
                 const std::string& xpos, int head, const std::string& deprel) {
  return std::to_string(id) + "\t" + form + "\t" + lemma + "\t" + upos + "\t" + xpos + "\t_\t" +
         std::to_string(head) + "\t" + deprel + "\t_\t_\n";
}

// "attacked" and "arrested" are verbs (VBD) that the gold marks NN, and
// "town" a noun marked VB: two NN -> VBD errors and one VB -> NN.
std::string TestConllu() {
  return "# text = The army attacked the town .\n" + Word(1, "The", "the", "DET", "DT", 2, "det") +
         Word(2, "army", "army", "NOUN", "NN", 3, "nsubj") + Word(3, "attacked", "attack", "VERB", "NN", 0, "root") +
         Word(4, "the", "the", "DET", "DT", 5, "det") + Word(5, "town", "town", "NOUN", "VB", 3, "obj") +
         Word(6, ".", ".", "PUNCT", ".", 3, "punct") + "\n" +
         "# text = After a long meeting in the capital of the country on Monday , the government arrested two men .\n" +
         Word(1, "After", "after", "ADP", "IN", 4, "case") + Word(2, "a", "a", "DET", "DT", 4, "det") +
         Word(3, "long", "long", "ADJ", "JJ", 4, "amod") + Word(4, "meeting", "meeting", "NOUN", "NN", 16, "obl") +
         Word(5, "in", "in", "ADP", "IN", 7, "case") + Word(6, "the", "the", "DET", "DT", 7, "det") +
         Word(7, "capital", "capital", "NOUN", "NN", 4, "nmod") + Word(8, "of", "of", "ADP", "IN", 10, "case") +
         Word(9, "the", "the", "DET", "DT", 10, "det") + Word(10, "country", "country", "NOUN", "NN", 7, "nmod") +
         Word(11, "on", "on", "ADP", "IN", 12, "case") + Word(12, "Monday", "Monday", "PROPN", "NNP", 16, "obl") +
         Word(13, ",", ",", "PUNCT", ",", 16, "punct") + Word(14, "the", "the", "DET", "DT", 15, "det") +
         Word(15, "government", "government", "NOUN", "NN", 16, "nsubj") +
         Word(16, "arrested", "arrest", "VERB", "NN", 0, "root") + Word(17, "two", "two", "NUM", "CD", 18, "nummod") +
         Word(18, "men", "man", "NOUN", "NNS", 16, "obj") + Word(19, ".", ".", "PUNCT", ".", 16, "punct") + "\n";
}

TreebankScore Score() {
  std::istringstream in(TestConllu());
  return ScoreTreebank(SharedCoder(), ReadConllu(in));
}

TEST(Treebank, CountsEachConfusionWithItsExamples) {
  const TreebankScore score = Score();
  EXPECT_EQ(score.sentences, 2u);
  EXPECT_EQ(score.tokens, 25u);
  EXPECT_EQ(score.xpos_correct, 22u);
  ASSERT_EQ(score.confusions.size(), 2u);
  const TagConfusion& verbs = score.confusions.at({"NN", "VBD"});
  EXPECT_EQ(verbs.count, 2u);
  ASSERT_EQ(verbs.examples.size(), 2u);
  EXPECT_EQ(verbs.examples[0], "The army [attacked] the town .");
  // Six words either side, the rest elided.
  EXPECT_EQ(verbs.examples[1], "... country on Monday , the government [arrested] two men .");
  EXPECT_EQ(score.confusions.at({"VB", "NN"}).count, 1u);
}

TEST(Treebank, ErrorListingPutsTheMostFrequentConfusionFirst) {
  const TreebankScore score = Score();
  EXPECT_EQ(FormatTreebankErrors(score, 1),
            "XPOS errors: 3 (gold -> dyad)\n"
            "NN    -> VBD   2\n"
            "    The army [attacked] the town .\n"
            "VB    -> NN    1\n"
            "    The army attacked the [town] .\n");
  // Without examples, only the counts.
  EXPECT_EQ(FormatTreebankErrors(score, 0),
            "XPOS errors: 3 (gold -> dyad)\n"
            "NN    -> VBD   2\n"
            "VB    -> NN    1\n");
}

}  // namespace
}  // namespace dyad
