// The tagger works in three passes over a sentence.
//
// 1. Lookup. Each token gets the set of tags the lexicon allows and its most
//    frequent tag. Case matters: a capitalised word at the start of a
//    sentence is looked up lower-cased unless the lexicon knows it only as a
//    proper noun ("The" -> "the", "Israel" stays), and a capitalised word in
//    mid-sentence that the lexicon knows only in lower case is a name.
//    Words the lexicon lacks are guessed from their shape (numbers,
//    hyphenated compounds, capitals, British -ise spellings) and suffixes.
// 2. Context. Left to right, hand-written rules from English grammar pick
//    among the allowed tags using the tags already decided on the left and
//    the provisional tags on the right: a verb after "to" or a modal is a
//    base form, after "have" a participle, after a determiner an ambiguous
//    word is a noun; a clause has one finite verb, so an -s/-ed word after a
//    noun is a verb only when no other finite verb governs the clause, and
//    an -ed word followed by "by" is a participle (a reduced relative).
//    "to" is TO before a verb and IN before a noun phrase; a lone "-" is a
//    hyphen (HYPH) inside a compound, a dash (:) between phrases, SYM
//    between numbers; capitalised words that run on to a name are NNP.
// 3. Lemmas, from WordNet (lemmatizer.h), for the final tags.
#include "tag/tagger.h"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>
#include <vector>

#include "tag/lemmatizer.h"
#include "tag/lexicon.h"
#include "tag/tagset.h"
#include "util/strings.h"

namespace dyad::tag {

std::filesystem::path DefaultLexiconPath() {
  return std::filesystem::path(DYAD_BUILD_DATA_DIR) / "en-lexicon.tsv";
}

std::filesystem::path DefaultWordNetDir() { return "/usr/share/wordnet"; }

struct Tagger::Impl {
  Lexicon lexicon;
  Lemmatizer lemmatizer;
};

namespace {

using enum Pos;

// Longest word looked up in another case; longer ones are taken as they are.
constexpr size_t kMaxCaseFold = 64;

// One token's tagging state.
struct Slot {
  std::string_view word;
  // Lexicon::WordHash(word): hashed once for the lexicon and the lemma cache.
  size_t hash = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  PosMask mask = 0;
  Pos tag = kNone;
  WordClass word_class = WordClass::kOther;
  bool known = false;        // found in the lexicon
  bool capitalized = false;  // first letter upper case
  bool hyphenated = false;   // an unknown compound ("all-girl")
  bool demonym = false;      // an unknown capitalised -ian/-ese/-ish word
  // Capitalised where that marks a name: mid-sentence, or first in the
  // sentence with a proper-noun entry of its own or none at all.
  bool proper_form = false;
  bool name_run = false;  // capitalised words on to a proper noun follow
  // The word with typographic apostrophes made straight ("’s" -> "'s");
  // `word` points here when it differs.
  char straight[12];
};

// Decodes the first code point of `s` (which must not be empty); invalid
// sequences decode as themselves byte by byte, which is harmless here.
char32_t FirstCodePoint(std::string_view s) {
  auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80 || s.size() < 2) return b;
  auto c1 = static_cast<unsigned char>(s[1]) & 0x3F;
  if (b < 0xE0) return (char32_t{b & 0x1Fu} << 6) | c1;
  if (s.size() < 3) return b;
  auto c2 = static_cast<unsigned char>(s[2]) & 0x3F;
  return (char32_t{b & 0x0Fu} << 12) | (char32_t(c1) << 6) | c2;
}

// Upper case for ASCII, Latin-1, Latin Extended-A (Turkish, Azerbaijani,
// Central European names), the Azerbaijani schwa, Greek and Cyrillic.
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c == 0x18F) return true;
  if (c >= 0x391 && c <= 0x3A9) return true;
  return c >= 0x400 && c <= 0x42F;
}

using util::IsAsciiDigit;
using util::IsAsciiLower;
using util::IsAsciiUpper;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool IsCapitalized(std::string_view word) {
  if (word.empty()) return false;
  // ASCII first, inline: nearly every word starts with an ASCII byte.
  const auto first = static_cast<unsigned char>(word[0]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  return IsUpper(FirstCodePoint(word));
}

// At least two letters and no lower-case ASCII letter ("NATO", "OSCE").
bool IsAllCaps(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++upper;
  }
  return upper >= 2;
}

// "22", "1,200", "3.5", "-4", "9/11", "10:30", "1990s".
bool IsNumber(std::string_view word) {
  if (!word.empty() && (word[0] == '-' || word[0] == '+'))
    word.remove_prefix(1);
  if (EndsWith(word, "s")) word.remove_suffix(1);
  if (word.empty() || !IsAsciiDigit(word[0])) return false;
  for (char c : word) {
    if (!IsAsciiDigit(c) && c != ',' && c != '.' && c != '/' && c != ':') {
      return false;
    }
  }
  return IsAsciiDigit(word.back());
}

// "4,000", "$50": the start of a written amount.
bool StartsNumber(std::string_view word) { return !word.empty() && (IsAsciiDigit(word[0]) || word[0] == '$'); }

// "1st", "22nd", "3rd", "40th".
bool IsOrdinal(std::string_view word) {
  if (word.size() < 3) return false;
  std::string_view suffix = word.substr(word.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return false;
  }
  for (char c : word.substr(0, word.size() - 2)) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// Writes `word` lower-cased (ASCII) into `buffer`; returns false if the
// word is too long or has no upper-case ASCII letter to fold.
bool FoldCase(std::string_view word, char (&buffer)[kMaxCaseFold],
              std::string_view& folded) {
  if (word.size() > kMaxCaseFold) return false;
  bool changed = false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (IsAsciiUpper(c)) {
      c = static_cast<char>(c - 'A' + 'a');
      changed = true;
    }
    buffer[i] = c;
  }
  folded = {buffer, word.size()};
  return changed;
}

struct Guess {
  PosMask mask;
  Pos first;
};

constexpr Guess Only(Pos pos) { return {Bit(pos), pos}; }
constexpr Guess Either(Pos first, PosMask others) {
  return {Bit(first) | others, first};
}

// The entry's most frequent tag, or for a lower-case word whose table entry
// puts a proper-noun tag first ("march" NNP|NN|VB) its first common tag.
Guess FromEntry(const LexEntry& entry, bool lower_case) {
  Guess guess{entry.mask, entry.first};
  constexpr PosMask kProper = Bit(kNNP) | Bit(kNNPS);
  if (lower_case && (guess.mask & ~kProper) != 0 &&
      (guess.first == kNNP || guess.first == kNNPS)) {
    guess.mask &= ~kProper;
    for (Pos pos :
         {kNN, kNNS, kJJ, kVB, kVBN, kVBD, kVBG, kVBZ, kVBP, kRB, kCD, kIN}) {
      if (Has(guess.mask, pos)) {
        guess.first = pos;
        break;
      }
    }
    if (guess.first == kNNP || guess.first == kNNPS) {
      guess.first = static_cast<Pos>(__builtin_ctzll(guess.mask));
    }
  }
  return guess;
}

// Tags for a lower-case word from its suffix.
Guess GuessFromSuffix(std::string_view w) {
  auto ends = [w](std::string_view suffix) { return EndsWith(w, suffix); };
  if (w.size() >= 5 && ends("ing")) return Either(kVBG, Bit(kNN) | Bit(kJJ));
  if (w.size() >= 4 && ends("ed")) {
    return Either(kVBN, Bit(kVBD) | Bit(kJJ));
  }
  if (w.size() >= 4 && ends("ly")) return Either(kRB, Bit(kJJ));
  for (std::string_view suffix :
       {"tions", "sions", "ments", "nesses", "ities", "ances", "ences", "isms",
        "ships", "ists", "ers", "ors"}) {
    if (ends(suffix)) return Only(kNNS);
  }
  for (std::string_view suffix :
       {"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship",
        "hood", "ist", "er", "or"}) {
    if (ends(suffix)) return Either(kNN, 0);
  }
  for (std::string_view suffix : {"ous", "ful", "ive", "able", "ible", "al",
                                  "ic", "less", "ary", "ish", "ian", "ese"}) {
    if (ends(suffix)) return Either(kJJ, Bit(kNN));
  }
  for (std::string_view suffix : {"ise", "ize", "ify"}) {
    if (ends(suffix)) return Either(kVB, Bit(kVBP));
  }
  if (w.size() >= 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    return Either(kNNS, Bit(kVBZ));
  }
  return Either(kNN, Bit(kJJ));
}

class Guesser {
 public:
  explicit Guesser(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Finds `word` in the lexicon as written or lower-cased.
  const LexEntry* FindAnyCase(std::string_view word, bool& lower_case) const {
    lower_case = !IsCapitalized(word);
    if (const LexEntry* entry = lexicon_.Find(word)) return entry;
    char buffer[kMaxCaseFold];
    std::string_view folded;
    if (FoldCase(word, buffer, folded)) {
      lower_case = true;
      return lexicon_.Find(folded);
    }
    return nullptr;
  }

  // British -is- spellings: the lexicon's entry for the -iz- spelling.
  const LexEntry* FindAmerican(std::string_view w) const {
    size_t is = w.rfind("is");
    if (is == std::string_view::npos || is + 2 >= w.size() ||
        w.size() > kMaxCaseFold) {
      return nullptr;
    }
    std::string_view rest = w.substr(is + 2);
    if (rest != "e" && rest != "ed" && rest != "es" && rest != "ing" &&
        rest != "ation" && rest != "ations" && rest != "er" && rest != "ers") {
      return nullptr;
    }
    char buffer[kMaxCaseFold];
    w.copy(buffer, w.size());
    buffer[is + 1] = 'z';
    return lexicon_.Find({buffer, w.size()});
  }

  // Tags for a word the lexicon does not have; fills the slot's flags.
  Guess Unknown(Slot& slot, bool sentence_initial) const {
    std::string_view w = slot.word;
    if (IsNumber(w)) return Either(kCD, 0);
    if (IsOrdinal(w)) return Either(kJJ, Bit(kNN));
    if (IsAsciiDigit(w[0])) return Either(kCD, Bit(kNN) | Bit(kJJ));

    size_t hyphen = w.rfind('-');
    if (hyphen != std::string_view::npos && hyphen > 0 &&
        hyphen + 1 < w.size()) {
      return Compound(slot, w.substr(0, hyphen), w.substr(hyphen + 1));
    }
    if (slot.capitalized) {
      if (sentence_initial) {
        // An unknown capitalised first word is a name, unless its suffix
        // marks a manner adverb or a participle ("Reportedly", "Speaking").
        char buffer[kMaxCaseFold];
        std::string_view folded;
        if (FoldCase(w, buffer, folded)) {
          Guess guess = GuessFromSuffix(folded);
          if (guess.first == kRB || guess.first == kVBG) return guess;
        }
      }
      if (IsAllCaps(w)) return Either(kNNP, 0);
      if (EndsWith(w, "ian") || EndsWith(w, "ese") || EndsWith(w, "ish")) {
        slot.demonym = true;
        return Either(kNNP, Bit(kJJ));
      }
      if (EndsWith(w, "s") && !EndsWith(w, "ss")) {
        const LexEntry* singular = lexicon_.Find(w.substr(0, w.size() - 1));
        if (singular != nullptr && singular->first == kNNP) {
          return Either(kNNPS, 0);
        }
      }
      return Either(kNNP, 0);
    }
    if (const LexEntry* american = FindAmerican(w)) {
      return FromEntry(*american, true);
    }
    return GuessFromSuffix(w);
  }

 private:
  // "Nagorno-Karabakh" NNP, "Turkish-manufactured" JJ,
  // "internationally-recognised" VBN, "all-girl" NN (JJ before a noun).
  Guess Compound(Slot& slot, std::string_view head,
                 std::string_view last) const {
    const bool head_capital = IsCapitalized(head);
    if (head_capital && IsCapitalized(last)) return Either(kNNP, 0);
    if (IsNumber(last)) {
      return head_capital ? Either(kNNP, 0) : Either(kNN, Bit(kJJ));
    }
    if (IsCapitalized(last)) {
      // The Arabic article joined to a name is part of it: "Omar
      // al-Bashir", "Abdel Fattah el-Sisi"; other prefixes make an
      // adjective: "pro-Russian", "anti-American".
      if (head == "al" || head == "el") return Either(kNNP, 0);
      return Either(kJJ, Bit(kNNP));
    }
    slot.hyphenated = true;
    bool lower_case = true;
    Guess part;
    if (const LexEntry* entry = FindAnyCase(last, lower_case)) {
      part = FromEntry(*entry, true);
    } else if (const LexEntry* american = FindAmerican(last)) {
      part = FromEntry(*american, true);
    } else {
      part = GuessFromSuffix(last);
    }
    const bool participle =
        part.first == kVBN || part.first == kVBD ||
        (EndsWith(last, "ed") && (part.mask & (Bit(kVBN) | Bit(kVBD))) != 0);
    if (participle) {
      return EndsWith(head, "ly") ? Either(kVBN, Bit(kJJ))
                                  : Either(kJJ, Bit(kVBN));
    }
    if (part.first == kVBG) return Either(kJJ, Bit(kVBG) | Bit(kNN));
    if (part.first == kNNS) return Either(kNNS, Bit(kJJ));
    if (part.first == kNN || part.first == kVB || part.first == kVBP) {
      return Either(kNN, Bit(kJJ));
    }
    if (part.first == kCD) return Either(kCD, Bit(kJJ));
    return Either(kJJ, Bit(kNN));
  }

  const Lexicon& lexicon_;
};

// The bytes that start what StraightenApostrophes changes: a grave accent
// and the first byte of U+2019.
constexpr std::array<bool, 256> kApostropheMarks = [] {
  std::array<bool, 256> marks{};
  marks['`'] = true;
  marks[0xE2] = true;
  return marks;
}();

// Points `slot.word` at a copy with straight apostrophes when a short word
// (a clitic: "’s", "n’t", "’re") has typographic ones, or a grave accent
// typed for one ("n`t"; not the opening quote "``"). Returns whether it
// did. Asked only of words with a byte of kApostropheMarks: most words
// have none, and the two searches below cost a memchr call each.
bool StraightenApostrophes(Slot& slot) {
  constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019
  std::string_view w = slot.word;
  const bool grave = w[0] != '`' && w.find('`') != std::string_view::npos;
  if (w.size() > sizeof(slot.straight) + 2 ||
      (!grave && w.find(kCurly) == std::string_view::npos)) {
    return false;
  }
  size_t n = 0;
  for (size_t k = 0; k < w.size();) {
    if (w.substr(k, kCurly.size()) == kCurly) {
      slot.straight[n++] = '\'';
      k += kCurly.size();
    } else {
      if (n == sizeof(slot.straight)) return false;
      slot.straight[n++] = w[k] == '`' ? '\'' : w[k];
      ++k;
    }
  }
  slot.word = {slot.straight, n};
  return true;
}

// Pass 1 for one token.
void LookUp(const Lexicon& lexicon, const Guesser& guesser, Slot& slot,
            bool sentence_initial) {
  // The word is hashed and searched for apostrophe marks in one pass; a
  // straightened word (rare) is hashed again.
  bool marks = false;
  slot.hash = Lexicon::WordHash(slot.word, [&marks](unsigned char c) { marks |= kApostropheMarks[c]; });
  if (marks && StraightenApostrophes(slot)) slot.hash = Lexicon::WordHash(slot.word);
  const std::string_view w = slot.word;
  slot.capitalized = IsCapitalized(w);
  const LexEntry* exact = lexicon.Find(w, slot.hash);
  const LexEntry* lower = nullptr;
  if (slot.capitalized) {
    char buffer[kMaxCaseFold];
    std::string_view folded;
    if (FoldCase(w, buffer, folded)) lower = lexicon.Find(folded);
  }
  const LexEntry* chosen = nullptr;
  bool use_lower = false;
  if (!slot.capitalized) {
    chosen = exact;
  } else if (sentence_initial) {
    // "The" -> "the", "Police" -> "police"; "Israel", "Turkey" keep the
    // entry that knows them only as names.
    // An abbreviation whose entry is first a name stays one: "US officials"
    // is not "us officials".
    constexpr PosMask kProper = Bit(kNNP) | Bit(kNNPS);
    const bool abbreviated_name =
        exact != nullptr && exact->first == kNNP && IsAllCaps(w);
    if (lower != nullptr && !abbreviated_name &&
        (exact == nullptr || Has(kClosedClassMask, lower->first) ||
         (exact->mask & ~kProper) != 0)) {
      chosen = lower;
      use_lower = true;
    } else {
      chosen = exact;
    }
  } else if (exact != nullptr) {
    chosen = exact;
  } else if (lower != nullptr && Has(kClosedClassMask, lower->first)) {
    chosen = lower;  // headline case: "Talks Of Peace"
    use_lower = true;
  }
  constexpr PosMask kProperMask = Bit(kNNP) | Bit(kNNPS);
  slot.proper_form =
      slot.capitalized &&
      (!sentence_initial ||
       (exact == nullptr ? lower == nullptr
                         : (exact->mask & kProperMask) != 0));
  Guess guess;
  if (chosen != nullptr) {
    slot.known = true;
    slot.word_class = chosen->word_class;
    guess = FromEntry(*chosen, !slot.capitalized || use_lower);
    // A name word that the lexicon also knows as a plural name, and in
    // lower case as a plural noun, is a plural name: "the Visual Arts",
    // "Foreign Affairs" (but "Waters" is a surname).
    if (guess.first == kNNP && !use_lower && !sentence_initial &&
        Has(chosen->mask, kNNPS) && lower != nullptr && lower->first == kNNS) {
      guess = Either(kNNPS, guess.mask);
    }
    // "abducted", "worshipped": past tenses the lexicon lists first as
    // nouns (a quirk of its source) are first verbs. Not "seed", "weed".
    if (guess.first == kNN && Has(guess.mask, kVBD) && w.ends_with("ed") && !w.ends_with("eed")) {
      guess.first = kVBD;
    }
  } else if (slot.capitalized && lower != nullptr) {
    // Known only in lower case yet capitalised mid-sentence: a name, plural
    // when the word is ("Foreign Relations", "the Human Rights Council").
    guess = Either(lower->first == kNNS ? kNNPS : kNNP, 0);
  } else {
    guess = guesser.Unknown(slot, sentence_initial);
  }
  slot.mask = guess.mask;
  slot.tag = guess.first;
}

// Verbs of saying, showing and judging, which take a clause whose subject
// follows them directly ("says the army fired"), as -s and base forms.
// The lists are util::WordLists: a word of another length or initial is
// turned away by one bit test, and words are compared with util::SameText
// (== calls memcmp whenever the sizes match).
bool IsClauseTakingVerb(std::string_view word) {
  static constexpr auto kVerbs = util::MakeWordList(
      "says", "say", "claims", "claim", "shows", "show", "rules", "rule", "charges", "charge",
      "notes", "note", "warns", "warn", "argues", "argue", "reports", "report", "suggests",
      "suggest", "believes", "believe", "thinks", "think", "insists", "insist", "states", "state",
      "finds", "find", "estimates", "estimate", "fears", "fear", "predicts", "predict", "alleges",
      "allege", "denies", "deny", "admits", "admit", "hopes", "hope", "knows", "know", "means",
      "mean", "adds", "add");
  return kVerbs.Contains(word);
}

// -s forms of verbs that take an -ing form ("keeps lobbying", "denies
// spying"): before any other -ing form an -s word after a noun is the
// plural noun of a compound ("EU member states lobbying for").
bool TakesGerund(std::string_view word) {
  static constexpr auto kVerbs = util::MakeWordList(
      "keeps", "stops", "starts", "begins", "continues", "finishes", "avoids", "considers", "risks",
      "resumes", "denies", "admits", "suggests", "recommends", "quits", "means", "involves",
      "requires", "needs", "ends", "spends", "goes", "comes", "sees", "hears", "fears", "hates",
      "likes", "loves", "prefers", "discusses", "opposes", "supports");
  return kVerbs.Contains(word);
}

// Past forms of the verbs above and of others that take a clause
// without "that" ("found the town was empty").
bool IsClauseTakingPast(std::string_view word) {
  static constexpr auto kVerbs = util::MakeWordList(
      "said", "claimed", "showed", "shown", "ruled", "charged", "noted", "warned", "argued",
      "reported", "suggested", "believed", "thought", "insisted", "stated", "found", "estimated",
      "feared", "predicted", "alleged", "denied", "admitted", "hoped", "knew", "known", "meant",
      "added", "saw", "seen", "heard", "learned", "learnt", "realized", "realised", "expected",
      "felt", "told", "announced", "confirmed", "revealed", "indicated", "concluded", "ensured",
      "noticed", "wrote", "declared", "assumed", "guessed", "decided", "agreed");
  return kVerbs.Contains(word);
}

// Whether the attribution of a quotation comes within the next few words
// from `k`: "... , " he said", ", " the minister added", ", " according
// to". Verbs of thinking do not attribute: ", " I think we ...".
bool AttributionAhead(std::span<const Slot> s, size_t k) {
  constexpr size_t kWindow = 4;
  static constexpr std::string_view kAttributing[] = {
      "said", "says", "say", "told", "tells", "added", "adds", "asked",
      "asks", "explained", "explains", "replied", "continued", "wrote",
      "writes", "noted", "notes", "insisted", "argued", "warned",
      "claimed", "stated", "declared", "admitted", "concluded",
      "according"};
  for (size_t end = std::min(s.size(), k + kWindow); k < end; ++k) {
    for (std::string_view verb : kAttributing) {
      if (util::SameText(s[k].word, verb)) return true;
    }
  }
  return false;
}

bool IsClauseBoundary(const Slot& slot) {
  switch (slot.tag) {
    case kCC:
    case kComma:
    case kColon:
    case kWDT:
    case kWP:
    case kWRB:
    case kWPS:
      return true;
    case kIN:
      return slot.word_class == WordClass::kSubordinator ||
             slot.word_class == WordClass::kThat ||
             slot.word_class == WordClass::kTimeConjunction;
    default:
      return slot.word_class == WordClass::kSubordinator;
  }
}

// Quantifiers that stand for a noun phrase: "many were hurt".
bool IsQuantifier(std::string_view word) {
  return word == "many" || word == "few" || word == "several" ||
         word == "Many" || word == "Few" || word == "Several";
}

// A verb that surely heads its clause: an auxiliary, a modal, or a finite
// form the lexicon does not also list as a noun.
bool IsSureFiniteVerb(const Slot& slot) {
  if (slot.word_class == WordClass::kBe ||
      slot.word_class == WordClass::kHave ||
      slot.word_class == WordClass::kDo) {
    return Has(kFiniteVerbMask, slot.tag);
  }
  return Has(kFiniteVerbMask, slot.tag) &&
         (slot.mask & (Bit(kNN) | Bit(kNNS))) == 0;
}

// Adjectives of nationality, region and creed end so: "American",
// "Islamic", "English", "Chinese", "Israeli", "French", "Greek".
bool IsNationalitySuffixed(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"an", "ic", "ish", "ese", "i", "ch", "ek"};
  for (std::string_view suffix : kSuffixes) {
    if (EndsWith(word, suffix)) return true;
  }
  return false;
}

class Disambiguator {
 public:
  explicit Disambiguator(std::span<Slot> slots) : s_(slots) {}

  void Run() {
    // Pre-tokenized input puts one space between all tokens; only text in
    // which some token touches its neighbour tells real spacing.
    for (size_t i = 1; i < s_.size() && !spacing_known_; ++i) {
      spacing_known_ = s_[i].begin == s_[i - 1].end;
    }
    // A run of capitalised open-class words that reaches a proper noun is
    // one name: "the Democratic Party", "Black Widow", "Korean Central News
    // Agency".
    for (size_t i = s_.size(); i-- > 1;) {
      const Slot& next = s_[i];
      Slot& slot = s_[i - 1];
      slot.name_run = slot.capitalized && next.capitalized &&
                      !Has(kClosedClassMask, slot.tag) &&
                      !Has(kClosedClassMask, next.tag) &&
                      (next.tag == kNNP || next.tag == kNNPS || next.name_run);
    }
    // A headline has no final stop; its participles after a noun are
    // passives ("Parents prosecuted after ...").
    headline_ = s_.size() > 1;
    for (size_t k = s_.size(); k-- > 0 && k + 3 > s_.size();) {
      if (s_[k].tag == kPeriod || s_[k].tag == kComma || s_[k].tag == kColon) {
        headline_ = false;  // a stop, or a sentence cut off at a comma
        break;
      }
      if (s_[k].tag != kCloseQuote && s_[k].tag != kRRB && s_[k].word != "\"") break;
    }
    bool finite_seen = false;
    for (size_t i = 0; i < s_.size(); ++i) {
      s_[i].tag = Decide(i, finite_seen);
      // "as" may open a clause ("emerge as older senators step down").
      const bool as = s_[i].tag == kIN && (s_[i].word == "as" || s_[i].word == "As");
      if (IsClauseBoundary(s_[i]) || as) {
        finite_seen = false;
        finite_verb_ = kNoVerb;
      } else if (Has(kFiniteVerbMask, s_[i].tag)) {
        finite_seen = true;
        finite_verb_ = i;
      }
    }
  }

 private:
  bool SayingSeen() const {
    return finite_verb_ != kNoVerb &&
           (IsClauseTakingVerb(s_[finite_verb_].word) || IsClauseTakingPast(s_[finite_verb_].word));
  }

  Pos TagAt(size_t i) const { return i < s_.size() ? s_[i].tag : kNone; }
  WordClass ClassAt(size_t i) const {
    return i < s_.size() ? s_[i].word_class : WordClass::kOther;
  }

  // A past form before a noun may be its modifier: "use iodised salt".
  bool ModifiesNoun(size_t j) const {
    return (s_[j].tag == kVBD || s_[j].tag == kVBN) && Has(s_[j].mask, kVBN) &&
           j + 1 < s_.size() && (s_[j + 1].tag == kNN || s_[j + 1].tag == kNNS);
  }

  // A finite verb later in the same clause ("the phone calls ... were").
  bool FiniteVerbAhead(size_t i) const {
    for (size_t j = i + 1; j < s_.size(); ++j) {
      // "and" between noun phrases ("the army and the militias broke out")
      // does not end the clause; before a verb it does.
      if (s_[j].tag == kCC && j + 1 < s_.size() && !IsVerb(s_[j + 1].tag)) continue;
      if (IsClauseBoundary(s_[j])) return false;
      if (ModifiesNoun(j)) continue;
      if (IsSureFiniteVerb(s_[j])) return true;
    }
    return false;
  }

  // A word later in the same clause that can be its finite verb (a modal,
  // or a verb form the lexicon allows as finite): "said that Armenia
  // attacked", "demanded that Iran release".
  bool VerbAhead(size_t i) const {
    for (size_t j = i + 1; j < s_.size(); ++j) {
      if (s_[j].tag == kCC && j + 1 < s_.size() && !IsVerb(s_[j + 1].tag)) continue;
      if (IsClauseBoundary(s_[j])) return false;
      if (s_[j].tag == kMD ||
          (IsVerb(s_[j].tag) && (s_[j].mask & kFiniteVerbMask) != 0)) {
        return true;
      }
    }
    return false;
  }

  // Whether the noun phrase ending at token `end - 1` is the object of a
  // verb (not a modal, not one taking a clause) or of a preposition. The
  // walk back over the phrase is bounded.
  bool AfterObjectNoun(size_t end) const {
    // The phrase runs back through prepositional links ("Gary Fan of the
    // Neo Democrats failed"), as a subject does.
    constexpr size_t kMaxPhrase = 20;
    size_t k = end;
    while (k > 0 && end - k < kMaxPhrase) {
      const Pos tag = s_[k - 1].tag;
      const bool link = tag == kIN && !IsClauseBoundary(s_[k - 1]) && k >= 2 &&
                        IsNoun(s_[k - 2].tag) && k < end;
      if (!(IsNoun(tag) || IsAdjective(tag) || tag == kDT || tag == kCD ||
            tag == kPRPS || tag == kPOS || tag == kPDT || link)) {
        break;
      }
      --k;
    }
    if (k == end || k == 0) return false;
    // Adverbs before the phrase: "left them only two weeks", "There were
    // also two teams".
    for (size_t adverbs = 0; k > 1 && s_[k - 1].tag == kRB && adverbs < 3; ++adverbs) --k;
    const Slot& before = s_[k - 1];
    // A preposition counts when a verb governs it ("died from an infection
    // caused by"), not in "Up to 100 Albanians", "along with its allies",
    // nor after a participle ("drones owned by the army crashed").
    if (before.tag == kIN) {
      return !IsClauseBoundary(before) && k >= 2 && IsVerb(s_[k - 2].tag) &&
             s_[k - 2].tag != kVBN;
    }
    if (!IsVerb(before.tag) || before.tag == kMD) return false;
    // "Has anyone worked": an auxiliary opening a question.
    if (k == 1 && (before.word_class == WordClass::kHave ||
                   before.word_class == WordClass::kBe ||
                   before.word_class == WordClass::kDo)) {
      return false;
    }
    return !IsClauseTakingVerb(before.word) && !IsClauseTakingPast(before.word);
  }

  // Straight quotes: attached to the next token and not the previous one
  // they open, the other way round they close; otherwise alternate.
  Pos Quote(size_t i) const {
    const Slot& slot = s_[i];
    const bool glued_left = i > 0 && s_[i - 1].end == slot.begin;
    const bool glued_right = i + 1 < s_.size() && s_[i + 1].begin == slot.end;
    if (glued_right && !glued_left) return kOpenQuote;
    if (glued_left && !glued_right) return kCloseQuote;
    if (i == 0) return kOpenQuote;
    if (i + 1 == s_.size()) return kCloseQuote;
    if (!spacing_known_) {
      // Pre-tokenized: a quote before punctuation closes ("... that " .),
      // and so does one between punctuation and a lower-case word
      // (", " he said).
      const Pos after = s_[i + 1].tag;
      if (after == kPeriod || after == kComma || after == kColon ||
          after == kRRB) {
        return kCloseQuote;
      }
      // After a comma or stop a quote closes one opened in this sentence,
      // or before its attribution (", " he said", ", " Smith added");
      // otherwise it opens one (told reporters , " we will ...).
      const Pos before = s_[i - 1].tag;
      if (before == kComma || before == kPeriod) {
        return quote_open_ || AttributionAhead(s_, i + 1) ? kCloseQuote
                                                     : kOpenQuote;
      }
    }
    return quote_open_ ? kCloseQuote : kOpenQuote;
  }

  // A lone hyphen or dash token. Glued to both neighbours it is the hyphen
  // of a compound ("pro-Beijing" split up); between numbers it stands for
  // "to" ("3-0", "1990-95"); with spaces around it, a dash. Without spacing
  // (pre-tokenized text) a hyphen joins two open-class words, while a dash
  // starts a phrase or clause, usually with a function word.
  Pos Dash(size_t i) const {
    const Slot& slot = s_[i];
    if (i == 0 || i + 1 == s_.size()) return kColon;
    const Slot& left = s_[i - 1];
    const Slot& right = s_[i + 1];
    if (left.tag == kCD && right.tag == kCD) return kSYM;
    const bool single = slot.word == "-" && slot.end - slot.begin == 1;
    if (!single) return kColon;
    if (spacing_known_) {
      return left.end == slot.begin && right.begin == slot.end ? kHYPH
                                                               : kColon;
    }
    constexpr PosMask kOpen = kNounMask | kVerbMask | kAdjectiveMask |
                              Bit(kCD) | Bit(kJJR) | Bit(kRB);
    auto word_like = [](const Slot& x) {
      return !x.word.empty() && (IsAsciiDigit(x.word[0]) ||
                                 IsAsciiLower(x.word[0]) || x.capitalized);
    };
    if (!word_like(left) || !word_like(right)) return kColon;
    // Hyphens come in chains, dashes do not: "denial - of - service",
    // "Make - A - Wish", "face - to - face".
    auto single_dash = [this](size_t k) {
      return k < s_.size() && s_[k].word == "-" && s_[k].end - s_[k].begin == 1;
    };
    if ((single_dash(i + 2) && i + 3 < s_.size() && word_like(s_[i + 3])) ||
        (i >= 3 && single_dash(i - 2) && word_like(s_[i - 3]))) {
      return kHYPH;
    }
    if (!Has(kOpen, right.tag) || (right.mask & kClosedClassMask) != 0) {
      return kColon;
    }
    if (Has(kClosedClassMask, left.tag) && left.tag != kIN) return kColon;
    return kHYPH;
  }

  // "to": the infinitive marker (TO) before a verb, else a preposition (IN)
  // before its noun phrase: "to leave", "to quickly leave", but "to the
  // border", "to talks", "to him".
  Pos To(size_t i) const {
    size_t k = i + 1;
    while (k < s_.size() &&
           (((s_[k].tag == kRB || s_[k].tag == kRBR) &&
             !Has(s_[k].mask, kVB)) ||
            s_[k].tag == kOpenQuote)) {
      ++k;
    }
    if (k >= s_.size()) return kTO;
    const Slot& next = s_[k];
    if (Has(next.mask, kVB) || next.tag == kVBP) return kTO;
    if (!next.known && !next.capitalized && next.tag == kNN) return kTO;
    if (next.tag == kComma || next.tag == kPeriod || next.tag == kColon) {
      return kTO;  // "as she wanted to."
    }
    return kIN;
  }

  // "that": a relative pronoun (WDT) after a noun, a complementizer (IN)
  // before a clause, else the demonstrative (DT).
  Pos That(size_t i) const {
    const Pos prev = i > 0 ? s_[i - 1].tag : kNone;
    const Pos next = TagAt(i + 1);
    const WordClass next_class = ClassAt(i + 1);
    // A noun, or a number standing for one ("but one that was made"),
    // followed by its relative clause's verb: "the drones that were
    // used", "rain that led", "forms that would cause", "the firms that
    // receive".
    const PosMask next_mask = i + 1 < s_.size() ? s_[i + 1].mask : 0;
    const bool antecedent = IsNoun(prev) || prev == kCD;
    if (antecedent &&
        (Has(kFiniteVerbMask, next) || next == kRB || next == kMD ||
         next_class == WordClass::kBe || next_class == WordClass::kHave ||
         (next == kVBN && Has(next_mask, kVBD)) ||
         (IsVerb(next) && (next_mask & kFiniteVerbMask) != 0))) {
      return kWDT;
    }
    // A complementizer before an interrupting phrase: "said that, in
    // May, ...", "told the court that, ...".
    if (next == kComma && i > 0 &&
        (IsClauseTakingVerb(s_[i - 1].word) ||
         IsClauseTakingPast(s_[i - 1].word) ||
         (IsNoun(prev) && TellsOrStates(i - 1)))) {
      return kIN;
    }
    // The pronoun ending its clause or before "'s": "do that .", "That 's
    // why".
    if (next == kNone || next == kPeriod || next == kComma ||
        next == kCloseQuote || next == kColon ||
        next_class == WordClass::kPossessiveS) {
      return kDT;
    }
    if (next == kNN || next == kNNS || next == kJJ || next == kCD ||
        next == kPRPS) {
      // "condemned that attack", but "said that talks failed", "revealed
      // that children in the north are"; after a noun, the complement of
      // a noun or of a verb of telling ("evidence that", "told the court
      // that") or a relative clause with its own subject ("the training
      // that astronauts get").
      if (!VerbAhead(i + 1)) return kDT;
      if (IsNoun(prev)) return TellsOrStates(i - 1) ? kIN : kWDT;
      return kIN;
    }
    if (IsVerb(prev) || IsAdjective(prev) || IsNoun(prev)) {
      return kIN;  // "said that", "so sure that", "told them that"
    }
    if (IsVerb(next) || next == kMD || next == kIN) {
      return kDT;  // the pronoun: "that is", "after that,"
    }
    return kIN;
  }

  // Whether the noun before token `after` heads a phrase that a clause
  // completes: a noun of saying or knowing ("the evidence", "a sign"), or
  // the object of a verb of telling ("told the court", "assured
  // reporters").
  bool TellsOrStates(size_t noun) const {
    // Static: a local constexpr array was built on the stack on every call
    // of Decide, into which this is inlined, whether asked or not.
    static constexpr std::string_view kContentNouns[] = {
        "evidence", "fact",    "news",    "claim",   "claims",     "idea",
        "hope",     "fear",    "fears",   "belief",  "sign",       "signs",
        "proof",    "view",    "doubt",   "warning", "possibility", "chance",
        "report",   "reports", "concern", "concerns", "assurance", "assurances",
        "sense",    "sensation", "feeling", "notion", "suggestion", "allegation",
        "allegations", "impression", "message", "promise", "statement",
        "rumours",  "rumors",  "understanding", "conclusion", "condition"};
    for (std::string_view word : kContentNouns) {
      if (util::SameText(s_[noun].word, word)) return true;
    }
    // Back over the object phrase (bounded) to a verb of telling.
    constexpr size_t kMaxObject = 5;
    for (size_t k = noun; k-- > 0 && noun - k <= kMaxObject;) {
      const Slot& before = s_[k];
      if (IsVerb(before.tag)) {
        static constexpr std::string_view kTellingVerbs[] = {
            "told", "tell", "tells", "telling", "assured", "assure", "assures",
            "warned", "warn", "warns", "reminded", "remind", "informed",
            "inform", "convinced", "persuaded", "notified", "promised",
            "showed", "show", "shows", "taught"};
        for (std::string_view verb : kTellingVerbs) {
          if (util::SameText(before.word, verb)) return true;
        }
        return false;
      }
      if (!(IsNoun(before.tag) || IsAdjective(before.tag) ||
            before.tag == kDT || before.tag == kPRPS || before.tag == kPOS ||
            before.tag == kPRP || before.tag == kCD)) {
        return false;
      }
    }
    return false;
  }

  // Whether a short noun phrase ending before token `i` is the object of a
  // verb that takes a bare infinitive after its object (help, let, make,
  // see, watch, hear).
  bool AfterCausativeObject(size_t i) const {
    // The object ends in its head ("made him leave"), not in a modifier
    // ("makes little mention").
    if (i == 0 || !(IsNoun(s_[i - 1].tag) || s_[i - 1].tag == kPRP)) return false;
    constexpr size_t kMaxObject = 4;
    for (size_t k = i; k-- > 0 && i - k <= kMaxObject + 1;) {
      const Slot& x = s_[k];
      if (IsNoun(x.tag) || IsAdjective(x.tag) || x.tag == kPRP ||
          x.tag == kDT || x.tag == kPRPS || x.tag == kCD) {
        continue;
      }
      if (k + 1 == i || !IsVerb(x.tag)) return false;
      for (std::string_view verb :
           {"help", "helps", "helped", "helping", "let", "lets", "letting",
            "make", "makes", "made", "making", "see", "sees", "saw", "seen",
            "watch", "watches", "watched", "hear", "hears", "heard"}) {
        if (util::SameText(x.word, verb)) return true;
      }
      return false;
    }
    return false;
  }

  // The words WordReading names (lower case), so that it turns the others,
  // nearly every token, away by their length and initial before comparing
  // words. A word a rule there names must be listed here.
  static constexpr auto kWordsWithReadings =
      util::MakeWordList("think", "rocket", "mortar", "neighboring", "neighbouring", "surrounding",
                         "notes", "forces", "close", "shelling", "bombing", "fighting", "shooting",
                         "killing", "up", "dead");

  static bool MayHaveWordReading(std::string_view word) {
    return kWordsWithReadings.MayContainFolded(word);
  }

  // Words whose reading here their neighbours settle, whatever the general
  // rules below would make of them; kNone when none of these applies.
  // Asked only of words that pass MayHaveWordReading.
  Pos WordReading(size_t i, Pos t, PosMask m, Pos prev, Pos next) const {
    const std::string_view word = s_[i].word;
    const std::string_view before = i > 0 ? s_[i - 1].word : std::string_view();
    const std::string_view after = i + 1 < s_.size() ? s_[i + 1].word : std::string_view();
    // Noun compounds whose first word is also a verb: "a think tank",
    // "rocket fire from Gaza", "mortar attacks".
    const bool after_determiner =
        prev == kDT || IsAdjective(prev) || prev == kPRPS || prev == kPOS || prev == kNNP;
    if (((word == "think" || word == "Think") && (after == "tank" || after == "tanks") && after_determiner) ||
        ((word == "rocket" || word == "Rocket" || word == "mortar" || word == "Mortar") &&
         (after == "fire" || after == "attack" || after == "attacks" || after == "launcher" ||
          after == "launchers" || after == "strike" || after == "strikes"))) {
      return kNN;
    }
    // "withdraw from neighboring Lebanon", "the surrounding villages": an
    // -ing word between a preposition or determiner and a noun is its
    // adjective.
    if (t == kVBG && (prev == kIN || prev == kDT) && (next == kNNP || next == kNN || next == kNNS) &&
        (word == "neighboring" || word == "neighbouring" || word == "surrounding")) {
      return kJJ;
    }
    // "New Zealand dollar notes for Dow Chemical", "treasury notes".
    if (word == "notes" && Has(m, kNNS) &&
        (before == "dollar" || before == "yen" || before == "euro" || before == "bank" || before == "treasury" ||
         before == "Treasury" || before == "promissory" || before == "currency")) {
      return kNNS;
    }
    // "Security forces opened fire", "government forces in the north
    // attacked": after a noun or adjective, "forces" is the head of the
    // armed body unless an object follows for the verb ("the deal forces
    // Iran to ...").
    if (word == "forces" && (IsNoun(prev) || IsAdjective(prev)) && Has(m, kNNS) &&
        (IsVerb(next) || next == kMD || next == kIN || next == kComma || next == kCC || next == kRB ||
         next == kPeriod || next == kNone)) {
      return kNNS;
    }
    // "a protest in Beijing, close to the stadium", "countries close to
    // Russia": "close to" is an adjective unless a modal, "to" or a pronoun
    // makes it the verb ("will close to traffic").
    if (word == "close" && after == "to" && Has(m, kJJ) && prev != kMD && prev != kTO && prev != kPRP) {
      return kJJ;
    }
    // "contribute up to 4,000 troops": "up to" before a number bounds the
    // quantity; it is no particle of the verb.
    if ((word == "up" || word == "Up") && after == "to" && i + 2 < s_.size() &&
        StartsNumber(s_[i + 2].word)) {
      return kRB;
    }
    // "shot dead a soldier", "stabbed dead two guards": "dead" between a
    // verb and its object says how the verb ended; the object follows it.
    if (word == "dead" && (prev == kVBD || prev == kVBN) &&
        (next == kDT || next == kCD || next == kPRPS || next == kNNP || next == kJJ)) {
      return kRB;
    }
    // "killed in Israeli tank shelling in the east", "heavy fighting
    // near the border": an act of violence after its modifier, with no
    // object, is a noun.
    if (t == kVBG && (next == kIN || next == kComma || next == kPeriod || next == kNone) &&
        (((word == "shelling" || word == "bombing") && (prev == kNN || IsAdjective(prev))) ||
         ((word == "fighting" || word == "shooting" || word == "killing") && IsAdjective(prev)))) {
      return kNN;
    }
    return kNone;
  }

  Pos Decide(size_t i, bool finite_seen) {
    Slot& slot = s_[i];
    const PosMask m = slot.mask;
    Pos t = slot.tag;
    // Punctuation that can be nothing else keeps its tag: the rules below
    // change punctuation only for quotes, dashes (kColon) and the word
    // classes they name. Tested first: punctuation is common, and it
    // went through the context below and every rule to keep its tag.
    constexpr PosMask kPlainPunctuation = Bit(kComma) | Bit(kPeriod) | Bit(kLRB) | Bit(kRRB) |
                                          Bit(kDollar) | Bit(kHash) | Bit(kSYM) | Bit(kHYPH);
    if ((m & ~kPlainPunctuation) == 0 && Has(kPlainPunctuation, t) &&
        slot.word_class == WordClass::kOther) {
      return t;
    }
    const Pos prev = i > 0 ? s_[i - 1].tag : kNone;
    const WordClass prev_class =
        i > 0 ? s_[i - 1].word_class : WordClass::kOther;
    const Pos next = TagAt(i + 1);
    const WordClass next_class = ClassAt(i + 1);
    // The word before, looking through adverbs ("has also praised").
    size_t j = i;
    while (j > 0 && (s_[j - 1].tag == kRB || s_[j - 1].tag == kRBR)) --j;
    const Pos aux = j > 0 ? s_[j - 1].tag : kNone;
    const WordClass aux_class =
        j > 0 ? s_[j - 1].word_class : WordClass::kOther;
    // A past form that the lexicon lists first as a noun and has no base
    // form of ("shot") is the verb after an auxiliary, before "dead", or
    // after a subject before its object, a particle or another past verb:
    // "were shot", "shot dead", "gunmen shot a soldier", "Turkey shot
    // down the jet", "troops shot and killed"; the rules below settle its
    // form.
    constexpr PosMask kPastOnly = Bit(kVBD) | Bit(kVBN);
    if (t == kNN && (m & (kPastOnly | Bit(kVB) | Bit(kVBP))) == kPastOnly) {
      const bool subject = IsNoun(aux) || aux == kPRP;
      const std::string_view after = i + 1 < s_.size() ? s_[i + 1].word : std::string_view();
      const bool particle = after == "down" || after == "up" || after == "back" || after == "at";
      if (aux_class == WordClass::kBe || aux_class == WordClass::kHave || aux_class == WordClass::kGet ||
          after == "dead" ||
          (subject && (next == kDT || next == kPRPS || next == kPRP || next == kCD || next == kNNP || particle ||
                       (next == kCC && i + 2 < s_.size() && Has(s_[i + 2].mask, kVBD))))) {
        t = subject ? kVBD : kVBN;
      }
    }

    if (t == kOpenQuote || t == kCloseQuote) {
      if (slot.word_class == WordClass::kPossessiveS && i > 0 &&
          (prev == kNNS || prev == kNNPS)) {
        return kPOS;  // "soldiers' families"
      }
      if (slot.word == "``") return kOpenQuote;
      if (slot.word == "''") return kCloseQuote;
      Pos quote = Quote(i);
      quote_open_ = quote == kOpenQuote;
      return quote;
    }

    if (t == kColon && (slot.word == "-" || slot.word == "--")) return Dash(i);
    if (slot.word_class == WordClass::kTo) return To(i);
    // Tested here, where most words fail it, rather than in a call.
    if (MayHaveWordReading(slot.word)) {
      if (const Pos reading = WordReading(i, t, m, prev, next); reading != kNone) return reading;
    }
    // "a Memorandum of Understanding", "the Ministry of Planning": a
    // capitalised -ing word after a name's "of" ends the name.
    if (t == kVBG && slot.capitalized && i >= 2 && s_[i - 1].word == "of" && s_[i - 2].capitalized &&
        (s_[i - 2].tag == kNNP || s_[i - 2].tag == kNNPS)) {
      return kNNP;
    }
    // "The Israeli general criticized": an adjective that can be a noun,
    // after a determiner or adjective and before a finite verb, heads the
    // subject.
    if (t == kJJ && Has(m, kNN) && (prev == kDT || IsAdjective(prev)) &&
        (next == kVBD || next == kVBN || next == kVBZ || next == kVBP || next == kMD)) {
      return kNN;
    }

    switch (slot.word_class) {
      case WordClass::kThat:
        return That(i);
      case WordClass::kPossessiveS:
        if (prev_class == WordClass::kSubjectPronoun ||
            prev_class == WordClass::kThere || prev == kWP || prev == kEX ||
            prev_class == WordClass::kThat) {
          return kVBZ;  // "it's", "there's", "that's"
        }
        if (next == kDT || next == kRB || next == kTO || next == kPRPS ||
            next == kIN || next_class == WordClass::kBe) {
          return kVBZ;
        }
        // "Armenia's lost", not "Turkey's growing role", nor before an
        // -ing word that modifies a noun: "Syria's warring parties".
        if ((next == kVBN || next == kVBG) && i + 1 < s_.size() &&
            (s_[i + 1].mask & (kNounMask | kAdjectiveMask)) == 0 &&
            !(next == kVBG && (TagAt(i + 2) == kNN || TagAt(i + 2) == kNNS))) {
          return kVBZ;
        }
        return kPOS;
      case WordClass::kHer:
        if (IsNoun(next) || IsAdjective(next) || next == kCD || next == kVBG ||
            next == kVBN) {
          return kPRPS;
        }
        return kPRP;
      case WordClass::kThere:
        if (next_class == WordClass::kBe || next == kMD || next == kVBZ ||
            next == kVBD || next == kVBP) {
          return kEX;
        }
        return kRB;
      default:
        break;
    }
    if (slot.word == "'d") {
      return i + 1 < s_.size() && Has(s_[i + 1].mask, kVBN) &&
                     !Has(s_[i + 1].mask, kVB)
                 ? kVBD
                 : kMD;
    }
    // A preposition that can be an adverb modifies a number: "over 700",
    // "about 80 people", "around 2 million".
    if (t == kIN && Has(m, kRB) && next == kCD &&
        (slot.word == "over" || slot.word == "about" ||
         slot.word == "around" || slot.word == "under" ||
         slot.word == "Over" || slot.word == "About" ||
         slot.word == "Around" || slot.word == "Under")) {
      return kRB;
    }
    // The first "as" of "as many as", "as well as": a degree adverb.
    if (t == kIN && Has(m, kRB) && (slot.word == "as" || slot.word == "As") &&
        (IsAdjective(next) || next == kRB) && i + 2 < s_.size() &&
        s_[i + 2].word == "as") {
      return kRB;
    }
    // "down" right after a verb with no noun phrase after it is the verb's
    // particle: "stepped down in May", "cracked down on", "shut down ."
    // ("walked down the road" keeps the preposition).
    if ((slot.word == "down" || slot.word == "apart" || slot.word == "aside") &&
        Has(m, kRP) && IsVerb(prev) && prev != kMD && prev_class != WordClass::kBe &&
        (next == kIN || next == kTO || next == kNone || next == kPeriod ||
         next == kComma || next == kCC || next == kColon ||
         next == kCloseQuote)) {
      return kRP;
    }
    // "one" standing for a noun after an adjective, and in "no one": "a
    // serious one", "the new one would".
    if (t == kCD && (slot.word == "one" || slot.word == "One")) {
      const bool after_no = i > 0 && (s_[i - 1].word == "no" || s_[i - 1].word == "No");
      if (after_no || (IsAdjective(prev) && !IsNoun(next) &&
                       !IsAdjective(next) && next != kCD && next != kColon &&
                       next != kHYPH)) {
        return kNN;
      }
    }
    // An adverb-or-adjective word between a determiner and its noun is an
    // adjective ("the only thing", "the far end"), and so is "enough"
    // before a noun ("enough time").
    if (t == kRB && Has(m, kJJ) && (next == kNN || next == kNNS) &&
        (slot.word == "enough" ||
         (!Has(m, kNN) && (prev == kDT || prev == kPRPS || prev == kPOS)))) {
      return kJJ;
    }
    // A preposition without an object, not after a verb (whose particle it
    // would be), is an adverb: "six astronauts aboard .", "the year before
    // ,", "pushed them around .". ("of" is stranded, not an adverb: "the
    // causes of .")
    if (t == kIN && Has(m, kRB) && i > 0 && !IsVerb(prev) &&
        slot.word != "of" &&
        (slot.word_class == WordClass::kOther ||
         slot.word_class == WordClass::kTimeConjunction) &&
        (next == kPeriod || next == kComma || next == kNone)) {
      return kRB;
    }
    if (Has(kClosedClassMask, t) || t == kCD || t == kRB) return t;

    if (t == kJJ && Has(m, kRB)) {
      // Before a comparative, a degree adverb: "much better", "far worse".
      if (next == kJJR || next == kRBR) return kRB;
      // After a complete noun phrase and before a prepositional phrase,
      // a word that cannot head the phrase itself modifies the verb:
      // "booked early in the game" (but "full of", "the public in").
      if ((IsNoun(prev) || prev == kPRP) && !Has(m, kNN) && next == kIN &&
          s_[i + 1].word != "of") {
        return kRB;
      }
    }

    // A capitalised first word before a finite verb is its subject, not an
    // imperative: "Twitter gave", "Attack kills ten".
    if (i == 0 && slot.capitalized && (t == kVB || t == kVBP) &&
        (next == kVBD || next == kVBZ || next == kMD)) {
      if (Has(m, kNN)) return kNN;
      if (Has(m, kNNS)) return kNNS;
      return kNNP;
    }

    // "more important", "most likely": the degree adverb.
    if ((t == kJJR && Has(m, kRBR)) || (t == kJJS && Has(m, kRBS))) {
      if (next == kJJ || next == kRB ||
          (next == kVBN && i + 1 < s_.size() && Has(s_[i + 1].mask, kJJ))) {
        return t == kJJR ? kRBR : kRBS;
      }
    }
    // An adjective-or-adverb word before a finite verb or a participle
    // modifies the verb: "he first collected", "the early arrived"
    // (not before a noun); a quantifier there is the subject ("many
    // are").
    if (t == kJJ && Has(m, kRB) && aux != kDT && aux != kPRPS &&
        !IsQuantifier(slot.word) &&
        (next == kVBD || next == kVBZ || next == kVBP || next == kVBN) &&
        i + 1 < s_.size() && (s_[i + 1].mask & kNounMask) == 0) {
      return kRB;
    }

    // The lower-case part after a hyphen in a name: "Lee Chun - yan",
    // "Kim Jong - un" (not a compound modifier: "Iran - backed militias").
    if (i >= 2 && s_[i - 1].tag == kHYPH && s_[i - 2].tag == kNNP &&
        s_[i - 2].capitalized && !slot.capitalized && !IsNoun(next) &&
        !IsAdjective(next) && next != kCD && next != kVBG && next != kVBN &&
        !EndsWith(slot.word, "ed")) {
      return kNNP;
    }
    // Capitalised words inside a name.
    constexpr PosMask kNameable = Bit(kNN) | Bit(kNNS) | Bit(kJJ) |
                                  Bit(kVBN) | Bit(kVBG) | Bit(kVB) |
                                  Bit(kVBP) | Bit(kVBD) | Bit(kVBZ);
    if (slot.proper_form && Has(kNameable, t) &&
        slot.name_run) {
      return t == kNNS ? kNNPS : kNNP;
    }
    // A plural word inside a name, before the name's head, modifies it:
    // "the New Territories West", "Windows XP"; but "United States" and
    // "United Nations" are plural names wherever they stand.
    if (t == kNNPS && slot.name_run &&
        !(i > 0 && s_[i - 1].word == "United")) {
      return kNNP;
    }
    // A capitalised adjective of nationality or creed, not inside a name,
    // before a common noun: "the American public", "the Islamic faith",
    // "English captain Harry Kane".
    if (t == kNNP && Has(m, kJJ) && slot.capitalized && prev != kNNP &&
        i + 1 < s_.size() && (next == kNN || next == kNNS) &&
        !s_[i + 1].capitalized && IsNationalitySuffixed(slot.word)) {
      return kJJ;
    }

    const bool can_noun = (m & (Bit(kNN) | Bit(kNNS))) != 0;
    const bool can_vbn = Has(m, kVBN);
    const bool unknown_lower = !slot.known && !slot.capitalized;

    // A capitalised compound inside a sentence that modifies no noun is a
    // name: "Yau Wai-ching defeated", "Shiu Ka-chun of".
    if (slot.hyphenated && slot.proper_form && (t == kNN || t == kJJ) &&
        !IsNoun(next) && !IsAdjective(next) && i > 0 && s_[i - 1].tag == kNNP) {
      return kNNP;
    }
    // Demonyms and compounds before a noun are adjectives.
    if ((slot.demonym || slot.hyphenated) && Has(m, kJJ) && t != kVBN &&
        (next == kNN || next == kNNS || (slot.demonym && next == kNNP))) {
      return kJJ;
    }

    // Base form after "to", a modal or "do": "to withdraw", "could storm".
    if (aux == kTO) {
      if (Has(m, kVB) || t == kVBP || (unknown_lower && t == kNN)) return kVB;
      if (t == kVBZ && Has(m, kNNS)) return kNNS;  // "to talks"
      if (t == kVBD && Has(m, kNN)) return kNN;
      return t;
    }
    if (aux == kMD ||
        (aux_class == WordClass::kDo && Has(kFiniteVerbMask, aux))) {
      if (Has(m, kVB) || t == kVBP || unknown_lower) return kVB;
    }
    // Perfect and passive participles: "has praised", "were held".
    if (aux_class == WordClass::kHave && can_vbn && t != kNNS) return kVBN;
    if (aux_class == WordClass::kBe || aux_class == WordClass::kGet) {
      if (can_vbn && (t == kVBD || t == kVBN || t == kVB || t == kVBP)) {
        return kVBN;
      }
      if (can_vbn && next_class == WordClass::kBy) return kVBN;
      if ((t == kVBZ || t == kVBP || t == kVB) && can_noun) {
        return Has(m, kNNS) && t == kVBZ ? kNNS : kNN;
      }
      // "is also offering", "were training": the progressive.
      if (t == kNN && Has(m, kVBG) && EndsWith(slot.word, "ing")) return kVBG;
      return t;
    }

    // An -ing word after a preposition or a verb, before an object, is a
    // gerund taking it: "by firing dozens of rounds", "without hearing
    // anything", "ended up spending twelve years", "by bombing Gaza".
    if (t == kNN && Has(m, kVBG) && EndsWith(slot.word, "ing") &&
        (prev == kIN || prev == kRP || (IsVerb(prev) && prev != kVBG)) &&
        (next == kDT || next == kCD || next == kPRP || next == kPRPS || next == kNNP || next == kNNPS)) {
      return kVBG;
    }

    // A base form after the object of a verb taking a bare infinitive:
    // "helped the girls enter", "let them go", "saw prices rise".
    if ((t == kVB || t == kVBP) && Has(m, kVB) && AfterCausativeObject(i)) {
      return kVB;
    }

    // "had" heads its clause unless an auxiliary precedes ("has had"):
    // "Mohamed had grown", "they had difficulties".
    if (slot.word_class == WordClass::kHave && t == kVBD) return kVBD;

    // After a determiner, possessive or adjective: a noun phrase goes on.
    switch (prev) {
      case kDT:
      case kPRPS:
      case kPOS:
      case kJJ:
      case kJJR:
      case kJJS:
      case kCD:
      case kPDT:
      case kWPS:
        if ((t == kVB || t == kVBP) && Has(m, kNN)) return kNN;
        if ((t == kVB || t == kVBP) && Has(m, kNNS)) return kNNS;
        if (t == kVBZ && Has(m, kNNS)) return kNNS;
        if ((t == kVBD || t == kVBN) && can_vbn && Has(m, kVBD) &&
            slot.word_class != WordClass::kHave) {
          // "the captured villages"; but with no noun to modify the word
          // before is the subject: "the military made another", "that led".
          const bool modifies = IsNoun(next) || IsAdjective(next) ||
                                next == kVBG || next == kCD;
          if (modifies) return kVBN;
          break;
        }
        if (t == kVBD && Has(m, kJJ)) return kJJ;
        // An adjective-or-noun word that ends the noun phrase is its head:
        // "his rival .", "the military in Syria".
        if (t == kJJ && Has(m, kNN) && prev != kCD && !IsQuantifier(slot.word) &&
            slot.word != "other" && !IsNoun(next) &&
            !IsAdjective(next) && next != kCD && next != kVBG &&
            next != kVBN) {
          return kNN;
        }
        // An -ing word between a possessive and its noun modifies the
        // noun: "Israel's governing coalition", "Syria's warring parties".
        if (t == kVBG && prev == kPOS && (next == kNN || next == kNNS)) return kJJ;
        if (t == kVBG && Has(m, kNN) && !IsNoun(next) && !IsAdjective(next) &&
            (prev == kDT || prev == kPRPS || prev == kPOS)) {
          return kNN;  // "the fighting"
        }
        return t;
      default:
        break;
    }

    // A past form between a determiner and its noun modifies the noun,
    // adverbs aside ("the recently released browser"), and so does one
    // right after an -ing verb ("following increased attention").
    if ((t == kVBD || t == kVBN) && can_vbn && Has(m, kVBD) &&
        ((prev == kRB && (aux == kDT || aux == kPRPS || aux == kPOS)) || prev == kVBG) &&
        (next == kNN || next == kNNS || IsAdjective(next))) {
      return kVBN;
    }
    // A base form right after an -ing verb is its object noun: "taking
    // hold", "seeking help".
    if (t == kVB && prev == kVBG && Has(m, kNN)) return kNN;
    // An -s form right after a main verb is its object: "prompted calls
    // for", "won seats".
    if (t == kVBZ && Has(m, kNNS) && IsVerb(prev) && prev != kMD &&
        prev_class != WordClass::kBe && prev_class != WordClass::kHave &&
        prev_class != WordClass::kDo && prev_class != WordClass::kGet) {
      return kNNS;
    }

    // A noun-or-verb word right before a determiner or possessive, with no
    // determiner or adjective of its own, is a verb taking an object: "the
    // United Nations rates the Rohingya", "come and tour the company".
    // Not before a time phrase: "air strikes this week".
    const bool time_follows =
        next == kDT && (s_[i + 1].word == "this" || s_[i + 1].word == "these" ||
                        s_[i + 1].word == "every" || s_[i + 1].word == "each");
    if ((t == kNN || t == kNNS) && (next == kDT || next == kPRPS) &&
        !time_follows && prev != kIN &&
        (m & (Bit(kVB) | Bit(kVBP) | Bit(kVBZ))) != 0) {
      if (t == kNNS) {
        if (Has(m, kVBZ)) return kVBZ;
      } else if (prev == kCC || prev == kTO || aux == kMD) {
        constexpr size_t kMaxLookBack = 12;
        for (size_t k = i - 1; k-- > 0 && i - k <= kMaxLookBack;) {
          const Pos before = s_[k].tag;
          if (before == kVB && Has(m, kVB)) return kVB;
          if (IsVerb(before) || IsClauseBoundary(s_[k])) break;
        }
        if (Has(m, kVBP)) return kVBP;
      } else if (Has(m, kVBP) && (IsNoun(prev) || prev == kPRP || prev == kRB)) {
        return kVBP;
      }
    }

    // Coordinated verbs share their form: "was arrested and charged",
    // "won the match and named their robot".
    if (prev == kCC && i >= 2 && IsVerb(t)) {
      if (IsVerb(s_[i - 2].tag) && Has(m, s_[i - 2].tag)) return s_[i - 2].tag;
      if (Has(m, kVBD) && Has(m, kVBN)) {
        constexpr size_t kMaxLookBack = 12;
        for (size_t k = i - 1; k-- > 0 && i - k <= kMaxLookBack;) {
          const Pos before = s_[k].tag;
          if (before == kVBD || before == kVBN) return before;
          if (IsVerb(before) || before == kMD || IsClauseBoundary(s_[k])) {
            break;
          }
        }
      }
    }

    // A subject pronoun is followed by a finite verb: "He called", "they
    // attack".
    if (aux_class == WordClass::kSubjectPronoun) {
      if ((t == kVBN || t == kJJ) && Has(m, kVBD)) return kVBD;
      if (t == kNNS && Has(m, kVBZ)) return kVBZ;
      if ((t == kNN || t == kVB) && (Has(m, kVBP) || Has(m, kVB))) return kVBP;
      return t;
    }

    const bool past_ambiguous =
        (t == kVBD || t == kVBN || (t == kJJ && EndsWith(slot.word, "ed"))) &&
        Has(m, kVBD) && can_vbn;
    if (past_ambiguous) {
      // "drones owned by", but not "retaliated by firing".
      if (next_class == WordClass::kBy &&
          !(i + 2 < s_.size() && Has(s_[i + 2].mask, kVBG))) {
        return kVBN;
      }
      // A relative pronoun is the subject: "which attacked", "who applied",
      // "that led".
      if (aux == kWDT || aux == kWP || aux_class == WordClass::kThat) {
        return kVBD;
      }
      // An object follows, perhaps after an adverb: "found only a quarter".
      const Pos after_adverb = next == kRB ? TagAt(i + 2) : kNone;
      const bool object_follows =
          next == kDT || next == kPRPS || next == kCD || next == kPRP ||
          next == kNNP || next == kNNPS || next == kNNS || next == kNN ||
          next == kJJ || after_adverb == kDT || after_adverb == kPRPS ||
          after_adverb == kCD;
      // After a parenthesis the subject is before it: "A storm on Sunday
      // (March 4) caused delays".
      if (prev == kRRB && object_follows) return kVBD;
      // A capitalised first word before a noun phrase whose verb comes
      // later modifies the phrase: "Ousted president Omar al-Bashir was
      // sentenced", "Armed men stormed".
      if (i == 0 && slot.capitalized &&
          (next == kJJ || next == kNN || next == kNNS || next == kNNP || next == kNNPS) &&
          VerbAhead(i + 1)) {
        return kJJ;
      }
      if (i == 0 || prev == kComma) {
        // "Used by ...", "the model, used in ...", but after an apposition
        // the verb of the clause: "Smith, a lawyer, said that ...",
        // "..., defeated his opponents".
        if (prev == kComma &&
            (next_class == WordClass::kThat || object_follows)) {
          return kVBD;
        }
        return next == kIN ? kVBN : t;
      }
      // The subject before it, adverbs aside: "forces captured", "the navy
      // reportedly saved".
      if (IsNoun(aux) || aux == kPRP || IsAdjective(aux) || aux == kDT) {
        // Between a bare noun and the noun it modifies, right before the
        // clause's verb and its object, it is the second part of a
        // compound modifier: "precision guided missiles killed four",
        // "state owned firms sold the" (not "the army captured towns held
        // by rebels", "police arrested men wanted in").
        if (j == i && prev == kNN && (next == kNN || next == kNNS) && i + 2 < s_.size() &&
            IsVerb(s_[i + 2].tag) && (s_[i + 2].mask & kFiniteVerbMask) != 0 &&
            !IsClauseTakingPast(slot.word)) {
          const Pos after_verb = TagAt(i + 3);
          if (after_verb == kDT || after_verb == kCD || after_verb == kPRPS || after_verb == kPRP ||
              after_verb == kNNP || after_verb == kNNPS) {
            return kJJ;
          }
        }
        // A noun that is itself the object of a verb or preposition takes
        // the participle as its modifier: "had large areas set up", "There
        // were two teams scheduled to compete"; but "said the forces
        // pushed".
        if (!object_follows && aux != kPRP && next_class != WordClass::kThat &&
            AfterObjectNoun(j)) {
          return kVBN;
        }
        if (object_follows || next == kTO) {
          return kVBD;  // an object follows: "forces captured 22 villages"
        }
        // A headline's participle is followed by a phrase, not a clause:
        // "Parents prosecuted after ...", but "US claimed that ...".
        const bool headline_participle =
            headline_ && next_class != WordClass::kThat &&
            (next == kIN || next == kRP || next == kTO || next == kNone ||
             next == kComma || next == kColon);
        // "Brazil said on Monday it would ...": the verb ahead is what was
        // said, not the main verb after a reduced relative ("the man
        // arrested on Monday was freed"), which "said" and "told" hardly
        // ever head.
        const bool saying = slot.word == "said" || slot.word == "told";
        if (!saying && (finite_seen || FiniteVerbAhead(i) || headline_participle)) {
          return kVBN;
        }
        return kVBD;
      }
      return t;
    }

    const bool can_present = (m & (Bit(kVBZ) | Bit(kVBP) | Bit(kVB))) != 0;
    // A relative pronoun or a subject with an adverb before a present
    // form: "which broadcasts", "Paris also claims".
    if (can_present && (t == kNNS || t == kNN || t == kVB) &&
        (aux == kWDT || aux == kWP ||
         (j < i && (IsNoun(aux) || aux_class == WordClass::kSubjectPronoun)))) {
      if (t == kNNS && Has(m, kVBZ)) return kVBZ;
      if (t != kNNS && Has(m, kVBP)) return kVBP;
    }

    // An -s or base form after a noun: a noun in a compound when another
    // verb heads the clause ("phone calls were"), else the clause's verb.
    if (IsNoun(prev) && can_noun && can_present) {
      // A clause or quotation after it makes it a verb of saying:
      // "Professor Eastman says there were", "the minister claims that".
      if ((t == kNNS || t == kVBZ) && Has(m, kVBZ) &&
          (next_class == WordClass::kSubjectPronoun ||
           next_class == WordClass::kThat || next_class == WordClass::kThere ||
           next == kOpenQuote)) {
        return kVBZ;
      }
      // A verb of saying or showing before a clause whose subject follows
      // directly: "Eastman says manufacturers could", "the findings show
      // pollution is".
      if (IsClauseTakingVerb(slot.word) && !finite_seen &&
          (next == kDT || next == kNN || next == kNNS || next == kNNP ||
           next == kNNPS || next == kJJ || next == kCD || next == kPRPS) &&
          FiniteVerbAhead(i)) {
        if (t == kNNS || t == kVBZ) return Has(m, kVBZ) ? kVBZ : t;
        if (Has(m, kVBP)) return kVBP;
      }
      // "Mohamed wishes to use": an -s form before an infinitive, with no
      // other verb in the clause.
      if (t == kNNS && Has(m, kVBZ) && next == kTO && i + 2 < s_.size() &&
          Has(s_[i + 2].mask, kVB) && (!finite_seen || SayingSeen()) &&
          !FiniteVerbAhead(i + 2)) {
        return kVBZ;
      }
      if ((t == kNNS || t == kVBZ) && Has(m, kNNS) && next == kVBG && !TakesGerund(slot.word)) return kNNS;
      // A verb right after it (adverbs aside) makes it the subject:
      // "forces captured", "forces successfully pushed".
      size_t k = i + 1;
      while (k < s_.size() && (s_[k].tag == kRB || s_[k].tag == kRBR)) ++k;
      const bool verb_next = k < s_.size() && IsVerb(s_[k].tag) &&
                             (s_[k].mask & kFiniteVerbMask) != 0 &&
                             (s_[k].mask & kNounMask) == 0 && !ModifiesNoun(k);
      // A base form after a plural noun in the clause of a verb of saying
      // is the complement's verb: "said the safety lapses raise doubts".
      if ((t == kNN || t == kVB) && (prev == kNNS || prev == kNNPS) &&
          Has(m, kVBP) && (next == kDT || next == kJJ || next == kNNS || next == kPRP ||
                           next == kPRPS || next == kRB || next == kTO || next == kIN) &&
          SayingSeen()) {
        return kVBP;
      }
      // So is an -s form after a name there: "said Lopez wants to", "said
      // Acme plans a merger".
      if ((t == kVBZ || t == kNNS) && Has(m, kVBZ) && prev == kNNP &&
          (next == kTO || next == kDT || next == kPRPS) && SayingSeen()) {
        return kVBZ;
      }
      if (finite_seen || verb_next || FiniteVerbAhead(i)) {
        if (t == kVBZ && Has(m, kNNS)) return kNNS;
        if ((t == kVB || t == kVBP) && Has(m, kNN)) return kNN;
        return t;
      }
      // Nothing follows it in its clause: the head of a compound ("button
      // sales .", "privacy rules ,").
      const bool clause_ends = next == kNone || next == kPeriod ||
                               next == kComma || next == kCC ||
                               next == kColon || next == kCloseQuote;
      if (t == kNNS && Has(m, kVBZ) && (prev == kNN || prev == kNNP) &&
          !clause_ends) {
        return kVBZ;  // "the minister calls for"
      }
      if (t == kNN && (prev == kNNS || prev == kNNPS) &&
          (Has(m, kVBP) || Has(m, kVB))) {
        return kVBP;  // "troops attack"
      }
      if (t == kVB) return kVBP;
      return t;
    }

    // A base form with a subject before it is present tense: "troops
    // attack", "members of the group live".
    // ("that all salt be iodised" keeps its subjunctive.)
    if (t == kVB && i > 0 && (IsNoun(prev) || prev == kPRP) &&
        slot.word_class != WordClass::kBe) {
      return kVBP;
    }
    // An adjective-or-noun word after a noun and before a finite verb is
    // the head of the subject: "The United Nations chief made ...".
    if (t == kJJ && Has(m, kNN) && IsNoun(prev) &&
        (next == kVBD || next == kVBZ || next == kVBP || next == kMD ||
         (next == kVBN && i + 1 < s_.size() && Has(s_[i + 1].mask, kVBD)))) {
      return kNN;
    }
    // An adjective-or-noun word that ends a noun phrase is its head noun:
    // "the Azeri military and ...", "the Turkish military in Syria".
    if (t == kJJ && Has(m, kNN) && i > 0 &&
        (prev == kDT || prev == kNNP || prev == kJJ || prev == kPRPS || prev == kPOS) &&
        !IsNoun(next) && next != kJJ && next != kCD) {
      return kNN;
    }
    return t;
  }

  // A span, not the vector itself: every rule reads neighbouring slots, and
  // through a reference to the vector each read loaded the vector's data
  // pointer anew (a tag store, a byte, may alias it).
  std::span<Slot> s_;
  bool quote_open_ = false;
  // The clause's finite verb so far, or kNoVerb. Whether it is a verb of
  // saying (SayingSeen) is asked only by a few rules: testing every finite
  // verb against the word lists cost more than all the asking.
  static constexpr size_t kNoVerb = static_cast<size_t>(-1);
  size_t finite_verb_ = kNoVerb;
  bool spacing_known_ = false;
  bool headline_ = false;
};

// The lemmas of the word forms a thread has tagged lately, by form and tag.
// WordNet's rules cost about 200 instructions a token, mostly hash-set
// lookups, and news repeats its words: most tokens find their lemma here
// for a third of that. Direct-mapped and bounded: a form takes the place of
// the one its slot held. One per thread, since Tag() is const and runs on
// several coding threads at once; a lemma depends on nothing but its form
// and tag, so the cache never changes what a thread tags.
class LemmaCache {
 public:
  // Sets `lemma` to the lemma of `word` tagged `tag`; `hash` is
  // Lexicon::WordHash(word).
  void Lemma(const Lemmatizer& lemmatizer, std::string_view word, size_t hash, Pos tag,
             std::string& lemma) {
    // A name is its own lemma: copied faster than looked up, and names,
    // many of them seen once, would crowd the common words out.
    // (Lemmatizer::Lemma gives a name back as it is; copied here without
    // the call and its temporary string.)
    if (tag == kNNP || tag == kNNPS) {
      lemma = word;
      return;
    }
    Entry& entry = entries_[SlotOf(hash, tag)];
    if (entry.tag != tag || !util::SameText(entry.word, word)) {
      entry.word.assign(word);
      entry.tag = tag;
      entry.lemma = lemmatizer.Lemma(word, tag);
    }
    lemma = entry.lemma;
  }

 private:
  // A power of two. 32,768 entries (~2.4 MB a thread): at 8,192, a fifth
  // of the tokens of 200 news documents missed, many of them forms that
  // a slot's other words had pushed out.
  static constexpr size_t kSize = 32768;

  struct Entry {
    std::string word;
    Pos tag = kNone;  // no token is tagged kNone: an empty slot never hits
    std::string lemma;
  };

  // The word's hash (computed for the lexicon already) mixed with the tag
  // by an odd multiplier, so that a form's tags take different slots.
  static size_t SlotOf(size_t hash, Pos tag) {
    return (hash ^ (static_cast<size_t>(tag) * 0x9E3779B97F4A7C15u)) & (kSize - 1);
  }

  std::vector<Entry> entries_ = std::vector<Entry>(kSize);
};

// What Tag() keeps between calls on one thread: the lemma cache, and the
// slots, whose memory a sentence reuses instead of allocating its own.
struct TagScratch {
  std::vector<Slot> slots;
  LemmaCache lemmas;
};

}  // namespace

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Tagger Tagger::Load(const std::filesystem::path& lexicon_tsv,
                    const std::filesystem::path& wordnet_dir) {
  return Tagger(std::make_unique<Impl>(
      Impl{Lexicon::Load(lexicon_tsv), Lemmatizer::Load(wordnet_dir)}));
}

void Tagger::Tag(Sentence& sentence) const {
  // Spans, held in registers: through the vectors every access reloaded
  // their data pointers after each byte stored (a tag, a string's bytes).
  const std::span<Token> tokens(sentence.tokens);
  if (tokens.empty()) return;
  const Guesser guesser(impl_->lexicon);
  thread_local TagScratch scratch;
  scratch.slots.assign(tokens.size(), Slot{});
  const std::span<Slot> slots(scratch.slots);
  for (size_t i = 0; i < tokens.size(); ++i) {
    Slot& slot = slots[i];
    slot.word = tokens[i].norm;
    slot.begin = tokens[i].begin;
    slot.end = tokens[i].end;
    if (slot.word.empty()) {
      slot.hash = Lexicon::WordHash(slot.word);
      slot.tag = kSYM;
      slot.mask = Bit(kSYM);
      continue;
    }
    const bool sentence_initial =
        i == 0 || slots[i - 1].tag == kOpenQuote || slots[i - 1].tag == kLRB;
    LookUp(impl_->lexicon, guesser, slot, sentence_initial);
  }
  Disambiguator(slots).Run();
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    const Pos tag = slots[i].tag;
    token.tag = PosName(tag);
    if (tag == kVBZ && slots[i].word == "'s" && i + 1 < tokens.size() &&
        tokens[i + 1].norm == "been") {
      token.lemma = "have";  // "it's been"
    } else {
      scratch.lemmas.Lemma(impl_->lemmatizer, slots[i].word, slots[i].hash, tag, token.lemma);
    }
  }
}

}  // namespace dyad::tag
