// Helpers shared by the output sinks: derived fields and pieces of JSON that
// more than one format writes.
#ifndef DYAD_SINK_FIELDS_H_
#define DYAD_SINK_FIELDS_H_

#include <optional>
#include <ostream>
#include <string_view>

#include "dyad/document.h"
#include "dyad/event.h"
#include "util/json_writer.h"

namespace dyad::sink {

// The CAMEO root (first two digits) of an event code; the code itself when
// it is shorter.
std::string_view CameoRoot(std::string_view cameo);

// The sentence's text in the document, clamped to the text's length.
std::string_view SentenceText(const Document& document, const Sentence& sentence);

// Writes an actor object {code,country,sector,text[,span]}; the span
// [begin,end] only when `with_span` (PLOVER output has no offsets).
void WriteActor(util::JsonWriter& json, const Actor& actor, bool with_span);

// Writes a location object {name,country,admin1,lat,lon,precision[,geonameid]}
// or null.
void WriteLocation(util::JsonWriter& json, const std::optional<Location>& location);

// Writes `text` to `out` and throws std::runtime_error when the stream fails
// (a full disk or a closed pipe must stop the run, not lose events quietly).
void WriteOrThrow(std::ostream& out, std::string_view text, std::string_view format);

}  // namespace dyad::sink

#endif  // DYAD_SINK_FIELDS_H_
