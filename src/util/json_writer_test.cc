#include "util/json_writer.h"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>
#include <simdjson.h>

namespace dyad::util {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonWriterTest, EscapesQuotesBackslashAndControls) {
  EXPECT_EQ(Quoted("plain"), "\"plain\"");
  EXPECT_EQ(Quoted(""), "\"\"");
  EXPECT_EQ(Quoted("say \"no\""), "\"say \\\"no\\\"\"");
  EXPECT_EQ(Quoted("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(Quoted("a\nb\tc\r"), "\"a\\u000ab\\u0009c\\u000d\"");
  EXPECT_EQ(Quoted(std::string_view("\0\x1f", 2)), "\"\\u0000\\u001f\"");
  EXPECT_EQ(Quoted("/<>\x7f"), "\"/<>\x7f\"");
}

// Plain text is scanned eight bytes at a time: every byte that needs care,
// at every position of a block and of the tail, is still found.
TEST(JsonWriterTest, FindsSpecialBytesAtEveryPosition) {
  const std::string filler = "The ministry said on Monday that";
  for (std::string_view special : {"\"", "\\", "\n", "\x7f", "\xC3\xA9", "\xFF", " ", "~"}) {
    for (size_t at = 0; at <= 20; ++at) {
      const std::string text =
          filler.substr(0, at) + std::string(special) + filler.substr(at, 20 - at);
      std::string expected = "\"";
      for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
          expected += '\\';
          expected += static_cast<char>(c);
        } else if (c == '\n') {
          expected += "\\u000a";
        } else if (c == 0xFF) {
          expected += "\xEF\xBF\xBD";
        } else {
          expected += static_cast<char>(c);  // ASCII, DEL and the valid "é" stay
        }
      }
      expected += '"';
      EXPECT_EQ(Quoted(text), expected) << "special byte at " << at;
    }
  }
}

TEST(JsonWriterTest, KeepsValidUtf8) {
  // Two-, three- and four-byte sequences: Xankəndi, an em dash, an emoji.
  const std::string text = "Xank\xC9\x99ndi \xE2\x80\x94 \xF0\x9F\x98\x80";
  EXPECT_EQ(Quoted(text), "\"" + text + "\"");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  const std::string kFffd = "\xEF\xBF\xBD";
  EXPECT_EQ(Quoted(std::string("a\xFF") + "b"), "\"a" + kFffd + "b\"");
  // Truncated sequence at the end and before an ASCII byte.
  EXPECT_EQ(Quoted("a\xE2\x82"), "\"a" + kFffd + kFffd + "\"");
  EXPECT_EQ(Quoted(std::string("\xC3") + "a"), "\"" + kFffd + "a\"");
  // Overlong '/', a UTF-16 surrogate, and a code point above U+10FFFF.
  EXPECT_EQ(Quoted("\xC0\xAF"), "\"" + kFffd + kFffd + "\"");
  EXPECT_EQ(Quoted("\xED\xA0\x80"), "\"" + kFffd + kFffd + kFffd + "\"");
  EXPECT_EQ(Quoted("\xF4\x90\x80\x80"), "\"" + kFffd + kFffd + kFffd + kFffd + "\"");
}

TEST(JsonWriterTest, InsertsCommasInNestedValues) {
  JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.Int(1);
  w.Key("b");
  w.BeginArray();
  w.Int(-2);
  w.String("x");
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Null();
  w.EndArray();
  w.Key("c");
  w.BeginObject();
  w.Key("d");
  w.Bool(true);
  w.Key("e");
  w.Bool(false);
  w.EndObject();
  w.Key("f");
  w.StringOrNull("");
  w.Key("g");
  w.StringOrNull("y");
  w.EndObject();
  EXPECT_EQ(w.str(),
            R"({"a":1,"b":[-2,"x",{},[],null],"c":{"d":true,"e":false},"f":null,"g":"y"})");
  w.Clear();
  w.BeginArray();
  w.Int(3);
  w.EndArray();
  EXPECT_EQ(w.str(), "[3]");
}

TEST(JsonWriterTest, WritesNumbers) {
  JsonWriter w;
  w.BeginArray();
  w.Double(3.4);
  w.Double(-10);
  w.Double(0);
  w.Double(1e21);
  w.Double(39.8123456789);
  w.Fixed(0.857, 2);
  w.Fixed(1, 2);
  w.Double(std::numeric_limits<double>::quiet_NaN());
  w.Fixed(std::numeric_limits<double>::infinity(), 2);
  w.EndArray();
  EXPECT_EQ(w.str(), "[3.4,-10.0,0.0,1e+21,39.8123456789,0.86,1.00,null,null]");
}

TEST(JsonWriterTest, OutputParsesBackToTheSameStrings) {
  const std::string tricky = std::string("q\"b\\n\nt\tc\x01 \xC3\xA9\xE2\x80\x9C") + '\0' + "z";
  JsonWriter w;
  w.BeginObject();
  w.Key(tricky);
  w.String(tricky);
  w.EndObject();
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  ASSERT_EQ(parser.parse(w.str()).get(object), simdjson::SUCCESS) << w.str();
  for (auto field : object) {
    EXPECT_EQ(field.key, tricky);
    std::string_view value;
    ASSERT_EQ(field.value.get(value), simdjson::SUCCESS);
    EXPECT_EQ(value, tricky);
  }
}

}  // namespace
}  // namespace dyad::util
