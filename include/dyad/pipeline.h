// Batch coding: read inputs, code documents on several threads over one
// shared Coder, write events to sinks in input order, and count what
// happened. This is what `dyad code` runs.
#ifndef DYAD_PIPELINE_H_
#define DYAD_PIPELINE_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/reader.h"
#include "dyad/sink.h"

namespace dyad {

struct RunOptions {
  std::vector<std::string> inputs;  // file paths, "-" for standard input
  ReaderOptions reader;
  int threads = 1;
  // Documents in flight with several threads (read, being coded, or coded
  // and waiting for their turn to be written); memory stays flat whatever
  // the input size.
  size_t batch_size = 256;
};

struct RunSummary {
  size_t documents = 0;  // coded
  size_t sentences = 0;
  size_t events = 0;
  size_t skipped = 0;                      // documents not coded
  std::map<std::string, size_t> problems;  // diagnostic kind -> count
  double seconds = 0;
};

// Codes every input. Diagnostics are written to `log` as they happen (one
// line each: where, kind, message). Inputs that cannot be opened are
// reported and counted as "unreadable-input"; the run goes on. Throws only
// when a sink fails (a full disk, a broken database).
RunSummary RunCoding(const Coder& coder, const RunOptions& options,
                     const std::vector<EventSink*>& sinks, std::ostream& log,
                     std::ostream* explain = nullptr);

// The human-readable summary printed after a run.
std::string FormatSummary(const RunSummary& summary);

}  // namespace dyad

#endif  // DYAD_PIPELINE_H_
