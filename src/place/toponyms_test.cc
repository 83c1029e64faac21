#include "place/toponyms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "place/gazetteer.h"
#include "tag/tagger.h"
#include "text/segmenter.h"

namespace dyad::place {
namespace {

class ToponymTest : public ::testing::Test {
 protected:
  // Both loads take a while under the sanitizers: once per suite.
  static void SetUpTestSuite() {
    gazetteer_ = new Gazetteer(
        Gazetteer::Load(Gazetteer::DefaultSnapshotPath(), Gazetteer::DefaultAliasesPath()));
    tagger_ =
        new tag::Tagger(tag::Tagger::Load(tag::DefaultLexiconPath(), tag::DefaultWordNetDir()));
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    delete tagger_;
    gazetteer_ = nullptr;
    tagger_ = nullptr;
  }

  // The first sentence of `text`, segmented and tagged.
  static Sentence Tagged(const std::string& text) {
    std::vector<Sentence> sentences = text::Segment(text, 0, text.size());
    EXPECT_FALSE(sentences.empty());
    Sentence sentence = sentences.front();
    tagger_->Tag(sentence);
    return sentence;
  }

  // "name=COUNTRY/precision" for each mention, resolved in `context`.
  static std::vector<std::string> Resolve(const std::string& text,
                                          std::vector<std::string> context = {}) {
    Sentence sentence = Tagged(text);
    std::vector<std::string> out;
    for (const PlaceMention& mention : FindToponyms(sentence, *gazetteer_)) {
      std::string words;
      for (uint32_t i = mention.first; i < mention.last; ++i) {
        if (!words.empty() && sentence.tokens[i].begin > sentence.tokens[i - 1].end) words += ' ';
        words += sentence.tokens[i].norm;
      }
      const Place* place = Disambiguate(mention, context);
      out.push_back(words + "=" +
                    (place ? place->country + "/" + KindName(place->kind) : std::string("none")));
    }
    return out;
  }

  static const Place* Best(const std::string& text, std::vector<std::string> context = {}) {
    Sentence sentence = Tagged(text);
    std::vector<PlaceMention> mentions = FindToponyms(sentence, *gazetteer_);
    return mentions.empty() ? nullptr : Disambiguate(mentions.front(), context);
  }

  static Gazetteer* gazetteer_;
  static tag::Tagger* tagger_;
};

Gazetteer* ToponymTest::gazetteer_ = nullptr;
tag::Tagger* ToponymTest::tagger_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(ToponymTest, ContestedCityNamesResolveAlike) {
  const Place* stepanakert = Best("Shelling was reported in Stepanakert on Tuesday.");
  ASSERT_NE(stepanakert, nullptr);
  EXPECT_EQ(Best("Shelling was reported in Khankendi on Tuesday."), stepanakert);
  EXPECT_EQ(Best("Shelling was reported in Xankəndi on Tuesday."), stepanakert);
  EXPECT_EQ(stepanakert->country, "AZE");

  const Place* kyiv = Best("Air raid sirens sounded in Kyiv overnight.");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(Best("Air raid sirens sounded in Kiev overnight."), kyiv);
  EXPECT_EQ(kyiv->country, "UKR");
  EXPECT_EQ(kyiv->kind, Place::Kind::kCity);
}

TEST_F(ToponymTest, HyphenatedRegion) {
  EXPECT_EQ(Resolve("Fighting resumed in Nagorno-Karabakh on Sunday."),
            Strings({"Nagorno-Karabakh=AZE/region"}));
  EXPECT_EQ(Resolve("Armenian troops withdrew from positions in the disputed Nagorno-Karabakh."),
            Strings({"Nagorno-Karabakh=AZE/region"}));
}

TEST_F(ToponymTest, NearAndDirectionWords) {
  EXPECT_EQ(Resolve("Government forces shelled rebel positions near Aleppo."),
            Strings({"Aleppo=SYR/city"}));
  EXPECT_EQ(Resolve("Russian troops massed in eastern Ukraine."), Strings({"Ukraine=UKR/country"}));
  EXPECT_EQ(Resolve("Israeli forces raided a camp in the occupied West Bank."),
            Strings({"West Bank=PSE/region"}));
}

TEST_F(ToponymTest, CityOfWithNationalAdjective) {
  EXPECT_EQ(Resolve("Armenian forces fired missiles at the Azerbaijani city of Ganja."),
            Strings({"Ganja=AZE/city"}));
  // No preposition needed: the noun phrase itself places the event.
  EXPECT_EQ(Resolve("Missiles struck the Azerbaijani city of Ganja on Sunday."),
            Strings({"Ganja=AZE/city"}));
  EXPECT_EQ(Resolve("Militias clashed in the Lebanese city of Tripoli."),
            Strings({"Tripoli=LBN/city"}));
  EXPECT_EQ(Resolve("Gunmen stormed a hotel in the Libyan capital Tripoli."),
            Strings({"Tripoli=LBY/city"}));
}

TEST_F(ToponymTest, GeorgiaCountryUnlessUsContext) {
  EXPECT_EQ(Resolve("Protesters gathered in Georgia on Monday."), Strings({"Georgia=GEO/country"}));
  EXPECT_EQ(Resolve("Protesters gathered in Georgia on Monday.", {"RUS", "GEO"}),
            Strings({"Georgia=GEO/country"}));
  EXPECT_EQ(Resolve("Protesters gathered in Georgia on Monday.", {"USA"}),
            Strings({"Georgia=USA/admin1"}));
}

TEST_F(ToponymTest, TripoliByContext) {
  const std::string text = "Clashes erupted in Tripoli after the talks collapsed.";
  EXPECT_EQ(Resolve(text, {"LBY"}), Strings({"Tripoli=LBY/city"}));
  EXPECT_EQ(Resolve(text, {"LBN"}), Strings({"Tripoli=LBN/city"}));
  EXPECT_EQ(Resolve(text, {"ISR", "LBN"}), Strings({"Tripoli=LBN/city"}));
  // Without a context the larger city.
  EXPECT_EQ(Resolve(text), Strings({"Tripoli=LBY/city"}));
}

TEST_F(ToponymTest, ActorsAreNotLocations) {
  EXPECT_TRUE(Resolve("Washington said it would impose new sanctions.").empty());
  EXPECT_TRUE(Resolve("Russia attacked Ukraine in February.").empty());
  EXPECT_TRUE(Resolve("Talks between Armenia and Azerbaijan stalled.").empty());
  EXPECT_TRUE(Resolve("The refugees fled from Mosul last year.").empty());
}

TEST_F(ToponymTest, CapitalisationAndCommonWords) {
  // Lower-case words are not names, and months are not places.
  EXPECT_TRUE(Resolve("The talks resumed in May after a pause.").empty());
  EXPECT_TRUE(Resolve("Prices rose in nice weather.").empty());
}

TEST_F(ToponymTest, CoordinatedAndPossessivePlaces) {
  EXPECT_EQ(Resolve("Drones hit power stations in Kharkiv and Odessa."),
            Strings({"Kharkiv=UKR/city", "Odessa=UKR/city"}));
  EXPECT_EQ(Resolve("Air strikes were reported in Syria's Idlib province."),
            Strings({"Syria=SYR/country", "Idlib=SYR/admin1"}));
}

TEST_F(ToponymTest, LocationFields) {
  const Place* ganja = Best("An explosion was heard in Ganja.");
  ASSERT_NE(ganja, nullptr);
  Location location = ToLocation(*ganja);
  EXPECT_EQ(location.name, "Ganja");
  EXPECT_EQ(location.country, "AZE");
  EXPECT_EQ(location.precision, "city");
  EXPECT_TRUE(location.geonameid.has_value());
  EXPECT_NEAR(location.lat, 40.68, 0.05);
  EXPECT_NEAR(location.lon, 46.36, 0.05);
}

TEST(PlaceDisambiguateTest, NothingFits) {
  PlaceMention empty;
  EXPECT_EQ(Disambiguate(empty, {}), nullptr);
  Place hamlet{.name = "Hope", .country = "CAN", .population = 1200, .kind = Place::Kind::kCity};
  PlaceMention mention{0, 1, {&hamlet}};
  std::vector<std::string> context = {"SYR"};
  EXPECT_EQ(Disambiguate(mention, context), nullptr);
  EXPECT_EQ(Disambiguate(mention, {}), &hamlet);
}

}  // namespace
}  // namespace dyad::place
