// The tag stage: Penn Treebank part-of-speech tags and lemmas for the tokens
// of a sentence. Immutable after Load; Tag() is const and thread-safe.
#ifndef DYAD_TAG_TAGGER_H_
#define DYAD_TAG_TAGGER_H_

#include <filesystem>
#include <memory>

#include "dyad/document.h"

namespace dyad::tag {

// The lexicon table the build generates (<build dir>/data/en-lexicon.tsv).
std::filesystem::path DefaultLexiconPath();
// Where Debian's wordnet-base installs WordNet 3.0 (/usr/share/wordnet).
std::filesystem::path DefaultWordNetDir();

class Tagger {
 public:
  // Loads the lexicon table (word<TAB>TAG|TAG..., see tools/convert_lexicon.js)
  // and WordNet's exception lists and index files from `wordnet_dir`
  // (/usr/share/wordnet). Throws std::runtime_error when a file is missing
  // or malformed (with file and line).
  static Tagger Load(const std::filesystem::path& lexicon_tsv,
                     const std::filesystem::path& wordnet_dir);
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

  // Fills Token::tag and Token::lemma for every token of `sentence`.
  void Tag(Sentence& sentence) const;

 private:
  struct Impl;
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::tag

#endif  // DYAD_TAG_TAGGER_H_
