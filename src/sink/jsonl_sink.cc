// dyad's native output (design.md §3): one JSON object per event, with the
// field names and order fixed there, so that line-oriented tools (grep, jq,
// diff of two runs) work on it.
#include <ostream>
#include <stdexcept>
#include <string>

#include "dyad/sink.h"
#include "sink/fields.h"
#include "util/json_writer.h"

namespace dyad {
namespace {

void WriteEvent(util::JsonWriter& json, const Event& event) {
  json.BeginObject();
  json.Key("doc_id");
  json.String(event.doc_id);
  json.Key("sentence");
  json.Int(event.sentence_index);
  json.Key("date");
  json.String(event.date);
  json.Key("date_source");
  json.String(event.date_source);
  json.Key("date_granularity");
  json.String(event.date_granularity);
  if (!event.date_text.empty()) {
    json.Key("date_text");
    json.String(event.date_text);
  }
  json.Key("source");
  sink::WriteActor(json, event.source, true);
  json.Key("target");
  if (event.target) {
    sink::WriteActor(json, *event.target, true);
  } else {
    json.Null();
  }
  json.Key("cameo");
  json.String(event.cameo);
  json.Key("quad_class");
  json.Int(event.quad_class);
  json.Key("goldstein");
  if (event.goldstein) {
    json.Double(*event.goldstein);
  } else {
    json.Null();
  }
  json.Key("plover");
  json.BeginObject();
  json.Key("event");
  json.StringOrNull(event.plover.event);
  json.Key("mode");
  json.StringOrNull(event.plover.mode);
  json.Key("context");
  json.BeginArray();
  for (const std::string& context : event.plover.context) json.String(context);
  json.EndArray();
  json.EndObject();
  json.Key("modality");
  json.String(ModalityName(event.modality));
  json.Key("attribution");
  if (event.attribution) {
    json.String(*event.attribution);
  } else {
    json.Null();
  }
  json.Key("location");
  sink::WriteLocation(json, event.location);
  json.Key("verb");
  json.BeginObject();
  json.Key("text");
  json.String(event.verb_text);
  json.Key("span");
  json.BeginArray();
  json.Int(event.verb_begin);
  json.Int(event.verb_end);
  json.EndArray();
  json.EndObject();
  json.Key("pattern");
  json.String(event.pattern);
  json.Key("confidence");
  json.Fixed(event.confidence, 2);
  json.Key("sentence_text");
  json.String(event.sentence_text);
  json.EndObject();
}

class JsonlSink : public EventSink {
 public:
  explicit JsonlSink(std::ostream& out) : out_(out) {}

  void Write(const Document& document, const DocumentResult& result) override {
    WriteRendered(Render(document, result));
  }

  // One buffer per document: fewer, larger writes to the stream.
  bool CanRender() const override { return true; }
  std::string Render(const Document& /*document*/, const DocumentResult& result) const override {
    std::string lines;
    util::JsonWriter json;
    for (const Event& event : result.events) {
      json.Clear();
      WriteEvent(json, event);
      lines += json.str();
      lines += '\n';
    }
    return lines;
  }

  void WriteRendered(const std::string& text) override {
    if (!text.empty()) sink::WriteOrThrow(out_, text, "JSON Lines");
  }

  void Finish() override {
    out_.flush();
    if (!out_) throw std::runtime_error("cannot write the JSON Lines output");
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<EventSink> MakeJsonlSink(std::ostream& out) {
  return std::make_unique<JsonlSink>(out);
}

}  // namespace dyad
