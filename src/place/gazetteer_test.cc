#include "place/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "util/strings.h"

namespace dyad::place {
namespace {

namespace fs = std::filesystem;

// Loading parses the whole snapshot; share one gazetteer.
const Gazetteer& Shared() {
  static const Gazetteer gazetteer =
      Gazetteer::Load(Gazetteer::DefaultSnapshotPath(), Gazetteer::DefaultAliasesPath());
  return gazetteer;
}

// The most populous place of `kind` named `name` in `country`, or nullptr.
const Place* Find(std::string_view name, Place::Kind kind, std::string_view country) {
  const Place* best = nullptr;
  for (const Place* place : Shared().Candidates(util::FoldForMatch(name))) {
    if (place->kind == kind && place->country == country &&
        (!best || place->population > best->population)) {
      best = place;
    }
  }
  return best;
}

fs::path WriteTemp(const std::string& name, const std::string& text) {
  fs::path path = fs::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(GazetteerTest, SnapshotLoadsWithCountriesSubdivisionsAndCities) {
  EXPECT_GT(Shared().size(), 100000u);
  const Place* azerbaijan = Shared().Country("AZE");
  ASSERT_NE(azerbaijan, nullptr);
  EXPECT_EQ(azerbaijan->name, "Azerbaijan");
  EXPECT_EQ(azerbaijan->kind, Place::Kind::kCountry);
  EXPECT_EQ(Shared().Country("ZZZ"), nullptr);

  const Place* baku = Find("Baku", Place::Kind::kCity, "AZE");
  ASSERT_NE(baku, nullptr);
  EXPECT_TRUE(baku->geonameid.has_value());
  EXPECT_GT(baku->population, 1000000);
  EXPECT_NEAR(baku->lat, 40.4, 0.2);
  EXPECT_NEAR(baku->lon, 49.9, 0.2);

  const Place* georgia_state = Find("Georgia", Place::Kind::kAdmin1, "USA");
  ASSERT_NE(georgia_state, nullptr);
  const Place* atlanta = Find("Atlanta", Place::Kind::kCity, "USA");
  ASSERT_NE(atlanta, nullptr);
  EXPECT_EQ(atlanta->admin1, "Georgia");
}

TEST(GazetteerTest, CountryVariantsFromTheDataPackages) {
  const Place* usa = Shared().Country("USA");
  ASSERT_NE(usa, nullptr);
  for (std::string_view name : {"United States", "United States of America", "U.S."}) {
    auto candidates = Shared().Candidates(util::FoldForMatch(name));
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), usa), candidates.end()) << name;
  }
  // "US" alone is an ordinary pronoun in headlines' capitals: not a name.
  for (const Place* place : Shared().Candidates("us")) EXPECT_NE(place, usa);
}

TEST(GazetteerTest, ContestedNamesLeadToOnePlace) {
  const Place* stepanakert = Find("Stepanakert", Place::Kind::kCity, "AZE");
  ASSERT_NE(stepanakert, nullptr);
  EXPECT_EQ(Find("Khankendi", Place::Kind::kCity, "AZE"), stepanakert);
  EXPECT_EQ(Find("Xankəndi", Place::Kind::kCity, "AZE"), stepanakert);
  // The alias row joined the GeoNames record rather than duplicating it.
  EXPECT_TRUE(stepanakert->geonameid.has_value());

  const Place* kyiv = Find("Kyiv", Place::Kind::kCity, "UKR");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(Find("Kiev", Place::Kind::kCity, "UKR"), kyiv);
  EXPECT_EQ(Find("Odessa", Place::Kind::kCity, "UKR"), Find("Odesa", Place::Kind::kCity, "UKR"));
  EXPECT_EQ(Find("Bombay", Place::Kind::kCity, "IND"), Find("Mumbai", Place::Kind::kCity, "IND"));
  EXPECT_EQ(Find("Gyandzha", Place::Kind::kCity, "AZE"), Find("Ganja", Place::Kind::kCity, "AZE"));
}

TEST(GazetteerTest, AliasRegionsArePlacesOfTheirOwn) {
  const Place* karabakh = Find("Nagorno-Karabakh", Place::Kind::kRegion, "AZE");
  ASSERT_NE(karabakh, nullptr);
  EXPECT_EQ(Find("Artsakh", Place::Kind::kRegion, "AZE"), karabakh);
  EXPECT_FALSE(karabakh->geonameid.has_value());
  EXPECT_NE(Find("West Bank", Place::Kind::kRegion, "PSE"), nullptr);
  EXPECT_NE(Find("Donbass", Place::Kind::kRegion, "UKR"), nullptr);
  EXPECT_EQ(KindName(Place::Kind::kRegion), std::string("region"));
}

TEST(GazetteerTest, UnknownNameHasNoCandidates) {
  EXPECT_TRUE(Shared().Candidates("qqqxyzzy").empty());
  EXPECT_TRUE(Shared().Candidates("").empty());
}

TEST(GazetteerTest, MalformedAliasFileNamesFileAndLine) {
  fs::path aliases = WriteTemp("dyad_place_bad_aliases.tsv",
                               "# comment\n"
                               "Somewhere\tcity\tAZE\t\t40.0\t47.0\n"
                               "Elsewhere\tvillage\tAZE\t\t40.0\t47.0\n");
  try {
    Gazetteer::Load(Gazetteer::DefaultSnapshotPath(), aliases);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("dyad_place_bad_aliases.tsv:3:"), std::string::npos)
        << e.what();
  }
  fs::path fields = WriteTemp("dyad_place_bad_fields.tsv", "Somewhere\tcity\tAZE\n");
  EXPECT_THROW(Gazetteer::Load(Gazetteer::DefaultSnapshotPath(), fields), std::runtime_error);
  fs::path coordinates =
      WriteTemp("dyad_place_bad_coordinates.tsv", "Somewhere\tcity\tAZE\t\tnorth\t47.0\n");
  EXPECT_THROW(Gazetteer::Load(Gazetteer::DefaultSnapshotPath(), coordinates), std::runtime_error);
  fs::remove(aliases);
  fs::remove(fields);
  fs::remove(coordinates);
}

TEST(GazetteerTest, MalformedSnapshotNamesFileAndLine) {
  fs::path snapshot = WriteTemp("dyad_place_bad_snapshot.tsv",
                                "# header\n"
                                "C\tAzerbaijan\tAZE\t\t40.4\t48.9\t\t7000000\t\n"
                                "P\tBaku\tAZE\t\tforty\t49.9\t587084\t2000000\t\n");
  fs::path aliases = WriteTemp("dyad_place_empty_aliases.tsv", "# none\n");
  try {
    Gazetteer::Load(snapshot, aliases);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("dyad_place_bad_snapshot.tsv:3:"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(Gazetteer::Load("/nonexistent/gazetteer.tsv", aliases), std::runtime_error);
  fs::remove(snapshot);
  fs::remove(aliases);
}

}  // namespace
}  // namespace dyad::place
