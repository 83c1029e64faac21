// CoNLL-U treebanks: reading them, and scoring dyad's tags, lemmas and
// clause relations against their hand annotation (dyad treebank).
#ifndef DYAD_TREEBANK_H_
#define DYAD_TREEBANK_H_

#include <filesystem>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "dyad/coder.h"

namespace dyad {

struct ConlluWord {
  std::string form, lemma, upos, xpos, deprel;
  int head = 0;
};

struct ConlluSentence {
  std::string text;  // "# text =" comment, if any
  std::vector<ConlluWord> words;  // syntactic words; multiword ranges and empty nodes skipped
};

// Reads every sentence of a CoNLL-U stream. Malformed lines are skipped.
std::vector<ConlluSentence> ReadConllu(std::istream& in);

// One kind of tagging error: tokens the treebank tags `gold` that dyad
// tagged otherwise, with a few of them in their sentence.
struct TagConfusion {
  size_t count = 0;
  // "... the [word] in context ...": the first kMaxConfusionExamples tokens.
  std::vector<std::string> examples;
};

struct TreebankScore {
  size_t sentences = 0;
  size_t tokens = 0;
  size_t xpos_correct = 0;
  size_t verbs = 0;  // gold VB* tokens
  size_t verb_lemmas_correct = 0;
  // Gold relation -> {gold count, reproduced (same dependent, head, label)}.
  std::map<std::string, std::pair<size_t, size_t>> relations;
  // {gold XPOS, dyad's tag} -> the tokens so mistagged.
  std::map<std::pair<std::string, std::string>, TagConfusion> confusions;
};

// How many example tokens ScoreTreebank keeps per confusion.
inline constexpr size_t kMaxConfusionExamples = 5;

// Analyses each gold sentence from its gold tokens and scores it.
TreebankScore ScoreTreebank(const Coder& coder, const std::vector<ConlluSentence>& gold);
std::string FormatTreebankScore(const TreebankScore& score);
// The XPOS confusions, most frequent first: a line "gold -> ours  count"
// each, then up to `examples` example tokens in context (dyad treebank
// --errors).
std::string FormatTreebankErrors(const TreebankScore& score, size_t examples);

}  // namespace dyad

#endif  // DYAD_TREEBANK_H_
