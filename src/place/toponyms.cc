#include "place/toponyms.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "util/strings.h"

namespace dyad::place {
namespace {

// Prepositions after which a place is where something happens.
// "between", "over", "towards" are left out: "talks between Armenia and
// Azerbaijan", "a dispute over Crimea", "hostility towards Russia" name
// parties and topics, not places.
constexpr std::string_view kLocative[] = {"in",     "at",   "near",   "outside",    "inside", "across",
                                          "into",   "around", "throughout", "within", "through"};

// Words that may stand between such a preposition and the name.
constexpr auto kModifiers = util::MakeWordList(
    "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "northeast", "northwest", "southeast",
    "southwest", "occupied", "disputed", "besieged", "war-torn", "rebel-held", "government-held",
    "neighbouring", "neighboring", "nearby", "downtown", "embattled", "breakaway", "separatist",
    "restive", "annexed", "contested", "coastal", "frontline");

// Nouns that introduce a place name ("the city of X", "the capital X"):
// the first group names settlements, the second territories.
constexpr std::string_view kSettlementNouns[] = {"city", "town",       "village", "capital",
                                                 "port", "settlement", "hamlet",  "township"};
constexpr std::string_view kTerritoryNouns[] = {"region",      "province",   "district", "oblast",
                                                "governorate", "state",      "county",   "enclave",
                                                "territory",   "prefecture", "republic"};
// "in the east of the Gaza Strip", "20 km north of Kabul", "the heart of
// Kyiv": parts of a place and directions from it are places too.
constexpr std::string_view kNeutralNouns[] = {
    "outskirts",  "suburbs",   "vicinity",  "east",      "west",       "north",      "south",
    "northeast",  "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "centre",    "center",    "heart",     "interior",   "edge"};

// Lower-case words allowed inside a multi-word name ("Rio de Janeiro",
// "Bosnia and Herzegovina", "Ras al Ain").
constexpr auto kConnectors =
    util::MakeWordList("of", "the", "de", "del", "da", "do", "dos", "das", "al", "el", "la", "le",
                       "and", "upon", "sur", "am", "an", "der", "es", "ez");

// Capitalised words that follow locative prepositions without naming a
// place ("in May", "at President Aliyev's residence", "in Parliament");
// several are also the names of small towns somewhere.
constexpr auto kNotPlaces = util::MakeWordList(
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "parliament", "congress", "senate", "court", "council", "government",
    "assembly", "president", "prime", "minister", "general", "mr", "mrs", "ms", "dr", "king",
    "queen", "prince", "pope", "god", "christmas", "easter", "ramadan", "english", "reuters",
    "twitter", "telegram", "facebook", "order", "time", "power", "office", "summit");

std::string Lower(std::string_view word) { return util::AsciiLower(word); }

// What a token may start: a locative phrase ("in ..."), a place-noun phrase
// ("city of ..."), or nothing. Asked for every token of every sentence, so
// the words are kept by length with a bit for each initial: most misses
// cost a length check and a bit test, and nothing is allocated.
enum class Trigger { kNone, kLocative, kPlaceNoun };

// The trigger words by length, with a bit for each initial; built once,
// at namespace scope so that the per-token lookup has no guard to test.
constexpr size_t kLongestTrigger = 16;
struct TriggerWords {
  using Bucket = std::vector<std::pair<std::string_view, Trigger>>;
  std::array<Bucket, kLongestTrigger + 1> by_length;
  std::array<uint32_t, kLongestTrigger + 1> initials{};  // bit c - 'a' for initial c
};

const TriggerWords kTriggerWords = [] {
  TriggerWords words;
  auto add = [&](std::span<const std::string_view> list, Trigger trigger) {
    for (std::string_view w : list) {
      // First listed wins, as in the order of the checks this replaces.
      TriggerWords::Bucket& bucket = words.by_length[w.size()];
      bool seen = std::any_of(bucket.begin(), bucket.end(), [&](auto& e) { return e.first == w; });
      if (!seen) bucket.emplace_back(w, trigger);
      words.initials[w.size()] |= uint32_t{1} << (w[0] - 'a');
    }
  };
  add(kLocative, Trigger::kLocative);
  add(kSettlementNouns, Trigger::kPlaceNoun);
  add(kTerritoryNouns, Trigger::kPlaceNoun);
  add(kNeutralNouns, Trigger::kPlaceNoun);
  return words;
}();

Trigger TriggerOf(std::string_view norm) {
  if (norm.size() > kLongestTrigger) return Trigger::kNone;
  // Every listed word is lower-case ASCII: the initial, folded, must be one
  // of theirs.
  const unsigned initial = static_cast<unsigned char>(norm.empty() ? 0 : norm[0]) | 0x20u;
  if (initial < 'a' || initial > 'z' ||
      (kTriggerWords.initials[norm.size()] & (uint32_t{1} << (initial - 'a'))) == 0) {
    return Trigger::kNone;
  }
  // Compared letter by letter, folding as it goes: the first letter
  // settles nearly every miss, so the word is not lower-cased first.
  for (const auto& [entry, trigger] : kTriggerWords.by_length[norm.size()]) {
    if (static_cast<unsigned char>(entry[0]) != initial) continue;
    size_t k = 1;
    while (k < norm.size()) {
      const char c = norm[k];
      if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c) != entry[k]) break;
      ++k;
    }
    if (k == norm.size()) return trigger;
  }
  return Trigger::kNone;
}

// A name starts with a capital letter: an ASCII capital, or a non-ASCII
// letter that folding changes (Ə, Ḩ, Ş). Digits and punctuation are not.
bool IsCapitalised(const Token& token) {
  if (token.norm.empty()) return false;
  unsigned char c = static_cast<unsigned char>(token.norm[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  std::string_view first = std::string_view(token.norm).substr(0, length);
  return util::FoldForMatch(first) != first;
}

bool IsPossessive(const Token& token) {
  return token.norm == "'s" || token.norm == "\u2019s" || token.norm == "'";
}

// The words of tokens [first, last) as written: a space wherever the text
// had one, none inside "Nagorno-Karabakh" however it was tokenized.
std::string Surface(const Sentence& sentence, uint32_t first, uint32_t last) {
  std::string out;
  for (uint32_t i = first; i < last; ++i) {
    const Token& token = sentence.tokens[i];
    if (i > first && token.begin > sentence.tokens[i - 1].end) out += ' ';
    out += token.norm;
  }
  return out;
}

class Finder {
 public:
  Finder(const Sentence& sentence, const Gazetteer& gazetteer)
      : sentence_(sentence), tokens_(sentence.tokens), gazetteer_(gazetteer) {}

  std::vector<PlaceMention> Run() {
    const auto n = static_cast<uint32_t>(tokens_.size());
    for (uint32_t k = 0; k < n; ++k) {
      switch (TriggerOf(tokens_[k].norm)) {
        case Trigger::kLocative:
          AfterPreposition(k + 1);
          break;
        case Trigger::kPlaceNoun:
          AfterPlaceNoun(k);
          break;
        case Trigger::kNone:
          break;
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.first < b.first; });
    return std::move(mentions_);
  }

 private:
  std::string WordAt(uint32_t i) const {
    return i < tokens_.size() ? Lower(tokens_[i].norm) : std::string();
  }

  uint32_t SkipModifiers(uint32_t i) const {
    for (int skipped = 0; skipped < 4 && i < tokens_.size(); ++skipped, ++i) {
      std::string word = WordAt(i);
      bool status = util::EndsWith(word, "-held") || util::EndsWith(word, "-occupied") ||
                    util::EndsWith(word, "-controlled");
      // Capitalised, a direction word begins a name ("West Bank").
      if (IsCapitalised(tokens_[i]) && word != "the") break;
      if (!kModifiers.Contains(word) && !status) break;
    }
    return i;
  }

  // The longest place name starting at token i: [i, last) and its places.
  std::optional<PlaceMention> NameAt(uint32_t i) const {
    const auto n = static_cast<uint32_t>(tokens_.size());
    if (i >= n || !IsCapitalised(tokens_[i]) || kNotPlaces.ContainsFolded(tokens_[i].norm)) return std::nullopt;
    uint32_t end = i + 1;
    while (end < n && end - i < 7 &&
           (IsCapitalised(tokens_[end]) || kConnectors.Contains(tokens_[end].norm))) {
      ++end;
    }
    for (uint32_t last = end; last > i; --last) {
      if (!IsCapitalised(tokens_[last - 1])) continue;
      auto places = gazetteer_.Candidates(util::FoldForMatch(Surface(sentence_, i, last)));
      if (!places.empty()) {
        return PlaceMention{i, last, std::vector<const Place*>(places.begin(), places.end())};
      }
    }
    return std::nullopt;
  }

  // "in X", "in the occupied X", "in Idlib province", "in the northern city
  // of X" (left to AfterPlaceNoun, which sees the noun).
  void AfterPreposition(uint32_t i) {
    i = SkipModifiers(i);
    std::optional<PlaceMention> mention = NameAt(i);
    if (!mention) return;
    // "in Idlib province", "in Donetsk region": the noun says which kind.
    std::string next = WordAt(mention->last);
    if (util::IsOneOf(next, kTerritoryNouns)) KeepKinds(*mention, /*settlement=*/false);
    if (util::IsOneOf(next, kSettlementNouns) && WordAt(mention->last + 1) != "of") {
      KeepKinds(*mention, /*settlement=*/true);
    }
    Add(std::move(*mention));
  }

  // "the [Azerbaijani] city of X", "the Libyan capital X", "the outskirts of X".
  void AfterPlaceNoun(uint32_t noun) {
    const std::string word = WordAt(noun);
    uint32_t name;
    if (WordAt(noun + 1) == "of") {
      name = noun + 1 + 1;
      if (WordAt(name) == "the") ++name;
    } else if (word == "capital" && noun + 1 < tokens_.size() && IsCapitalised(tokens_[noun + 1])) {
      name = noun + 1;
    } else {
      return;
    }
    std::optional<PlaceMention> mention = NameAt(name);
    if (!mention) return;
    if (util::IsOneOf(word, kSettlementNouns)) KeepKinds(*mention, /*settlement=*/true);
    if (util::IsOneOf(word, kTerritoryNouns)) KeepKinds(*mention, /*settlement=*/false);
    // The adjective before the noun, past direction words: "the Azerbaijani
    // (second) city", "the Syrian northern province".
    uint32_t k = noun;
    while (k > 0 && kModifiers.ContainsFolded(tokens_[k - 1].norm) && WordAt(k - 1) != "the") --k;
    if (k > 0 && IsCapitalised(tokens_[k - 1])) {
      std::string adjective = util::FoldForMatch(tokens_[k - 1].norm);
      adjective = adjective.substr(0, adjective.find('-'));  // "Russian-occupied"
      KeepCountryOfAdjective(*mention, adjective);
    }
    Add(std::move(*mention));
  }

  // Keeps settlements (or territories); leaves the candidates as they were
  // when none is of that kind, since the noun may be loose ("the city of
  // Idlib" for the province seat or the province).
  static void KeepKinds(PlaceMention& mention, bool settlement) {
    std::vector<const Place*> kept;
    for (const Place* place : mention.candidates) {
      bool is_settlement = place->kind == Place::Kind::kCity;
      bool is_territory =
          place->kind == Place::Kind::kAdmin1 || place->kind == Place::Kind::kRegion;
      if (settlement ? is_settlement : is_territory) kept.push_back(place);
    }
    if (!kept.empty()) mention.candidates = std::move(kept);
  }

  // Keeps the places of the country the adjective names ("Azerbaijani" ->
  // Azerbaijan, "Lebanese" -> Lebanon): the country whose folded name shares
  // the longest prefix (at least four letters) with it, and which the
  // adjective extends by a suffix (at most two of its letters replaced).
  void KeepCountryOfAdjective(PlaceMention& mention, std::string_view adjective) const {
    auto score = [&](const Place* place) -> size_t {
      const Place* country = gazetteer_.Country(place->country);
      if (!country) return 0;
      std::string name = util::FoldForMatch(country->name);
      size_t common = 0;
      while (common < name.size() && common < adjective.size() &&
             name[common] == adjective[common]) {
        ++common;
      }
      return common >= 4 && name.size() - common <= 2 ? common : 0;
    };
    size_t best = 0;
    for (const Place* place : mention.candidates) best = std::max(best, score(place));
    if (best == 0) return;
    std::erase_if(mention.candidates, [&](const Place* place) { return score(place) != best; });
  }

  // A list of places goes on in a loop, not by recursion: a run-on
  // "sentence" of thousands of names must not exhaust the stack.
  void Add(PlaceMention mention) {
    std::optional<PlaceMention> next = std::move(mention);
    while (next) next = AddOne(std::move(*next));
  }

  // Records the mention (once per first token) and returns the mention that
  // continues it, if any: the next name of a list, or a place inside it.
  std::optional<PlaceMention> AddOne(PlaceMention mention) {
    if (taken_.empty()) taken_.resize(tokens_.size());
    if (taken_[mention.first]) return std::nullopt;
    taken_[mention.first] = true;
    uint32_t end = mention.last;
    std::vector<std::string> countries;
    for (const Place* place : mention.candidates) {
      if (place->kind == Place::Kind::kCountry) countries.push_back(place->country);
    }
    mentions_.push_back(std::move(mention));
    // "in Kharkiv and Odesa", "in Kharkiv, Odesa and Kyiv".
    uint32_t next = end;
    if (WordAt(next) == "," && (WordAt(next + 1) == "and" || WordAt(next + 1) == "or")) ++next;
    if (WordAt(next) == "and" || WordAt(next) == "or" || WordAt(next) == ",") return NameAt(next + 1);
    // "in Syria's Idlib province": the second place lies in the first.
    if (next < tokens_.size() && IsPossessive(tokens_[next]) && !countries.empty()) {
      std::optional<PlaceMention> inner = NameAt(next + 1);
      if (!inner) return std::nullopt;
      std::vector<const Place*> kept;
      for (const Place* place : inner->candidates) {
        if (std::find(countries.begin(), countries.end(), place->country) != countries.end()) {
          kept.push_back(place);
        }
      }
      if (kept.empty()) return std::nullopt;
      inner->candidates = std::move(kept);
      std::string noun = WordAt(inner->last);
      if (util::IsOneOf(noun, kTerritoryNouns)) KeepKinds(*inner, /*settlement=*/false);
      return inner;
    }
    return std::nullopt;
  }

  const Sentence& sentence_;
  const std::vector<Token>& tokens_;
  const Gazetteer& gazetteer_;
  std::vector<PlaceMention> mentions_;
  std::vector<bool> taken_;  // per token: a mention starts there (sized on first use)
};

}  // namespace

std::vector<PlaceMention> FindToponyms(const Sentence& sentence, const Gazetteer& gazetteer) {
  return Finder(sentence, gazetteer).Run();
}

const Place* Disambiguate(const PlaceMention& mention,
                          std::span<const std::string> context_countries) {
  auto context_rank = [&](const Place* place) -> size_t {
    auto it = std::find(context_countries.begin(), context_countries.end(), place->country);
    return static_cast<size_t>(it - context_countries.begin());
  };
  auto kind_rank = [](const Place* place) {
    switch (place->kind) {
      case Place::Kind::kCountry:
        return 0;
      case Place::Kind::kAdmin1:
      case Place::Kind::kRegion:
        return 2;
      case Place::Kind::kCity:
        return place->population >= 100000 ? 1 : 3;
    }
    return 3;
  };
  const Place* best = nullptr;
  std::tuple<size_t, int, int64_t> best_key;
  for (const Place* place : mention.candidates) {
    std::tuple<size_t, int, int64_t> key{context_rank(place), kind_rank(place), -place->population};
    if (!best || key < best_key) {
      best = place;
      best_key = key;
    }
  }
  if (best && !context_countries.empty() && std::get<0>(best_key) == context_countries.size() &&
      best->kind == Place::Kind::kCity && best->population < 5000) {
    return nullptr;
  }
  // A town of the context's country does not hide a great city of the same
  // name: "Donetsk" in a story about Russia is the Ukrainian city of a
  // million, not the Russian town of 50,000.
  if (best && best->kind == Place::Kind::kCity && best->population < 100000) {
    for (const Place* place : mention.candidates) {
      if (place->kind == Place::Kind::kCity && place->population >= 500000 &&
          place->population >= 20 * std::max<int64_t>(best->population, 1)) {
        best = place;
      }
    }
  }
  return best;
}

Location ToLocation(const Place& place) {
  Location location;
  location.name = place.name;
  location.country = place.country;
  location.admin1 = place.admin1;
  location.lat = place.lat;
  location.lon = place.lon;
  location.geonameid = place.geonameid;
  location.precision = KindName(place.kind);
  return location;
}

}  // namespace dyad::place
