// Finding date expressions on tokens.
//
// Every expression the stage knows has a head token that marks it on its
// own: a month or weekday name, a day or year number, an ISO date, a deictic
// word ("yesterday", "overnight"), a calendar unit ("week") after "this",
// "last" or "next", or a count before a unit and "ago". FindDates walks the
// tokens once; at each token the matchers look a bounded number of tokens
// ahead for the rest of the expression ("5, 2020" after "October") and a
// bounded number behind for qualifiers that are not heads themselves ("last",
// "next", "early", "the end of") and for the context that makes a bare month
// name a date ("in May", not "May" the modal or "April" the first name). A
// match moves the walk past its expression, and the look behind never
// reaches into the previous match, so the walk is linear in the sentence
// length and the mentions never overlap. The resolution rules are listed in
// date_resolver.h.
#include "time/date_resolver.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <utility>

#include "util/date.h"

namespace dyad::time {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IsAny(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view entry : list) {
    if (EqualsIgnoreCase(word, entry)) return true;
  }
  return false;
}

// 1..12 for a capitalised month name or abbreviation ("October", "Oct",
// "Oct.", "Sept."), else 0.
int MonthNumber(std::string_view word) {
  if (!StartsUpper(word)) return 0;
  if (word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kMonthNames.size(); ++m) {
    if (EqualsIgnoreCase(word, kMonthNames[m]) ||
        (word.size() == 3 && EqualsIgnoreCase(word, kMonthNames[m].substr(0, 3)))) {
      return static_cast<int>(m) + 1;
    }
  }
  return EqualsIgnoreCase(word, "sept") ? 9 : 0;
}

// 0 (Monday) .. 6 for a capitalised weekday name, else -1.
int WeekdayNumber(std::string_view word) {
  if (!StartsUpper(word)) return -1;
  for (size_t d = 0; d < kWeekdayNames.size(); ++d) {
    if (EqualsIgnoreCase(word, kWeekdayNames[d])) return static_cast<int>(d);
  }
  return -1;
}

// Reads the leading digits of `word` (at most `max_digits`); returns their
// count and value.
std::pair<size_t, int> LeadingNumber(std::string_view word, size_t max_digits) {
  size_t digits = 0;
  int value = 0;
  while (digits < word.size() && IsDigit(word[digits])) {
    if (++digits > max_digits) return {0, 0};
    value = value * 10 + (word[digits - 1] - '0');
  }
  return {digits, value};
}

// 1..31 for a day of the month: "5", "05", "5th", "1st", or the start of a
// range "5-7"; else 0.
int DayNumber(std::string_view word) {
  const auto [digits, value] = LeadingNumber(word, 2);
  if (digits == 0 || value < 1 || value > 31) return 0;
  const std::string_view rest = word.substr(digits);
  if (rest.empty() || IsAny(rest, {"st", "nd", "rd", "th"})) return value;
  if (rest.size() >= 2 && rest[0] == '-' && IsDigit(rest[1])) return value;
  return 0;
}

// A four-digit year 1800..2199, else 0.
int YearNumber(std::string_view word) {
  const auto [digits, value] = LeadingNumber(word, 4);
  if (digits != 4 || word.size() != 4 || value < 1800 || value > 2199) return 0;
  return value;
}

// The count of "two days ago": a number or a number word; else 0.
int CountNumber(std::string_view word) {
  const auto [digits, value] = LeadingNumber(word, 3);
  if (digits > 0) return digits == word.size() ? value : 0;
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (size_t n = 1; n < kWords.size(); ++n) {
    if (EqualsIgnoreCase(word, kWords[n])) return static_cast<int>(n);
  }
  if (IsAny(word, {"a", "an"})) return 1;
  if (EqualsIgnoreCase(word, "fifteen")) return 15;
  if (EqualsIgnoreCase(word, "twenty")) return 20;
  if (EqualsIgnoreCase(word, "thirty")) return 30;
  if (EqualsIgnoreCase(word, "forty")) return 40;
  if (EqualsIgnoreCase(word, "fifty")) return 50;
  return 0;
}

std::optional<Granularity> UnitOf(std::string_view word) {
  if (IsAny(word, {"day", "days"})) return Granularity::kDay;
  if (IsAny(word, {"week", "weeks"})) return Granularity::kWeek;
  if (IsAny(word, {"month", "months"})) return Granularity::kMonth;
  if (IsAny(word, {"year", "years"})) return Granularity::kYear;
  return std::nullopt;
}

bool IsTimeOfDay(std::string_view word) {
  return IsAny(word, {"morning", "afternoon", "evening", "night"});
}

// A month and day without a year are taken in the past unless that is
// further back than this (about nine months); then the next one, less than
// three months ahead, is meant.
constexpr int kPastWindowDays = 274;

int Monday(int day) { return day - util::Weekday(day); }

// The first day of the month `offset` months from that of `day`.
int ShiftMonth(int day, int offset) {
  const util::CivilDate date = util::CivilFromDays(day);
  int index = date.year * 12 + (date.month - 1) + offset;
  int year = index / 12;
  int month = index % 12;
  if (month < 0) {
    month += 12;
    --year;
  }
  return *util::DaysFromCivil(year, month + 1, 1);
}

int YearStart(int year) { return *util::DaysFromCivil(year, 1, 1); }

// Which way an open date is taken from the publication day.
enum class Direction {
  kDefault,  // the rule of the expression's kind
  kLast,     // "last"
  kNext,     // "next", "coming"
  kThis,     // "this"
  kFuture,   // a future verb governs it
};

// A month (and day, and year) read forward from a token.
struct MonthDay {
  size_t last = 0;  // one past its last token
  int month = 0;
  int day = 0;   // 0: the month alone
  int year = 0;  // 0: not stated
};

// Whether a capital is the initial of a month or weekday name: a bit per
// letter, so that most names skip the name comparisons.
bool StartsMonthOrWeekday(char capital) {
  static constexpr uint32_t kInitials = [] {
    uint32_t bits = 0;
    for (char c : std::string_view("ADFJMNOSTW")) bits |= uint32_t{1} << (c - 'A');
    return bits;
  }();
  return (kInitials >> (capital - 'A')) & 1;
}

// Whether `word` can be the token a matcher starts from (MatchAt's
// matchers all fail otherwise): a digit or '-' (ISO dates, days, years,
// counts), a month or weekday name, "mid-", or one of the words some
// matcher compares the token with in any case. Most tokens are none of
// these, and this one test replaces nine matchers for them; names
// ("Trump", "Moscow") are a tenth of all tokens, so a capital alone does
// not let a word through.
bool MayBeHead(std::string_view word) {
  if (word.empty()) return false;
  const char c = word[0];
  if (IsDigit(c) || c == '-') return true;
  if (c >= 'A' && c <= 'Z' && StartsMonthOrWeekday(c) &&
      (MonthNumber(word) != 0 || WeekdayNumber(word) >= 0)) {
    return true;
  }
  static constexpr size_t kLongest = 9;  // "afternoon", "yesterday"
  if (word.size() > kLongest) return word.size() > 4 && EqualsIgnoreCase(word.substr(0, 4), "mid-");
  // Every word a matcher accepts as its own token in any case
  // (MatchDeictic, CountNumber for MatchAgo, MatchUnit), by length.
  // A row ends at its first empty entry.
  static constexpr std::string_view kByLength[kLongest + 1][8] = {
      {},
      {"a"},
      {"an"},
      {"one", "two", "six", "ten"},
      {"four", "five", "nine", "week", "year"},
      {"today", "night", "three", "seven", "eight", "month", "forty", "fifty"},
      {"eleven", "twelve", "twenty", "thirty"},
      {"tonight", "morning", "evening", "fifteen", "weekend"},
      {"tomorrow"},
      {"yesterday", "overnight", "afternoon"},
  };
  if (word.size() >= 5 && EqualsIgnoreCase(word.substr(0, 4), "mid-")) return true;
  const char first = Lower(c);
  for (std::string_view entry : kByLength[word.size()]) {
    if (entry.empty()) break;
    if (entry[0] == first && EqualsIgnoreCase(word, entry)) return true;
  }
  return false;
}

class Finder {
 public:
  Finder(std::span<const Token> tokens, int publication_day)
      : tokens_(tokens), publication_day_(publication_day) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> mentions;
    size_t i = 0;
    while (i < tokens_.size()) {
      std::optional<DateMention> mention = MatchAt(i);
      if (!mention) {
        ++i;
        continue;
      }
      ExtendQualifiers(*mention);
      mentions.push_back(*mention);
      i = mention->last;
      previous_end_ = i;
    }
    return mentions;
  }

  // The month-day rule for a dateline: the tokens must start with a month
  // and day.
  std::optional<DateMention> MatchDateline() {
    std::optional<MonthDay> date = ReadMonthFirst(0);
    if (!date || date->day == 0) date = ReadDayFirst(0);
    if (!date || date->day == 0) return std::nullopt;
    return ResolveMonthDay(*date, 0, Direction::kDefault, -1);
  }

 private:
  std::string_view Word(size_t i) const {
    return i < tokens_.size() ? std::string_view(tokens_[i].norm) : std::string_view();
  }
  std::string_view Tag(size_t i) const {
    return i < tokens_.size() ? std::string_view(tokens_[i].tag) : std::string_view();
  }
  // The word `k` tokens before `i`, if that is after the previous mention.
  std::string_view Before(size_t i, size_t k) const {
    return i >= previous_end_ + k ? Word(i - k) : std::string_view();
  }

  std::optional<DateMention> MatchAt(size_t i) {
    if (!MayBeHead(Word(i))) return std::nullopt;
    if (auto m = MatchIso(i)) return m;
    if (auto m = MatchDeictic(i)) return m;
    if (auto m = MatchWeekday(i)) return m;
    if (auto m = MatchMonthFirst(i)) return m;
    if (auto m = MatchDayFirst(i)) return m;
    if (auto m = MatchMid(i)) return m;
    if (auto m = MatchYear(i)) return m;
    if (auto m = MatchAgo(i)) return m;
    return MatchUnit(i);
  }

  DateMention Mention(size_t first, size_t last, int day, Granularity granularity,
                      bool relative) const {
    return {static_cast<uint32_t>(first), static_cast<uint32_t>(last), day, granularity, relative};
  }

  // "2020-10-05".
  std::optional<DateMention> MatchIso(size_t i) const {
    const std::optional<int> day = util::ParseIsoDate(Word(i));
    if (!day) return std::nullopt;
    return Mention(i, i + 1, *day, Granularity::kDay, false);
  }

  // yesterday, today, tonight, tomorrow, overnight, last night, this
  // morning; "the day before yesterday"; with a time of day after them.
  std::optional<DateMention> MatchDeictic(size_t i) const {
    const std::string_view word = Word(i);
    size_t first = i;
    int offset = 0;
    if (EqualsIgnoreCase(word, "yesterday")) {
      offset = -1;
      if (IsAny(Before(i, 1), {"before"}) && IsAny(Before(i, 2), {"day"}) &&
          IsAny(Before(i, 3), {"the"})) {
        offset = -2;
        first = i - 3;
      }
    } else if (EqualsIgnoreCase(word, "tomorrow")) {
      offset = 1;
      if (IsAny(Before(i, 1), {"after"}) && IsAny(Before(i, 2), {"day"}) &&
          IsAny(Before(i, 3), {"the"})) {
        offset = 2;
        first = i - 3;
      }
    } else if (EqualsIgnoreCase(word, "today")) {
      // "USA Today", "Turkey Today": a title, not the day.
      if (StartsUpper(word) && i > 0 && Tag(i - 1) == "NNP") return std::nullopt;
    } else if (EqualsIgnoreCase(word, "tonight")) {
    } else if (EqualsIgnoreCase(word, "overnight")) {
      // "an overnight curfew" is no date; "overnight Monday" is Monday's.
      if (Tag(i + 1).starts_with("NN") || Tag(i + 1).starts_with("JJ")) return std::nullopt;
    } else if (EqualsIgnoreCase(word, "night") && IsAny(Before(i, 1), {"last"})) {
      offset = -1;
      first = i - 1;
    } else if (IsAny(word, {"morning", "afternoon", "evening"}) && IsAny(Before(i, 1), {"this"})) {
      first = i - 1;
    } else {
      return std::nullopt;
    }
    size_t last = i + 1;
    if (first == i && !EqualsIgnoreCase(word, "overnight") && IsTimeOfDay(Word(last))) {
      ++last;
    }
    return Mention(first, last, publication_day_ + offset, Granularity::kDay, true);
  }

  // "Tuesday", "last Tuesday", "next Tuesday night", "Tuesday, Oct. 6".
  std::optional<DateMention> MatchWeekday(size_t i) const {
    const int weekday = WeekdayNumber(Word(i));
    if (weekday < 0) return std::nullopt;
    size_t first = i;
    Direction direction = Direction::kDefault;
    const std::string_view before = Before(i, 1);
    if (EqualsIgnoreCase(before, "last")) {
      direction = Direction::kLast;
      first = i - 1;
    } else if (IsAny(before, {"next", "coming"})) {
      direction = Direction::kNext;
      first = i - 1;
      if (EqualsIgnoreCase(before, "coming") && IsAny(Before(i, 2), {"this"})) first = i - 2;
    } else if (EqualsIgnoreCase(before, "this")) {
      direction = Direction::kThis;
      first = i - 1;
    } else if (i > 0 && StartsUpper(before) && (i > 1 || Tag(i - 1).starts_with("NNP")) &&
               MonthNumber(before) == 0 &&
               !IsAny(before, {"on", "since", "until", "by", "early", "late", "overnight"})) {
      return std::nullopt;  // "Good Friday", "Bloody Sunday": names
    }
    size_t last = i + 1;
    if (IsTimeOfDay(Word(last))) ++last;
    // A date beside it: "Tuesday, Oct. 6" or "Tuesday 6 October".
    const size_t date_start = Word(last) == "," ? last + 1 : last;
    std::optional<MonthDay> date = ReadMonthFirst(date_start);
    if (!date || date->day == 0) date = ReadDayFirst(date_start);
    if (date && date->day > 0) {
      std::optional<DateMention> mention =
          ResolveMonthDay(*date, first, Direction::kDefault, weekday);
      if (mention) return mention;
    }
    if (direction == Direction::kDefault || direction == Direction::kThis) {
      if (FutureVerbBefore(first)) direction = Direction::kFuture;
    }
    const int publication_weekday = util::Weekday(publication_day_);
    const int back = (publication_weekday - weekday + 7) % 7;
    const int ahead = (weekday - publication_weekday + 7) % 7;
    int day = publication_day_ - back;
    if (direction == Direction::kLast) day = publication_day_ - (back == 0 ? 7 : back);
    if (direction == Direction::kNext) day = publication_day_ + (ahead == 0 ? 7 : ahead);
    if (direction == Direction::kFuture) day = publication_day_ + ahead;
    return Mention(first, last, day, Granularity::kDay, true);
  }

  // The year after a month or day: ", 2020", " 2020", " of 2020". Returns
  // the year and the end of its tokens, or {0, i}.
  std::pair<int, size_t> ReadYear(size_t i) const {
    if (const int year = YearNumber(Word(i))) return {year, i + 1};
    if ((Word(i) == "," || EqualsIgnoreCase(Word(i), "of")) && YearNumber(Word(i + 1))) {
      return {YearNumber(Word(i + 1)), i + 2};
    }
    return {0, i};
  }

  // "October", "Oct. 5", "October 5th, 2020", "October 2019".
  std::optional<MonthDay> ReadMonthFirst(size_t i) const {
    const int month = MonthNumber(Word(i));
    if (month == 0) return std::nullopt;
    MonthDay date{i + 1, month, 0, 0};
    if (const int day = DayNumber(Word(i + 1))) {
      date.day = day;
      date.last = i + 2;
    }
    const auto [year, end] = ReadYear(date.last);
    // "October of 2019" but not "October 5 of 2019".
    if (year != 0 && !(date.day != 0 && EqualsIgnoreCase(Word(date.last), "of"))) {
      date.year = year;
      date.last = end;
    }
    return date;
  }

  // "5 October", "5th of October", "5 Oct 2020".
  std::optional<MonthDay> ReadDayFirst(size_t i) const {
    const int day = DayNumber(Word(i));
    if (day == 0) return std::nullopt;
    size_t j = i + 1;
    if (EqualsIgnoreCase(Word(j), "of")) ++j;
    const int month = MonthNumber(Word(j));
    if (month == 0) return std::nullopt;
    MonthDay date{j + 1, month, day, 0};
    const auto [year, end] = ReadYear(date.last);
    if (year != 0 && Word(date.last) != "of") {
      date.year = year;
      date.last = end;
    }
    return date;
  }

  // A bare month name is a date only where a date is expected: after a
  // preposition or qualifier, or in a list after another date. Not "May's
  // strategy" (Theresa May) nor "April Haines".
  bool MonthContext(size_t i) const {
    if (Tag(i) == "MD") return false;  // "May" the modal
    const std::string_view before = Before(i, 1);
    if (IsAny(before, {"in",    "on",     "since", "until",   "till",       "by",    "before",
                       "after", "during", "from",  "through", "throughout", "of",    "between",
                       "early", "late",   "last",  "next",    "this",       "coming"})) {
      return true;
    }
    return i > 0 && previous_end_ == i - 1 && IsAny(before, {"and", "or", "to", "through", "-"});
  }

  std::optional<DateMention> MatchMonthFirst(size_t i) const {
    const std::optional<MonthDay> date = ReadMonthFirst(i);
    if (!date) return std::nullopt;
    if (date->day == 0 && date->year == 0 && !MonthContext(i)) return std::nullopt;
    size_t first = i;
    const Direction direction = QualifierBefore(i, first);
    return ResolveMonthDay(*date, first, direction, -1);
  }

  std::optional<DateMention> MatchDayFirst(size_t i) const {
    const std::optional<MonthDay> date = ReadDayFirst(i);
    if (!date) return std::nullopt;
    size_t first = i;
    // "the 5th of October"
    if (EqualsIgnoreCase(Word(i + 1), "of") && IsAny(Before(i, 1), {"the"})) first = i - 1;
    const Direction direction = QualifierBefore(first, first);
    return ResolveMonthDay(*date, first, direction, -1);
  }

  // "mid-October", "mid-2019".
  std::optional<DateMention> MatchMid(size_t i) const {
    const std::string_view word = Word(i);
    if (word.size() < 5 || !EqualsIgnoreCase(word.substr(0, 4), "mid-")) return std::nullopt;
    const std::string_view rest = word.substr(4);
    if (const int year = YearNumber(rest)) {
      return Mention(i, i + 1, YearStart(year), Granularity::kYear, false);
    }
    const int month = MonthNumber(rest);
    if (month == 0) return std::nullopt;
    MonthDay date{i + 1, month, 0, 0};
    const auto [year, end] = ReadYear(i + 1);
    if (year != 0) {
      date.year = year;
      date.last = end;
    }
    size_t first = i;
    const Direction direction = QualifierBefore(i, first);
    return ResolveMonthDay(date, first, direction, -1);
  }

  // "in 2019", "since 2014", "by early 2021". A number of that size without a
  // preposition before it is more often a count.
  std::optional<DateMention> MatchYear(size_t i) const {
    const int year = YearNumber(Word(i));
    if (year == 0) return std::nullopt;
    const std::string_view before = Before(i, 1);
    const bool context =
        IsAny(before, {"in", "since", "until", "till", "by", "before", "after", "during", "from",
                       "through", "throughout", "of", "for", "early", "late", "between"}) ||
        (i > 0 && previous_end_ == i - 1 && IsAny(before, {"and", "or", "to", "through", "-"}));
    if (!context || Tag(i + 1) == "NNS") return std::nullopt;  // "in 2000 troops"
    return Mention(i, i + 1, YearStart(year), Granularity::kYear, false);
  }

  // "two days ago", "a week ago", "10 years ago".
  std::optional<DateMention> MatchAgo(size_t i) const {
    const int count = CountNumber(Word(i));
    if (count == 0 || !EqualsIgnoreCase(Word(i + 2), "ago")) return std::nullopt;
    const std::optional<Granularity> unit = UnitOf(Word(i + 1));
    if (!unit) return std::nullopt;
    int day = publication_day_ - count;
    switch (*unit) {
      case Granularity::kDay:
        break;
      case Granularity::kWeek:
        day = Monday(publication_day_ - 7 * count);
        break;
      case Granularity::kMonth:
        day = ShiftMonth(publication_day_, -count);
        break;
      case Granularity::kYear:
        day = YearStart(util::CivilFromDays(publication_day_).year - count);
        break;
    }
    return Mention(i, i + 3, day, *unit, true);
  }

  // "last week", "this month", "next year", "the weekend".
  std::optional<DateMention> MatchUnit(size_t i) const {
    const std::string_view word = Word(i);
    const std::string_view before = Before(i, 1);
    if (EqualsIgnoreCase(word, "weekend")) return MatchWeekend(i);
    if (!IsAny(word, {"week", "month", "year"})) return std::nullopt;
    int offset = 0;
    if (EqualsIgnoreCase(before, "last")) {
      offset = -1;
    } else if (IsAny(before, {"next", "coming"})) {
      offset = 1;
    } else if (!EqualsIgnoreCase(before, "this")) {
      return std::nullopt;
    }
    const std::optional<Granularity> unit = UnitOf(word);
    int day = 0;
    if (*unit == Granularity::kWeek) {
      day = Monday(publication_day_) + 7 * offset;
    } else if (*unit == Granularity::kMonth) {
      day = ShiftMonth(publication_day_, offset);
    } else {
      day = YearStart(util::CivilFromDays(publication_day_).year + offset);
    }
    return Mention(i - 1, i + 1, day, *unit, true);
  }

  std::optional<DateMention> MatchWeekend(size_t i) const {
    const std::string_view before = Before(i, 1);
    size_t first = i - 1;
    Direction direction = Direction::kDefault;
    if (EqualsIgnoreCase(before, "last")) {
      direction = Direction::kLast;
    } else if (IsAny(before, {"next", "coming"})) {
      direction = Direction::kNext;
    } else if (EqualsIgnoreCase(before, "past") && IsAny(Before(i, 2), {"the", "this"})) {
      first = i - 2;
    } else if (!IsAny(before, {"the", "this"})) {
      return std::nullopt;
    }
    if (direction == Direction::kDefault && FutureVerbBefore(first)) {
      direction = Direction::kFuture;
    }
    const int weekday = util::Weekday(publication_day_);
    // The Saturday of the most recent weekend that has begun.
    const int recent = publication_day_ - (weekday + 2) % 7;
    int day = recent;
    if (direction == Direction::kLast && weekday >= 5) day = recent - 7;
    if (direction == Direction::kNext) day = recent + 7;
    if (direction == Direction::kFuture && weekday < 5) day = recent + 7;
    return Mention(first, i + 1, day, Granularity::kDay, true);
  }

  // "last", "next", "coming", "this coming" or "this" right before token
  // `i`; moves `first` onto it.
  Direction QualifierBefore(size_t i, size_t& first) const {
    const std::string_view before = Before(i, 1);
    Direction direction = Direction::kDefault;
    if (EqualsIgnoreCase(before, "last")) {
      direction = Direction::kLast;
    } else if (IsAny(before, {"next", "coming"})) {
      direction = Direction::kNext;
    } else if (EqualsIgnoreCase(before, "this")) {
      direction = Direction::kThis;
    } else {
      return FutureVerbBefore(i) ? Direction::kFuture : Direction::kDefault;
    }
    first = i - 1;
    if (EqualsIgnoreCase(before, "coming") && IsAny(Before(i, 2), {"this"})) first = i - 2;
    if (direction == Direction::kThis && FutureVerbBefore(first)) direction = Direction::kFuture;
    return direction;
  }

  // True when the verb group governing a date at `first` is future: "will
  // meet on", "is expected to vote on", "plans to travel in". Looks back at
  // most a few tokens and not across punctuation; a past or present finite
  // verb ends the search.
  bool FutureVerbBefore(size_t first) const {
    constexpr size_t kMaxLookBack = 10;
    bool planned = false;  // "expected", "scheduled", "due", ... seen
    for (size_t k = 1; k <= kMaxLookBack && k <= first; ++k) {
      const Token& token = tokens_[first - k];
      const std::string_view tag = token.tag;
      if (tag.empty() || !((tag[0] >= 'A' && tag[0] <= 'Z'))) return false;
      if (tag == "MD") return IsAny(token.norm, {"will", "'ll", "shall", "wo"});
      if (tag == "VBD") return false;
      if (tag == "VBZ" || tag == "VBP") {
        if (IsAny(token.lemma, {"plan", "intend", "aim", "expect"})) return true;
        return token.lemma == "be" && planned;
      }
      if (IsAny(token.norm,
                {"expected", "scheduled", "due", "set", "slated", "planned", "going"})) {
        // "a call set for Wednesday", "elections scheduled on May 3"
        if (k == 1 || (k == 2 && IsAny(tokens_[first - 1].norm, {"for", "on"}))) return true;
        planned = true;
      }
    }
    return false;
  }

  // Resolves a month (and day) read by ReadMonthFirst/ReadDayFirst.
  // `weekday` (0..6, or -1) is a weekday written beside the date.
  std::optional<DateMention> ResolveMonthDay(const MonthDay& date, size_t first,
                                             Direction direction, int weekday) const {
    const int publication_year = util::CivilFromDays(publication_day_).year;
    if (date.day == 0) {
      if (date.year != 0) {
        return Mention(first, date.last, *util::DaysFromCivil(date.year, date.month, 1),
                       Granularity::kMonth, false);
      }
      const int publication_month = util::CivilFromDays(publication_day_).month;
      int year = publication_year;
      switch (direction) {
        case Direction::kDefault:
          if (date.month > publication_month) --year;
          break;
        case Direction::kLast:
          if (date.month >= publication_month) --year;
          break;
        case Direction::kNext:
          if (date.month <= publication_month) ++year;
          break;
        case Direction::kFuture:
          if (date.month < publication_month) ++year;
          break;
        case Direction::kThis:
          break;
      }
      return Mention(first, date.last, *util::DaysFromCivil(year, date.month, 1),
                     Granularity::kMonth, true);
    }
    if (date.year != 0) {
      const std::optional<int> day = util::DaysFromCivil(date.year, date.month, date.day);
      if (!day) return std::nullopt;
      return Mention(first, date.last, *day, Granularity::kDay, false);
    }
    // The occurrences just before (or on) and just after the publication
    // day. Four years either way finds 29 February too.
    std::optional<int> past, future;
    for (int year = publication_year - 4; year <= publication_year + 4; ++year) {
      const std::optional<int> day = util::DaysFromCivil(year, date.month, date.day);
      if (!day) continue;
      if (*day <= publication_day_) {
        past = day;
      } else if (!future) {
        future = day;
      }
    }
    if (!past && !future) return std::nullopt;  // "February 30"
    std::optional<int> chosen;
    if (direction == Direction::kLast) {
      chosen = past;
    } else if (direction == Direction::kNext || direction == Direction::kFuture) {
      chosen = future;
      if (direction == Direction::kFuture && past == publication_day_) chosen = past;
    } else if (weekday >= 0 && past && future &&
               (util::Weekday(*past) == weekday) != (util::Weekday(*future) == weekday)) {
      chosen = util::Weekday(*past) == weekday ? past : future;
    } else if (past && future) {
      chosen = publication_day_ - *past <= kPastWindowDays ? past : future;
    }
    if (!chosen) chosen = past ? past : future;
    return Mention(first, date.last, *chosen, Granularity::kDay, true);
  }

  // Widens a mention over qualifiers that are not heads: "early", "late",
  // "earlier", "later", and "(the) end / beginning / start / middle of".
  void ExtendQualifiers(DateMention& mention) const {
    size_t first = mention.first;
    if (IsAny(Before(first, 1), {"early", "late", "earlier", "later"})) --first;
    if (EqualsIgnoreCase(Before(first, 1), "of") &&
        IsAny(Before(first, 2), {"end", "beginning", "start", "middle", "turn", "close"})) {
      first -= 2;
      if (IsAny(Before(first, 1), {"the"})) --first;
    }
    mention.first = static_cast<uint32_t>(first);
  }

  std::span<const Token> tokens_;
  int publication_day_;
  size_t previous_end_ = 0;
};

}  // namespace

std::vector<DateMention> FindDates(const Sentence& sentence, int publication_day) {
  return Finder(sentence.tokens, publication_day).Run();
}

std::optional<DateMention> ResolveDatelineDate(std::string_view date_text, int publication_day) {
  // Words split on spaces, with a comma as a word of its own: "Oct. 5, 2020".
  std::vector<Token> words;
  size_t i = 0;
  while (i < date_text.size()) {
    const char c = date_text[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    size_t end = i + 1;
    if (c != ',') {
      while (end < date_text.size() && date_text[end] != ' ' && date_text[end] != '\t' &&
             date_text[end] != ',') {
        ++end;
      }
    }
    Token token;
    token.begin = static_cast<uint32_t>(i);
    token.end = static_cast<uint32_t>(end);
    token.norm = std::string(date_text.substr(i, end - i));
    words.push_back(std::move(token));
    i = end;
  }
  return Finder(words, publication_day).MatchDateline();
}

std::string IsoDay(const DateMention& mention) { return util::IsoFromDays(mention.day); }

std::string_view GranularityName(Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return "day";
    case Granularity::kWeek:
      return "week";
    case Granularity::kMonth:
      return "month";
    case Granularity::kYear:
      return "year";
  }
  return "day";
}

}  // namespace dyad::time
