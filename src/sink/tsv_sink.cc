// Tab-separated events with a header row, in the spirit of the Phoenix
// pipeline's flat files: one row per event, one column per field, so that
// spreadsheets and R's read.delim open it directly. There is no quoting:
// tabs and line breaks inside a field become spaces, and absent values are
// empty.
#include <cmath>
#include <cstdint>
#include <iterator>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dyad/sink.h"
#include "sink/fields.h"
#include "util/json_writer.h"

namespace dyad {
namespace {

constexpr std::string_view kHeader =
    "doc_id\tsentence\tdate\tdate_granularity\tsource_code\tsource_country\tsource_sector\ttarget_code\t"
    "target_country\ttarget_sector\tcameo\troot\tquad_class\tgoldstein\tplover_event\tmodality\t"
    "attribution\tlocation_name\tlocation_country\tlat\tlon\tverb\tpattern\tconfidence\t"
    "sentence_text\n";

class TsvSink : public EventSink {
 public:
  explicit TsvSink(std::ostream& out) : out_(out) {}

  void Write(const Document& /*document*/, const DocumentResult& result) override {
    rows_.clear();
    WriteHeaderOnce();
    for (const Event& event : result.events) AppendRow(event);
    sink::WriteOrThrow(out_, rows_, "TSV");
  }

  void Finish() override {
    // A run without events still gets its header, so the file is a table.
    rows_.clear();
    WriteHeaderOnce();
    sink::WriteOrThrow(out_, rows_, "TSV");
    out_.flush();
    if (!out_) throw std::runtime_error("cannot write the TSV output");
  }

 private:
  void WriteHeaderOnce() {
    if (header_written_) return;
    rows_ += kHeader;
    header_written_ = true;
  }

  // Appends one field and its separator (a tab, or the newline after the
  // last column).
  void Field(std::string_view value, bool last = false) {
    for (char c : value) rows_ += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    rows_ += last ? '\n' : '\t';
  }

  void IntField(int64_t value) {
    fmt::format_to(std::back_inserter(rows_), "{}", value);
    rows_ += '\t';
  }

  // Formatted as in the JSON output: the shortest exact text, "-10.0".
  void DoubleField(double value) {
    if (std::isfinite(value)) util::AppendDouble(rows_, value);
    rows_ += '\t';
  }

  void AppendRow(const Event& event) {
    Field(event.doc_id);
    IntField(event.sentence_index);
    Field(event.date);
    Field(event.date_granularity);
    Field(event.source.code);
    Field(event.source.country);
    Field(event.source.sector);
    const Actor no_target;
    const Actor& target = event.target ? *event.target : no_target;
    Field(target.code);
    Field(target.country);
    Field(target.sector);
    Field(event.cameo);
    Field(sink::CameoRoot(event.cameo));
    IntField(event.quad_class);
    if (event.goldstein) {
      DoubleField(*event.goldstein);
    } else {
      Field("");
    }
    Field(event.plover.event);
    Field(ModalityName(event.modality));
    Field(event.attribution.value_or(""));
    if (event.location) {
      Field(event.location->name);
      Field(event.location->country);
      DoubleField(event.location->lat);
      DoubleField(event.location->lon);
    } else {
      for (int i = 0; i < 4; ++i) Field("");
    }
    Field(event.verb_text);
    Field(event.pattern);
    fmt::format_to(std::back_inserter(rows_), "{:.2f}\t", event.confidence);
    Field(event.sentence_text, /*last=*/true);
  }

  std::ostream& out_;
  std::string rows_;
  bool header_written_ = false;
};

}  // namespace

std::unique_ptr<EventSink> MakeTsvSink(std::ostream& out) { return std::make_unique<TsvSink>(out); }

}  // namespace dyad
