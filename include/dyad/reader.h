// Input readers: turn files (or standard input) into a stream of Documents.
// Formats: plain text, JSON Lines, PETRARCH XML, HTML; each may be gzip- or
// zstd-compressed. One DocumentReader reads one input; not thread-safe.
#ifndef DYAD_READER_H_
#define DYAD_READER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.h"
#include "dyad/document.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kJsonl, kPetrarchXml, kHtml };

// Parses "auto", "text", "jsonl", "xml", "html"; returns nullopt otherwise.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // Publication date for inputs that carry none (plain text, HTML), ISO.
  std::string default_date;
  // Documents longer than this are cut to this many bytes (at a sentence or
  // UTF-8 boundary) and reported; 0 means no limit.
  size_t max_document_bytes = 8u << 20;
};

// One item from a reader: a document, possibly with diagnostics about
// repairs, or (document empty) a diagnostic for an item that was skipped.
struct ReadItem {
  std::optional<Document> document;
  std::vector<Diagnostic> diagnostics;
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Returns the next item, or nullopt at the end of the input.
  virtual std::optional<ReadItem> Next() = 0;

  // Opens `path` ("-" for standard input). The format is taken from
  // options.format, or guessed from the file name and first bytes.
  // Throws std::runtime_error when the file cannot be opened or decompressed
  // at all.
  static std::unique_ptr<DocumentReader> Open(const std::string& path,
                                              const ReaderOptions& options);
};

}  // namespace dyad

#endif  // DYAD_READER_H_
