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
  std::string text;       // comment removed, trimmed
};

// Returns the file's meaningful lines. Throws std::runtime_error when the
// file cannot be read.
std::vector<SourceLine> ReadSourceLines(const std::filesystem::path& path);
// The same in two steps, for readers that look at the text first: the
// file's text (throws std::runtime_error when it cannot be read), and the
// meaningful lines of a text.
std::string ReadDictionaryText(const std::filesystem::path& path);
std::vector<SourceLine> SourceLinesOf(std::string_view content);

// Lists the dictionary files under `path`: the file itself, or every *.txt
// file below a folder, sorted by name so loading order is stable.
std::vector<std::filesystem::path> ListDictionaryFiles(const std::filesystem::path& path);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_SOURCE_LINES_H_
