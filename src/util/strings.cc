#include "util/strings.h"

#include <cstdint>

#include "util/utf8.h"

namespace dyad::util {
namespace {

// Base letter (lower case) of Latin letters with diacritics, U+00C0..U+024F,
// plus the schwa of Azerbaijani; 0 where there is none.
char BaseLetter(char32_t cp) {
  static constexpr const char* kLatin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  static constexpr const char* kExtendedA =  // U+0100..U+017F
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
      "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtendedA[cp - 0x100];
  if (cp == 0x18F || cp == 0x259) return 'e';  // Ə ə
  if (cp == 0x218 || cp == 0x219) return 's';  // Ș ș
  if (cp == 0x21A || cp == 0x21B) return 't';  // Ț ț
  return 0;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string FoldForMatch(std::string_view s) {
  // Copied and lower-cased in place while it is ASCII: a new string filled
  // with zeros and then overwritten cost twice as much (dictionary loading
  // folds 400,000 words).
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      FoldForMatch(s, out);
      break;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void FoldForMatch(std::string_view s, std::string& out) {
  // ASCII bytes (nearly all of news text) are lower-cased in place into a
  // string of the final size: appending them one at a time updated the
  // length and the terminator per byte. Folding runs for every token
  // several times per sentence.
  out.resize(s.size());  // no fill when `out` is a reused, long enough string
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) break;
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  if (i == s.size()) return;
  out.resize(i);
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    CodePoint decoded = DecodeUtf8(s, i);
    char32_t cp = decoded.value;
    i += decoded.length;
    if (char base = BaseLetter(cp)) {
      out += base;
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      out += '\'';
    } else if (cp == 0x131) {  // dotless i
      out += 'i';
    } else if (cp == 0xDF) {
      out += "ss";
    } else {
      AppendUtf8(cp, out);
    }
  }
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(separator, start);
    parts.push_back(Trim(s.substr(start, pos == std::string_view::npos ? pos : pos - start)));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsAllCaps(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') any = true;
  }
  return any;
}

}  // namespace dyad::util
