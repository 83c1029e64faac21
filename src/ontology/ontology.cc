#include "dyad/ontology.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "util/strings.h"

namespace dyad {
namespace {

// Reads one of the ontology TSV tables: checks the header, then hands out
// rows split on tabs, and formats errors as "FILE:LINE: message".
class TableReader {
 public:
  TableReader(const std::filesystem::path& path, const std::vector<std::string_view>& columns)
      : name_(path.string()), columns_(columns) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open the file", name_));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text_ = std::move(buffer).str();
    std::vector<std::string_view> header;
    if (!Next(header) || line_number_ != 1 || header != columns_) {
      line_number_ = 1;
      Fail(fmt::format("expected the header \"{}\"", fmt::join(columns_, "\\t")));
    }
  }

  // Reads the next non-empty row into `fields`; returns false at the end.
  bool Next(std::vector<std::string_view>& fields) {
    while (position_ < text_.size()) {
      size_t end = text_.find('\n', position_);
      if (end == std::string::npos) end = text_.size();
      std::string_view line(text_.data() + position_, end - position_);
      position_ = end + 1;
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (util::Trim(line).empty()) continue;
      fields = util::Split(line, '\t');
      if (line_number_ > 1 && fields.size() != columns_.size()) {
        Fail(fmt::format("expected {} tab-separated columns, found {}", columns_.size(),
                         fields.size()));
      }
      return true;
    }
    return false;
  }

  [[noreturn]] void Fail(std::string_view message) const {
    throw std::runtime_error(fmt::format("{}:{}: {}", name_, line_number_, message));
  }

 private:
  std::string name_;
  std::vector<std::string_view> columns_;
  std::string text_;
  size_t position_ = 0;
  int line_number_ = 0;
};

bool IsCameoCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseInt(const TableReader& table, std::string_view column, std::string_view text, int min,
             int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    table.Fail(
        fmt::format("{} must be a whole number from {} to {}, not \"{}\"", column, min, max, text));
  }
  return value;
}

std::optional<double> ParseGoldstein(const TableReader& table, std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < -10 || value > 10) {
    table.Fail(fmt::format("goldstein must be empty or a number from -10 to 10, not \"{}\"", text));
  }
  return value;
}

std::string_view LevelOf(std::string_view code) {
  return code.size() == 2 ? "root" : code.size() == 3 ? "base" : "sub";
}

// PLOVER contexts are one name or a list ("crime; corruption").
std::vector<std::string> SplitContext(std::string_view text) {
  std::vector<std::string> contexts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(";,", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = util::Trim(text.substr(start, end - start));
    if (!piece.empty()) contexts.emplace_back(piece);
    start = end + 1;
  }
  return contexts;
}

bool IsPloverName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || c == '_')) return false;
  }
  return true;
}

}  // namespace

Ontology Ontology::Load(const std::filesystem::path& dir) {
  Ontology ontology;
  std::vector<std::string_view> row;

  TableReader codes(dir / "cameo_codes.tsv", {"code", "name", "goldstein", "quad_class",
                                              "quad_class_phoenix", "level", "root"});
  while (codes.Next(row)) {
    CameoCode entry;
    if (!IsCameoCode(row[0])) {
      codes.Fail(fmt::format("\"{}\" is not a CAMEO code (2 to 4 digits)", row[0]));
    }
    entry.code = row[0];
    if (row[1].empty()) codes.Fail("the name is empty");
    entry.name = row[1];
    entry.goldstein = ParseGoldstein(codes, row[2]);
    entry.quad_class = ParseInt(codes, "quad_class", row[3], 1, 4);
    entry.quad_class_phoenix = ParseInt(codes, "quad_class_phoenix", row[4], 0, 4);
    if (row[5] != LevelOf(entry.code)) {
      codes.Fail(fmt::format("level \"{}\" does not fit code {}", row[5], entry.code));
    }
    if (row[6] != std::string_view(entry.code).substr(0, 2)) {
      codes.Fail(fmt::format("root \"{}\" does not fit code {}", row[6], entry.code));
    }
    if (!ontology.index_.emplace(entry.code, ontology.codes_.size()).second) {
      codes.Fail(fmt::format("code {} is listed twice", entry.code));
    }
    ontology.codes_.push_back(std::move(entry));
  }

  TableReader mapping(dir / "cameo_to_plover.tsv",
                      {"cameo_code", "plover_event", "plover_mode", "plover_context"});
  while (mapping.Next(row)) {
    if (!IsCameoCode(row[0])) {
      mapping.Fail(fmt::format("\"{}\" is not a CAMEO code (2 to 4 digits)", row[0]));
    }
    if (!IsPloverName(row[1])) {
      mapping.Fail(fmt::format("\"{}\" is not a PLOVER event type", row[1]));
    }
    Plover plover{std::string(row[1]), std::string(row[2]), SplitContext(row[3])};
    if (!ontology.plover_.emplace(std::string(row[0]), std::move(plover)).second) {
      mapping.Fail(fmt::format("code {} is mapped twice", row[0]));
    }
  }
  return ontology;
}

const CameoCode* Ontology::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

Plover Ontology::ToPlover(std::string_view code) const {
  // The exact code, then its base and root: the mapping leaves some codes to
  // their parents (1834, 155), and dictionaries use a few codes outside
  // CAMEO 1.1b3 (0110, 109) that only their parents place.
  auto find = [&](std::string_view key) -> const Plover* {
    auto it = plover_.find(std::string(key));
    return it == plover_.end() ? nullptr : &it->second;
  };
  const Plover* plover = find(code);
  if (plover == nullptr && code.size() > 3) plover = find(code.substr(0, 3));
  if (plover == nullptr && code.size() > 2) plover = find(code.substr(0, 2));
  if (plover != nullptr) return *plover;
  return {};
}

}  // namespace dyad
