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
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "lexicon/dictionary_error.h"
#include "lexicon/phrase_index.h"
#include "lexicon/source_lines.h"

namespace dyad::lexicon {

struct ActorRole {
  std::string code;    // empty: the phrase names an actor that is not coded
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
  // Outside all its dated roles a dyad person is a former office holder
  // (the country's ELI code); PETRARCH and TABARI entries are not coded there.
  bool elite_after_roles = true;
  struct SelfTest {
    int date = 0;
    std::string code;
    int line = 0;
  };
  std::vector<SelfTest> tests;
  // A surname several people share ("~Bush" in two entries): the entries
  // that declared it. It names whichever of them held a role on the date.
  std::vector<int> shared_by;
};

// The phrases a sentence's FindAll lists reserve room for at the first
// one found (actors and agents alike).
inline constexpr size_t kUsualMatches = 8;

// An actor phrase found in a sentence: tokens [first, last) and its entry.
struct ActorMatch {
  uint32_t first = 0;
  uint32_t last = 0;
  int entry = -1;
};

// Folded match keys and capitals flags of a sentence's tokens, computed once
// per sentence and shared by every phrase lookup.
struct MatchKeys {
  KeyList folded;
  // 1 where the token is written in capitals (util::IsAllCaps). A byte,
  // not a std::vector<bool> bit: every phrase index reads it for every
  // token, and a bit costs a shift and mask to read and more to append.
  std::vector<uint8_t> caps;
  std::vector<size_t> hashes;  // PhraseIndex::KeyHash of each folded key
  // Lemma keys (LemmasFor) only: 1 where the token's lemma gave a key of
  // its own, 0 where the key is the word key, so that users of both keys
  // can tell the same ones apart without comparing them.
  std::vector<uint8_t> own;
  static MatchKeys ForTokens(const std::vector<Token>& tokens, bool use_lemmas) {
    MatchKeys keys;
    ForTokens(tokens, use_lemmas, keys);
    return keys;
  }
  // The same, written into `keys`, whose storage is reused: a sentence's
  // four buffers allocated and freed cost more than folding its words.
  static void ForTokens(const std::vector<Token>& tokens, bool use_lemmas, MatchKeys& keys);
  // ForTokens(tokens, true), given ForTokens(tokens, false): a token whose
  // lemma is empty, its norm or its word key reuses the word key instead of
  // folding again. Written into `keys`, whose storage is reused (the
  // resolver keeps one set of lemma keys from sentence to sentence).
  static void LemmasFor(const std::vector<Token>& tokens, const MatchKeys& word_keys, MatchKeys& keys);
};

// Splits a dictionary phrase into match tokens, the way text is tokenised.
std::vector<PhraseIndex::PhraseToken> TokenizePhrase(std::string_view phrase);

class ActorDictionary {
 public:
  // Reads actor files in dyad's format or, detected per file, in PETRARCH's
  // or TABARI's (peer_dictionaries.h). Collects every problem in issues();
  // when `strict`, throws DictionaryError if any is an error.
  static ActorDictionary Load(const std::vector<std::filesystem::path>& files, bool strict = true);

  // Longest-first, left-to-right non-overlapping actor phrases in a sentence.
  std::vector<ActorMatch> FindAll(const MatchKeys& keys) const;

  // The entry's code on `date` (days since 1970; nullopt: unknown date, the
  // latest role applies). Persons outside all their roles resolve to the
  // country's ELI code after their first role and to nothing before it. A
  // shared surname resolves to the code its people held on the date when
  // those in a role agree on one, else (or with no date) to nothing.
  std::optional<std::string> Resolve(int entry, std::optional<int> date) const;

  // Resolves a phrase as dyad dict lookup does: the longest entry that
  // covers the whole phrase.
  std::optional<std::string> Lookup(std::string_view phrase, std::optional<int> date) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const std::vector<DictionaryIssue>& issues() const { return issues_; }
  size_t phrase_count() const { return index_.size(); }

 private:
  friend class PeerDictionaryReader;  // adds PETRARCH and TABARI entries

  // A phrase ready for the index; `text` and `line` are for messages.
  struct Phrase {
    std::string text;
    std::vector<PhraseIndex::PhraseToken> tokens;
    int line = 0;
  };

  void ParseFile(const std::filesystem::path& file, const SourceFile& source);
  // Stores `entry` and indexes its phrases; returns its index. A phrase that
  // already names another entry keeps that entry and is reported with
  // `duplicate` severity (an error in dyad's files, where it is a mistake).
  int AddEntry(ActorEntry entry, const std::vector<Phrase>& phrases,
               DictionaryIssue::Severity duplicate);

  // The entry standing for shared phrase `phrase` (created on first use),
  // which `person` declares; -1 if the phrase names an unshared entry.
  int AddSharedPhrase(const Phrase& phrase, int person);

  std::vector<ActorEntry> entries_;
  PhraseIndex index_;
  std::unordered_map<std::string, int> shared_;  // shared phrase text -> its entry
  std::vector<DictionaryIssue> issues_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_ACTOR_DICTIONARY_H_
