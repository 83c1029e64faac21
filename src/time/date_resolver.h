// The time stage: date expressions in a sentence ("yesterday", "on Tuesday",
// "Oct. 5", "last week", "in 2019") resolved against the publication day.
// Pure functions; thread-safe.
//
// How open expressions are resolved (the publication day is P):
//  - A weekday is the most recent such day on or before P ("Tuesday" in an
//    article of a Tuesday is P). "last Tuesday" is strictly before P, "next"
//    or "coming Tuesday" strictly after, and a future verb before it ("will
//    meet on Tuesday", "is expected to vote Tuesday") takes the first one on
//    or after P.
//  - A month and day without a year take the most recent occurrence on or
//    before P, unless that is more than about nine months back; then the next
//    one (less than three months ahead) is meant. News reports mostly look
//    back, hence the lopsided window: "March 8" in October is the past March,
//    "December 30" on 2021-01-03 is 2020-12-30, "January 2" on 2020-12-30 is
//    2021-01-02. "last" forces the past, "next" or a future verb the future. A weekday
//    beside the date ("Tuesday, Oct. 6") picks the year in which the date
//    falls on that weekday.
//  - A month without a year is the most recent month that has begun: this
//    year's if it is the publication month or earlier, else last year's.
//    "last October" is strictly before the publication month, "next October"
//    strictly after, "this October" in the publication year; a future verb
//    takes the first on or after the publication month.
//  - "overnight" is P: the night before a report is mostly the small hours of
//    the publication day, for morning and evening reports alike (and the
//    publication time is unknown). "last night" is P - 1.
//  - Weeks start on Monday; a week mention's day is that Monday. A weekend is
//    its Saturday, with day granularity: "the weekend" is the most recent one
//    that has begun (P if P is a Saturday), "last weekend" the one before that
//    when P falls on a weekend.
//  - "N days ago" is P - N; "N weeks ago" the week of P - 7N; "N months ago"
//    and "N years ago" the month and year N back. Counts that are not numbers
//    ("days ago", "a few weeks ago") name no date.
// A mention's span leaves out a leading preposition ("on", "in", "since") but
// keeps qualifiers that change its meaning ("last", "next", "early", "the end
// of", "earlier").
#ifndef DYAD_TIME_DATE_RESOLVER_H_
#define DYAD_TIME_DATE_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::time {

enum class Granularity { kDay, kWeek, kMonth, kYear };

// One date expression of a sentence and the date it names.
struct DateMention {
  uint32_t first = 0, last = 0;  // token span [first, last) in the sentence
  int day = 0;                   // first day it covers (days since 1970-01-01, util/date.h)
  Granularity granularity = Granularity::kDay;
  // True when the publication day was needed to resolve it ("yesterday",
  // "last week", "October 5"); false for a stated year ("October 5, 2020",
  // "in 2019", "2020-10-05").
  bool relative = false;
};

// The date expressions of a tagged sentence (Token::norm, Token::tag and
// Token::lemma filled by the tag stage), in text order, resolved against
// `publication_day` (days since 1970). Expressions that name no date ("since
// the conflict began", "for years", "days ago") are not returned. Linear in
// the number of tokens.
std::vector<DateMention> FindDates(const Sentence& sentence, int publication_day);

// A dateline's date text ("Oct 5", "Oct. 5, 2020", "5 October"; see
// text::FindDateline) resolved against the publication day by the month-day
// rule above. The span counts the words of `date_text` (a comma is a word).
// Returns nullopt when the text is not a month and day.
std::optional<DateMention> ResolveDatelineDate(std::string_view date_text, int publication_day);

// The ISO "YYYY-MM-DD" text of a mention's (first) day, for output.
std::string IsoDay(const DateMention& mention);

// "day", "week", "month" or "year".
std::string_view GranularityName(Granularity granularity);

}  // namespace dyad::time

#endif  // DYAD_TIME_DATE_RESOLVER_H_
