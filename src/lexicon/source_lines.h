// Reads a dictionary text file into its meaningful lines: comments removed
// ('#' in column 0 or after white space), blank lines dropped, indentation
// noted. Shared by all of dyad's own dictionary formats.
#ifndef DYAD_LEXICON_SOURCE_LINES_H_
#define DYAD_LEXICON_SOURCE_LINES_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::lexicon {

struct SourceLine {
  int number = 0;         // 1-based line number in the file
  bool indented = false;  // starts with a space or tab
  std::string_view text;  // comment removed, trimmed; a view into the file's text
};

// A dictionary file's text and its meaningful lines, which view the text:
// one allocation per file rather than one per line (startup reads 70,000
// dictionary lines). Neither copied nor moved, so that the views stay valid.
class SourceFile {
 public:
  // Throws std::runtime_error when the file cannot be read.
  explicit SourceFile(const std::filesystem::path& path);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  std::string_view text() const { return text_; }
  const std::vector<SourceLine>& lines() const { return lines_; }

 private:
  std::string text_;
  std::vector<SourceLine> lines_;
};

// Lists the dictionary files under `path`: the file itself, or every *.txt
// file below a folder, sorted by name so loading order is stable.
std::vector<std::filesystem::path> ListDictionaryFiles(const std::filesystem::path& path);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_SOURCE_LINES_H_
