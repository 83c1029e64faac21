#include "tag/tagset.h"

#include <array>
#include <unordered_map>
#include <utility>

namespace dyad::tag {

std::optional<Pos> ParsePos(std::string_view name) {
  // A table built once: the lexicon's 112,000 lines name 150,000 tags, and
  // comparing each with up to 46 names was a third of the tagger's load.
  // The names of kPosNames come first, then the other tables' spellings.
  static const std::unordered_map<std::string_view, Pos> kByName = [] {
    std::unordered_map<std::string_view, Pos> by_name;
    for (size_t i = 1; i < kPosNames.size(); ++i) by_name.try_emplace(kPosNames[i], static_cast<Pos>(i));
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
