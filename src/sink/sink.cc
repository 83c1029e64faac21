#include "dyad/sink.h"

namespace dyad {

std::unique_ptr<EventSink> MakeSink(std::string_view format, std::ostream& out) {
  if (format == "jsonl") return MakeJsonlSink(out);
  if (format == "tsv") return MakeTsvSink(out);
  if (format == "plover") return MakePloverSink(out);
  return nullptr;
}

}  // namespace dyad
