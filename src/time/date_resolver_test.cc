#include "time/date_resolver.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tag/tagger.h"
#include "text/segmenter.h"
#include "util/date.h"

namespace dyad::time {
namespace {

// Loading takes a while under the sanitizers; one tagger for every test.
const tag::Tagger& SharedTagger() {
  static const tag::Tagger tagger =
      tag::Tagger::Load(tag::DefaultLexiconPath(), tag::DefaultWordNetDir());
  return tagger;
}

int Day(std::string_view iso) {
  const std::optional<int> day = util::ParseIsoDate(iso);
  EXPECT_TRUE(day) << iso;
  return day.value_or(0);
}

// Segments, tags and searches `text` (one sentence) as published on
// `publication`; returns each mention as "span text=ISO granularity", with
// " rel" when it is relative.
std::vector<std::string> Dates(std::string_view text, std::string_view publication) {
  std::vector<Sentence> sentences = text::Segment(text, 0, text.size());
  EXPECT_EQ(sentences.size(), 1u) << text;
  std::vector<std::string> out;
  for (Sentence& sentence : sentences) {
    SharedTagger().Tag(sentence);
    for (const DateMention& mention : FindDates(sentence, Day(publication))) {
      EXPECT_LT(mention.first, mention.last);
      EXPECT_LE(mention.last, sentence.tokens.size());
      const uint32_t begin = sentence.tokens[mention.first].begin;
      const uint32_t end = sentence.tokens[mention.last - 1].end;
      std::string item = std::string(text.substr(begin, end - begin)) + "=" + IsoDay(mention) +
                         " " + std::string(GranularityName(mention.granularity));
      if (mention.relative) item += " rel";
      out.push_back(item);
    }
  }
  return out;
}

using Found = std::vector<std::string>;

// Publication day of most tests: Wednesday 7 October 2020.
constexpr std::string_view kWednesday = "2020-10-07";

TEST(TimeFindDates, Yesterday) {
  EXPECT_EQ(Dates("Rebel artillery shelled the town yesterday, officials said.", kWednesday),
            Found({"yesterday=2020-10-06 day rel"}));
  EXPECT_EQ(Dates("Two bridges were destroyed yesterday morning.", kWednesday),
            Found({"yesterday morning=2020-10-06 day rel"}));
  EXPECT_EQ(Dates("The envoy left the day before yesterday.", kWednesday),
            Found({"the day before yesterday=2020-10-05 day rel"}));
}

// A capital alone does not make a word a date's head: sentence-initial
// words of every matcher are still found, and names are not.
TEST(TimeFindDates, CapitalisedHeads) {
  EXPECT_EQ(Dates("Yesterday the council met in the capital.", kWednesday),
            Found({"Yesterday=2020-10-06 day rel"}));
  EXPECT_EQ(Dates("Three days ago the talks ended.", kWednesday),
            Found({"Three days ago=2020-10-04 day rel"}));
  EXPECT_EQ(Dates("Mid-2019 the bank raised its rates.", kWednesday),
            Found({"Mid-2019=2019-01-01 year"}));
  EXPECT_EQ(Dates("On Friday the envoy was recalled.", kWednesday),
            Found({"Friday=2020-10-02 day rel"}));
  EXPECT_EQ(Dates("Ivanov met Dalton in Oslo.", kWednesday), Found());
}

TEST(TimeFindDates, TodayAndTonight) {
  EXPECT_EQ(Dates("Parliament votes today and the president speaks tonight.", kWednesday),
            Found({"today=2020-10-07 day rel", "tonight=2020-10-07 day rel"}));
  EXPECT_EQ(Dates("The minister told USA Today that talks had failed.", kWednesday), Found());
}

TEST(TimeFindDates, ThisMorningAndLastNight) {
  EXPECT_EQ(Dates("Police dispersed the crowd this morning.", kWednesday),
            Found({"this morning=2020-10-07 day rel"}));
  EXPECT_EQ(Dates("Drones struck a depot last night.", kWednesday),
            Found({"last night=2020-10-06 day rel"}));
}

TEST(TimeFindDates, OvernightIsThePublicationDay) {
  EXPECT_EQ(Dates("Heavy fighting raged around the airport overnight.", kWednesday),
            Found({"overnight=2020-10-07 day rel"}));
  EXPECT_EQ(Dates("The army imposed an overnight curfew.", kWednesday), Found());
}

TEST(TimeFindDates, WeekdayIsTheMostRecentOnOrBeforePublication) {
  EXPECT_EQ(Dates("The foreign minister met his counterpart on Tuesday.", kWednesday),
            Found({"Tuesday=2020-10-06 day rel"}));
  EXPECT_EQ(Dates("The ceasefire collapsed on Wednesday.", kWednesday),
            Found({"Wednesday=2020-10-07 day rel"}));
  EXPECT_EQ(Dates("Troops withdrew Thursday night.", kWednesday),
            Found({"Thursday night=2020-10-01 day rel"}));
  EXPECT_EQ(Dates("Protests began late Monday in the capital.", kWednesday),
            Found({"late Monday=2020-10-05 day rel"}));
}

TEST(TimeFindDates, WeekdayInTheFuture) {
  EXPECT_EQ(Dates("The delegation travels to Geneva next Tuesday.", kWednesday),
            Found({"next Tuesday=2020-10-13 day rel"}));
  EXPECT_EQ(Dates("The president will address the nation on Friday.", kWednesday),
            Found({"Friday=2020-10-09 day rel"}));
  EXPECT_EQ(Dates("The council is expected to vote on Monday.", kWednesday),
            Found({"Monday=2020-10-12 day rel"}));
  EXPECT_EQ(Dates("Envoys joined a call set for Friday afternoon.", kWednesday),
            Found({"Friday afternoon=2020-10-09 day rel"}));
  EXPECT_EQ(Dates("The opposition rallied last Wednesday.", kWednesday),
            Found({"last Wednesday=2020-09-30 day rel"}));
}

TEST(TimeFindDates, WeekdayNamesInTitlesAreNoDates) {
  EXPECT_EQ(Dates("Leaders recalled the Good Friday agreement.", kWednesday), Found());
}

TEST(TimeFindDates, WeekdayBesideADateUsesTheDate) {
  EXPECT_EQ(Dates("On Tuesday, Oct. 6, rebels attacked the garrison.", kWednesday),
            Found({"Tuesday, Oct. 6=2020-10-06 day rel"}));
  // 2 January is a Thursday in 2020 and a Saturday in 2021: the weekday
  // decides the year.
  EXPECT_EQ(Dates("Voting ended on Thursday, January 2.", "2020-12-30"),
            Found({"Thursday, January 2=2020-01-02 day rel"}));
}

TEST(TimeFindDates, Weeks) {
  EXPECT_EQ(Dates("The envoy visited Yerevan last week.", kWednesday),
            Found({"last week=2020-09-28 week rel"}));
  EXPECT_EQ(Dates("Shelling intensified earlier this week.", kWednesday),
            Found({"earlier this week=2020-10-05 week rel"}));
  EXPECT_EQ(Dates("Talks resume next week.", kWednesday), Found({"next week=2020-10-12 week rel"}));
}

TEST(TimeFindDates, Months) {
  EXPECT_EQ(Dates("The border was closed last month.", kWednesday),
            Found({"last month=2020-09-01 month rel"}));
  EXPECT_EQ(Dates("Earlier this month the mayor resigned.", kWednesday),
            Found({"Earlier this month=2020-10-01 month rel"}));
}

TEST(TimeFindDates, MonthWithoutYearIsTheMostRecentThatBegan) {
  EXPECT_EQ(Dates("The offensive started at the end of September.", kWednesday),
            Found({"the end of September=2020-09-01 month rel"}));
  EXPECT_EQ(Dates("The offensive started at the end of September.", "2020-08-15"),
            Found({"the end of September=2019-09-01 month rel"}));
  EXPECT_EQ(Dates("Elections were held in October.", kWednesday),
            Found({"October=2020-10-01 month rel"}));
  EXPECT_EQ(Dates("New elections will be held in November.", "2020-10-07"),
            Found({"November=2020-11-01 month rel"}));
  EXPECT_EQ(Dates("The strike lasted from September to November.", kWednesday),
            Found({"September=2020-09-01 month rel", "November=2019-11-01 month rel"}));
  EXPECT_EQ(Dates("The truce held until mid-August.", kWednesday),
            Found({"mid-August=2020-08-01 month rel"}));
}

TEST(TimeFindDates, MonthAndDayForms) {
  EXPECT_EQ(Dates("Drones hit a convoy on Oct. 5 near the river.", kWednesday),
            Found({"Oct. 5=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("Drones hit a convoy on October 5 near the river.", kWednesday),
            Found({"October 5=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("Drones hit a convoy on Oct 5 near the river.", kWednesday),
            Found({"Oct 5=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("Drones hit a convoy on 5 October near the river.", kWednesday),
            Found({"5 October=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("Drones hit a convoy on October 5th near the river.", kWednesday),
            Found({"October 5th=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("Drones hit a convoy on the 3rd of October.", kWednesday),
            Found({"the 3rd of October=2020-10-03 day rel"}));
}

TEST(TimeFindDates, FullDates) {
  EXPECT_EQ(Dates("The accord was signed on October 5, 2020 in Moscow.", kWednesday),
            Found({"October 5, 2020=2020-10-05 day"}));
  EXPECT_EQ(Dates("The accord was signed on 5 Oct 2020 in Moscow.", kWednesday),
            Found({"5 Oct 2020=2020-10-05 day"}));
  EXPECT_EQ(Dates("The ministry said on 2020-10-05 that shelling had stopped.", kWednesday),
            Found({"2020-10-05=2020-10-05 day"}));
  EXPECT_EQ(Dates("The accord was signed on February 30, 2020.", kWednesday), Found());
}

TEST(TimeFindDates, YearsAndMonthsOfYears) {
  EXPECT_EQ(Dates("The army sent 2000 troops to the front in 2019.", kWednesday),
            Found({"2019=2019-01-01 year"}));
  EXPECT_EQ(Dates("The mission withdrew in October 2019.", kWednesday),
            Found({"October 2019=2019-10-01 month"}));
  EXPECT_EQ(Dates("Fighting has continued since early 2016.", kWednesday),
            Found({"early 2016=2016-01-01 year"}));
}

TEST(TimeFindDates, Ago) {
  EXPECT_EQ(Dates("Gunmen seized the mayor two days ago.", kWednesday),
            Found({"two days ago=2020-10-05 day rel"}));
  EXPECT_EQ(Dates("The minister resigned three weeks ago.", kWednesday),
            Found({"three weeks ago=2020-09-14 week rel"}));
  EXPECT_EQ(Dates("The bridge was blown up a week ago.", kWednesday),
            Found({"a week ago=2020-09-28 week rel"}));
  EXPECT_EQ(Dates("The embassy closed 4 months ago.", kWednesday),
            Found({"4 months ago=2020-06-01 month rel"}));
  EXPECT_EQ(Dates("The embassy closed days ago.", kWednesday), Found());
  EXPECT_EQ(Dates("The embassy closed a few weeks ago.", kWednesday), Found());
}

TEST(TimeFindDates, Years) {
  EXPECT_EQ(Dates("Both sides met last year and again earlier this year.", kWednesday),
            Found({"last year=2019-01-01 year rel", "earlier this year=2020-01-01 year rel"}));
  EXPECT_EQ(Dates("Inflation has doubled this year.", kWednesday),
            Found({"this year=2020-01-01 year rel"}));
}

TEST(TimeFindDates, YearBoundaries) {
  // Early January: late December is last year's.
  EXPECT_EQ(Dates("Clashes erupted on December 30.", "2021-01-03"),
            Found({"December 30=2020-12-30 day rel"}));
  // Late December: 2 January is next year's (this year's is too far back).
  EXPECT_EQ(Dates("The runoff is set for January 2.", "2020-12-30"),
            Found({"January 2=2021-01-02 day rel"}));
  // Mid-year: January is the past one.
  EXPECT_EQ(Dates("The runoff took place on January 2.", "2020-06-10"),
            Found({"January 2=2020-01-02 day rel"}));
  EXPECT_EQ(Dates("The runoff took place last December 20.", "2020-12-30"),
            Found({"last December 20=2020-12-20 day rel"}));
  EXPECT_EQ(Dates("The parties meet again next January 5.", "2020-06-10"),
            Found({"next January 5=2021-01-05 day rel"}));
}

TEST(TimeFindDates, MonthAbbreviations) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Jan.", "2021-01-09"},  {"Jan", "2021-01-09"},  {"Feb.", "2021-02-09"},
      {"Feb", "2021-02-09"},   {"Aug.", "2020-08-09"}, {"Aug", "2020-08-09"},
      {"Sept.", "2020-09-09"}, {"Sept", "2020-09-09"}, {"Sep", "2020-09-09"},
      {"Oct.", "2020-10-09"},  {"Oct", "2020-10-09"},  {"Nov.", "2020-11-09"},
      {"Nov", "2020-11-09"},   {"Dec.", "2020-12-09"}, {"Dec", "2020-12-09"}};
  for (const auto& [abbreviation, iso] : cases) {
    // Published 2020-12-10: January and February are the coming ones.
    const std::string text = "The talks opened on " + abbreviation + " 9 in Minsk.";
    EXPECT_EQ(Dates(text, "2020-12-10"), Found({abbreviation + " 9=" + iso + " day rel"})) << text;
  }
}

TEST(TimeFindDates, NumbersAsDigitsAndOrdinals) {
  EXPECT_EQ(Dates("Envoys met on September 21st and 22nd of September.", kWednesday),
            Found({"September 21st=2020-09-21 day rel", "22nd of September=2020-09-22 day rel"}));
  EXPECT_EQ(Dates("Envoys met on 1 October and on Oct. 02.", kWednesday),
            Found({"1 October=2020-10-01 day rel", "Oct. 02=2020-10-02 day rel"}));
}

TEST(TimeFindDates, MayTheModalIsNoMonth) {
  EXPECT_EQ(Dates("Talks may resume after the holiday.", kWednesday), Found());
  EXPECT_EQ(Dates("May 5 was quiet along the front.", kWednesday),
            Found({"May 5=2020-05-05 day rel"}));
  EXPECT_EQ(Dates("The clashes began in May.", kWednesday), Found({"May=2020-05-01 month rel"}));
}

TEST(TimeFindDates, MarchOnlyWhereADateBelongs) {
  EXPECT_EQ(Dates("Thousands march in the capital.", kWednesday), Found());
  EXPECT_EQ(Dates("The Peace March drew thousands to the capital.", kWednesday), Found());
  EXPECT_EQ(Dates("The blockade began on March 8.", kWednesday),
            Found({"March 8=2020-03-08 day rel"}));
  EXPECT_EQ(Dates("The blockade has lasted since March 2019.", kWednesday),
            Found({"March 2019=2019-03-01 month"}));
  EXPECT_EQ(Dates("The blockade began in March.", kWednesday),
            Found({"March=2020-03-01 month rel"}));
}

TEST(TimeFindDates, ExpressionsThatNameNoDate) {
  EXPECT_EQ(Dates("Thousands have fled since the conflict began.", kWednesday), Found());
  EXPECT_EQ(Dates("The two sides have feuded for years.", kWednesday), Found());
  EXPECT_EQ(Dates("April Haines spoke to reporters in Washington.", kWednesday), Found());
  EXPECT_EQ(Dates("Critics attacked May's plan for the border.", kWednesday), Found());
}

TEST(TimeFindDates, Weekends) {
  EXPECT_EQ(Dates("Fighting flared over the weekend.", kWednesday),
            Found({"the weekend=2020-10-03 day rel"}));
  EXPECT_EQ(Dates("Fighting flared last weekend.", "2020-10-11"),
            Found({"last weekend=2020-10-03 day rel"}));
}

TEST(TimeFindDates, SeveralMentionsInOneSentence) {
  EXPECT_EQ(Dates("After a lull since mid-2019, rebels attacked on Monday, two days after talks "
                  "stalled on Saturday.",
                  kWednesday),
            Found({"mid-2019=2019-01-01 year", "Monday=2020-10-05 day rel",
                   "Saturday=2020-10-03 day rel"}));
}

TEST(TimeFindDates, LongSentenceIsScannedOnce) {
  std::string text = "The army said";
  for (int i = 0; i < 2000; ++i) text += " on Tuesday and in 2019";
  text += ".";
  EXPECT_EQ(Dates(text, kWednesday).size(), 4000u);
}

TEST(TimeDateline, ResolvesDatelineDates) {
  const auto iso = [](std::string_view text, std::string_view publication) {
    const std::optional<DateMention> mention = ResolveDatelineDate(text, Day(publication));
    return mention ? IsoDay(*mention) : std::string("none");
  };
  EXPECT_EQ(iso("Oct 5", "2020-10-06"), "2020-10-05");
  EXPECT_EQ(iso("Oct. 5, 2020", "2021-03-01"), "2020-10-05");
  EXPECT_EQ(iso("5 October", "2020-10-06"), "2020-10-05");
  EXPECT_EQ(iso("Dec 31", "2021-01-01"), "2020-12-31");
  EXPECT_EQ(iso("Baku", "2020-10-06"), "none");
  EXPECT_EQ(iso("October", "2020-10-06"), "none");
  const std::optional<DateMention> full = ResolveDatelineDate("Oct. 5, 2020", Day("2020-10-06"));
  ASSERT_TRUE(full);
  EXPECT_FALSE(full->relative);
  EXPECT_EQ(full->last, 4u);
}

TEST(TimeDateline, GranularityNames) {
  EXPECT_EQ(GranularityName(Granularity::kDay), "day");
  EXPECT_EQ(GranularityName(Granularity::kWeek), "week");
  EXPECT_EQ(GranularityName(Granularity::kMonth), "month");
  EXPECT_EQ(GranularityName(Granularity::kYear), "year");
}

}  // namespace
}  // namespace dyad::time
