// Calendar dates as days since 1970-01-01, and ISO text conversions.
#ifndef DYAD_UTIL_DATE_H_
#define DYAD_UTIL_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace dyad::util {

// Days since 1970-01-01 (negative before) for a valid y-m-d; nullopt if the
// day does not exist.
std::optional<int> DaysFromCivil(int year, int month, int day);
// A calendar day split into its parts.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};
// The calendar date of a day number (the inverse of DaysFromCivil).
CivilDate CivilFromDays(int days);
// The ISO "YYYY-MM-DD" text of a day number.
std::string IsoFromDays(int days);
// Parses exactly "YYYY-MM-DD"; nullopt otherwise.
std::optional<int> ParseIsoDate(std::string_view text);
// Day of the week, 0 = Monday .. 6 = Sunday.
int Weekday(int days);
int DaysInMonth(int year, int month);

// A date written with year, year-month or year-month-day precision. Returns
// the first (`as_end` false) or last (`as_end` true) day it covers.
std::optional<int> ParsePartialDate(std::string_view text, bool as_end);

}  // namespace dyad::util

#endif  // DYAD_UTIL_DATE_H_
