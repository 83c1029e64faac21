#include "sink/fields.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace dyad::sink {

std::string_view CameoRoot(std::string_view cameo) { return cameo.substr(0, 2); }

std::string_view SentenceText(const Document& document, const Sentence& sentence) {
  const std::string_view text = document.text;
  const size_t begin = std::min<size_t>(sentence.begin, text.size());
  const size_t end = std::clamp<size_t>(sentence.end, begin, text.size());
  return text.substr(begin, end - begin);
}

void WriteActor(util::JsonWriter& json, const Actor& actor, bool with_span) {
  json.BeginObject();
  json.Key("code");
  json.String(actor.code);
  json.Key("country");
  json.String(actor.country);
  json.Key("sector");
  json.StringOrNull(actor.sector);
  json.Key("text");
  json.String(actor.text);
  if (with_span) {
    json.Key("span");
    json.BeginArray();
    json.Int(actor.begin);
    json.Int(actor.end);
    json.EndArray();
  }
  json.EndObject();
}

void WriteLocation(util::JsonWriter& json, const std::optional<Location>& location) {
  if (!location) return json.Null();
  json.BeginObject();
  json.Key("name");
  json.String(location->name);
  json.Key("country");
  json.String(location->country);
  json.Key("admin1");
  json.String(location->admin1);
  json.Key("lat");
  json.Double(location->lat);
  json.Key("lon");
  json.Double(location->lon);
  json.Key("precision");
  json.String(location->precision);
  if (location->geonameid) {
    json.Key("geonameid");
    json.Int(*location->geonameid);
  }
  json.EndObject();
}

void WriteOrThrow(std::ostream& out, std::string_view text, std::string_view format) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error(fmt::format("cannot write the {} output", format));
}

}  // namespace dyad::sink
