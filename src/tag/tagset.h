// The Penn Treebank tag set as a small enum, so that a word's possible tags
// fit one 64-bit mask and the tagger compares integers, not strings.
#ifndef DYAD_TAG_TAGSET_H_
#define DYAD_TAG_TAGSET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dyad::tag {

enum class Pos : uint8_t {
  kNone,
  kCC,
  kCD,
  kDT,
  kEX,
  kFW,
  kIN,
  kJJ,
  kJJR,
  kJJS,
  kLS,
  kMD,
  kNN,
  kNNS,
  kNNP,
  kNNPS,
  kPDT,
  kPOS,
  kPRP,
  kPRPS,
  kRB,
  kRBR,
  kRBS,
  kRP,
  kSYM,
  kTO,
  kUH,
  kVB,
  kVBD,
  kVBG,
  kVBN,
  kVBP,
  kVBZ,
  kWDT,
  kWP,
  kWPS,
  kWRB,
  kComma,
  kPeriod,
  kColon,
  kOpenQuote,
  kCloseQuote,
  kLRB,
  kRRB,
  kDollar,
  kHash,
  kHYPH,  // a hyphen token inside a compound: "pro - Beijing"
  kCount,
};
static_assert(static_cast<int>(Pos::kCount) <= 64, "tags must fit a mask");

using PosMask = uint64_t;

constexpr PosMask Bit(Pos pos) {
  return PosMask{1} << static_cast<unsigned>(pos);
}
constexpr bool Has(PosMask mask, Pos pos) { return (mask & Bit(pos)) != 0; }

inline constexpr PosMask kNounMask =
    Bit(Pos::kNN) | Bit(Pos::kNNS) | Bit(Pos::kNNP) | Bit(Pos::kNNPS);
inline constexpr PosMask kVerbMask = Bit(Pos::kVB) | Bit(Pos::kVBD) |
                                     Bit(Pos::kVBG) | Bit(Pos::kVBN) |
                                     Bit(Pos::kVBP) | Bit(Pos::kVBZ);
inline constexpr PosMask kFiniteVerbMask =
    Bit(Pos::kVBD) | Bit(Pos::kVBP) | Bit(Pos::kVBZ) | Bit(Pos::kMD);
inline constexpr PosMask kAdjectiveMask =
    Bit(Pos::kJJ) | Bit(Pos::kJJR) | Bit(Pos::kJJS);

// Tags of closed word classes (determiners, prepositions, pronouns, ...).
inline constexpr PosMask kClosedClassMask =
    Bit(Pos::kDT) | Bit(Pos::kIN) | Bit(Pos::kPRP) | Bit(Pos::kPRPS) |
    Bit(Pos::kCC) | Bit(Pos::kMD) | Bit(Pos::kTO) | Bit(Pos::kWDT) |
    Bit(Pos::kWP) | Bit(Pos::kWPS) | Bit(Pos::kWRB) | Bit(Pos::kEX) |
    Bit(Pos::kPOS) | Bit(Pos::kPDT);

constexpr bool IsNoun(Pos pos) { return Has(kNounMask, pos); }
constexpr bool IsVerb(Pos pos) { return Has(kVerbMask, pos); }
constexpr bool IsAdjective(Pos pos) { return Has(kAdjectiveMask, pos); }

// The Penn Treebank spellings, by Pos.
inline constexpr std::array<std::string_view, static_cast<size_t>(Pos::kCount)>
    kPosNames = {
        "",    "CC",  "CD",    "DT",    "EX",  "FW",  "IN",  "JJ",
        "JJR", "JJS", "LS",    "MD",    "NN",  "NNS", "NNP", "NNPS",
        "PDT", "POS", "PRP",   "PRP$",  "RB",  "RBR", "RBS", "RP",
        "SYM", "TO",  "UH",    "VB",    "VBD", "VBG", "VBN", "VBP",
        "VBZ", "WDT", "WP",    "WP$",   "WRB", ",",   ".",   ":",
        "``",  "''",  "-LRB-", "-RRB-", "$",   "#",   "HYPH",
};

// Returns the Penn Treebank spelling ("NN", "PRP$", "``", "-LRB-"). Inline:
// the tagger asks it for every token.
constexpr std::string_view PosName(Pos pos) { return kPosNames[static_cast<size_t>(pos)]; }

// Parses a tag as spelled in the lexicon table. Besides the Penn names it
// accepts the table's variants: "(" ")" for brackets, "!" and "?" for the
// sentence-final tag, ";" for the colon tag, "\"" for a quote, NP/NPS for
// proper nouns, EM (emoticons) as SYM. Returns nullopt for anything else.
std::optional<Pos> ParsePos(std::string_view name);

}  // namespace dyad::tag

#endif  // DYAD_TAG_TAGSET_H_
