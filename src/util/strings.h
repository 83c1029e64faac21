// Small string helpers shared by the stages.
#ifndef DYAD_UTIL_STRINGS_H_
#define DYAD_UTIL_STRINGS_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::util {

// Returns `s` with ASCII letters lower-cased; other bytes unchanged.
std::string AsciiLower(std::string_view s);

// Returns the key dyad matches dictionary phrases on: lower case, Latin
// diacritics removed ("Erdoğan" -> "erdogan", "Xankəndi" -> "xankendi"),
// typographic apostrophes folded to '. Letters outside Latin are kept.
std::string FoldForMatch(std::string_view s);
// The same into `out` (replacing its contents): a sentence's keys are
// folded straight into their vector's strings, without a move per word.
void FoldForMatch(std::string_view s, std::string& out);

// Whether `a` and `b` are the same text, compared inline: string_view's ==
// calls an out-of-line compare and memcmp whenever the sizes match, and the
// tags, words and keys compared on the hot paths are a few bytes long.
constexpr bool SameText(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

// ASCII character classes (bytes of UTF-8 text outside ASCII are none of
// them).
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Whether `word` is exactly one of `words` (any case, any length; for the
// short fixed lists of codes and nouns off the hot paths; WordList below
// is the fast form for lower-case words).
inline bool IsOneOf(std::string_view word, std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A fixed list of lower-case words with a bit per (length, initial) of its
// words: a word outside the list is nearly always turned away by one bit
// test, where comparing it with every word (or a std::set lookup) costs
// hundreds of instructions. Words are lower-case ASCII, shorter than 16
// bytes, and start with a letter.
template <size_t N>
class WordList {
 public:
  constexpr explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
    for (std::string_view w : words_) initials_[w.size()] |= 1u << (w[0] - 'a');
  }
  constexpr bool Contains(std::string_view word) const {
    if (word.empty() || word.size() >= initials_.size()) return false;
    const unsigned letter = static_cast<unsigned char>(word[0]) - unsigned{'a'};
    if (letter >= 26 || ((initials_[word.size()] >> letter) & 1) == 0) return false;
    for (std::string_view w : words_) {
      if (SameText(word, w)) return true;
    }
    return false;
  }
  // Whether `word` may be one of the words in any case: its length and
  // ASCII-folded initial are those of one (a filter only; no word is
  // compared).
  constexpr bool MayContainFolded(std::string_view word) const {
    if (word.empty() || word.size() >= initials_.size()) return false;
    const unsigned letter = (static_cast<unsigned char>(word[0]) | 0x20u) - unsigned{'a'};
    return letter < 26 && ((initials_[word.size()] >> letter) & 1) != 0;
  }
  // The same for `word` in any case (ASCII letters folded).
  bool ContainsFolded(std::string_view word) const {
    char lower[16];
    if (word.size() >= sizeof lower) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      const char c = word[k];
      lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return Contains(std::string_view(lower, word.size()));
  }

 private:
  std::array<std::string_view, N> words_;
  std::array<uint32_t, 16> initials_{};  // by length; every word is shorter than 16 bytes
};

// The WordList of the words given, sized to fit:
//   static constexpr auto kDays = MakeWordList("today", "tomorrow");
template <typename... Words>
constexpr WordList<sizeof...(Words)> MakeWordList(const Words&... words) {
  return WordList<sizeof...(Words)>(std::array<std::string_view, sizeof...(Words)>{words...});
}

// Removes ASCII white space at both ends. Inline: dictionary and gazetteer
// loading call it about a million times at startup, mostly on words with
// nothing to trim.
inline std::string_view Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Splits on `separator`, trimming each piece; empty pieces are kept.
std::vector<std::string_view> Split(std::string_view s, char separator);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// True if every letter of `s` is an ASCII capital and it has at least one.
bool IsAllCaps(std::string_view s);

}  // namespace dyad::util

#endif  // DYAD_UTIL_STRINGS_H_
