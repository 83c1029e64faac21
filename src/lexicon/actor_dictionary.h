// Actor dictionaries: phrases that name political actors, with codes that
// may depend on the date (docs/formats/actors.md). Loaded once; immutable and
// thread-safe after Load.
#ifndef DYAD_LEXICON_ACTOR_DICTIONARY_H_
#define DYAD_LEXICON_ACTOR_DICTIONARY_H_

#include <climits>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "lexicon/dictionary_error.h"
#include "lexicon/phrase_index.h"

namespace dyad::lexicon {

struct ActorRole {
  std::string code;
  int from = INT_MIN;  // first day (days since 1970), inclusive
  int to = INT_MAX;    // last day, inclusive
  bool dated = false;
};

struct ActorEntry {
  std::string name;  // the first phrase
  std::vector<ActorRole> roles;
  std::string file;
  int line = 0;
  bool person = false;  // has dated roles
  struct SelfTest {
    int date = 0;
    std::string code;
    int line = 0;
  };
  std::vector<SelfTest> tests;
};

// An actor phrase found in a sentence: tokens [first, last) and its entry.
struct ActorMatch {
  uint32_t first = 0;
  uint32_t last = 0;
  int entry = -1;
};

// Folded match keys and capitals flags of a sentence's tokens, computed once
// per sentence and shared by every phrase lookup.
struct MatchKeys {
  std::vector<std::string> folded;
  std::vector<bool> caps;
  static MatchKeys ForTokens(const std::vector<Token>& tokens, bool use_lemmas);
};

// Splits a dictionary phrase into match tokens, the way text is tokenised.
std::vector<PhraseIndex::PhraseToken> TokenizePhrase(std::string_view phrase);

class ActorDictionary {
 public:
  // Reads dyad-format actor files. Collects every problem in issues(); when
  // `strict`, throws DictionaryError if any is an error.
  static ActorDictionary Load(const std::vector<std::filesystem::path>& files, bool strict = true);

  // Longest-first, left-to-right non-overlapping actor phrases in a sentence.
  std::vector<ActorMatch> FindAll(const MatchKeys& keys) const;

  // The entry's code on `date` (days since 1970; nullopt: unknown date, the
  // latest role applies). Persons outside all their roles resolve to the
  // country's ELI code after their first role and to nothing before it.
  std::optional<std::string> Resolve(int entry, std::optional<int> date) const;

  // Resolves a phrase as dyad dict lookup does: the longest entry that
  // covers the whole phrase.
  std::optional<std::string> Lookup(std::string_view phrase, std::optional<int> date) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const std::vector<DictionaryIssue>& issues() const { return issues_; }
  size_t phrase_count() const { return index_.size(); }

 private:
  void ParseFile(const std::filesystem::path& file);
  void AddPhrases(int entry, std::string_view phrases, const std::string& file, int line);

  std::vector<ActorEntry> entries_;
  PhraseIndex index_;
  std::vector<DictionaryIssue> issues_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_ACTOR_DICTIONARY_H_
