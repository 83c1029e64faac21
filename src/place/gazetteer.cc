#include "place/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "util/file.h"
#include "util/strings.h"

namespace dyad::place {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Fail(const fs::path& path, size_t line, std::string_view what) {
  throw std::runtime_error(path.string() + ":" + std::to_string(line) + ": " + std::string(what));
}

// Splits a line on tabs into exactly `n` fields; false if the count differs.
bool SplitTabs(std::string_view line, std::string_view* fields, size_t n) {
  size_t count = 0;
  while (true) {
    size_t tab = line.find('\t');
    if (count == n) return false;
    fields[count++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return count == n;
}

// Decimal numbers the way the snapshot writes them ("-69.9899") are read
// without std::from_chars: their digits, an integer below 2^53, divided
// by an exact power of ten, which IEEE division rounds correctly, as
// from_chars does (from_chars was an eighth of the gazetteer's load).
// Anything else (exponents, more than 15 digits) goes to from_chars.
bool ParseDouble(std::string_view text, double& out) {
  text = util::Trim(text);
  static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const bool negative = text.starts_with('-');
  uint64_t digits = 0;
  size_t i = negative ? 1 : 0;
  const size_t integer_begin = i;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) digits = digits * 10 + (text[i] - '0');
  const size_t integer_digits = i - integer_begin;
  size_t fraction_digits = 0;
  if (i + 1 < text.size() && text[i] == '.') {
    const size_t fraction_begin = ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) digits = digits * 10 + (text[i] - '0');
    fraction_digits = i - fraction_begin;
  }
  if (i == text.size() && integer_digits > 0 && integer_digits + fraction_digits <= 15) {
    const double value = static_cast<double>(digits) / kPowersOfTen[fraction_digits];
    out = negative ? -value : value;
    return true;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseInt(std::string_view text, int64_t& out) {
  text = util::Trim(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool IsAlpha3(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// std::count(text, c), by memchr: a byte-at-a-time count of the 7 MB
// snapshot cost more than reading it.
size_t CountBytes(std::string_view text, char c) {
  size_t count = 0;
  for (size_t i = text.find(c); i != std::string_view::npos; i = text.find(c, i + 1)) ++count;
  return count;
}

std::optional<Place::Kind> KindFromPrecision(std::string_view text) {
  if (text == "city") return Place::Kind::kCity;
  if (text == "admin1") return Place::Kind::kAdmin1;
  if (text == "region") return Place::Kind::kRegion;
  if (text == "country") return Place::Kind::kCountry;
  return std::nullopt;
}

// One row of the alias table.
struct AliasRow {
  std::vector<std::string> names;
  Place place;
};

}  // namespace

const char* KindName(Place::Kind kind) {
  switch (kind) {
    case Place::Kind::kCountry:
      return "country";
    case Place::Kind::kAdmin1:
      return "admin1";
    case Place::Kind::kRegion:
      return "region";
    case Place::Kind::kCity:
      return "city";
  }
  return "city";
}

struct Gazetteer::Impl {
  // Sized once before loading, so that Place addresses stay put.
  std::vector<Place> places;
  // Name index: the distinct folded names (keys) in a hash table with
  // linear probing; the candidates of key i are
  // pointers[offsets[i] .. offsets[i + 1]). A hash table, not sorted keys:
  // sorting 163,000 names was half of the gazetteer's load.
  std::string key_arena;
  struct Key {
    uint32_t begin;
    uint32_t size;
  };
  std::vector<Key> keys;
  std::vector<uint32_t> slots;  // key index + 1; 0 for an empty slot
  std::vector<uint32_t> offsets;
  std::vector<const Place*> pointers;
  std::vector<std::pair<std::string, const Place*>> countries;  // by alpha-3

  // Build-time state: (key, place) per name, in the order read, and the
  // candidates indexed so far as place indices (IndexNames).
  struct Name {
    uint32_t key;
    uint32_t place;
  };
  std::vector<Name> names;
  std::vector<uint32_t> candidates;
  std::string folded;  // scratch

  std::string_view KeyOf(uint32_t key) const {
    return std::string_view(key_arena).substr(keys[key].begin, keys[key].size);
  }

  // A table for `expected` keys, at most half full; it grows if need be.
  void ReserveKeys(size_t expected) {
    keys.reserve(expected);
    size_t size = 1024;
    while (size < 2 * expected) size *= 2;
    Rehash(size);
  }

  void Rehash(size_t size) {
    slots.assign(size, 0);
    for (uint32_t k = 0; k < keys.size(); ++k) slots[SlotOf(KeyOf(k))] = k + 1;
  }

  // The slot where `key` is or would go.
  size_t SlotOf(std::string_view key) const {
    const size_t mask = slots.size() - 1;
    size_t slot = std::hash<std::string_view>()(key) & mask;
    while (slots[slot] != 0 && KeyOf(slots[slot] - 1) != key) slot = (slot + 1) & mask;
    return slot;
  }

  // The index of `key`, or nullopt.
  std::optional<uint32_t> FindKey(std::string_view key) const {
    const uint32_t entry = slots[SlotOf(key)];
    if (entry == 0) return std::nullopt;
    return entry - 1;
  }

  void AddName(std::string_view name, uint32_t place) {
    util::FoldForMatch(util::Trim(name), folded);
    if (folded.empty()) return;
    size_t slot = SlotOf(folded);
    if (slots[slot] == 0) {
      if (2 * (keys.size() + 1) > slots.size()) {
        Rehash(2 * slots.size());
        slot = SlotOf(folded);
      }
      keys.push_back({static_cast<uint32_t>(key_arena.size()), static_cast<uint32_t>(folded.size())});
      key_arena += folded;
      slots[slot] = static_cast<uint32_t>(keys.size());
    }
    names.push_back({slots[slot] - 1, place});
  }

  // Groups `names` by key into offsets and candidates (place indices),
  // each key's places in ascending order without repeats ("Gence" and
  // "Gəncə" fold alike).
  void IndexNames() {
    offsets.assign(keys.size() + 1, 0);
    for (const Name& name : names) ++offsets[name.key + 1];
    for (size_t k = 0; k < keys.size(); ++k) offsets[k + 1] += offsets[k];
    std::vector<uint32_t> grouped(names.size());
    std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (const Name& name : names) grouped[next[name.key]++] = name.place;
    candidates.clear();
    candidates.reserve(grouped.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      const auto begin = grouped.begin() + offsets[k];
      const auto end = grouped.begin() + offsets[k + 1];
      if (end - begin > 1) std::sort(begin, end);
      offsets[k] = static_cast<uint32_t>(candidates.size());
      std::unique_copy(begin, end, std::back_inserter(candidates));
    }
    offsets.back() = static_cast<uint32_t>(candidates.size());
  }

  // Places whose name folds to `key`, from the last IndexNames (build time).
  std::span<const uint32_t> Lookup(std::string_view key) const {
    std::optional<uint32_t> k = FindKey(key);
    if (!k || *k + 1 >= offsets.size()) return {};
    return std::span<const uint32_t>(candidates).subspan(offsets[*k], offsets[*k + 1] - offsets[*k]);
  }

  void BuildIndex() {
    IndexNames();
    pointers.reserve(candidates.size());
    for (uint32_t place : candidates) pointers.push_back(&places[place]);
    names = {};
    candidates = {};
    for (const Place& p : places) {
      if (p.kind == Place::Kind::kCountry) countries.emplace_back(p.country, &p);
    }
    // The snapshot's record comes first: an alias row only adds names to it.
    std::stable_sort(countries.begin(), countries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  void ReadSnapshot(const fs::path& path, size_t alias_places, size_t alias_names);
  void AddAliases(std::vector<AliasRow> rows);
};

// Snapshot lines: kind name country3 admin1 lat lon geonameid population
// other_names (tools/build_gazetteer.js). `alias_places` and `alias_names`
// are the alias table's, so that places and keys are sized once.
void Gazetteer::Impl::ReadSnapshot(const fs::path& path, size_t alias_places, size_t alias_names) {
  const std::string text = util::ReadFile(path);
  const size_t lines = CountBytes(text, '\n') + 1;
  // About one name per line and one more per '|' (other names).
  const size_t expected_names = lines + CountBytes(text, '|') + alias_names;
  places.reserve(lines + alias_places);
  ReserveKeys(expected_names);
  names.reserve(expected_names);
  key_arena.reserve(text.size() / 2);  // the names are about a third of the text
  std::string_view rest = text;
  size_t line_number = 0;
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[9];
    if (!SplitTabs(line, f, 9)) Fail(path, line_number, "expected 9 tab-separated fields");
    Place::Kind kind;
    if (f[0] == "C") {
      kind = Place::Kind::kCountry;
    } else if (f[0] == "A") {
      kind = Place::Kind::kAdmin1;
    } else if (f[0] == "P") {
      kind = Place::Kind::kCity;
    } else {
      Fail(path, line_number, "unknown kind '" + std::string(f[0]) + "'");
    }
    const auto index = static_cast<uint32_t>(places.size());
    Place& place = places.emplace_back();
    place.kind = kind;
    place.name = f[1];
    place.country = f[2];
    place.admin1 = f[3];
    int64_t id = 0;
    if (place.name.empty() || !IsAlpha3(place.country) || !ParseDouble(f[4], place.lat) ||
        !ParseDouble(f[5], place.lon) || (!f[6].empty() && !ParseInt(f[6], id)) ||
        !ParseInt(f[7], place.population)) {
      Fail(path, line_number, "malformed place record");
    }
    if (!f[6].empty()) place.geonameid = id;
    AddName(place.name, index);
    for (std::string_view others = f[8]; !others.empty();) {
      const size_t bar = others.find('|');
      AddName(others.substr(0, bar), index);
      others.remove_prefix(bar == std::string_view::npos ? others.size() : bar + 1);
    }
  }
  if (places.empty()) throw std::runtime_error(path.string() + ": no places");
}

// Alias lines: names precision country admin1 lat lon (data/places/README.md).
// Parsed before the snapshot is read, so that a slip in the small hand-written
// file is reported at once.
std::vector<AliasRow> ParseAliases(const fs::path& path) {
  const std::string text = util::ReadFile(path);
  std::vector<AliasRow> rows;
  std::istringstream in(text);
  std::string raw;
  size_t line_number = 0;
  while (std::getline(in, raw)) {
    ++line_number;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (util::Trim(line).empty() || line[0] == '#') continue;
    std::string_view f[6];
    if (!SplitTabs(line, f, 6)) Fail(path, line_number, "expected 6 tab-separated fields");
    AliasRow row;
    for (std::string_view name : util::Split(f[0], '|')) {
      if (name.empty()) Fail(path, line_number, "empty name");
      row.names.emplace_back(name);
    }
    std::optional<Place::Kind> kind = KindFromPrecision(f[1]);
    if (!kind) {
      Fail(path, line_number,
           "precision must be city, admin1, region or country, not '" + std::string(f[1]) + "'");
    }
    if (!f[2].empty() && !IsAlpha3(f[2])) {
      Fail(path, line_number,
           "country must be an ISO alpha-3 code, not '" + std::string(f[2]) + "'");
    }
    Place& place = row.place;
    place.kind = *kind;
    place.name = row.names.front();
    place.country = std::string(f[2]);
    place.admin1 = std::string(f[3]);
    if (!ParseDouble(f[4], place.lat) || !ParseDouble(f[5], place.lon) || place.lat < -90 ||
        place.lat > 90 || place.lon < -180 || place.lon > 180) {
      Fail(path, line_number, "latitude and longitude must be decimal degrees");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void Gazetteer::Impl::AddAliases(std::vector<AliasRow> rows) {
  IndexNames();  // the snapshot's names, for Lookup
  for (AliasRow& row : rows) {
    const Place& place = row.place;
    // A row for a place the snapshot has adds its names to that record, so
    // that every name of it leads to one place; the most populous wins when
    // several places of that kind and country share a name. Regions are
    // never in the snapshot.
    std::optional<uint32_t> target;
    if (place.kind != Place::Kind::kRegion) {
      for (const std::string& name : row.names) {
        for (uint32_t index : Lookup(util::FoldForMatch(name))) {
          const Place& p = places[index];
          if (p.kind != place.kind || p.country != place.country) continue;
          if (!target || p.population > places[*target].population) target = index;
        }
      }
    }
    if (!target) {
      target = static_cast<uint32_t>(places.size());
      places.push_back(std::move(row.place));
    } else if (place.kind == Place::Kind::kCountry) {
      // The packages' short names are not always the ones news uses ("Great
      // Britain" for the United Kingdom); a country row's first name is.
      // City records keep their GeoNames name, contested or not.
      places[*target].name = row.names.front();
    }
    for (const std::string& name : row.names) AddName(name, *target);
  }
}

Gazetteer::Gazetteer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::Load(const fs::path& snapshot, const fs::path& aliases_tsv) {
  std::vector<AliasRow> aliases = ParseAliases(aliases_tsv);
  size_t alias_names = 0;
  for (const AliasRow& row : aliases) alias_names += row.names.size();
  auto impl = std::make_unique<Impl>();
  impl->ReadSnapshot(snapshot, aliases.size(), alias_names);
  impl->AddAliases(std::move(aliases));
  impl->BuildIndex();
  return Gazetteer(std::move(impl));
}

fs::path Gazetteer::DefaultSnapshotPath() {
  return fs::path(DYAD_BUILD_DATA_DIR) / "gazetteer.tsv";
}

fs::path Gazetteer::DefaultAliasesPath() {
  return fs::path(DYAD_SOURCE_DIR) / "data" / "places" / "aliases.tsv";
}

std::span<const Place* const> Gazetteer::Candidates(std::string_view folded_name) const {
  std::optional<uint32_t> key = impl_->FindKey(folded_name);
  if (!key) return {};
  const auto& offsets = impl_->offsets;
  return std::span<const Place* const>(impl_->pointers.data() + offsets[*key],
                                       offsets[*key + 1] - offsets[*key]);
}

const Place* Gazetteer::Country(std::string_view alpha3) const {
  const auto& countries = impl_->countries;
  auto it = std::lower_bound(countries.begin(), countries.end(), alpha3,
                             [](const auto& c, std::string_view code) { return c.first < code; });
  return it != countries.end() && it->first == alpha3 ? it->second : nullptr;
}

size_t Gazetteer::size() const { return impl_->places.size(); }

}  // namespace dyad::place
