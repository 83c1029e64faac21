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

std::vector<std::string> WritePlover(const TestDocument& test) {
  std::ostringstream out;
  auto sink = MakePloverSink(out);
  sink->Write(test.document, test.result);
  sink->Finish();
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string_view Str(simdjson::dom::element element) { return element.get_string().value(); }

TEST(PloverSinkTest, SkipsEventsWithoutPloverTypeAndWritesTheRest) {
  const TestDocument test = MakeTestDocument();
  const std::vector<std::string> lines = WritePlover(test);
  ASSERT_EQ(lines.size(), 1u);  // the 010 statement is left out
  simdjson::dom::parser parser;
  simdjson::dom::object event;
  ASSERT_EQ(parser.parse(lines[0]).get(event), simdjson::SUCCESS) << lines[0];

  std::vector<std::string_view> keys;
  for (auto field : event) keys.push_back(field.key);
  EXPECT_EQ(keys,
            (std::vector<std::string_view>{"id", "date", "event_type", "mode", "context", "actor",
                                           "recipient", "modality", "location", "text", "cameo"}));
  EXPECT_EQ(Str(event["id"]), "doc-7-1-0");
  EXPECT_EQ(Str(event["date"]), "2020-10-05");
  EXPECT_EQ(Str(event["event_type"]), "ASSAULT");
  EXPECT_TRUE(event["mode"].is_null());
  simdjson::dom::array context = event["context"].get_array().value();
  ASSERT_EQ(context.size(), 1u);
  EXPECT_EQ(Str(context.at(0)), "military");

  simdjson::dom::object actor = event["actor"].get_object().value();
  std::vector<std::string_view> actor_keys;
  for (auto field : actor) actor_keys.push_back(field.key);
  EXPECT_EQ(actor_keys, (std::vector<std::string_view>{"code", "country", "sector", "text"}));
  EXPECT_EQ(Str(actor["code"]), "AZE");
  EXPECT_TRUE(actor["sector"].is_null());
  EXPECT_EQ(Str(event["recipient"]["code"]), "ARMMIL");
  EXPECT_EQ(Str(event["recipient"]["country"]), "ARM");
  EXPECT_EQ(Str(event["recipient"]["sector"]), "MIL");
  EXPECT_EQ(Str(event["recipient"]["text"]), "Armenian military");
  EXPECT_EQ(Str(event["modality"]), "reported");
  EXPECT_EQ(Str(event["location"]["name"]), "Xank\xC9\x99ndi");
  EXPECT_EQ(event["location"]["geonameid"].get_int64().value(), 586523);
  EXPECT_EQ(Str(event["text"]), test.result.events[1].sentence_text);
  EXPECT_EQ(Str(event["cameo"]), "190");
}

TEST(PloverSinkTest, NumbersEventsWithinTheirSentence) {
  TestDocument test = MakeTestDocument();
  // A second event in sentence 1, and the statement moved into it too: ids
  // count every event of the sentence, written or not.
  Event second = test.result.events[1];
  second.target.reset();
  second.plover.mode = "firearms";
  test.result.events[0].sentence_index = 1;
  test.result.events.push_back(second);
  const std::vector<std::string> lines = WritePlover(test);
  ASSERT_EQ(lines.size(), 2u);
  simdjson::dom::parser parser;
  simdjson::dom::element first = parser.parse(lines[0]).value();
  EXPECT_EQ(Str(first["id"]), "doc-7-1-1");
  simdjson::dom::element last = parser.parse(lines[1]).value();
  EXPECT_EQ(Str(last["id"]), "doc-7-1-2");
  EXPECT_EQ(Str(last["mode"]), "firearms");
  EXPECT_TRUE(last["recipient"].is_null());
}

}  // namespace
}  // namespace dyad::sink
