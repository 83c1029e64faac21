#include "lexicon/phrase_index.h"

#include "util/strings.h"

namespace dyad::lexicon {

bool NeedsExactCase(std::string_view word) {
  if (!util::IsAllCaps(word)) return false;
  int letters = 0;
  for (char c : word) letters += (c >= 'A' && c <= 'Z');
  return letters >= 2 && letters <= 3;
}

namespace {

// The folded key of an exact-case word: its ASCII capitals lower-cased, as
// util::FoldForMatch folds them (folded keys have no ASCII capitals).
std::string LowerAscii(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return lower;
}

}  // namespace

// Exact-case edges are stored under the unfolded word behind a marker byte
// that cannot occur in folded text.
std::string PhraseIndex::EdgeKey(const PhraseToken& token) {
  return token.exact_case ? "\x01" + token.key : token.key;
}

void KeyTable::Insert(uint32_t owner, std::string_view key, size_t hash, uint32_t value) {
  Place({static_cast<uint32_t>(hash), owner, value, static_cast<uint32_t>(keys_.size()),
         static_cast<uint32_t>(key.size())});
  keys_ += key;
}

void KeyTable::Place(const Slot& slot) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    count_ = 0;
    for (const Slot& moved : old) {
      if (moved.value != kNone) Place(moved);
    }
  }
  size_t s = SlotOf(slot.owner, slot.hash);
  while (slots_[s].value != kNone) s = (s + 1) & mask_;
  slots_[s] = slot;
  ++count_;
}

int PhraseIndex::Add(const std::vector<PhraseToken>& phrase, int value) {
  uint32_t node = 0;
  for (const PhraseToken& token : phrase) {
    const std::string key = EdgeKey(token);
    const size_t hash = KeyHash(key);
    // An exact-case edge is reached by the word's folded key (LowerAscii:
    // exact-case words are ASCII capitals).
    if (node == 0) SetRootBit(token.exact_case ? KeyHash(LowerAscii(token.key)) : hash);
    uint32_t child = edges_.Find(node, key, hash);
    if (child == KeyTable::kNone) {
      child = static_cast<uint32_t>(values_.size());
      values_.push_back(-1);
      edges_.Insert(node, key, hash, child);
    }
    node = child;
  }
  if (values_[node] >= 0) return values_[node];
  values_[node] = value;
  ++phrases_;
  return -1;
}

PhraseIndex::Match PhraseIndex::LongestFrom(const KeyList& folded,
                                            const std::vector<uint8_t>& caps, size_t start,
                                            std::span<const size_t> hashes) const {
  Match best;
  uint32_t node = 0;
  for (size_t i = start; i < folded.size(); ++i) {
    const size_t hash = hashes.empty() ? KeyHash(folded[i]) : hashes[i];
    uint32_t child = edges_.Find(node, folded[i], hash);
    if (child == KeyTable::kNone && caps[i]) {
      // Try the exact-case edge: the folded form lower-cased the word, so
      // rebuild its capitals (exact-case words are ASCII). A string built
      // here only, not for every call.
      std::string exact = "\x01";
      for (char c : folded[i]) exact += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
      child = edges_.Find(node, exact, KeyHash(exact));
    }
    if (child == KeyTable::kNone) break;
    node = child;
    if (values_[node] >= 0) best = {static_cast<uint32_t>(i - start + 1), values_[node]};
  }
  return best;
}

}  // namespace dyad::lexicon
