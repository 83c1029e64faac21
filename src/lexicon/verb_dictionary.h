// Verb and noun patterns that turn clauses into CAMEO events
// (docs/formats/verbs.md), plus the discard list. Immutable and thread-safe
// after Load.
#ifndef DYAD_LEXICON_VERB_DICTIONARY_H_
#define DYAD_LEXICON_VERB_DICTIONARY_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/actor_dictionary.h"
#include "lexicon/dictionary_error.h"
#include "lexicon/phrase_index.h"

namespace dyad::lexicon {

// One element of a pattern after its verb: a word (one of `words`, matched
// against lemma or lower-cased surface) or the target slot.
struct PatternElement {
  bool target = false;
  std::vector<std::string> words;
  // `words` as VerbDictionary::WordId ids, so that matching compares
  // integers (pattern matching is the coder's hottest loop).
  std::vector<uint32_t> ids;
  // Peer patterns (docs/formats/peer-verbs.md) also have source slots,
  // skipped noun phrases, words that must stand right next to the element
  // on the verb's side, and alternatives that are several words ("economic
  // sanctions", split at blanks) or stems ("contribut*": any word starting
  // with "contribut"). dyad's own patterns use none of these.
  bool source = false;
  bool skip = false;
  bool adjacent = false;
  // The adjacency is a noun phrase's head with its modifier: a coordinated
  // word may stand between ("death and injury toll" for DEATH TOLL).
  bool coordinated = false;
  // A word of a UD-PETRARCH {noun phrase}.
  bool noun_phrase = false;
};

struct VerbPattern {
  std::string code;  // CAMEO event code
  // Verb patterns: the verb lemma. Noun patterns: the head noun (last word of
  // the head) with `head_before` the words that must precede it directly.
  std::string head;
  std::vector<std::vector<std::string>> head_before;
  std::vector<std::vector<uint32_t>> head_before_ids;  // as WordId ids
  std::vector<PatternElement> elements;
  // Where VerbDictionary::SingleWordIds keeps the ids of this pattern's
  // one-word elements: [single_words_begin, single_words_end).
  uint32_t single_words_begin = 0;
  uint32_t single_words_end = 0;
  std::string id;  // "verbs/19_fight.txt:12"
  int specificity = 0;  // elements that must match; more specific wins
  // The flags side by side: 40,000 patterns are built at every startup,
  // and each flag alone took eight bytes.
  bool noun = false;
  // Noun patterns: "between" (reciprocal) or the preposition of the target.
  bool reciprocal = false;
  // Peer patterns only (docs/formats/peer-verbs.md), this flag and the
  // fields below. '%': the actors of a compound subject act on one another.
  bool compound = false;
  // TABARI stems: `head` matches any word that starts with it.
  bool head_is_stem = false;

  // Words and slots that must stand before the verb, nearest first.
  std::vector<PatternElement> before;
  // "[042:043]": the code of the event back from the target to the source.
  std::string reverse_code;
  // Surface forms that are this verb too ({BROKE BROKEN}); `head` is then
  // also matched against the word itself, not only its lemma.
  std::vector<std::string> verb_forms;
};

class VerbDictionary {
 public:
  // Reads pattern files (on two threads when the machine has three cores
  // or more); `known_code` says whether a CAMEO event code exists, and may
  // be called from both threads at once. Collects problems in issues();
  // when `strict`, throws DictionaryError on errors.
  static VerbDictionary Load(const std::vector<std::filesystem::path>& files,
                             const std::function<bool(std::string_view)>& known_code,
                             bool strict = true);

  // The lookups by lemma below also take the lemma's match key with its
  // hash (MatchKeys::hashes): the coder looks up every clause's verb three
  // times and every nominal's noun once, and hashing the key again each
  // time cost about 30 instructions a lookup.
  // Indices of the verb patterns whose verb is `lemma`, most specific first.
  const std::vector<int>& ForVerb(PrehashedKey lemma) const;
  const std::vector<int>& ForVerb(std::string_view lemma) const { return ForVerb({lemma, KeyHash(lemma)}); }
  // The positions in ForVerb(lemma) of the patterns whose every word
  // element can occur in a sentence whose tokens have the word ids
  // `present` (sorted, unique), ascending; patterns not listed cannot
  // match. A cheap index lookup instead of testing hundreds of patterns.
  std::vector<uint32_t> VerbCandidates(PrehashedKey lemma, const std::vector<uint32_t>& present) const;
  std::vector<uint32_t> VerbCandidates(std::string_view lemma, const std::vector<uint32_t>& present) const {
    return VerbCandidates({lemma, KeyHash(lemma)}, present);
  }
  // Indices of the noun patterns whose head noun is `lemma`.
  const std::vector<int>& ForNoun(PrehashedKey lemma) const;
  const std::vector<int>& ForNoun(std::string_view lemma) const { return ForNoun({lemma, KeyHash(lemma)}); }
  const VerbPattern& pattern(int index) const { return patterns_[index]; }
  // The ids of the pattern's elements that are one word (not the target),
  // in order. The coder tests that each is in the sentence before anything
  // else, for every candidate pattern of every clause: reading them from
  // the elements cost a pointer and a size per element. One array for all
  // patterns: a vector per pattern cost 18 M instructions to allocate at
  // startup, more than it saved on 200 documents.
  std::span<const uint32_t> SingleWordIds(const VerbPattern& pattern) const {
    return std::span<const uint32_t>(single_word_ids_)
        .subspan(pattern.single_words_begin, pattern.single_words_end - pattern.single_words_begin);
  }

  // Every word of every pattern element and head_before list has an id in
  // [0, word_count()); WordId gives a folded key's id, or kNoWord when no
  // pattern uses that word (so it can match nothing).
  static constexpr uint32_t kNoWord = UINT32_MAX;
  uint32_t WordId(std::string_view key) const {
    auto it = word_ids_.find(key);
    return it == word_ids_.end() ? kNoWord : it->second;
  }
  // The same for a key whose hash is known (MatchKeys::hashes).
  uint32_t WordId(std::string_view key, size_t hash) const {
    // Inline, the common answer: most words of a sentence are in no
    // pattern, and the filter turns them away without a table lookup.
    const size_t bit = hash & (kWordFilterBits - 1);
    if (((word_filter_[bit / 64] >> (bit % 64)) & 1) == 0) return kNoWord;
    auto it = word_ids_.find(PrehashedKey{key, hash});
    return it == word_ids_.end() ? kNoWord : it->second;
  }
  size_t word_count() const { return word_ids_.size(); }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }
  const std::vector<DictionaryIssue>& issues() const { return issues_; }

  // The PLOVER type a pattern gives its event where PLOVER tells apart
  // what its CAMEO code does not ("0831/RETREAT:resign resign": a
  // resignation is RETREAT in PLOVER's codebook, though the CAMEO→PLOVER
  // table maps 0831 to CONCEDE). `code` is the pattern's own CAMEO code:
  // an event recoded from it (an intention, a demand) keeps the table's.
  struct PloverType {
    std::string code, event, mode;
  };
  // The PLOVER type of the pattern with this id ("verbs/08_yield.txt:657"),
  // or nullptr when the table's applies.
  const PloverType* PloverTypeOf(const std::string& pattern_id) const {
    auto it = plover_types_.find(pattern_id);
    return it == plover_types_.end() ? nullptr : &it->second;
  }

  // True when the patterns come from PETRARCH or TABARI verb files: the
  // coder then matches them with the peers' semantics (coder/peer_events.h).
  bool peer() const { return peer_; }
  // True for TABARI files: TABARI finds verbs by dictionary lookup alone,
  // without a parser, so any word of the dictionary may be a sentence's verb.
  bool verbs_anywhere() const { return verbs_anywhere_; }
  // PETRARCH-2 (whose files come with an internal coding ontology) reports
  // a compound actor code ("LWA/LWB") as one actor; PETRARCH-1 and
  // TABARI code one event per member.
  bool keeps_compound_actors() const { return !code_values_.empty(); }
  // Peer dictionaries: the patterns of the verbs that the word with surface
  // key `word` and lemma key `lemma` can be (by exact form, lemma or stem),
  // most specific first.
  std::vector<int> ForPeerVerb(std::string_view word, std::string_view lemma) const;
  // PETRARCH-2's internal coding ontology, when one was loaded: the code of
  // the negated event ("not disapprove" 110 -> 050: the ontology's values
  // of an event and its negation differ by 0xFFFF), or "" when it has none.
  std::string NegatedCode(std::string_view code) const;

 private:
  friend class PeerVerbReader;
  struct ParsedFile;
  static ParsedFile ParseFile(const std::filesystem::path& path,
                              const std::function<bool(std::string_view)>& known_code);
  void Merge(ParsedFile& parsed, const std::string& file);
  // A pattern line ("CODE verb ..."); synset definitions ("&NAME = ...")
  // are ParseSynset's. `words` is scratch, for the line's words; `plover`
  // receives the line's own PLOVER type ("CODE/TYPE:mode"), if it has one.
  void ParseLine(std::string_view text, const std::string& file, int line,
                 const std::function<bool(std::string_view)>& known_code,
                 std::vector<std::string_view>& words, std::optional<PloverType>& plover);
  void ParseSynset(std::string_view text, const std::string& file, int line);
  std::vector<std::string> ParseAlternatives(std::string_view word, const std::string& file,
                                             int line);
  void Finish();

  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, PloverType> plover_types_;  // by pattern id; few patterns have one
  std::unordered_map<std::string, std::vector<std::string>> synsets_;
  // Looked up by string_view for every clause and token: transparent, so
  // that no std::string is built for a lookup.
  std::unordered_map<std::string, std::vector<int>, KeyHasher, KeyEqual> by_verb_;
  std::unordered_map<std::string, std::vector<int>, KeyHasher, KeyEqual> by_noun_;
  std::unordered_map<std::string, uint32_t, KeyHasher, KeyEqual> word_ids_;
  std::vector<uint32_t> single_word_ids_;  // SingleWordIds, all patterns
  // A bit per hash value (modulo its size) of the keys of word_ids_.
  static constexpr size_t kWordFilterBits = size_t{1} << 17;
  std::vector<uint64_t> word_filter_ = std::vector<uint64_t>(kWordFilterBits / 64);
  // Per verb, its patterns (positions in by_verb_) by anchor: the word
  // element with the fewest alternatives, one of which must occur.
  struct AnchorIndex {
    // A bit per position: the patterns without word elements.
    std::vector<uint64_t> always;
    std::unordered_map<uint32_t, std::vector<uint32_t>> by_word;
  };
  std::unordered_map<std::string, AnchorIndex, KeyHasher, KeyEqual> anchors_;
  std::vector<DictionaryIssue> issues_;
  // Synset names used by patterns, resolved in Finish() once every file
  // (and so every definition) has been read.
  struct SynsetUse {
    std::string name, file;
    int line;
  };
  std::vector<SynsetUse> synset_uses_;
  bool peer_ = false;
  bool verbs_anywhere_ = false;
  std::unordered_map<std::string, long> code_values_;  // PETRARCH-2 ontology
  std::unordered_map<long, std::string> value_codes_;   // first code of each value
  std::unordered_map<std::string, std::vector<int>, KeyHasher, KeyEqual> by_form_;  // peer surface forms
  std::unordered_map<std::string, std::vector<int>, KeyHasher, KeyEqual> by_stem_;  // TABARI stems
};

// Phrases that make a sentence or a whole document off-topic
// (dict/discards.txt: "sentence: PHRASE" or "document: PHRASE").
class DiscardList {
 public:
  // kContest: the sentence codes no act of force or contest (15,
  // 17-20), whose words sport borrows ("beat", "clash", "attack"), but its
  // other events stand ("protested at the Olympics", "will attend the
  // World Cup").
  enum class Scope { kSentence = 0, kDocument = 1, kContest = 2 };
  static DiscardList Load(const std::vector<std::filesystem::path>& files, bool strict = true);
  // The scope of a discard phrase found in the sentence, if any, and the phrase's line.
  struct Hit {
    Scope scope;
    int entry;
  };
  std::optional<Hit> Find(const MatchKeys& word_keys) const;
  const std::string& Describe(int entry) const { return descriptions_[entry]; }
  const std::vector<DictionaryIssue>& issues() const { return issues_; }

 private:
  friend void ReadPeerDiscards(const std::filesystem::path& file, DiscardList& into);
  PhraseIndex index_;
  std::vector<Scope> scopes_;
  std::vector<std::string> descriptions_;
  std::vector<DictionaryIssue> issues_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_VERB_DICTIONARY_H_
