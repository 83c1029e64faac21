// A hand-built coded document for the sink tests: two sentences, a statement
// (010, no target, no PLOVER type) and an attack (190, AZE -> ARMMIL) whose
// text holds quotes, a line break and non-ASCII letters.
#ifndef DYAD_SINK_TEST_DOCUMENT_H_
#define DYAD_SINK_TEST_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/coder.h"
#include "dyad/document.h"

namespace dyad::sink {

struct TestDocument {
  Document document;
  DocumentResult result;
};

inline uint32_t Offset(const std::string& text, std::string_view words) {
  return static_cast<uint32_t>(text.find(words));
}

inline TestDocument MakeTestDocument() {
  TestDocument test;
  Document& document = test.document;
  document.id = "doc-7";
  document.date = "2020-10-05";
  document.title = "Fighting near Xank\xC9\x99ndi";
  document.url = "https://example.org/news/7";
  document.source = "example";
  const std::string first = "The Azerbaijani government issued a statement.";
  const std::string second =
      "Azerbaijani forces \"attacked\" Armenian military positions near Xank\xC9\x99ndi\n"
      "on Monday, the ministry said.";
  document.text = first + " " + second;

  Sentence one;
  one.index = 0;
  one.begin = 0;
  one.end = static_cast<uint32_t>(first.size());
  Sentence two;
  two.index = 1;
  two.begin = static_cast<uint32_t>(first.size() + 1);
  two.end = static_cast<uint32_t>(document.text.size());
  test.result.sentences = {one, two};

  Event statement;
  statement.doc_id = document.id;
  statement.sentence_index = 0;
  statement.source = {.code = "AZEGOV",
                      .country = "AZE",
                      .sector = "GOV",
                      .name = "AZERBAIJAN_GOVERNMENT",
                      .text = "The Azerbaijani government",
                      .begin = 0,
                      .end = 26};
  statement.cameo = "010";
  statement.quad_class = 1;
  statement.goldstein = 0.0;
  statement.date = "2020-10-05";
  statement.date_source = "publication";
  statement.verb_text = "issued";
  statement.verb_begin = Offset(document.text, "issued");
  statement.verb_end = statement.verb_begin + 6;
  statement.pattern = "verbs/statement.txt:3";
  statement.confidence = 0.5;
  statement.sentence_text = first;

  Event attack;
  attack.doc_id = document.id;
  attack.sentence_index = 1;
  attack.source = {.code = "AZE",
                   .country = "AZE",
                   .sector = "",
                   .name = "AZERBAIJAN",
                   .text = "Azerbaijani forces",
                   .begin = Offset(document.text, "Azerbaijani forces"),
                   .end = Offset(document.text, "Azerbaijani forces") + 18};
  attack.target = Actor{.code = "ARMMIL",
                        .country = "ARM",
                        .sector = "MIL",
                        .name = "ARMENIA_MILITARY",
                        .text = "Armenian military",
                        .begin = Offset(document.text, "Armenian military"),
                        .end = Offset(document.text, "Armenian military") + 17};
  attack.cameo = "190";
  attack.quad_class = 4;
  attack.goldstein = -10.0;
  attack.plover = {.event = "ASSAULT", .mode = "", .context = {"military"}};
  attack.modality = Modality::kReported;
  attack.attribution = "the ministry";
  attack.date = "2020-10-05";
  attack.date_source = "text";
  attack.date_text = "on Monday";
  attack.location = Location{.name = "Xank\xC9\x99ndi",
                             .country = "AZE",
                             .admin1 = "Xank\xC9\x99ndi",
                             .lat = 39.8153,
                             .lon = 46.7519,
                             .geonameid = 586523,
                             .precision = "city"};
  attack.verb_text = "attacked";
  attack.verb_begin = Offset(document.text, "attacked");
  attack.verb_end = attack.verb_begin + 8;
  attack.pattern = "verbs/attack.txt:7";
  attack.confidence = 0.857;
  attack.sentence_text = second;

  test.result.events = {statement, attack};
  return test;
}

}  // namespace dyad::sink

#endif  // DYAD_SINK_TEST_DOCUMENT_H_
