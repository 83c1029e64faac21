// A trie over token sequences: the matcher behind actor, agent and discard
// phrases. Keys are folded tokens (util::FoldForMatch), so matching ignores
// case and diacritics; a token added with `exact_case` (short capitalised
// words such as "US", "UN") only matches text in capitals.
//
// Immutable after building; lookups are const and thread-safe.
#ifndef DYAD_LEXICON_PHRASE_INDEX_H_
#define DYAD_LEXICON_PHRASE_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/strings.h"

namespace dyad::lexicon {

// The hash of match keys and dictionary words: FNV-1a, inline, with a
// final mix. Keys are a few bytes, and std::hash's out-of-line hash cost
// about 50 instructions for each token of every sentence. FNV-1a's low
// bits depend only on the low bits of each step; the mix folds the high
// bits into them, since the root filter (PhraseIndex) keeps only low bits.
// KeyHashStep and KeyHashEnd are its pieces, for a loop that folds a key
// and hashes it in one pass (MatchKeys).
constexpr uint64_t kKeyHashStart = 0xcbf29ce484222325u;
inline uint64_t KeyHashStep(uint64_t hash, unsigned char c) { return (hash ^ c) * 0x100000001b3u; }
inline size_t KeyHashEnd(uint64_t hash) { return static_cast<size_t>(hash ^ (hash >> 29)); }
inline size_t KeyHash(std::string_view key) {
  uint64_t hash = kKeyHashStart;
  for (unsigned char c : key) hash = KeyHashStep(hash, c);
  return KeyHashEnd(hash);
}

// A folded key whose hash (KeyHash of its text) is known: tables hashed
// with KeyHasher look it up without hashing it again. MatchKeys keep each
// sentence word's hash, and a word is looked up in several tables.
struct PrehashedKey {
  std::string_view key;
  size_t hash;
};
// Hash and equality for string-keyed tables that are searched with a
// string_view or a PrehashedKey (no std::string built for a lookup). Not
// noexcept, so that the tables keep each entry's hash and compare hashes
// before keys.
struct KeyHasher {
  using is_transparent = void;
  size_t operator()(std::string_view key) const { return KeyHash(key); }
  size_t operator()(const PrehashedKey& key) const { return key.hash; }
};
struct KeyEqual {
  using is_transparent = void;
  static std::string_view View(std::string_view s) { return s; }
  static std::string_view View(const PrehashedKey& p) { return p.key; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const { return View(a) == View(b); }
};

// The folded keys of a sentence's tokens, all in one buffer. A
// std::string per token cost about a hundred instructions to construct,
// size and destroy for every token of every sentence, and the lemma keys
// copied them all again. Keys are offsets into the buffer, not views, so a
// KeyList can be moved and copied.
class KeyList {
 public:
  std::string_view operator[](size_t t) const {
    const Span span = spans_[t];
    return {chars_.data() + span.begin, span.size};
  }
  size_t size() const { return spans_.size(); }
  bool empty() const { return spans_.empty(); }

  // Removes every key, keeping the storage, with room for `chars` bytes of
  // keys to come (more is made as needed).
  void Clear(size_t chars) {
    spans_.clear();
    end_ = 0;
    if (chars_.size() < chars) chars_.resize(chars);
  }
  void reserve(size_t keys) { spans_.reserve(keys); }
  // Where to write a key of at most `max_size` bytes; then Add or Set it
  // with its size. The pointer is good until the next call of Room.
  char* Room(size_t max_size) {
    if (end_ + max_size > chars_.size()) chars_.resize(std::max(2 * chars_.size(), end_ + max_size));
    return chars_.data() + end_;
  }
  // The key written at Room() becomes the next key (Add) or key t (Set).
  void Add(size_t size) {
    spans_.push_back({end_, static_cast<uint32_t>(size)});
    end_ += static_cast<uint32_t>(size);
  }
  void Set(size_t t, size_t size) {
    spans_[t] = {end_, static_cast<uint32_t>(size)};
    end_ += static_cast<uint32_t>(size);
  }
  void Add(std::string_view key) {
    std::copy(key.begin(), key.end(), Room(key.size()));
    Add(key.size());
  }
  void Set(size_t t, std::string_view key) {
    std::copy(key.begin(), key.end(), Room(key.size()));
    Set(t, key.size());
  }

 private:
  struct Span {
    uint32_t begin;
    uint32_t size;
  };
  std::string chars_;  // the keys' bytes, then unused room
  uint32_t end_ = 0;   // where the next key goes
  std::vector<Span> spans_;
};

// A hash table from (owner, folded key) to a number, for keys whose
// KeyHash is known: open addressing in one array, keys in one string. A
// lookup is a slot computed from the hash and a probe of adjacent slots,
// where a std::unordered_map cost a division, a chain walk and an
// out-of-line key compare. The trie below keeps its edges in one, owned by
// their parent node: its lookups are about a third of matching actors and
// agents. Copyable: keys are offsets, not views.
class KeyTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // The value of (owner, key), or kNone.
  uint32_t Find(uint32_t owner, std::string_view key, size_t hash) const {
    for (size_t s = SlotOf(owner, hash);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.value == kNone) return kNone;
      if (slot.hash == static_cast<uint32_t>(hash) && slot.owner == owner &&
          util::SameText(std::string_view(keys_.data() + slot.key_begin, slot.key_size), key)) {
        return slot.value;
      }
    }
  }
  // Adds (owner, key), which must not be in the table yet, with `value`
  // (not kNone).
  void Insert(uint32_t owner, std::string_view key, size_t hash, uint32_t value);
  size_t size() const { return count_; }

 private:
  struct Slot {
    uint32_t hash = 0;  // low bits of the key's KeyHash
    uint32_t owner = 0;
    uint32_t value = kNone;  // kNone: an empty slot
    uint32_t key_begin = 0;  // the key is keys_[key_begin, +key_size)
    uint32_t key_size = 0;
  };
  size_t SlotOf(uint32_t owner, size_t hash) const {
    return (hash ^ (size_t{owner} * 0x9e3779b97f4a7c15u)) & mask_;
  }
  // Stores a slot, doubling the table to keep it at most half full (short
  // probe runs).
  void Place(const Slot& slot);
  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two
  size_t mask_ = 63;  // slots_.size() - 1, kept: a Slot is 20 bytes, and size() divides
  size_t count_ = 0;
  std::string keys_;  // every key, one after another
};

class PhraseIndex {
 public:
  struct PhraseToken {
    std::string key;  // folded form
    bool exact_case = false;
  };

  // Adds a phrase with a value. Returns the value already stored for the same
  // phrase, or -1 if the phrase is new (then `value` is stored).
  int Add(const std::vector<PhraseToken>& phrase, int value);

  // The longest phrase starting at tokens[start]; `tokens` are the folded
  // forms and `caps` says which text tokens are written in capitals.
  struct Match {
    uint32_t length = 0;  // 0: no match
    int value = -1;
  };
  // `hashes`, if given, are KeyHash(folded[i]) precomputed (MatchKeys
  // keeps them), so that the several indexes a sentence is looked up in do
  // not hash the same words again.
  Match LongestAt(const KeyList& folded, const std::vector<uint8_t>& caps,
                  size_t start, std::span<const size_t> hashes = {}) const {
    // Inline, the common answer: callers try every token of a sentence,
    // and the root filter turns most of them away (a call cost more than
    // the filter).
    if (start < hashes.size() && !RootMayHave(hashes[start])) return {};
    return LongestFrom(folded, caps, start, hashes);
  }

  // The hash of edge keys (of the folded text).
  static size_t KeyHash(std::string_view key) { return lexicon::KeyHash(key); }

  size_t size() const { return phrases_; }

 private:
  static std::string EdgeKey(const PhraseToken& token);
  Match LongestFrom(const KeyList& folded, const std::vector<uint8_t>& caps,
                    size_t start, std::span<const size_t> hashes) const;
  // A bit per hash value (modulo its size) of the root's edge keys; an
  // exact-case edge sets the bit of its word's folded key, the only key
  // that can reach it (LongestFrom tries it with the folded key's capitals
  // rebuilt). Every token of every sentence is looked up at the root of
  // three or four indexes and nearly all of them start no phrase: a clear
  // bit answers "no" without a table lookup.
  static constexpr size_t kRootFilterBits = size_t{1} << 18;
  void SetRootBit(size_t hash) {
    const size_t bit = hash & (kRootFilterBits - 1);
    root_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool RootMayHave(size_t hash) const {
    const size_t bit = hash & (kRootFilterBits - 1);
    return (root_filter_[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<uint64_t> root_filter_ = std::vector<uint64_t>(kRootFilterBits / 64);
  KeyTable edges_;  // (node, edge key) -> child node
  std::vector<int> values_{-1};  // per node: the phrase ending there, or -1
  size_t phrases_ = 0;
};

// Whether a dictionary word must match case exactly: written in capitals
// with two or three letters ("US", "UN", "U.S.", "EU").
bool NeedsExactCase(std::string_view word);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_PHRASE_INDEX_H_
