#include "place/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <fstream>
#include <iterator>
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

bool ParseDouble(std::string_view text, double& out) {
  text = util::Trim(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseInt(std::string_view text, int64_t& out) {
  text = util::Trim(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool IsAlpha3(std::string_view code) {
  return code.size() == 3 && util::IsAllCaps(code) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
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
  // A deque so that Place addresses survive while the alias table adds more.
  std::deque<Place> places;
  // Name index: distinct folded names in byte order; the candidates of
  // keys[i] are pointers[offsets[i] .. offsets[i + 1]).
  std::string key_arena;
  std::vector<std::string_view> keys;
  std::vector<uint32_t> offsets;
  std::vector<const Place*> pointers;
  std::vector<std::pair<std::string, const Place*>> countries;  // by alpha-3

  // Build-time state: (key offset, key length, place index) per name, and
  // the key's first eight bytes as a big-endian number (zero-padded; keys
  // hold no zero bytes), which orders entries as their keys do: sorting
  // several hundred thousand names compares that number and reads the
  // arena only for keys with a common eight-byte prefix.
  struct Entry {
    uint64_t prefix;
    uint32_t key_begin;
    uint32_t key_size;
    uint32_t place;
  };
  static uint64_t KeyPrefix(std::string_view key) {
    uint64_t prefix = 0;
    for (size_t i = 0; i < 8; ++i) {
      prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
    }
    return prefix;
  }
  std::vector<Entry> entries;

  std::string_view KeyOf(const Entry& e) const {
    return std::string_view(key_arena).substr(e.key_begin, e.key_size);
  }

  void AddName(std::string_view name, uint32_t place) {
    std::string folded = util::FoldForMatch(util::Trim(name));
    if (folded.empty()) return;
    entries.push_back({KeyPrefix(folded), static_cast<uint32_t>(key_arena.size()),
                       static_cast<uint32_t>(folded.size()), place});
    key_arena += folded;
  }

  void SortEntries(size_t sorted_prefix) {
    auto less = [this](const Entry& a, const Entry& b) {
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      int c = KeyOf(a).compare(KeyOf(b));
      return c != 0 ? c < 0 : a.place < b.place;
    };
    auto middle = entries.begin() + static_cast<std::ptrdiff_t>(sorted_prefix);
    std::sort(middle, entries.end(), less);
    std::inplace_merge(entries.begin(), middle, entries.end(), less);
    // One entry per (name, place): "Gence" and "Gəncə" fold alike.
    auto same = [this](const Entry& a, const Entry& b) {
      return a.place == b.place && KeyOf(a) == KeyOf(b);
    };
    entries.erase(std::unique(entries.begin(), entries.end(), same), entries.end());
  }

  // Places whose name folds to `key`, from the sorted entries (build time).
  std::vector<uint32_t> Lookup(std::string_view key) const {
    auto it = std::lower_bound(entries.begin(), entries.end(), key,
                               [this](const Entry& e, std::string_view k) { return KeyOf(e) < k; });
    std::vector<uint32_t> found;
    for (; it != entries.end() && KeyOf(*it) == key; ++it) found.push_back(it->place);
    return found;
  }

  void BuildIndex() {
    keys.clear();
    offsets.clear();
    pointers.clear();
    pointers.reserve(entries.size());
    for (const Entry& e : entries) {
      std::string_view key = KeyOf(e);
      if (keys.empty() || keys.back() != key) {
        keys.push_back(key);
        offsets.push_back(static_cast<uint32_t>(pointers.size()));
      }
      pointers.push_back(&places[e.place]);
    }
    offsets.push_back(static_cast<uint32_t>(pointers.size()));
    entries.clear();
    entries.shrink_to_fit();
    for (const Place& p : places) {
      if (p.kind == Place::Kind::kCountry) countries.emplace_back(p.country, &p);
    }
    // The snapshot's record comes first: an alias row only adds names to it.
    std::stable_sort(countries.begin(), countries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  void ReadSnapshot(const fs::path& path);
  void AddAliases(std::vector<AliasRow> rows);
};

// Snapshot lines: kind name country3 admin1 lat lon geonameid population
// other_names (tools/build_gazetteer.js).
void Gazetteer::Impl::ReadSnapshot(const fs::path& path) {
  const std::string text = util::ReadFile(path);
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
    Place place;
    if (f[0] == "C") {
      place.kind = Place::Kind::kCountry;
    } else if (f[0] == "A") {
      place.kind = Place::Kind::kAdmin1;
    } else if (f[0] == "P") {
      place.kind = Place::Kind::kCity;
    } else {
      Fail(path, line_number, "unknown kind '" + std::string(f[0]) + "'");
    }
    place.name = std::string(f[1]);
    place.country = std::string(f[2]);
    place.admin1 = std::string(f[3]);
    int64_t id = 0;
    if (place.name.empty() || !IsAlpha3(place.country) || !ParseDouble(f[4], place.lat) ||
        !ParseDouble(f[5], place.lon) || (!f[6].empty() && !ParseInt(f[6], id)) ||
        !ParseInt(f[7], place.population)) {
      Fail(path, line_number, "malformed place record");
    }
    if (!f[6].empty()) place.geonameid = id;
    const auto index = static_cast<uint32_t>(places.size());
    places.push_back(std::move(place));
    AddName(places.back().name, index);
    if (!f[8].empty()) {
      for (std::string_view other : util::Split(f[8], '|')) AddName(other, index);
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
  const size_t sorted = entries.size();
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
  SortEntries(sorted);
}

Gazetteer::Gazetteer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::Load(const fs::path& snapshot, const fs::path& aliases_tsv) {
  std::vector<AliasRow> aliases = ParseAliases(aliases_tsv);
  auto impl = std::make_unique<Impl>();
  impl->ReadSnapshot(snapshot);
  impl->SortEntries(0);
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
  const auto& keys = impl_->keys;
  auto it = std::lower_bound(keys.begin(), keys.end(), folded_name);
  if (it == keys.end() || *it != folded_name) return {};
  const auto i = static_cast<size_t>(it - keys.begin());
  return std::span<const Place* const>(impl_->pointers.data() + impl_->offsets[i],
                                       impl_->offsets[i + 1] - impl_->offsets[i]);
}

const Place* Gazetteer::Country(std::string_view alpha3) const {
  const auto& countries = impl_->countries;
  auto it = std::lower_bound(countries.begin(), countries.end(), alpha3,
                             [](const auto& c, std::string_view code) { return c.first < code; });
  return it != countries.end() && it->first == alpha3 ? it->second : nullptr;
}

size_t Gazetteer::size() const { return impl_->places.size(); }

}  // namespace dyad::place
