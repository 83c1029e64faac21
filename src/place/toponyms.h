// Place names in a tagged sentence, the choice among places that share a
// name, and the Location an event gets. Pure functions; thread-safe.
//
// Which mentions count: an event's location is where it happened, so only
// locative uses are returned (data/places/README.md):
//   * after in, at, near, outside, inside, across, into, around, throughout
//     or within, optionally with "the" and a
//     direction or status word between ("in eastern Ukraine", "in the
//     occupied West Bank", "near the besieged Aleppo");
//   * "the [adjective] city/town/village/capital/port/region/province/
//     district/oblast/governorate/enclave of X" and "the [adjective]
//     capital X", with or without a preposition ("shelled the Azerbaijani
//     city of Ganja"); the adjective, when it names a country, keeps only
//     that country's places, and the noun keeps cities or regions;
//   * a further place joined to a mention by "and", "or", a comma or a
//     possessive ("in Kharkiv and Odesa", "in Syria's Idlib province").
// Not returned: names as actors ("Washington said", "Russia attacked"),
// "from X" (where someone or something came from, not where the event was),
// "to X" (a destination), "X-based" (where an organisation sits), and names
// after "between", "over", "towards" ("talks between Armenia and
// Azerbaijan", "a dispute over Crimea"), which are parties or topics.
#ifndef DYAD_PLACE_TOPONYMS_H_
#define DYAD_PLACE_TOPONYMS_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "place/gazetteer.h"

namespace dyad::place {

// A place name at tokens [first, last) and the places it may denote (already
// narrowed by the words around it when they say which).
struct PlaceMention {
  uint32_t first = 0;
  uint32_t last = 0;
  std::vector<const Place*> candidates;
};

// The locative place mentions of `sentence` (tokens tagged by tag::Tagger),
// in text order. A name must be capitalised: words that are also common
// English words ("Nice", "Reading") then only match where written as names.
std::vector<PlaceMention> FindToponyms(const Sentence& sentence, const Gazetteer& gazetteer);

// Picks one candidate: first those in the earliest of `context_countries`
// (ISO alpha-3: the event's actor countries, then the countries of other
// places in the article); then a country over anything else ("Georgia" the
// country, unless the context is the USA); then a city of 100,000 or more
// over a subdivision or region over a smaller city; then the larger
// population. Returns nullptr when there are no candidates, or when a
// context is given, no candidate is in it and the best is a city under
// 5,000 (a chance namesake).
const Place* Disambiguate(const PlaceMention& mention,
                          std::span<const std::string> context_countries);

// The Location (include/dyad/event.h) for a place; precision is "city",
// "admin1", "region" or "country".
Location ToLocation(const Place& place);

}  // namespace dyad::place

#endif  // DYAD_PLACE_TOPONYMS_H_
