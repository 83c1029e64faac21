// The part-of-speech lexicon: for each word form the tags it can take and
// the most frequent one. Case-sensitive ("Turkey" NNP, "turkey" NN).
// Immutable after Load; lookups are const and thread-safe.
#ifndef DYAD_TAG_LEXICON_H_
#define DYAD_TAG_LEXICON_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tag/tagset.h"
#include "tag/word_table.h"

namespace dyad::tag {

// Closed-class words the contextual rules ask about by name. Stored in the
// entry so that a rule tests one byte instead of comparing strings.
enum class WordClass : uint8_t {
  kOther,
  kBe,    // be, is, was, 're, ...
  kHave,  // have, has, had, 've, 'd
  kDo,    // do, does, did
  kGet,   // get, got, gets, gotten, getting
  kBy,
  kThat,
  kSubjectPronoun,  // I, you, he, she, it, we, they
  kPossessiveS,     // 's
  kSubordinator,    // because, if, while, although, ... (clause openers)
  kThere,
  kHer,
  kTo,
  // after, before, until, till, once: a preposition or a clause opener
  kTimeConjunction,
};

struct LexEntry {
  PosMask mask = 0;
  Pos first = Pos::kNone;  // the most frequent tag
  WordClass word_class = WordClass::kOther;
};

class Lexicon {
 public:
  // Reads word<TAB>TAG|TAG... lines (tags most frequent first). Throws
  // std::runtime_error naming the file and line when the file cannot be
  // read, a line has no tab, or a tag is unknown.
  static Lexicon Load(const std::filesystem::path& tsv);

  // Returns the entry for exactly `word`, or nullptr.
  const LexEntry* Find(std::string_view word) const { return entries_.Find(word); }
  // The same with the word's WordHash(word), which the tagger keeps.
  const LexEntry* Find(std::string_view word, size_t hash) const { return entries_.Find(word, hash); }
  static size_t WordHash(std::string_view word) { return WordTable<LexEntry>::Hash(word); }
  template <typename Visit>
  static size_t WordHash(std::string_view word, Visit&& visit) {
    return WordTable<LexEntry>::Hash(word, visit);
  }

  size_t size() const { return entries_.size(); }

 private:
  Lexicon() = default;
  void AddPluralNouns(const std::vector<std::string_view>& present_only);
  void AddBuiltins();

  // The file's bytes; the table's keys point into it.
  std::unique_ptr<std::string> text_;
  WordTable<LexEntry> entries_;
};

}  // namespace dyad::tag

#endif  // DYAD_TAG_LEXICON_H_
