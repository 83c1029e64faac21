// Sentence and token segmentation for news text.
//
// Segment() works in two linear passes. The first pass (Tokenizer) walks the
// bytes once and cuts tokens; every decision looks at most a few bytes ahead,
// and any bytes it looks at and then gives back (a failed "U.S."-style
// abbreviation) are bounded by a small constant, so the pass is O(n) whatever
// the input. URLs and e-mail addresses are recognised once per
// whitespace-delimited run, when the tokenizer enters the run. Each raw token
// records how much white space preceded it (space, one newline, a blank
// line) and what kind of token it is (a sentence-final mark, an abbreviation
// with its period, an initial).
//
// The second pass walks the tokens once and decides, after each token,
// whether a sentence ends there: after a final mark (plus any closing quotes
// or brackets glued to it) when the next token starts like a sentence; after
// an abbreviation only when the next word is a common sentence opener (so
// "Gen. Hikmet" stays together but "in the U.S. The ..." splits); at blank
// lines; and at a single newline that ends a headline-like line.
#include "text/segmenter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "util/strings.h"
#include "util/utf8.h"

namespace dyad::text {
namespace {

using util::CodePoint;
using util::DecodeUtf8;

// Classes of bytes for the loops that look at every byte of the text (the
// tokenizer's runs and words): one table load and a bit test instead of a
// chain of range comparisons.
enum ByteClass : uint8_t {
  kLetterByte = 1,  // A-Z, a-z
  kDigitByte = 2,   // 0-9
  kBreakByte = 4,   // ASCII white space and control characters
  kHighByte = 8,    // 0x80 and above: part of a multi-byte character
};

constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      classes[c] = kLetterByte;
    } else if (c >= '0' && c <= '9') {
      classes[c] = kDigitByte;
    } else if (c <= 0x20 || c == 0x7F) {
      classes[c] = kBreakByte;
    } else if (c >= 0x80) {
      classes[c] = kHighByte;
    }
  }
  return classes;
}();

uint8_t ClassOf(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

// Tests on eight bytes at once, loaded little-endian (the first byte
// lowest): each gives the high bit of every byte that passes. Only the
// first flagged byte is sure (a borrow from it may flag later bytes), and
// callers look at no other.
constexpr uint64_t kOneBytes = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;
constexpr uint64_t BytesBelow(uint64_t eight, uint8_t n) { return (eight - kOneBytes * n) & ~eight & kHighBits; }
constexpr uint64_t BytesEqual(uint64_t eight, uint8_t b) { return BytesBelow(eight ^ (kOneBytes * b), 1); }
// Every byte that is not an ASCII letter; exact for each byte (no carry
// crosses bytes). Upper case is folded to lower by the 0x20 bit; a byte is
// a letter when, folded and without its high bit, it lies in 'a'..'z' and
// its high bit was clear.
constexpr uint64_t NonLetters(uint64_t eight) {
  const uint64_t folded = (eight | (kOneBytes * 0x20)) & ~kHighBits;
  const uint64_t from_a = (folded + kOneBytes * (0x80 - 'a')) & kHighBits;
  const uint64_t past_z = (folded + kOneBytes * (0x80 - 'z' - 1)) & kHighBits;
  return ~(from_a & ~past_z & ~eight) & kHighBits;
}

using util::IsAsciiDigit;
using util::IsAsciiLower;
using util::IsAsciiUpper;
bool IsAsciiAlpha(char c) { return (ClassOf(c) & kLetterByte) != 0; }
char AsciiToLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

bool IsUnicodeSpace(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// Non-ASCII code points count as letters unless they fall in a block of
// punctuation or symbols; that keeps every script's words (and combining
// marks) inside tokens without a full Unicode property table.
bool IsUnicodeLetter(char32_t c) {
  if (c < 0xC0) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 ||
      (c >= 0x066A && c <= 0x066D) || c == 0x0964 || c == 0x0965 ||
      c == 0x0589) {
    return false;
  }
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if (c >= 0xFE10 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c == 0xFFFD || c >= 0x1F000) return false;
  return true;
}

// Lower-case letters of the cased scripts news text uses (Latin, Greek,
// Cyrillic). Everything else that is a letter counts as able to start a
// sentence.
bool IsLowerLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLower(static_cast<char>(c));
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x137) return (c & 1) == 1;
  if (c >= 0x138 && c <= 0x148) return (c & 1) == 0;
  if (c >= 0x149 && c <= 0x177) return (c & 1) == 1;
  if (c >= 0x17A && c <= 0x17E) return (c & 1) == 0;
  if (c == 0x17F) return true;
  if (c >= 0x250 && c <= 0x2AF) return true;
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  if (c >= 0x460 && c <= 0x4FF) return (c & 1) == 1;
  return false;
}

bool IsWordStartChar(char32_t c) {
  if (c < 0x80) {
    return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
  }
  return IsUnicodeLetter(c);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiToLower(a[i]) != lower[i]) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view lower_prefix) {
  return s.size() >= lower_prefix.size() &&
         EqualsIgnoreCase(s.substr(0, lower_prefix.size()), lower_prefix);
}

// Abbreviations that precede a name or a number: a sentence never ends
// after them.
constexpr std::string_view kTitleAbbreviations[] = {
    "mr",   "mrs",  "ms",   "dr",    "gen",   "lt",    "col",   "sen",
    "rep",  "gov",  "prof", "capt",  "maj",   "sgt",   "cpl",   "pvt",
    "adm",  "brig", "rev",  "hon",   "pres",  "messrs", "gens", "cmdr",
    "lieut", "supt", "insp", "amb",  "st",    "mt",    "ft",    "vs",
    "jan",  "feb",  "mar",  "apr",   "jun",   "jul",   "aug",   "sep",
    "sept", "oct",  "nov",  "dec",   "reps",  "sens",  "cdr",   "fr"};

// Abbreviations that can end a sentence ("... Acme Inc. The company ...").
constexpr std::string_view kOtherAbbreviations[] = {
    "inc",  "corp", "co",   "ltd", "jr",   "sr",  "etc",   "al",
    "bros", "dept", "govt", "approx", "ave", "blvd"};

template <size_t N>
bool InList(std::string_view word, const std::string_view (&list)[N]) {
  if (word.size() > 7) return false;
  for (std::string_view entry : list) {
    if (EqualsIgnoreCase(word, entry)) return true;
  }
  return false;
}

// Capitalised words that usually open a sentence and rarely follow an
// abbreviation inside a name ("U.S. The" splits, "U.S. Army" does not).
constexpr std::string_view kSentenceStarters[] = {
    "The",       "He",        "She",      "It",        "They",     "We",
    "I",         "You",       "But",      "And",       "A",        "An",
    "In",        "On",        "At",       "As",        "This",     "That",
    "These",     "Those",     "There",    "Their",     "Its",      "His",
    "Her",       "Our",       "However",  "Meanwhile", "After",    "Before",
    "When",      "While",     "If",       "Although",  "Though",   "Since",
    "Some",      "Many",      "Most",     "According", "Earlier",  "Later",
    "Last",      "For",       "With",     "Yet",       "So",       "Still",
    "Also",      "Both",      "Each",     "What",      "Why",      "How",
    "Where",     "Who",       "Under",    "During",    "Despite",  "Then",
    "Now",       "Today",     "Yesterday", "By",       "From",     "To",
    "Not",       "Such",      "All",      "More",      "Several",  "Another",
    "Instead",   "Thus",      "Moreover", "Separately", "Elsewhere", "Other"};

bool IsSentenceStarter(std::string_view word) {
  return std::find(std::begin(kSentenceStarters), std::end(kSentenceStarters),
                   word) != std::end(kSentenceStarters);
}

constexpr std::string_view kFunctionWords[] = {
    "the", "a",    "an",   "of",   "to",    "in",   "on",   "at",
    "for", "with", "by",   "from", "and",   "or",   "but",  "as",
    "that", "which", "who", "its", "their", "his",  "her",  "into"};

enum class Kind : uint8_t {
  kWord,
  kPunct,
  kFinal,         // . ! ? … and runs of them
  kTitleAbbrev,   // "Gen." "Mr." "Jan." "No." (before a number)
  kAbbrev,        // "U.S." "Inc." "etc."
  kInitial,       // "W."
  kSpecial,       // URL, e-mail address
};

struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::kWord;
  uint8_t newlines_before = 0;  // 0, 1, or 2 for a blank line or more
  bool space_before = false;
  bool ascii = false;  // every byte below 0x80: nothing to normalise
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, size_t begin, size_t end)
      : text_(text), pos_(begin), end_(std::min(end, text.size())) {}

  std::vector<RawToken> Run() {
    std::vector<RawToken> tokens;
    // News runs about five bytes a token: reserving that many spares the
    // vector its reallocations (a third of the cost of emitting a token).
    tokens.reserve((end_ - pos_) / 5 + 1);
    tokens_ = &tokens;
    while (true) {
      SkipSpace();
      if (pos_ >= end_) break;
      if (pos_ >= run_end_) StartRun();
      if (pos_ == special_begin_) {
        Emit(special_begin_, special_end_, Kind::kSpecial);
        pos_ = special_end_;
        continue;
      }
      // An ASCII byte, most tokens' first, without the call to decode it.
      const auto first = static_cast<unsigned char>(text_[pos_]);
      const CodePoint cp = first < 0x80 ? CodePoint{first, 1} : DecodeUtf8(text_, pos_);
      if (IsWordStartChar(cp.value)) {
        ScanWord();
      } else {
        ScanPunct(cp);
      }
    }
    return tokens;
  }

 private:
  char At(size_t i) const { return i < end_ ? text_[i] : '\0'; }
  bool DigitAt(size_t i) const { return IsAsciiDigit(At(i)); }

  // The end of the run of ASCII letters at p: the bulk of every word, so
  // tested eight bytes at a time where eight are left.
  size_t AsciiLettersEnd(size_t p) const {
    for (; p + 8 <= end_; p += 8) {
      uint64_t eight;
      std::memcpy(&eight, text_.data() + p, 8);
      if (const uint64_t others = NonLetters(eight); others != 0) {
        return p + static_cast<size_t>(std::countr_zero(others)) / 8;
      }
    }
    while (p < end_ && IsAsciiAlpha(text_[p])) ++p;
    return p;
  }

  // "SPLM/A": at a slash right after a word of two or more ASCII capitals
  // and before one capital that ends the word (the armed wing's letter),
  // extends that word over both and returns true. Two acronyms stay apart:
  // "AU/UN forces", "NATO/EU". Asked only at a slash, yet Segment on
  // aw200 took about 1.1 M more instructions with it, inline or out of
  // line as here (measured with callgrind; why, not found).
  [[gnu::noinline]] bool JoinWing(size_t slash) {
    if (tokens_->empty() || !IsAsciiUpper(At(slash + 1)) || IsAsciiAlpha(At(slash + 2)) ||
        IsAsciiDigit(At(slash + 2))) {
      return false;
    }
    RawToken& word = tokens_->back();
    if (word.end != slash || word.kind != Kind::kWord || slash < word.begin + 2) return false;
    for (size_t i = word.begin; i < slash; ++i) {
      if (!IsAsciiUpper(text_[i])) return false;
    }
    word.end = static_cast<uint32_t>(slash + 2);
    pos_ = slash + 2;
    return true;
  }

  // Length of the white-space code point at i, or 0.
  size_t SpaceLength(size_t i) const {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c <= 0x20 || c == 0x7F) return 1;
    if (c < 0x80) return 0;
    const CodePoint cp = DecodeUtf8(text_, i);
    return IsUnicodeSpace(cp.value) ? cp.length : 0;
  }

  // Length of the letter or digit at i, or 0.
  size_t AlnumLength(size_t i) const {
    if (i >= end_) return 0;
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
    const CodePoint cp = DecodeUtf8(text_, i);
    if (i + cp.length > end_) return 0;
    return IsUnicodeLetter(cp.value) ? cp.length : 0;
  }

  // Length of a hyphen that may join the parts of a word at i, or 0.
  size_t HyphenLength(size_t i) const {
    if (At(i) == '-') return 1;
    // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN.
    if (i + 2 < end_ && At(i) == '\xE2' && At(i + 1) == '\x80' &&
        (At(i + 2) == '\x90' || At(i + 2) == '\x91')) {
      return 3;
    }
    return 0;
  }

  // Length of an apostrophe at i (' or U+2019), or 0.
  size_t ApostropheLength(size_t i) const {
    if (At(i) == '\'') return 1;
    if (i + 2 < end_ && At(i) == '\xE2' && At(i + 1) == '\x80' &&
        At(i + 2) == '\x99') {
      return 3;
    }
    return 0;
  }

  void SkipSpace() {
    // The position in a local: through the member, the flags' byte stores
    // made the compiler store and reload it at every byte.
    size_t pos = pos_;
    while (pos < end_) {
      const size_t length = SpaceLength(pos);
      if (length == 0) break;
      const char c = text_[pos];
      if (c == '\n' || (c == '\r' && At(pos + 1) != '\n')) {
        if (newlines_ < 2) ++newlines_;
      }
      spaced_ = true;
      pos += length;
    }
    pos_ = pos;
  }

  void Emit(size_t begin, size_t end, Kind kind) {
    RawToken token;
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    token.kind = kind;
    token.newlines_before = newlines_;
    token.space_before = spaced_;
    // StartRun saw every byte of the run; a token that runs past it (a
    // word joined by U+FEFF, which the run takes for a space) is tested in
    // Normalize as before.
    token.ascii = run_ascii_ && end <= run_end_;
    tokens_->push_back(token);
    newlines_ = 0;
    spaced_ = false;
  }

  // Called when the tokenizer enters a new whitespace-delimited run: finds
  // where the run ends and whether (after opening brackets and before
  // trailing punctuation) it is a URL or an e-mail address. Done once per
  // run, so the work is linear in the input.
  void StartRun() {
    size_t run_end = pos_;
    bool at_sign = false;  // only a run with an '@' can hold an e-mail address
    run_ascii_ = true;
    while (run_end < end_) {
      // Eight bytes at a time up to the first that is not printable ASCII
      // (white space, a control byte, part of a multi-byte character):
      // every byte of the text passes here.
      if (run_end + 8 <= end_) {
        uint64_t eight;
        std::memcpy(&eight, text_.data() + run_end, 8);
        const uint64_t stops = BytesBelow(eight, 0x21) | BytesEqual(eight, 0x7F) | (eight & kHighBits);
        const uint64_t ats = BytesEqual(eight, '@');
        const size_t printable = stops == 0 ? 8 : static_cast<size_t>(std::countr_zero(stops)) / 8;
        at_sign |= ats != 0 && static_cast<size_t>(std::countr_zero(ats)) / 8 < printable;
        run_end += printable;
        if (printable == 8) continue;
      }
      // ASCII bytes (most of the text) are told apart without decoding.
      const uint8_t byte_class = ClassOf(text_[run_end]);
      if ((byte_class & (kBreakByte | kHighByte)) == 0) {
        at_sign |= text_[run_end] == '@';
        ++run_end;
        continue;
      }
      if (byte_class == kBreakByte || SpaceLength(run_end) != 0) break;
      run_ascii_ = false;
      run_end += DecodeUtf8(text_, run_end).length;
    }
    run_end_ = std::min(run_end, end_);
    special_begin_ = std::string_view::npos;
    size_t begin = pos_;
    while (begin < run_end_ && IsOpeningMark(At(begin))) {
      ++begin;
    }
    if (begin + 2 < run_end_ && At(begin) == '\xE2' && At(begin + 1) == '\x80' &&
        (At(begin + 2) == '\x9C' || At(begin + 2) == '\x98')) {
      begin += 3;
    }
    size_t end = run_end_;
    while (end > begin) {
      const char c = text_[end - 1];
      if (IsClosingMark(c)) {
        --end;
      } else if (end - begin >= 3 && text_[end - 3] == '\xE2' &&
                 text_[end - 2] == '\x80' &&
                 (text_[end - 1] == '\x9D' || text_[end - 1] == '\x99')) {
        end -= 3;
      } else {
        break;
      }
    }
    if (end <= begin) return;
    const std::string_view candidate = text_.substr(begin, end - begin);
    if (IsUrl(candidate) || (at_sign && IsEmail(candidate))) {
      special_begin_ = begin;
      special_end_ = end;
    }
  }

  // Brackets and quotes around a URL or e-mail address. Tested with
  // comparisons rather than string_view::find, a memchr call, because every
  // run of the text is tested.
  static bool IsOpeningMark(char c) {
    return c == '(' || c == '<' || c == '[' || c == '"' || c == '\'';
  }
  static bool IsClosingMark(char c) {
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?':
      case ')': case ']': case '}': case '>': case '\'': case '"':
        return true;
      default:
        return false;
    }
  }

  static bool IsUrl(std::string_view s) {
    // Every prefix below starts with h, f or w, and needs more than two
    // bytes after it: at least seven in all. Most runs are shorter.
    if (s.size() < 7) return false;
    const char first = AsciiToLower(s[0]);
    if (first != 'h' && first != 'f' && first != 'w') return false;
    static constexpr std::string_view kPrefixes[] = {"http://", "https://", "ftp://", "www."};
    for (std::string_view prefix : kPrefixes) {
      if (StartsWithIgnoreCase(s, prefix) && s.size() > prefix.size() + 2) {
        return true;
      }
    }
    return false;
  }

  static bool IsEmail(std::string_view s) {
    const size_t at = s.find('@');
    if (at == std::string_view::npos || at == 0) return false;
    for (size_t i = 0; i < at; ++i) {
      const char c = s[i];
      if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) &&
          std::string_view("._%+-").find(c) == std::string_view::npos) {
        return false;
      }
    }
    const std::string_view domain = s.substr(at + 1);
    const size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) {
      return false;
    }
    for (char c : domain) {
      if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '.' && c != '-') return false;
    }
    for (char c : domain.substr(dot + 1)) {
      if (!IsAsciiAlpha(c)) return false;
    }
    return true;
  }

  // Cuts a word or number starting at pos_, splitting off possessives and
  // contractions and keeping abbreviation periods.
  void ScanWord() {
    const size_t start = pos_;
    size_t p = start;
    bool letters_only = true;  // no digits, hyphens or apostrophes so far
    while (true) {
      while (true) {
        // ASCII letters and digits, the bulk of every word, first: without
        // AlnumLength's bounds and UTF-8 checks per byte.
        p = AsciiLettersEnd(p);
        if (p < end_ && IsAsciiDigit(text_[p])) {
          letters_only = false;
          ++p;
          continue;
        }
        const size_t length = AlnumLength(p);
        if (length == 0) break;
        p += length;  // a letter outside ASCII
      }
      const char c = At(p);
      // White space (or the end, where At gives '\0') ends most words;
      // none of the joins below starts with it.
      if (ClassOf(c) == kBreakByte) break;
      const bool after_digit = p > start && IsAsciiDigit(text_[p - 1]);
      if (after_digit && (c == '.' || c == ':' || c == '/') && DigitAt(p + 1)) {
        p += 1;  // 3.5, 12:30, 10/5
        continue;
      }
      if (after_digit && c == ',' && DigitAt(p + 1) && DigitAt(p + 2) &&
          DigitAt(p + 3) && !DigitAt(p + 4)) {
        p += 1;  // 1,200
        continue;
      }
      if (const size_t hyphen = HyphenLength(p);
          hyphen > 0 && AlnumLength(p + hyphen) > 0) {
        p += hyphen;
        letters_only = false;
        continue;
      }
      if (c == '&' && p > start && IsAsciiUpper(text_[p - 1]) &&
          IsAsciiUpper(At(p + 1))) {
        p += 1;  // AT&T
        continue;
      }
      if (const size_t apostrophe = ApostropheLength(p); apostrophe > 0) {
        if (SplitClitic(start, p, apostrophe)) return;
        if (AlnumLength(p + apostrophe) > 0 && !IsAsciiDigit(At(p + apostrophe))) {
          p += apostrophe;  // O'Brien, Sana'a
          letters_only = false;
          continue;
        }
        break;
      }
      if (c == '.' && letters_only) {
        if (const size_t dotted_end = DottedAbbreviationEnd(start, p);
            dotted_end > 0) {
          p = dotted_end;
          // "U.S.-backed" goes on as one word.
          if (const size_t hyphen = HyphenLength(p);
              hyphen > 0 && AlnumLength(p + hyphen) > 0) {
            p += hyphen;
            letters_only = false;
            continue;
          }
          Emit(start, p, Kind::kAbbrev);
          pos_ = p;
          return;
        }
        const std::string_view word = text_.substr(start, p - start);
        if (InList(word, kTitleAbbreviations)) {
          Finish(start, p + 1, Kind::kTitleAbbrev);
          return;
        }
        if (EqualsIgnoreCase(word, "no") || EqualsIgnoreCase(word, "nos")) {
          // "No. 10" but not "the answer was no."
          if (At(p + 1) == ' ' && DigitAt(p + 2)) {
            Finish(start, p + 1, Kind::kTitleAbbrev);
            return;
          }
        } else if (InList(word, kOtherAbbreviations)) {
          Finish(start, p + 1, Kind::kAbbrev);
          return;
        }
        if (word.size() == 1 && IsAsciiUpper(word[0])) {
          Finish(start, p + 1, Kind::kInitial);
          return;
        }
      }
      break;
    }
    Finish(start, p, Kind::kWord);
  }

  void Finish(size_t begin, size_t end, Kind kind) {
    Emit(begin, end, kind);
    pos_ = end;
  }

  // At an apostrophe at `p` inside the word that began at `start`: splits
  // off "'s", "n't" and the pronoun contractions ('re 've 'll 'd 'm) when they
  // end the word. Returns true when it emitted the tokens.
  bool SplitClitic(size_t start, size_t p, size_t apostrophe) {
    const size_t q = p + apostrophe;
    size_t tail = 0;
    while (tail < 3 && IsAsciiAlpha(At(q + tail))) ++tail;
    if (tail == 0 || tail == 3 || AlnumLength(q + tail) > 0) return false;
    std::string tail_text;
    for (size_t i = 0; i < tail; ++i) tail_text += AsciiToLower(text_[q + i]);
    if (tail_text == "t") {
      if (p - start >= 2 && AsciiToLower(text_[p - 1]) == 'n') {
        Emit(start, p - 1, Kind::kWord);
        Finish(p - 1, q + tail, Kind::kWord);
        return true;
      }
      return false;
    }
    if (tail_text == "s" || tail_text == "re" || tail_text == "ve" ||
        tail_text == "ll" || tail_text == "d" || tail_text == "m") {
      Emit(start, p, Kind::kWord);
      Finish(p, q + tail, Kind::kWord);
      return true;
    }
    return false;
  }

  // For a word [start, p) of one or two ASCII letters followed by '.', returns
  // the end of a dotted abbreviation such as "U.S.", "e.g.", "Ph.D." (at least
  // two letter groups, each closed by a period), or 0. Looks at no more than
  // two letters past the last period it accepts.
  size_t DottedAbbreviationEnd(size_t start, size_t p) const {
    if (p - start > 2) return 0;
    for (size_t i = start; i < p; ++i) {
      if (!IsAsciiAlpha(text_[i])) return 0;
    }
    size_t end = 0;
    size_t q = p + 1;
    while (true) {
      size_t letters = 0;
      while (letters < 3 && IsAsciiAlpha(At(q + letters))) ++letters;
      if (letters == 0 || letters == 3 || At(q + letters) != '.') break;
      q += letters + 1;
      end = q;
    }
    return end;
  }

  void ScanPunct(const CodePoint& cp) {
    const size_t start = pos_;
    const char c = text_[start];
    size_t p = start + cp.length;
    Kind kind = Kind::kPunct;
    if (c == '.') {
      while (At(p) == '.') ++p;
      kind = Kind::kFinal;
    } else if (c == '!' || c == '?') {
      while (At(p) == '!' || At(p) == '?') ++p;
      kind = Kind::kFinal;
    } else if (c == '-') {
      while (At(p) == '-') ++p;
    } else if (cp.value == 0x2026) {
      kind = Kind::kFinal;  // …
    } else if (c == '/' && JoinWing(start)) {
      return;
    }
    Finish(start, std::min(p, end_), kind);
  }

  std::string_view text_;
  size_t pos_;
  size_t end_;
  std::vector<RawToken>* tokens_ = nullptr;
  uint8_t newlines_ = 0;
  bool spaced_ = false;
  size_t run_end_ = 0;
  bool run_ascii_ = true;  // the run [pos_, run_end_) has only ASCII bytes
  size_t special_begin_ = std::string_view::npos;
  size_t special_end_ = 0;
};

// The normalised form: typographic quotes folded to ASCII, dashes to "--".
// Written into the token's empty `norm`: a returned string was a second
// string per token, moved and destroyed.
void Normalize(std::string_view text, const RawToken& token, bool space_after,
               std::string& norm) {
  const std::string_view surface =
      text.substr(token.begin, token.end - token.begin);
  if (surface[0] == '-' && token.kind == Kind::kPunct) {
    norm = surface.size() >= 2 || (token.space_before && space_after) ? "--" : "-";
    return;
  }
  // Typographic quotes and dashes all start with byte E2. A plain loop:
  // tokens are a few bytes long, shorter than a memchr call's set-up; and
  // none for the tokens of an ASCII run, most of them.
  bool typographic = false;
  if (!token.ascii) {
    for (char c : surface) typographic |= c == '\xE2';
  }
  if (!typographic) {
    norm = surface;
    return;
  }
  norm.reserve(surface.size());
  for (size_t i = 0; i < surface.size(); ++i) {
    if (surface[i] == '\xE2' && i + 2 < surface.size() && surface[i + 1] == '\x80') {
      const auto third = static_cast<unsigned char>(surface[i + 2]);
      if (third >= 0x98 && third <= 0x9B) {
        norm += '\'';
        i += 2;
        continue;
      }
      if (third >= 0x9C && third <= 0x9F) {
        norm += '"';
        i += 2;
        continue;
      }
      if (third >= 0x93 && third <= 0x95) {
        norm += "--";
        i += 2;
        continue;
      }
    }
    norm += surface[i];
  }
}

std::string_view Surface(std::string_view text, const RawToken& token) {
  return text.substr(token.begin, token.end - token.begin);
}

bool IsCloser(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}" ||
         s == "\xE2\x80\x9D" || s == "\xE2\x80\x99" || s == "\xC2\xBB" ||
         s == "\xE2\x80\xBA";
}

bool IsOpener(std::string_view s) {
  return s == "\"" || s == "'" || s == "(" || s == "[" || s == "\xE2\x80\x9C" ||
         s == "\xE2\x80\x98" || s == "\xC2\xAB" || s == "\xE2\x80\x9E" ||
         s == "\xE2\x80\xB9";
}

// True if the token's first character is an upper-case or uncased letter
// or a digit.
bool StartsCapitalised(std::string_view text, const RawToken& token) {
  const CodePoint cp = DecodeUtf8(text, token.begin);
  if (cp.value < 0x80) {
    const char c = static_cast<char>(cp.value);
    return IsAsciiUpper(c) || IsAsciiDigit(c);
  }
  return IsUnicodeLetter(cp.value) && !IsLowerLetter(cp.value);
}

class Splitter {
 public:
  Splitter(std::string_view text, std::span<const RawToken> tokens)
      : text_(text), tokens_(tokens) {}

  // True if tokens_[i] opens a sentence: a capitalised word or a number, or
  // an opening quote or bracket glued to one.
  bool OpensSentence(size_t i) const {
    const RawToken& token = tokens_[i];
    if (StartsCapitalised(text_, token)) return true;
    if (IsOpener(Surface(text_, token)) && i + 1 < tokens_.size() &&
        !tokens_[i + 1].space_before) {
      return StartsCapitalised(text_, tokens_[i + 1]);
    }
    return false;
  }

  // For a sentence-final candidate at i, returns the index of the last token
  // of the sentence if it ends there (closing quotes and brackets glued to
  // the mark included), or npos.
  size_t SentenceEndAfter(size_t i) const {
    const RawToken& token = tokens_[i];
    size_t last = i;
    while (last + 1 < tokens_.size() && !tokens_[last + 1].space_before &&
           IsCloser(Surface(text_, tokens_[last + 1]))) {
      ++last;
    }
    if (last + 1 >= tokens_.size()) return last;
    const RawToken& next = tokens_[last + 1];
    if (!next.space_before) return npos;
    if (next.newlines_before >= 2) return last;
    switch (token.kind) {
      case Kind::kFinal:
        return OpensSentence(last + 1) ? last : npos;
      case Kind::kAbbrev:
        if (IsSentenceStarter(Surface(text_, next))) return last;
        if (IsOpener(Surface(text_, next)) && OpensSentence(last + 1)) return last;
        return npos;
      case Kind::kInitial:
        return IsSentenceStarter(Surface(text_, next)) ? last : npos;
      default:
        return npos;
    }
  }

  // A single newline before tokens_[next] ends the sentence when the line
  // before it looks like a headline: it ends in neither final nor joining
  // punctuation nor a function word, it is not long, and the next line
  // starts with a capital.
  bool HeadlineBreak(size_t line_start, size_t last, size_t next) const {
    if (last - line_start + 1 > 30) return false;
    const std::string_view end_word = Surface(text_, tokens_[last]);
    const Kind kind = tokens_[last].kind;
    if (kind == Kind::kTitleAbbrev || kind == Kind::kInitial) return false;
    if (kind == Kind::kPunct && end_word != ")" && end_word != "\"" &&
        end_word != "\xE2\x80\x9D") {
      return false;
    }
    if (end_word.size() <= 5) {
      for (std::string_view function_word : kFunctionWords) {
        if (EqualsIgnoreCase(end_word, function_word)) return false;
      }
    }
    return OpensSentence(next);
  }

  std::vector<Sentence> Run(int first_index) {
    std::vector<Sentence> sentences;
    size_t sentence_start = 0;
    size_t line_start = 0;
    size_t i = 0;
    const size_t n = tokens_.size();
    while (i < n) {
      if (tokens_[i].newlines_before > 0) line_start = i;
      size_t last = npos;
      if (i + 1 == n) {
        last = i;
      } else if (tokens_[i + 1].newlines_before >= 2) {
        last = i;
      } else if (tokens_[i].kind == Kind::kFinal ||
                 tokens_[i].kind == Kind::kAbbrev ||
                 tokens_[i].kind == Kind::kInitial) {
        last = SentenceEndAfter(i);
      }
      if (last == npos && tokens_[i + 1].newlines_before == 1 &&
          HeadlineBreak(line_start, i, i + 1)) {
        last = i;
      }
      if (last == npos) {
        ++i;
        continue;
      }
      sentences.push_back(Build(sentence_start, last + 1,
                                first_index + static_cast<int>(sentences.size())));
      sentence_start = last + 1;
      i = last + 1;
    }
    return sentences;
  }

 private:
  static constexpr size_t npos = static_cast<size_t>(-1);

  Sentence Build(size_t from, size_t to, int index) const {
    Sentence sentence;
    sentence.index = index;
    sentence.begin = tokens_[from].begin;
    sentence.end = tokens_[to - 1].end;
    // Sized first and filled through local spans, which stay in registers:
    // through the vector and the member, each token's access reloaded
    // their pointers after the bytes of the last norm were stored.
    sentence.tokens.resize(to - from);
    const std::span<Token> out(sentence.tokens);
    const std::span<const RawToken> raw = tokens_;
    for (size_t k = from; k < to; ++k) {
      const bool space_after = k + 1 == raw.size() ? true : raw[k + 1].space_before;
      Token& token = out[k - from];
      token.begin = raw[k].begin;
      token.end = raw[k].end;
      Normalize(text_, raw[k], space_after, token.norm);
    }
    return sentence;
  }

  std::string_view text_;
  std::span<const RawToken> tokens_;
};

// ---- BodyEnd ----

std::string_view TrimSpace(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) --e;
  // A no-break space is common around scraped boilerplate.
  while (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  while (e - b >= 2 && s.substr(b, 2) == "\xC2\xA0") b += 2;
  return s.substr(b, e - b);
}

// Lines that open the teaser, sharing or subscription block under a
// scraped report. They end the body wherever they follow its first
// paragraph.
constexpr std::string_view kBoilerplateLines[] = {
    "check also",          "related articles",   "related posts",
    "related news",        "related stories",    "read more",
    "read also",           "also read",          "share this",
    "share this article",  "you may also like",  "you might also like",
    "subscribe to our newsletter", "sign up for our newsletter"};

// Lines that also turn up between paragraphs of a report (ad slots, link
// boxes); they end the body only in its second half.
constexpr std::string_view kWeakBoilerplateLines[] = {
    "related", "recommended", "recommended for you", "advertisement",
    "most popular", "most read", "trending now", "tags"};

std::string_view StripLabel(std::string_view line) {
  line = TrimSpace(line);
  while (!line.empty() && (line.back() == ':' || line.back() == '.')) {
    line.remove_suffix(1);
  }
  return TrimSpace(line);
}

bool IsBoilerplateLine(std::string_view line) {
  line = StripLabel(line);
  if (line.empty() || line.size() > 80) return false;
  for (std::string_view marker : kBoilerplateLines) {
    if (EqualsIgnoreCase(line, marker)) return true;
  }
  return StartsWithIgnoreCase(line, "more from ");
}

bool IsWeakBoilerplateLine(std::string_view line) {
  line = StripLabel(line);
  if (line.empty() || line.size() > 40) return false;
  for (std::string_view marker : kWeakBoilerplateLines) {
    if (EqualsIgnoreCase(line, marker)) return true;
  }
  return false;
}

bool ContainsIgnoreCase(std::string_view s, std::string_view lower) {
  const size_t m = lower.size();
  if (s.size() < m) return false;
  if (m == 0) return true;
  // Horspool's search (it is run on every line of every document): after
  // each window the next starts where the window's last byte, lower-cased,
  // lines up with its last occurrence in `lower`, so most bytes of a line
  // are never looked at.
  std::array<size_t, 256> shift;
  shift.fill(m);
  for (size_t k = 0; k + 1 < m; ++k) shift[static_cast<unsigned char>(lower[k])] = m - 1 - k;
  for (size_t i = 0; i + m <= s.size();
       i += shift[static_cast<unsigned char>(AsciiToLower(s[i + m - 1]))]) {
    if (EqualsIgnoreCase(s.substr(i, m), lower)) return true;
  }
  return false;
}

bool IsCopyrightLine(std::string_view line) {
  line = TrimSpace(line);
  if (line.size() > 200) return false;
  return StartsWithIgnoreCase(line, "\xC2\xA9") || StartsWithIgnoreCase(line, "(c) ") ||
         StartsWithIgnoreCase(line, "copyright") ||
         ContainsIgnoreCase(line, "all rights reserved");
}

// ---- FindDateline ----

constexpr std::string_view kMonthNames[] = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april",
    "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
    "september", "oct", "october", "nov", "november", "dec"};

bool IsMonthName(std::string_view word) {
  if (EqualsIgnoreCase(word, "december")) return true;
  for (std::string_view month : kMonthNames) {
    if (EqualsIgnoreCase(word, month)) return true;
  }
  return false;
}

struct Cursor {
  std::string_view text;
  size_t pos = 0;
  char At(size_t i) const { return i < text.size() ? text[i] : '\0'; }
  char Peek() const { return At(pos); }
};

// Reads a run of letters (ASCII and non-ASCII) and '.', '\'', '-' at
// cursor.pos. Returns the word; advances.
std::string_view ReadPlaceWord(Cursor& c) {
  const size_t start = c.pos;
  while (c.pos < c.text.size()) {
    const char ch = c.text[c.pos];
    if (IsAsciiAlpha(ch) || ch == '.' || ch == '\'' || ch == '-' || ch == '/') {
      if (ch == '-' && !(IsAsciiAlpha(c.At(c.pos + 1)) ||
                         static_cast<unsigned char>(c.At(c.pos + 1)) >= 0x80)) {
        break;
      }
      ++c.pos;
    } else if (static_cast<unsigned char>(ch) >= 0x80) {
      const CodePoint cp = DecodeUtf8(c.text, c.pos);
      if (!IsUnicodeLetter(cp.value)) break;
      c.pos += cp.length;
    } else {
      break;
    }
  }
  return c.text.substr(start, c.pos - start);
}

bool IsAllCapsWord(std::string_view word) {
  int upper = 0;
  for (size_t i = 0; i < word.size();) {
    const CodePoint cp = DecodeUtf8(word, i);
    if (cp.value < 0x80 && IsAsciiLower(static_cast<char>(cp.value))) return false;
    if (cp.value >= 0x80 && IsLowerLetter(cp.value)) return false;
    if (cp.value < 0x80 && IsAsciiUpper(static_cast<char>(cp.value))) ++upper;
    if (cp.value >= 0x80 && IsUnicodeLetter(cp.value)) ++upper;
    i += cp.length;
  }
  return upper >= 1;
}

bool IsCapitalisedWord(std::string_view word) {
  if (word.empty()) return false;
  const CodePoint cp = DecodeUtf8(word, 0);
  if (cp.value < 0x80) return IsAsciiUpper(static_cast<char>(cp.value));
  return IsUnicodeLetter(cp.value) && !IsLowerLetter(cp.value);
}

// Reads up to six place words separated by single spaces: "NEW YORK",
// "Kyiv", "GAZA CITY/JERUSALEM". Returns the words' span and whether they are
// all in capitals; empty when the first word is not capitalised.
struct PlaceName {
  std::string_view text;
  bool all_caps = false;
};

PlaceName ReadPlace(Cursor& c) {
  const size_t start = c.pos;
  bool all_caps = true;
  int words = 0;
  size_t end = start;
  while (words < 6) {
    const size_t word_start = c.pos;
    const std::string_view word = ReadPlaceWord(c);
    if (word.empty() || !IsCapitalisedWord(word)) {
      c.pos = word_start;
      break;
    }
    ++words;
    all_caps = all_caps && IsAllCapsWord(word);
    end = c.pos;
    if (c.Peek() != ' ') break;
    ++c.pos;
  }
  c.pos = end;
  if (words == 0) return {};
  return {c.text.substr(start, end - start), all_caps};
}

void SkipSpaces(Cursor& c) {
  while (c.Peek() == ' ' || c.Peek() == '\t') ++c.pos;
}

// Reads a date such as "Oct 5", "Oct. 5, 2020", "5 October", "October 5".
std::string_view ReadDate(Cursor& c) {
  const size_t start = c.pos;
  Cursor probe = c;
  const auto read_number = [&probe](size_t max_digits) {
    size_t digits = 0;
    while (digits < max_digits && IsAsciiDigit(probe.Peek())) {
      ++probe.pos;
      ++digits;
    }
    return digits;
  };
  const auto read_month = [&probe]() {
    const size_t word_start = probe.pos;
    while (IsAsciiAlpha(probe.Peek())) ++probe.pos;
    if (!IsMonthName(probe.text.substr(word_start, probe.pos - word_start))) {
      probe.pos = word_start;
      return false;
    }
    if (probe.Peek() == '.') ++probe.pos;
    return true;
  };
  if (read_month()) {
    if (probe.Peek() != ' ') return {};
    ++probe.pos;
    if (read_number(2) == 0) return {};
  } else if (read_number(2) > 0) {
    if (probe.Peek() != ' ') return {};
    ++probe.pos;
    if (!read_month()) return {};
  } else {
    return {};
  }
  size_t end = probe.pos;
  // Optional year: ", 2020" or " 2020".
  Cursor year = probe;
  if (year.Peek() == ',') ++year.pos;
  if (year.Peek() == ' ') {
    ++year.pos;
    size_t digits = 0;
    while (digits < 5 && IsAsciiDigit(year.Peek())) {
      ++year.pos;
      ++digits;
    }
    if (digits == 4) end = year.pos;
  }
  c.pos = end;
  return c.text.substr(start, end - start);
}

// Length of a dash at c.pos ("-", "--", "–", "—"), or 0.
size_t DashLength(const Cursor& c) {
  if (c.Peek() == '-') return c.At(c.pos + 1) == '-' ? 2 : 1;
  if (c.Peek() == '\xE2' && c.At(c.pos + 1) == '\x80' &&
      (c.At(c.pos + 2) == '\x93' || c.At(c.pos + 2) == '\x94')) {
    return 3;
  }
  return 0;
}

}  // namespace

size_t RepairUtf8(std::string& text) {
  size_t repaired = 0;
  size_t i = 0;
  while (i < text.size()) {
    // ASCII, nearly all of news text, is valid as it is: eight bytes at a
    // time without a high bit are skipped without a call per byte (the
    // text is checked when read and again when coded).
    if (i + 8 <= text.size()) {
      uint64_t eight;
      std::memcpy(&eight, text.data() + i, 8);
      if ((eight & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = util::Utf8SequenceLength(text, i);
    if (length == 0) {
      text[i] = '?';
      ++repaired;
      ++i;
    } else {
      i += length;
    }
  }
  return repaired;
}

namespace {

bool IsCaptionLine(std::string_view line) {
  line = TrimSpace(line);
  // A static array: a braced list is built on the stack at every call.
  static constexpr std::string_view kOpeners[] = {"media playback is unsupported", "media caption",
                                                  "image copyright", "image caption", "photos:",
                                                  "just watched"};
  for (std::string_view opener : kOpeners) {
    if (StartsWithIgnoreCase(line, opener)) return true;
  }
  return ContainsIgnoreCase(line, "hide caption ");
}

}  // namespace

void DropCaptionLines(std::string_view text, std::vector<Sentence>& sentences) {
  if (sentences.empty()) return;
  const int first_index = sentences.front().index;
  // Sentences are in text order: each line is tested once.
  size_t line_begin = std::string_view::npos, line_end = 0;
  bool caption = false;
  std::erase_if(sentences, [&](const Sentence& sentence) {
    if (line_begin == std::string_view::npos || sentence.begin >= line_end) {
      const size_t newline = sentence.begin == 0 ? std::string_view::npos : text.rfind('\n', sentence.begin - 1);
      line_begin = newline == std::string_view::npos ? 0 : newline + 1;
      line_end = std::min(text.find('\n', sentence.begin), text.size());
      caption = IsCaptionLine(text.substr(line_begin, line_end - line_begin));
    }
    return caption;
  });
  for (size_t i = 0; i < sentences.size(); ++i) sentences[i].index = first_index + static_cast<int>(i);
}

size_t BodyEnd(std::string_view text) {
  // Lines as [begin, end) ranges, visited once.
  size_t body_lines = 0;  // non-blank lines of report seen so far
  size_t cut = text.size();
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (body_lines > 0 &&
        (IsBoilerplateLine(line) ||
         (line_begin * 2 >= text.size() && IsWeakBoilerplateLine(line)))) {
      cut = line_begin;
      break;
    }
    if (!TrimSpace(line).empty()) ++body_lines;
    line_begin = line_end + 1;
  }
  // Trailing copyright lines (and blank lines among them).
  bool cut_copyright = false;
  size_t end = cut;
  while (end > 0) {
    size_t line_end = end;
    while (line_end > 0 && static_cast<unsigned char>(text[line_end - 1]) <= 0x20) {
      --line_end;
    }
    if (line_end == 0) break;
    size_t line_start = text.rfind('\n', line_end - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (line_start == 0 || !IsCopyrightLine(text.substr(line_start, line_end - line_start))) {
      break;
    }
    end = line_start;
    cut_copyright = true;
  }
  if (!cut_copyright && cut == text.size()) return text.size();
  while (end > 0 && static_cast<unsigned char>(text[end - 1]) <= 0x20) --end;
  return end;
}

namespace {

// The dateline that starts at `start` (after blanks), if there is one.
std::optional<Dateline> DatelineAt(std::string_view text, size_t start) {
  Cursor c{text, start};
  while (c.pos < text.size() &&
         static_cast<unsigned char>(text[c.pos]) <= 0x20) {
    ++c.pos;
  }
  Dateline dateline;
  dateline.begin = c.pos;
  const PlaceName place = ReadPlace(c);
  if (place.text.empty() || place.text.size() > 60) return std::nullopt;
  // A one-letter "place" is a sentence starting with "A" or "I".
  size_t letters = 0;
  for (char ch : place.text) letters += IsAsciiAlpha(ch) || static_cast<unsigned char>(ch) >= 0x80;
  if (letters < 2) return std::nullopt;
  dateline.place = std::string(place.text);
  bool has_country = false;
  bool has_agency = false;
  // Up to two ", ..." parts: a date and/or a region or country.
  for (int part = 0; part < 2 && c.Peek() == ','; ++part) {
    Cursor after = c;
    ++after.pos;
    SkipSpaces(after);
    if (const std::string_view date = ReadDate(after); !date.empty()) {
      if (!dateline.date_text.empty()) break;
      dateline.date_text = std::string(date);
      c = after;
      continue;
    }
    const PlaceName region = ReadPlace(after);
    if (region.text.empty() || has_country) break;
    has_country = true;
    c = after;
  }
  SkipSpaces(c);
  if (c.Peek() == '(') {
    const size_t close = text.find(')', c.pos);
    // An agency or a second place name: "(Reuters)", "(AP)", not
    // "(pictured)".
    if (close == std::string_view::npos || close - c.pos > 40 ||
        text.substr(c.pos, close - c.pos).find('\n') != std::string_view::npos ||
        !IsAsciiUpper(c.At(c.pos + 1))) {
      return std::nullopt;
    }
    has_agency = true;
    c.pos = close + 1;
    SkipSpaces(c);
  }
  const size_t dash = DashLength(c);
  if (dash == 0) return std::nullopt;
  // "Russia said - ..." never gets here (no comma, no parenthesis); what is
  // left to rule out is a capitalised place with nothing to vouch for it.
  if (!place.all_caps && !has_country && !has_agency) return std::nullopt;
  c.pos += dash;
  SkipSpaces(c);
  dateline.end = c.pos;
  return dateline;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view text) {
  if (auto dateline = DatelineAt(text, 0)) return dateline;
  // Scraped pages often put a headline or a photo caption on its own line
  // before the dateline ("Obama: Mandela 'woke me up'\n\nJOHANNESBURG -").
  // Only a short first line qualifies: a long one is the report itself.
  constexpr size_t kMaxHeadlineBytes = 300;
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  const size_t line_end = text.find('\n', first);
  if (line_end == std::string_view::npos || line_end - first > kMaxHeadlineBytes) {
    return std::nullopt;
  }
  return DatelineAt(text, line_end + 1);
}

std::vector<Sentence> Segment(std::string_view text, size_t begin, size_t end,
                              int first_index) {
  end = std::min(end, text.size());
  if (begin >= end) return {};
  const std::vector<RawToken> tokens = Tokenizer(text, begin, end).Run();
  if (tokens.empty()) return {};
  return Splitter(text, tokens).Run(first_index);
}

}  // namespace dyad::text
