// Lemmas from WordNet 3.0 in the manner of its `morphy`: a word's exception
// list first (sold -> sell), then suffix detachment rules whose result must
// be a lemma WordNet lists for that part of speech. Immutable after Load;
// Lemma() is const and thread-safe.
#ifndef DYAD_TAG_LEMMATIZER_H_
#define DYAD_TAG_LEMMATIZER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tag/tagset.h"
#include "tag/word_table.h"

namespace dyad::tag {

class Lemmatizer {
 public:
  // Reads {verb,noun,adj}.exc and index.{verb,noun,adj} from `wordnet_dir`.
  // Throws std::runtime_error when a file is missing or a line malformed.
  static Lemmatizer Load(const std::filesystem::path& wordnet_dir);

  // Returns the lemma of `word` tagged `tag`: proper nouns (NNP, NNPS) keep
  // their surface form; everything else is lower case. British spellings
  // stay British when WordNet lists them (recognised -> recognise) and
  // otherwise become the -ize lemma.
  std::string Lemma(std::string_view word, Pos tag) const;

  // True if WordNet lists `lemma` (lower case) as a verb.
  bool IsVerb(std::string_view lemma) const { return verbs_.Contains(lemma); }

 private:
  // WordNet's lemmas of one part of speech.
  class WordSet {
   public:
    void Reserve(size_t words) { table_.Reserve(words); }
    void Insert(std::string_view word) { table_.Emplace(word, true); }
    bool Contains(std::string_view word) const { return table_.Find(word) != nullptr; }

   private:
    WordTable<bool> table_;
  };
  // Inflected forms and their lemmas.
  using ExceptionMap = WordTable<std::string_view>;

  Lemmatizer() = default;
  std::string_view ReadOwned(const std::filesystem::path& path);
  void LoadIndex(const std::filesystem::path& path, WordSet& words);
  void LoadExceptions(const std::filesystem::path& path, ExceptionMap& map);

  // Candidate lemmas are built in a caller's stack buffer of kBufferSize
  // bytes; the returned view points into it or into the loaded files.
  static constexpr size_t kMaxWord = 64;
  static constexpr size_t kBufferSize = kMaxWord + 8;
  std::string_view VerbLemma(std::string_view lower, Pos tag,
                             char* buffer) const;
  std::string_view NounLemma(std::string_view lower, Pos tag,
                             char* buffer) const;
  std::string_view AdjectiveLemma(std::string_view lower, char* buffer) const;

  // File contents; the sets and maps point into them.
  std::vector<std::unique_ptr<std::string>> files_;
  WordSet verbs_, nouns_, adjectives_;
  ExceptionMap verb_exceptions_, noun_exceptions_, adjective_exceptions_;
};

}  // namespace dyad::tag

#endif  // DYAD_TAG_LEMMATIZER_H_
