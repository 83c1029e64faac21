// The place stage's gazetteer: countries, first-level subdivisions, regions
// and cities with the names news uses for them (data/places/README.md).
// Immutable after Load; every method is const and thread-safe.
#ifndef DYAD_PLACE_GAZETTEER_H_
#define DYAD_PLACE_GAZETTEER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dyad::place {

struct Place {
  enum class Kind { kCountry, kAdmin1, kRegion, kCity };

  std::string name;
  std::string country;  // ISO 3166-1 alpha-3 ("AZE"); empty if disputed
  std::string admin1;   // first-level subdivision of a city, when known
  double lat = 0;
  double lon = 0;
  std::optional<int64_t> geonameid;
  // GeoNames population; for countries and subdivisions the sum over their
  // GeoNames places (a ranking weight, not a census figure); 0 if unknown.
  int64_t population = 0;
  Kind kind = Kind::kCity;
};

// "city", "admin1", "region" or "country": the precision field of Location.
const char* KindName(Place::Kind kind);

class Gazetteer {
 public:
  // Reads the snapshot the build makes (tools/build_gazetteer.js) and the
  // project's alias table (data/places/aliases.tsv). Throws
  // std::runtime_error naming file and line when either is missing or
  // malformed.
  static Gazetteer Load(const std::filesystem::path& snapshot,
                        const std::filesystem::path& aliases_tsv);
  // <build dir>/data/gazetteer.tsv.
  static std::filesystem::path DefaultSnapshotPath();
  // data/places/aliases.tsv in the source tree dyad was built from.
  static std::filesystem::path DefaultAliasesPath();

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Every place one of whose names folds (util::FoldForMatch) to
  // `folded_name`, in snapshot order (countries, subdivisions, cities by
  // falling population), then the alias table's own places. Empty if none.
  std::span<const Place* const> Candidates(std::string_view folded_name) const;

  // The country with ISO alpha-3 code `alpha3`, or nullptr.
  const Place* Country(std::string_view alpha3) const;

  // Number of distinct places.
  size_t size() const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace dyad::place

#endif  // DYAD_PLACE_GAZETTEER_H_
