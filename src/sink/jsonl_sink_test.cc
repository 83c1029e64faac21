#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "dyad/sink.h"
#include "sink/test_document.h"

namespace dyad::sink {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string_view> Keys(simdjson::dom::object object) {
  std::vector<std::string_view> keys;
  for (auto field : object) keys.push_back(field.key);
  return keys;
}

std::string_view Str(simdjson::dom::element element) { return element.get_string().value(); }
int64_t Int(simdjson::dom::element element) { return element.get_int64().value(); }
double Num(simdjson::dom::element element) { return element.get_double().value(); }

std::string WriteJsonl(const TestDocument& test) {
  std::ostringstream out;
  auto sink = MakeJsonlSink(out);
  sink->Write(test.document, test.result);
  sink->Finish();
  return out.str();
}

TEST(JsonlSinkTest, WritesOneLinePerEvent) {
  const std::string output = WriteJsonl(MakeTestDocument());
  ASSERT_FALSE(output.empty());
  EXPECT_EQ(output.back(), '\n');
  EXPECT_EQ(Lines(output).size(), 2u);
}

TEST(JsonlSinkTest, WritesEveryFieldInDesignOrder) {
  const TestDocument test = MakeTestDocument();
  const std::vector<std::string> lines = Lines(WriteJsonl(test));
  ASSERT_EQ(lines.size(), 2u);
  simdjson::dom::parser parser;
  simdjson::dom::object event;
  ASSERT_EQ(parser.parse(lines[1]).get(event), simdjson::SUCCESS) << lines[1];

  EXPECT_EQ(Keys(event),
            (std::vector<std::string_view>{"doc_id", "sentence", "date", "date_source", "date_granularity", "date_text",
                                           "source", "target", "cameo", "quad_class", "goldstein",
                                           "plover", "modality", "attribution", "location", "verb",
                                           "pattern", "confidence", "sentence_text"}));
  EXPECT_EQ(Str(event["doc_id"]), "doc-7");
  EXPECT_EQ(Int(event["sentence"]), 1);
  EXPECT_EQ(Str(event["date"]), "2020-10-05");
  EXPECT_EQ(Str(event["date_source"]), "text");
  EXPECT_EQ(Str(event["date_text"]), "on Monday");

  simdjson::dom::object source = event["source"].get_object().value();
  EXPECT_EQ(Keys(source),
            (std::vector<std::string_view>{"code", "country", "sector", "text", "span"}));
  EXPECT_EQ(Str(source["code"]), "AZE");
  EXPECT_EQ(Str(source["country"]), "AZE");
  EXPECT_TRUE(source["sector"].is_null());
  EXPECT_EQ(Str(source["text"]), "Azerbaijani forces");
  simdjson::dom::array span = source["span"].get_array().value();
  ASSERT_EQ(span.size(), 2u);
  const Event& attack = test.result.events[1];
  EXPECT_EQ(Int(span.at(0)), attack.source.begin);
  EXPECT_EQ(Int(span.at(1)), attack.source.end);
  EXPECT_EQ(test.document.text.substr(Int(span.at(0)), Int(span.at(1)) - Int(span.at(0))),
            "Azerbaijani forces");

  simdjson::dom::object target = event["target"].get_object().value();
  EXPECT_EQ(Keys(target),
            (std::vector<std::string_view>{"code", "country", "sector", "text", "span"}));
  EXPECT_EQ(Str(target["code"]), "ARMMIL");
  EXPECT_EQ(Str(target["country"]), "ARM");
  EXPECT_EQ(Str(target["sector"]), "MIL");
  EXPECT_EQ(Str(target["text"]), "Armenian military");
  EXPECT_EQ(Int(target["span"].at(0)), attack.target->begin);
  EXPECT_EQ(Int(target["span"].at(1)), attack.target->end);

  EXPECT_EQ(Str(event["cameo"]), "190");
  EXPECT_EQ(Int(event["quad_class"]), 4);
  EXPECT_EQ(Num(event["goldstein"]), -10.0);

  simdjson::dom::object plover = event["plover"].get_object().value();
  EXPECT_EQ(Keys(plover), (std::vector<std::string_view>{"event", "mode", "context"}));
  EXPECT_EQ(Str(plover["event"]), "ASSAULT");
  EXPECT_TRUE(plover["mode"].is_null());
  simdjson::dom::array context = plover["context"].get_array().value();
  ASSERT_EQ(context.size(), 1u);
  EXPECT_EQ(Str(context.at(0)), "military");

  EXPECT_EQ(Str(event["modality"]), "reported");
  EXPECT_EQ(Str(event["attribution"]), "the ministry");

  simdjson::dom::object location = event["location"].get_object().value();
  EXPECT_EQ(Keys(location), (std::vector<std::string_view>{"name", "country", "admin1", "lat",
                                                           "lon", "precision", "geonameid"}));
  EXPECT_EQ(Str(location["name"]), "Xank\xC9\x99ndi");
  EXPECT_EQ(Str(location["country"]), "AZE");
  EXPECT_EQ(Str(location["admin1"]), "Xank\xC9\x99ndi");
  EXPECT_EQ(Num(location["lat"]), 39.8153);
  EXPECT_EQ(Num(location["lon"]), 46.7519);
  EXPECT_EQ(Str(location["precision"]), "city");
  EXPECT_EQ(Int(location["geonameid"]), 586523);

  simdjson::dom::object verb = event["verb"].get_object().value();
  EXPECT_EQ(Keys(verb), (std::vector<std::string_view>{"text", "span"}));
  EXPECT_EQ(Str(verb["text"]), "attacked");
  EXPECT_EQ(Int(verb["span"].at(0)), attack.verb_begin);
  EXPECT_EQ(Int(verb["span"].at(1)), attack.verb_end);

  EXPECT_EQ(Str(event["pattern"]), "verbs/attack.txt:7");
  EXPECT_EQ(Num(event["confidence"]), 0.86);
  EXPECT_NE(lines[1].find("\"confidence\":0.86,"), std::string::npos);
  EXPECT_EQ(Str(event["sentence_text"]), attack.sentence_text);
}

TEST(JsonlSinkTest, EscapesQuotesNewlinesAndKeepsUtf8) {
  const std::vector<std::string> lines = Lines(WriteJsonl(MakeTestDocument()));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[1].find(R"(forces \"attacked\" Armenian)"), std::string::npos);
  EXPECT_NE(lines[1].find("Xank\xC9\x99ndi\\u000aon Monday"), std::string::npos);
}

TEST(JsonlSinkTest, WritesNullsForAbsentValues) {
  TestDocument test = MakeTestDocument();
  test.result.events[0].goldstein.reset();
  const std::vector<std::string> lines = Lines(WriteJsonl(test));
  ASSERT_EQ(lines.size(), 2u);
  simdjson::dom::parser parser;
  simdjson::dom::object event;
  ASSERT_EQ(parser.parse(lines[0]).get(event), simdjson::SUCCESS) << lines[0];
  // No date_text key when there is none.
  EXPECT_EQ(Keys(event),
            (std::vector<std::string_view>{"doc_id", "sentence", "date", "date_source", "date_granularity", "source",
                                           "target", "cameo", "quad_class", "goldstein", "plover",
                                           "modality", "attribution", "location", "verb", "pattern",
                                           "confidence", "sentence_text"}));
  EXPECT_EQ(Str(event["source"]["sector"]), "GOV");
  EXPECT_TRUE(event["target"].is_null());
  EXPECT_EQ(Str(event["cameo"]), "010");
  EXPECT_TRUE(event["goldstein"].is_null());
  EXPECT_TRUE(event["plover"]["event"].is_null());
  EXPECT_TRUE(event["plover"]["mode"].is_null());
  EXPECT_EQ(event["plover"]["context"].get_array().value().size(), 0u);
  EXPECT_EQ(Str(event["modality"]), "asserted");
  EXPECT_TRUE(event["attribution"].is_null());
  EXPECT_TRUE(event["location"].is_null());
  EXPECT_EQ(Num(event["confidence"]), 0.5);
}

TEST(JsonlSinkTest, LeavesOutGeonameidWhenUnset) {
  TestDocument test = MakeTestDocument();
  test.result.events[1].location->geonameid.reset();
  const std::vector<std::string> lines = Lines(WriteJsonl(test));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].find("geonameid"), std::string::npos);
  EXPECT_NE(lines[1].find("\"precision\":\"city\"}"), std::string::npos);
}

TEST(JsonlSinkTest, WritesNothingForADocumentWithoutEvents) {
  TestDocument test = MakeTestDocument();
  test.result.events.clear();
  EXPECT_EQ(WriteJsonl(test), "");
}

TEST(JsonlSinkTest, ThrowsWhenTheStreamFails) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto sink = MakeJsonlSink(out);
  const TestDocument test = MakeTestDocument();
  EXPECT_THROW(sink->Write(test.document, test.result), std::runtime_error);
}

TEST(SinkFactoryTest, MakesSinksByFormatName) {
  std::ostringstream out;
  EXPECT_NE(MakeSink("jsonl", out), nullptr);
  EXPECT_NE(MakeSink("tsv", out), nullptr);
  EXPECT_NE(MakeSink("plover", out), nullptr);
  EXPECT_EQ(MakeSink("sqlite", out), nullptr);
  EXPECT_EQ(MakeSink("JSONL", out), nullptr);
  EXPECT_EQ(MakeSink("", out), nullptr);
}

}  // namespace
}  // namespace dyad::sink
