// The output side of the data model: actors and coded events (design.md §2-3).
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dyad/clause.h"

namespace dyad {

// A political actor as resolved in the text. `code` is the full CAMEO actor
// code (country or IGO code followed by role codes, e.g. "AZEGOV"); `country`
// its first three letters where they name a country or body, `sector` the
// first role code ("" when none). `text`, `begin`, `end` locate the words
// (byte offsets into Document::text) and `name` the dictionary entry.
struct Actor {
  std::string code;
  std::string country;
  std::string sector;
  std::string name;
  std::string text;
  uint32_t begin = 0;
  uint32_t end = 0;
  int entity_id = -1;  // same value for mentions of one entity in a document
};

// Where an event happened, from the gazetteer.
struct Location {
  std::string name;
  std::string country;
  std::string admin1;
  double lat = 0;
  double lon = 0;
  std::optional<int64_t> geonameid;
  std::string precision;  // city, admin1, region, country
};

struct Plover {
  std::string event;
  std::string mode;
  std::vector<std::string> context;
};

// One coded event: who did what to whom, with every field traceable to the
// sentence and to the dictionary pattern that produced it.
struct Event {
  std::string doc_id;
  int sentence_index = 0;
  Actor source;
  std::optional<Actor> target;
  std::string cameo;
  Plover plover;
  int quad_class = 0;
  std::optional<double> goldstein;
  Modality modality = Modality::kAsserted;
  std::optional<std::string> attribution;  // who said it, when reported
  std::string date;
  std::string date_source = "publication";  // "text" or "publication"
  std::string date_text;
  std::string date_granularity = "day";  // day, week, month, year
  std::optional<Location> location;
  std::string verb_text;
  uint32_t verb_begin = 0;
  uint32_t verb_end = 0;
  std::string pattern;  // "verbs/praise.txt:12": the entry that fired
  double confidence = 0;
  std::string sentence_text;
};

}  // namespace dyad

#endif  // DYAD_EVENT_H_
