// UTF-8 decoding and encoding helpers shared by the stages.
#ifndef DYAD_UTIL_UTF8_H_
#define DYAD_UTIL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad::util {

// Returns the length (1-4) of the well-formed UTF-8 sequence starting at
// text[pos], or 0 when the bytes there are not one: a stray continuation
// byte, an overlong form, a surrogate, a code point above U+10FFFF or a
// sequence cut short.
size_t Utf8SequenceLength(std::string_view text, size_t pos);

struct CodePoint {
  char32_t value = 0;
  size_t length = 0;  // bytes consumed; 1 for an invalid byte
};

// Decodes the code point at text[pos] (pos < text.size()). An invalid byte
// decodes as U+FFFD with length 1.
CodePoint DecodeUtf8(std::string_view text, size_t pos);

// Appends the UTF-8 encoding of `code_point` to `out`; code points that
// cannot be encoded (surrogates, above U+10FFFF) append U+FFFD.
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace dyad::util

#endif  // DYAD_UTIL_UTF8_H_
