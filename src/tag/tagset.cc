#include "tag/tagset.h"

#include <array>
#include <unordered_map>
#include <utility>

namespace dyad::tag {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Pos::kCount)>
    kNames = {
        "",    "CC",  "CD",    "DT",    "EX",  "FW",  "IN",  "JJ",
        "JJR", "JJS", "LS",    "MD",    "NN",  "NNS", "NNP", "NNPS",
        "PDT", "POS", "PRP",   "PRP$",  "RB",  "RBR", "RBS", "RP",
        "SYM", "TO",  "UH",    "VB",    "VBD", "VBG", "VBN", "VBP",
        "VBZ", "WDT", "WP",    "WP$",   "WRB", ",",   ".",   ":",
        "``",  "''",  "-LRB-", "-RRB-", "$",   "#",   "HYPH",
};

}  // namespace

std::string_view PosName(Pos pos) { return kNames[static_cast<size_t>(pos)]; }

std::optional<Pos> ParsePos(std::string_view name) {
  // A table built once: the lexicon's 112,000 lines name 150,000 tags, and
  // comparing each with up to 46 names was a third of the tagger's load.
  // The names of kNames come first, then the other tables' spellings.
  static const std::unordered_map<std::string_view, Pos> kByName = [] {
    std::unordered_map<std::string_view, Pos> by_name;
    for (size_t i = 1; i < kNames.size(); ++i) by_name.try_emplace(kNames[i], static_cast<Pos>(i));
    const std::pair<std::string_view, Pos> aliases[] = {
        {"(", Pos::kLRB},       {")", Pos::kRRB},     {"!", Pos::kPeriod},
        {"?", Pos::kPeriod},    {";", Pos::kColon},   {"\"", Pos::kOpenQuote},
        {"NP", Pos::kNNP},      {"NPS", Pos::kNNPS},  {"EM", Pos::kSYM},
        {"PRP$R", Pos::kPRPS},  {"JJSS", Pos::kJJS}};
    for (const auto& [alias, pos] : aliases) by_name.try_emplace(alias, pos);
    return by_name;
  }();
  auto it = kByName.find(name);
  if (it == kByName.end()) return std::nullopt;
  return it->second;
}

}  // namespace dyad::tag
