#include "tag/tagset.h"

#include <array>

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
  for (size_t i = 1; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Pos>(i);
  }
  if (name == "(") return Pos::kLRB;
  if (name == ")") return Pos::kRRB;
  if (name == "!" || name == "?") return Pos::kPeriod;
  if (name == ";") return Pos::kColon;
  if (name == "\"") return Pos::kOpenQuote;
  if (name == "NP") return Pos::kNNP;
  if (name == "NPS") return Pos::kNNPS;
  if (name == "EM") return Pos::kSYM;
  if (name == "PRP$R") return Pos::kPRPS;
  if (name == "JJSS") return Pos::kJJS;
  return std::nullopt;
}

}  // namespace dyad::tag
