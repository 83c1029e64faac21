// A small streaming JSON writer for the output sinks: appends to an owned
// buffer, inserts commas itself, escapes strings. Not thread-safe; one per
// sink, cleared and reused for each line.
#ifndef DYAD_UTIL_JSON_WRITER_H_
#define DYAD_UTIL_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::util {

// Appends `s` to `out` as a quoted JSON string: '"' and '\\' are escaped,
// control characters (below U+0020) written as \u00XX, valid UTF-8 copied as
// is, and every byte of an invalid UTF-8 sequence replaced by U+FFFD so that
// the output is always valid JSON.
void AppendJsonString(std::string& out, std::string_view s);

// Appends the shortest text that reads back as `value`, always with a decimal
// point or an exponent ("-10.0", not "-10") so that readers that type numbers
// by their text (Python's json, pandas) see a float. `value` must be finite.
void AppendDouble(std::string& out, double value);

class JsonWriter {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();

  // Writes an object member's name; the next call writes its value.
  void Key(std::string_view key);

  void String(std::string_view value);
  // Writes `value`, or null when it is empty.
  void StringOrNull(std::string_view value);
  void Int(int64_t value);
  // Writes AppendDouble's text; null when not finite (JSON has no NaN or
  // infinity).
  void Double(double value);
  // Fixed notation with `decimals` digits after the point; null when not
  // finite.
  void Fixed(double value, int decimals);
  void Bool(bool value);
  void Null();

  // The text written so far.
  const std::string& str() const { return out_; }
  // Empties the buffer (keeping its capacity) for the next document.
  void Clear();

 private:
  // Writes the comma before a value or key when one is due.
  void Separate();

  std::string out_;
  // One entry per open object or array: whether it has a member yet. Bytes,
  // not std::vector<bool>: its bit arithmetic was a third of Separate().
  std::vector<char> has_member_;
  bool after_key_ = false;
};

}  // namespace dyad::util

#endif  // DYAD_UTIL_JSON_WRITER_H_
