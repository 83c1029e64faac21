// PLOVER-style JSON Lines: one object per event in PLOVER's vocabulary
// (event type, mode, context, actor and recipient). Events PLOVER has no
// type for (CAMEO 01 statements and 02 appeals) are left out.
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "dyad/sink.h"
#include "sink/fields.h"
#include "util/json_writer.h"

namespace dyad {
namespace {

// `ordinal` numbers the events of one sentence from 0 in coding order,
// counting the ones left out too, so that an event has the same id whether
// or not its neighbours have a PLOVER type.
void WriteEvent(util::JsonWriter& json, const Event& event, int ordinal) {
  json.BeginObject();
  json.Key("id");
  json.String(fmt::format("{}-{}-{}", event.doc_id, event.sentence_index, ordinal));
  json.Key("date");
  json.String(event.date);
  json.Key("event_type");
  json.String(event.plover.event);
  json.Key("mode");
  json.StringOrNull(event.plover.mode);
  json.Key("context");
  json.BeginArray();
  for (const std::string& context : event.plover.context) json.String(context);
  json.EndArray();
  json.Key("actor");
  sink::WriteActor(json, event.source, false);
  json.Key("recipient");
  if (event.target) {
    sink::WriteActor(json, *event.target, false);
  } else {
    json.Null();
  }
  json.Key("modality");
  json.String(ModalityName(event.modality));
  json.Key("location");
  sink::WriteLocation(json, event.location);
  json.Key("text");
  json.String(event.sentence_text);
  json.Key("cameo");
  json.String(event.cameo);
  json.EndObject();
}

class PloverSink : public EventSink {
 public:
  explicit PloverSink(std::ostream& out) : out_(out) {}

  void Write(const Document& /*document*/, const DocumentResult& result) override {
    lines_.clear();
    ordinals_.clear();
    for (const Event& event : result.events) {
      const int ordinal = ordinals_[event.sentence_index]++;
      if (event.plover.event.empty()) continue;
      json_.Clear();
      WriteEvent(json_, event, ordinal);
      lines_ += json_.str();
      lines_ += '\n';
    }
    if (!lines_.empty()) sink::WriteOrThrow(out_, lines_, "PLOVER JSON Lines");
  }

  void Finish() override {
    out_.flush();
    if (!out_) throw std::runtime_error("cannot write the PLOVER JSON Lines output");
  }

 private:
  std::ostream& out_;
  util::JsonWriter json_;
  std::string lines_;
  std::unordered_map<int, int> ordinals_;  // events seen so far per sentence
};

}  // namespace

std::unique_ptr<EventSink> MakePloverSink(std::ostream& out) {
  return std::make_unique<PloverSink>(out);
}

}  // namespace dyad
