// Output writers. A sink receives each coded document in input order and is
// used from one thread (the pipeline serialises writes). A sink whose text
// for a document depends on that document alone may also render it on the
// coding threads (Render), leaving the writing thread only the writes.
#ifndef DYAD_SINK_H_
#define DYAD_SINK_H_

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "dyad/coder.h"
#include "dyad/document.h"

namespace dyad {

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void Write(const Document& document, const DocumentResult& result) = 0;
  // Whether Render gives the document's text, for WriteRendered to write
  // in input order. Render must keep no state: any thread may call it.
  virtual bool CanRender() const { return false; }
  virtual std::string Render(const Document& /*document*/, const DocumentResult& /*result*/) const {
    return {};
  }
  virtual void WriteRendered(const std::string& /*text*/) {}
  // Flushes and closes; called once after the last Write.
  virtual void Finish() {}
};

// design.md §3 event JSON Lines, one event per line.
std::unique_ptr<EventSink> MakeJsonlSink(std::ostream& out);
// Tab-separated, one event per line, with a header row (Phoenix-like columns).
std::unique_ptr<EventSink> MakeTsvSink(std::ostream& out);
// PLOVER-style JSON Lines (event type, mode, context, actors, date, location).
std::unique_ptr<EventSink> MakePloverSink(std::ostream& out);
// SQLite database with tables documents, sentences, events. Coding the same
// document (same id) again replaces its rows. Throws std::runtime_error when
// the database cannot be opened or written.
std::unique_ptr<EventSink> MakeSqliteSink(const std::filesystem::path& path);

// Returns the sink for a --format name ("jsonl", "tsv", "plover") or nullptr.
std::unique_ptr<EventSink> MakeSink(std::string_view format, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_SINK_H_
