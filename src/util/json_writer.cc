#include "util/json_writer.h"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

namespace dyad::util {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode
// Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0
// when it is not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = at(i);
  size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (at(i + 1) < second_min || at(i + 1) > second_max) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  }
  return length;
}

// Whether none of the 8 bytes in `block` needs escaping: each is at least
// 0x20, below 0x80, and neither '"' nor '\\' (SWAR: a byte's high bit
// is set in `x - 0x01...01 & ~x` exactly when that byte of x is zero, and
// in `x - 0x20...20 & ~x` when it is below 0x20, for the first such byte;
// only whether there is one matters here).
bool PlainBlock(uint64_t block) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = 0x8080808080808080u;
  auto has_zero = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t control = (block - 0x20 * kOnes) & ~block & kHigh;
  const uint64_t quote = has_zero(block ^ ('"' * kOnes));
  const uint64_t backslash = has_zero(block ^ ('\\' * kOnes));
  return ((block & kHigh) | control | quote | backslash) == 0;
}

// Whether a byte is copied as it is: ASCII from 0x20, but '"' and '\\'.
// A table: the byte-by-byte tests cost more than the rest of writing a
// short key.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  auto plain = [](unsigned char c) { return kPlainByte[c]; };
  // Eight bytes at a time while they are plain: sentence texts are most of
  // the bytes written, and a byte at a time cost ~12 instructions each.
  size_t i = 0;
  for (uint64_t block; i + 8 <= s.size(); i += 8) {
    std::memcpy(&block, s.data() + i, 8);
    if (!PlainBlock(block)) break;
  }
  while (i < s.size() && plain(static_cast<unsigned char>(s[i]))) ++i;
  if (i == s.size()) {
    // Nearly every string written (keys, codes, names, dates) is plain
    // ASCII: quoted with one resize and one copy. Appending the quotes and
    // the text separately cost three out-of-line calls per string.
    const size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    p[0] = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  out += '"';
  // Bytes that need no change are copied in runs, not one by one.
  size_t run_begin = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (plain(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (size_t length = Utf8SequenceLength(s, i); length != 0) {
        i += length;
        continue;
      }
    }
    out.append(s.data() + run_begin, i - run_begin);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += kReplacement;
    }
    run_begin = ++i;
  }
  out.append(s.data() + run_begin, s.size() - run_begin);
  out += '"';
}

void AppendDouble(std::string& out, double value) {
  const size_t start = out.size();
  fmt::format_to(std::back_inserter(out), "{}", value);
  if (out.find_first_of(".e", start) == std::string::npos) out += ".0";
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_member_.empty()) return;
  if (has_member_.back()) out_ += ',';
  has_member_.back() = true;
}

void JsonWriter::BeginObject() {
  Separate();
  out_ += '{';
  has_member_.push_back(false);
}

void JsonWriter::EndObject() {
  assert(!has_member_.empty() && !after_key_);
  has_member_.pop_back();
  out_ += '}';
}

void JsonWriter::BeginArray() {
  Separate();
  out_ += '[';
  has_member_.push_back(false);
}

void JsonWriter::EndArray() {
  assert(!has_member_.empty() && !after_key_);
  has_member_.pop_back();
  out_ += ']';
}

void JsonWriter::Key(std::string_view key) {
  assert(!has_member_.empty() && !after_key_);
  Separate();
  AppendJsonString(out_, key);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(out_, value);
}

void JsonWriter::StringOrNull(std::string_view value) {
  if (value.empty()) {
    Null();
  } else {
    String(value);
  }
}

void JsonWriter::Int(int64_t value) {
  Separate();
  // std::to_chars into a buffer: fmt's back_inserter appended digit by
  // digit (~280 instructions for a span offset).
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
}

void JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  Separate();
  AppendDouble(out_, value);
}

void JsonWriter::Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return Null();
  Separate();
  fmt::format_to(std::back_inserter(out_), "{:.{}f}", value, decimals);
}

void JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
}

void JsonWriter::Clear() {
  out_.clear();
  has_member_.clear();
  after_key_ = false;
}

}  // namespace dyad::util
