// A map from words to small values for the tagger's per-token lookups:
// open addressing with linear probing over a power-of-two table. A lookup
// is an inline hash, a mask and, nearly always, one inline compare of a few
// bytes; std::unordered_map took a division, two pointer hops and a memcmp
// call. The keys are views: their bytes must outlive the table. Not
// thread-safe to change; const lookups are.
#ifndef DYAD_TAG_WORD_TABLE_H_
#define DYAD_TAG_WORD_TABLE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "util/strings.h"

namespace dyad::tag {

template <typename Value>
class WordTable {
 public:
  // Room for `words` words without growing.
  void Reserve(size_t words) {
    if (2 * words > slots_.size()) Rehash(2 * words);
  }

  // Returns the value of exactly `word`, or nullptr.
  const Value* Find(std::string_view word) const { return Find(word, Hash(word)); }

  // The same, for a caller that has `hash` == Hash(word) already.
  const Value* Find(std::string_view word, size_t hash) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      // Stored words are never empty, so an empty view marks a free slot.
      if (slot.word.empty()) return nullptr;
      if (util::SameText(slot.word, word)) return &slot.value;
    }
  }

  // Adds `word` (not empty) with `value` unless it is there; returns
  // whether it was added. Like std::unordered_map::emplace.
  bool Emplace(std::string_view word, const Value& value) {
    Slot& slot = SlotFor(word);
    if (!slot.word.empty()) return false;
    slot = {word, value};
    ++size_;
    return true;
  }

  // Sets the value of `word` (not empty), adding it if need be.
  void Set(std::string_view word, const Value& value) {
    Slot& slot = SlotFor(word);
    if (slot.word.empty()) ++size_;
    slot = {word, value};
  }

  size_t size() const { return size_; }

  // FNV-1a: words are a few bytes, and std::hash's out-of-line hash cost
  // about twice the instructions. The high half is folded into the low
  // bits the mask keeps. Public so that a caller can keep a word's hash
  // for other tables of its own.
  static size_t Hash(std::string_view word) {
    return Hash(word, [](unsigned char) {});
  }
  // The same, calling visit(c) for each byte: a caller with a test of its
  // own on every byte of the word makes one pass instead of two.
  template <typename Visit>
  static size_t Hash(std::string_view word, Visit&& visit) {
    uint64_t hash = 0xcbf29ce484222325u;
    for (unsigned char c : word) {
      hash = (hash ^ c) * 0x100000001b3u;
      visit(c);
    }
    return static_cast<size_t>(hash ^ (hash >> 32));
  }

 private:
  struct Slot {
    std::string_view word;
    Value value{};
  };

  // The slot holding `word`, or the free slot where it goes; keeps the
  // table at most half full.
  Slot& SlotFor(std::string_view word) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(2 * (size_ + 1));
    for (size_t i = Hash(word) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.word.empty() || util::SameText(slot.word, word)) return slot;
    }
  }

  void Rehash(size_t at_least) {
    size_t capacity = 16;
    while (capacity < at_least) capacity *= 2;
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.word.empty()) continue;
      size_t i = Hash(slot.word) & mask_;
      while (!slots_[i].word.empty()) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace dyad::tag

#endif  // DYAD_TAG_WORD_TABLE_H_
