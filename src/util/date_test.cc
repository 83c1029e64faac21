#include "util/date.h"

#include <gtest/gtest.h>

namespace dyad::util {
namespace {

TEST(Date, RoundTripsIsoDates) {
  for (const char* iso : {"1970-01-01", "2020-02-29", "2020-10-05", "1999-12-31", "2026-11-25"}) {
    auto days = ParseIsoDate(iso);
    ASSERT_TRUE(days) << iso;
    EXPECT_EQ(IsoFromDays(*days), iso);
  }
}

TEST(Date, RejectsImpossibleDays) {
  EXPECT_FALSE(ParseIsoDate("2021-02-29"));
  EXPECT_FALSE(ParseIsoDate("2020-13-01"));
  EXPECT_FALSE(ParseIsoDate("2020-1-01"));
}

TEST(Date, KnowsWeekdays) {
  EXPECT_EQ(Weekday(*ParseIsoDate("2020-10-06")), 1);  // a Tuesday
  EXPECT_EQ(Weekday(*ParseIsoDate("1970-01-01")), 3);  // a Thursday
}

TEST(Date, PartialDatesCoverTheirSpan) {
  EXPECT_EQ(IsoFromDays(*ParsePartialDate("2003", false)), "2003-01-01");
  EXPECT_EQ(IsoFromDays(*ParsePartialDate("2003", true)), "2003-12-31");
  EXPECT_EQ(IsoFromDays(*ParsePartialDate("2024-02", true)), "2024-02-29");
  EXPECT_FALSE(ParsePartialDate("20x3", false));
}

}  // namespace
}  // namespace dyad::util
