#include "util/date.h"

#include "dyad/document.h"

#include <charconv>

#include <fmt/format.h>

namespace dyad::util {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<int> ParseInt(std::string_view s) {
  int value = 0;
  if (s.empty()) return std::nullopt;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil algorithm (public-domain arithmetic).
std::optional<int> DaysFromCivil(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

CivilDate CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return {y, static_cast<int>(m), static_cast<int>(d)};
}

std::string IsoFromDays(int days) {
  const CivilDate date = CivilFromDays(days);
  return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

std::optional<int> ParseIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto y = ParseInt(t.substr(0, 4)), m = ParseInt(t.substr(5, 2)), d = ParseInt(t.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  return DaysFromCivil(*y, *m, *d);
}

int Weekday(int days) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

std::optional<int> ParsePartialDate(std::string_view t, bool as_end) {
  if (t.size() == 10) return ParseIsoDate(t);
  if (t.size() == 7 && t[4] == '-') {
    auto y = ParseInt(t.substr(0, 4)), m = ParseInt(t.substr(5, 2));
    if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
    return DaysFromCivil(*y, *m, as_end ? DaysInMonth(*y, *m) : 1);
  }
  if (t.size() == 4) {
    auto y = ParseInt(t);
    if (!y) return std::nullopt;
    return DaysFromCivil(*y, as_end ? 12 : 1, as_end ? 31 : 1);
  }
  return std::nullopt;
}

}  // namespace dyad::util

namespace dyad {
bool IsIsoDate(std::string_view text) { return util::ParseIsoDate(text).has_value(); }
}  // namespace dyad
