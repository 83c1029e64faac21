#include "lexicon/source_lines.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/strings.h"

namespace dyad::lexicon {

SourceFile::SourceFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read dictionary file " + path.string());
  // The whole file at once, then its lines as views: cheaper than
  // std::getline a line at a time.
  std::ostringstream whole;
  whole << in.rdbuf();
  text_ = std::move(whole).str();
  const std::string_view content = text_;
  int number = 0;
  for (size_t start = 0; start < content.size();) {
    size_t newline = content.find('\n', start);
    if (newline == std::string::npos) newline = content.size();
    const std::string_view raw = content.substr(start, newline - start);
    start = newline + 1;
    ++number;
    size_t cut = raw.size();
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '#' && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t')) {
        cut = i;
        break;
      }
    }
    std::string_view text = util::Trim(raw.substr(0, cut));
    if (text.empty()) continue;
    lines_.push_back({number, raw[0] == ' ' || raw[0] == '\t', text});
  }
}

std::vector<std::filesystem::path> ListDictionaryFiles(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(path)) return {path};
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace dyad::lexicon
