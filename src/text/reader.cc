// The input readers (include/dyad/reader.h): plain text, JSON Lines,
// PETRARCH XML and HTML over a possibly compressed byte stream. JSON Lines
// and XML are read record by record; text and HTML are one document per
// input and are read whole (up to a bound derived from the size limit).
#include "dyad/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

#include "text/input.h"
#include "text/markup.h"
#include "text/segmenter.h"

namespace dyad {
namespace text {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string IsoDate(std::string_view year, std::string_view month,
                    std::string_view day) {
  if (!IsDigits(year) || !IsDigits(month) || !IsDigits(day)) return {};
  const int m = std::stoi(std::string(month));
  const int d = std::stoi(std::string(day));
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
}

// "2020-10-06", "2020-10-06T12:00:00Z", "2020/10/06", "20201006" →
// "2020-10-06"; empty when `s` is not such a date.
std::string NormalizeDate(std::string_view s) {
  s = TrimView(s);
  if (s.size() >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
      (s.size() == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')) {
    return IsoDate(s.substr(0, 4), s.substr(5, 2), s.substr(8, 2));
  }
  if (s.size() == 8 && IsDigits(s)) {
    return IsoDate(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  }
  return {};
}

bool IsIsoDateLine(std::string_view s) {
  s = TrimView(s);
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && !NormalizeDate(s).empty();
}

// File name without directories and extensions ("in/report.txt.gz" →
// "report").
std::string FileStem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string name = path.substr(path.find_last_of('/') + 1);
  for (std::string_view compressed : {".gz", ".zst", ".zstd"}) {
    if (name.size() > compressed.size() && Lower(name).ends_with(compressed)) {
      name.resize(name.size() - compressed.size());
    }
  }
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

std::string DisplayName(const std::string& path) {
  return path == "-" ? "stdin" : path;
}

std::optional<InputFormat> FormatFromName(const std::string& path) {
  if (path == "-") return std::nullopt;
  std::string name = Lower(path.substr(path.find_last_of('/') + 1));
  for (std::string_view compressed : {".gz", ".zst", ".zstd"}) {
    if (name.ends_with(compressed)) name.resize(name.size() - compressed.size());
  }
  const size_t dot = name.find_last_of('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string extension = name.substr(dot + 1);
  if (extension == "jsonl" || extension == "ndjson" || extension == "json") {
    return InputFormat::kJsonl;
  }
  if (extension == "xml") return InputFormat::kPetrarchXml;
  if (extension == "html" || extension == "htm") return InputFormat::kHtml;
  if (extension == "txt" || extension == "text") return InputFormat::kText;
  return std::nullopt;
}

InputFormat FormatFromContent(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  size_t i = 0;
  while (i < head.size() && IsSpace(head[i])) ++i;
  if (i == head.size()) return InputFormat::kText;
  if (head[i] == '{') return InputFormat::kJsonl;
  if (head[i] == '<') {
    return head.find("<Sentence") != std::string_view::npos
               ? InputFormat::kPetrarchXml
               : InputFormat::kHtml;
  }
  return InputFormat::kText;
}

Diagnostic MakeDiagnostic(std::string kind, std::string where,
                          std::string message, bool skipped) {
  Diagnostic diagnostic;
  diagnostic.kind = std::move(kind);
  diagnostic.where = std::move(where);
  diagnostic.message = std::move(message);
  diagnostic.skipped = skipped;
  return diagnostic;
}

// Where to cut a text longer than `limit`: after the last sentence end
// ('.', '!' or '?', maybe with a closing quote, then white space) or
// paragraph break at or before the limit; failing that, the last UTF-8
// character boundary.
size_t CutPoint(std::string_view text, size_t limit) {
  for (size_t p = std::min(limit, text.size() - 1); p > 0; --p) {
    if (!IsSpace(text[p])) continue;
    size_t q = p;
    if (q >= 1 && (text[q - 1] == '"' || text[q - 1] == '\'')) --q;
    if (q >= 3 && text.substr(q - 3, 3) == "\xE2\x80\x9D") q -= 3;
    if (q >= 1 && (text[q - 1] == '.' || text[q - 1] == '!' || text[q - 1] == '?')) {
      return p;
    }
    if (text[p] == '\n' && text[p - 1] == '\n') return p;
  }
  size_t cut = std::min(limit, text.size());
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

// The checks every document goes through. Returns the item: the document
// with its repair diagnostics, or only a diagnostic if it was dropped.
ReadItem FinishDocument(Document document, const std::string& where,
                        const ReaderOptions& options,
                        std::vector<Diagnostic> diagnostics) {
  ReadItem item;
  size_t repaired = RepairUtf8(document.text);
  for (std::string* field : {&document.id, &document.title, &document.url,
                             &document.source}) {
    repaired += RepairUtf8(*field);
  }
  if (repaired > 0) {
    diagnostics.push_back(MakeDiagnostic(
        "invalid-utf8", where,
        std::to_string(repaired) + " bytes of invalid UTF-8 replaced with '?'",
        false));
  }
  if (TrimView(document.text).empty()) {
    diagnostics.push_back(MakeDiagnostic(
        "empty-document", where, "the document has no text", true));
    item.diagnostics = std::move(diagnostics);
    return item;
  }
  if (options.max_document_bytes > 0 &&
      document.text.size() > options.max_document_bytes) {
    const size_t original = document.text.size();
    size_t cut = CutPoint(document.text, options.max_document_bytes);
    while (cut > 0 && IsSpace(document.text[cut - 1])) --cut;
    document.text.resize(cut);
    diagnostics.push_back(MakeDiagnostic(
        "too-large", where,
        "document of " + std::to_string(original) + " bytes cut to " +
            std::to_string(cut),
        false));
  }
  item.document = std::move(document);
  item.diagnostics = std::move(diagnostics);
  return item;
}

// Sets the document's date from `raw`, or falls back on the default date
// with a "missing-date" diagnostic.
void ApplyDate(std::string_view raw, const ReaderOptions& options,
               const std::string& where, Document& document,
               std::vector<Diagnostic>& diagnostics) {
  document.date = NormalizeDate(raw);
  if (!document.date.empty()) return;
  document.date = options.default_date;
  std::string message =
      raw.empty() ? "no date" : "unreadable date \"" + std::string(raw) + "\"";
  message += options.default_date.empty()
                 ? "; the date is left empty"
                 : "; using the default date " + options.default_date;
  diagnostics.push_back(MakeDiagnostic("missing-date", where, message, false));
}

ReadItem ReadErrorItem(const std::string& name, const std::string& error) {
  ReadItem item;
  item.diagnostics.push_back(MakeDiagnostic(
      "read-error", name, "input ends early: " + error, true));
  return item;
}

class ReaderBase : public DocumentReader {
 public:
  ReaderBase(std::string path, ReaderOptions options,
             std::unique_ptr<BufferedInput> input)
      : path_(std::move(path)),
        name_(DisplayName(path_)),
        options_(std::move(options)),
        input_(std::move(input)) {}

 protected:
  // Reports a read error once, then ends the input.
  std::optional<ReadItem> EndOfInput() {
    if (input_->failed() && !error_reported_) {
      error_reported_ = true;
      return ReadErrorItem(name_, input_->error());
    }
    return std::nullopt;
  }

  // How much of a one-document input to read: enough to cut it at the limit
  // and to see that it was too large, with room for markup around the text.
  size_t WholeInputLimit(size_t factor) const {
    if (options_.max_document_bytes == 0) return 0;
    return options_.max_document_bytes * factor + (1 << 16);
  }

  std::string path_;
  std::string name_;
  ReaderOptions options_;
  std::unique_ptr<BufferedInput> input_;
  bool error_reported_ = false;
};

class JsonlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  std::optional<ReadItem> Next() override {
    while (input_->ReadLine(line_)) {
      ++line_number_;
      std::string_view view = line_;
      if (line_number_ == 1 && view.starts_with(kUtf8Bom)) {
        view.remove_prefix(kUtf8Bom.size());
      }
      if (TrimView(view).empty()) continue;
      return ParseLine(view);
    }
    return EndOfInput();
  }

 private:
  // A string field, or a number written as a string; empty otherwise.
  static std::string Field(simdjson::dom::object object, const char* key) {
    simdjson::dom::element value;
    if (object[key].get(value) != simdjson::SUCCESS) return {};
    switch (value.type()) {
      case simdjson::dom::element_type::STRING:
        return std::string(std::string_view(value));
      case simdjson::dom::element_type::INT64: {
        int64_t number = 0;
        return value.get(number) == simdjson::SUCCESS ? std::to_string(number)
                                                      : std::string();
      }
      case simdjson::dom::element_type::UINT64: {
        uint64_t number = 0;
        return value.get(number) == simdjson::SUCCESS ? std::to_string(number)
                                                      : std::string();
      }
      default:
        return {};
    }
  }

  ReadItem ParseLine(std::string_view line) {
    const std::string where = name_ + ":" + std::to_string(line_number_);
    simdjson::dom::element root;
    simdjson::dom::object object;
    auto error = parser_.parse(line.data(), line.size()).get(root);
    // simdjson rejects invalid UTF-8; such a line is repaired and parsed
    // again, so that one bad byte costs a '?' rather than the document.
    size_t repaired = 0;
    if (error == simdjson::UTF8_ERROR) {
      repaired_line_.assign(line);
      repaired = RepairUtf8(repaired_line_);
      error = parser_.parse(repaired_line_).get(root);
    }
    if (error != simdjson::SUCCESS || root.get(object) != simdjson::SUCCESS) {
      ReadItem item;
      const std::string reason = error != simdjson::SUCCESS
                                     ? simdjson::error_message(error)
                                     : "not a JSON object";
      item.diagnostics.push_back(MakeDiagnostic(
          "broken-json", where, "line skipped: " + reason, true));
      return item;
    }
    Document document;
    std::vector<Diagnostic> diagnostics;
    if (repaired > 0) {
      diagnostics.push_back(MakeDiagnostic(
          "invalid-utf8", where,
          std::to_string(repaired) + " bytes of invalid UTF-8 replaced with '?'",
          false));
    }
    document.id = Field(object, "id");
    if (document.id.empty()) document.id = where;
    document.text = Field(object, "text");
    if (document.text.empty()) document.text = Field(object, "body");
    document.title = Field(object, "title");
    document.url = Field(object, "url");
    document.source = Field(object, "source");
    ApplyDate(Field(object, "date"), options_, where, document, diagnostics);
    return FinishDocument(std::move(document), where, options_,
                          std::move(diagnostics));
  }

  simdjson::dom::parser parser_;
  std::string line_;
  std::string repaired_line_;
  size_t line_number_ = 0;
};

class TextReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  std::optional<ReadItem> Next() override {
    if (done_) return EndOfInput();
    done_ = true;
    std::string content;
    if (!input_->ReadAll(content, WholeInputLimit(1))) return EndOfInput();
    std::string_view text = content;
    if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
    Document document;
    document.id = FileStem(path_);
    std::vector<Diagnostic> diagnostics;
    const size_t first_newline = text.find('\n');
    const std::string_view first_line = text.substr(0, first_newline);
    if (IsIsoDateLine(first_line)) {
      document.date = std::string(TrimView(first_line));
      text = first_newline == std::string_view::npos
                 ? std::string_view()
                 : text.substr(first_newline + 1);
    } else {
      ApplyDate("", options_, name_, document, diagnostics);
      // Plain text is expected to carry no date; only its absence
      // everywhere is worth a diagnostic.
      if (!options_.default_date.empty()) diagnostics.clear();
    }
    document.title = Title(text);
    document.text = std::string(text);
    return FinishDocument(std::move(document), name_, options_,
                          std::move(diagnostics));
  }

 private:
  // The first line, when a blank line follows it and it does not end like a
  // sentence.
  static std::string Title(std::string_view text) {
    size_t start = 0;
    while (start < text.size() && IsSpace(text[start])) ++start;
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {};
    const std::string_view line = TrimView(text.substr(start, newline - start));
    size_t next = newline + 1;
    while (next < text.size() && text[next] != '\n' && IsSpace(text[next])) ++next;
    if (next >= text.size() || text[next] != '\n') return {};
    if (line.empty() || line.size() > 300 || line.back() == '.') return {};
    return std::string(line);
  }

  bool done_ = false;
};

class HtmlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  std::optional<ReadItem> Next() override {
    if (done_) return EndOfInput();
    done_ = true;
    std::string page;
    if (!input_->ReadAll(page, WholeInputLimit(8))) return EndOfInput();
    HtmlContent content = ExtractHtml(page);
    Document document;
    document.id = FileStem(path_);
    document.title = std::move(content.title);
    document.url = std::move(content.url);
    document.text = std::move(content.text);
    document.text.resize(BodyEnd(document.text));
    std::vector<Diagnostic> diagnostics;
    ApplyDate(content.date, options_, name_, document, diagnostics);
    if (content.date.empty() && !options_.default_date.empty()) diagnostics.clear();
    return FinishDocument(std::move(document), name_, options_,
                          std::move(diagnostics));
  }

 private:
  bool done_ = false;
};

// PETRARCH XML: one document per <Sentence ...> ... </Sentence> record, found
// by scanning the stream; anything between records (the <Sentences> root,
// comments, stray text) is skipped.
class PetrarchXmlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  std::optional<ReadItem> Next() override {
    while (true) {
      const std::optional<std::string> record = NextRecord();
      if (!record) return EndOfInput();
      return ParseRecord(*record);
    }
  }

 private:
  static constexpr std::string_view kOpen = "<Sentence";
  static constexpr std::string_view kClose = "</Sentence>";

  // Drops `size` bytes from the front of the input, counting lines.
  void Advance(size_t size) {
    const std::string_view consumed = input_->Buffered().substr(0, size);
    line_number_ += std::count(consumed.begin(), consumed.end(), '\n');
    input_->Consume(size);
  }

  // Returns the next record's bytes, or nullopt at the end of the input.
  // Every search resumes where the previous one stopped, so the stream is
  // scanned once however the records fall across chunks.
  std::optional<std::string> NextRecord() {
    // Phase 1: find a "<Sentence" start tag (not "<Sentences"), skipping
    // comments and everything else between records.
    while (true) {
      const std::string_view buffered = input_->Buffered();
      if (in_comment_) {
        const size_t close = buffered.find("-->");
        if (close != std::string_view::npos) {
          Advance(close + 3);
          in_comment_ = false;
          continue;
        }
        Advance(buffered.size() > 2 ? buffered.size() - 2 : 0);
        if (!input_->Fill()) return std::nullopt;
        continue;
      }
      const size_t lt = buffered.find('<');
      if (lt == std::string_view::npos) {
        Advance(buffered.size());
        if (!input_->Fill()) return std::nullopt;
        continue;
      }
      Advance(lt);
      const std::string_view rest = input_->Buffered();
      if (rest.size() <= kOpen.size()) {
        if (input_->Fill()) continue;
        return std::nullopt;
      }
      if (rest.starts_with("<!--")) {
        Advance(4);
        in_comment_ = true;
        continue;
      }
      if (rest.starts_with(kOpen)) {
        const char after = rest[kOpen.size()];
        if (IsSpace(after) || after == '>' || after == '/') break;
      }
      Advance(1);
    }
    // Phase 2: the end of the record, or the start of the next one when a
    // record was never closed.
    record_line_ = line_number_ + 1;
    size_t searched = kOpen.size();
    while (true) {
      const std::string_view buffered = input_->Buffered();
      const size_t close = buffered.find(kClose, searched);
      const size_t next_open = buffered.find(kOpen, searched);
      if (close != std::string_view::npos &&
          (next_open == std::string_view::npos || close < next_open)) {
        std::string record(buffered.substr(0, close + kClose.size()));
        Advance(close + kClose.size());
        return record;
      }
      if (next_open != std::string_view::npos &&
          next_open + kOpen.size() < buffered.size() &&
          IsSpace(buffered[next_open + kOpen.size()])) {
        std::string record(buffered.substr(0, next_open));
        Advance(next_open);
        return record;
      }
      searched = std::max(searched, buffered.size() >= kClose.size()
                                        ? buffered.size() - kClose.size()
                                        : size_t{0});
      if (!input_->Fill()) {
        std::string record(input_->Buffered());
        Advance(record.size());
        return record;
      }
    }
  }

  // The value of attribute `name` in the start tag `tag`; tolerates spaces
  // around '=' and either quote.
  static std::string Attribute(std::string_view tag, std::string_view name) {
    size_t i = 0;
    while ((i = tag.find(name, i)) != std::string_view::npos) {
      const bool starts_word = i > 0 && IsSpace(tag[i - 1]);
      size_t j = i + name.size();
      i = j;
      if (!starts_word) continue;
      while (j < tag.size() && IsSpace(tag[j])) ++j;
      if (j >= tag.size() || tag[j] != '=') continue;
      ++j;
      while (j < tag.size() && IsSpace(tag[j])) ++j;
      if (j >= tag.size()) break;
      if (tag[j] == '"' || tag[j] == '\'') {
        const size_t close = tag.find(tag[j], j + 1);
        if (close == std::string_view::npos) break;
        return MarkupToText(tag.substr(j + 1, close - j - 1));
      }
      size_t end = j;
      while (end < tag.size() && !IsSpace(tag[end]) && tag[end] != '>') ++end;
      return std::string(tag.substr(j, end - j));
    }
    return {};
  }

  ReadItem ParseRecord(std::string_view record) {
    const std::string where = name_ + ":" + std::to_string(record_line_);
    size_t tag_end = record.find('>');
    if (tag_end == std::string_view::npos) tag_end = record.size();
    const std::string_view tag = record.substr(0, tag_end);
    Document document;
    std::vector<Diagnostic> diagnostics;
    document.id = Attribute(tag, "id");
    if (document.id.empty()) document.id = where;
    document.source = Attribute(tag, "source");
    ApplyDate(Attribute(tag, "date"), options_, where, document, diagnostics);
    const size_t text_open = record.find("<Text");
    if (text_open != std::string_view::npos) {
      const size_t content_start = record.find('>', text_open);
      if (content_start != std::string_view::npos) {
        size_t content_end = record.find("</Text>", content_start);
        if (content_end == std::string_view::npos) {
          // No end tag: the text runs to the next element we know.
          content_end = std::min(record.find("<Parse", content_start),
                                 record.find("</Sentence>", content_start));
          if (content_end == std::string_view::npos) content_end = record.size();
        }
        document.text = MarkupToText(
            record.substr(content_start + 1, content_end - content_start - 1));
      }
    }
    return FinishDocument(std::move(document), where, options_,
                          std::move(diagnostics));
  }

  size_t line_number_ = 0;
  size_t record_line_ = 0;
  bool in_comment_ = false;
};

}  // namespace
}  // namespace text

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  const std::string lower = text::Lower(name);
  if (lower == "auto") return InputFormat::kAuto;
  if (lower == "text" || lower == "txt") return InputFormat::kText;
  if (lower == "jsonl" || lower == "ndjson") return InputFormat::kJsonl;
  if (lower == "xml" || lower == "petrarch") return InputFormat::kPetrarchXml;
  if (lower == "html" || lower == "htm") return InputFormat::kHtml;
  return std::nullopt;
}

std::unique_ptr<DocumentReader> DocumentReader::Open(
    const std::string& path, const ReaderOptions& options) {
  auto input = std::make_unique<text::BufferedInput>(text::OpenByteSource(path));
  std::string_view head;
  try {
    head = input->Peek(64 * 1024);
  } catch (const text::ReadError& e) {
    throw std::runtime_error("cannot open " + path + ": " + e.what());
  }
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    format = text::FormatFromName(path).value_or(text::FormatFromContent(head));
  }
  switch (format) {
    case InputFormat::kJsonl:
      return std::make_unique<text::JsonlReader>(path, options, std::move(input));
    case InputFormat::kPetrarchXml:
      return std::make_unique<text::PetrarchXmlReader>(path, options,
                                                       std::move(input));
    case InputFormat::kHtml:
      return std::make_unique<text::HtmlReader>(path, options, std::move(input));
    case InputFormat::kText:
    case InputFormat::kAuto:
      break;
  }
  return std::make_unique<text::TextReader>(path, options, std::move(input));
}

}  // namespace dyad
