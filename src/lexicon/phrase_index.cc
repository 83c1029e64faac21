#include "lexicon/phrase_index.h"

#include "util/strings.h"

namespace dyad::lexicon {

bool NeedsExactCase(std::string_view word) {
  if (!util::IsAllCaps(word)) return false;
  int letters = 0;
  for (char c : word) letters += (c >= 'A' && c <= 'Z');
  return letters >= 2 && letters <= 3;
}

// Exact-case edges are stored under the unfolded word behind a marker byte
// that cannot occur in folded text.
std::string PhraseIndex::EdgeKey(const PhraseToken& token) {
  return token.exact_case ? "\x01" + token.key : token.key;
}

int PhraseIndex::Add(const std::vector<PhraseToken>& phrase, int value) {
  uint32_t node = 0;
  for (const PhraseToken& token : phrase) {
    std::string key = EdgeKey(token);
    if (node == 0) {
      const size_t bit = KeyHash(key) & (kRootFilterBits - 1);
      root_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    auto it = nodes_[node].next.find(key);
    if (it == nodes_[node].next.end()) {
      uint32_t child = static_cast<uint32_t>(nodes_.size());
      nodes_[node].next.emplace(std::move(key), child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].value >= 0) return nodes_[node].value;
  nodes_[node].value = value;
  ++phrases_;
  return -1;
}

PhraseIndex::Match PhraseIndex::LongestFrom(const KeyList& folded,
                                            const std::vector<uint8_t>& caps, size_t start,
                                            std::span<const size_t> hashes) const {
  Match best;
  uint32_t node = 0;
  std::string exact;
  for (size_t i = start; i < folded.size(); ++i) {
    const auto& next = nodes_[node].next;
    const size_t hash = hashes.empty() ? KeyHash(folded[i]) : hashes[i];
    auto it = node == 0 && !RootMayHave(hash) ? next.end() : next.find(PrehashedKey{folded[i], hash});
    if (it == next.end() && caps[i]) {
      // Try the exact-case edge: the folded form lower-cased the word, so
      // rebuild its capitals (exact-case words are ASCII).
      exact.clear();
      exact.push_back('\x01');
      for (char c : folded[i]) exact += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
      it = next.find(std::string_view(exact));
    }
    if (it == next.end()) break;
    node = it->second;
    if (nodes_[node].value >= 0) best = {static_cast<uint32_t>(i - start + 1), nodes_[node].value};
  }
  return best;
}

}  // namespace dyad::lexicon
