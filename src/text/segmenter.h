// The text stage: from a document's raw text to sentences of tokens with byte
// offsets into that text. Pure functions; thread-safe.
#ifndef DYAD_TEXT_SEGMENTER_H_
#define DYAD_TEXT_SEGMENTER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::text {

// Replaces every byte that is not part of a valid UTF-8 sequence with '?', so
// that byte offsets stay those of the original. Returns how many bytes it
// replaced.
size_t RepairUtf8(std::string& text);

// Returns the byte offset where the report proper ends: scraped-page
// boilerplate at the end ("Check Also", "Related Articles", "Share this:",
// "Read more", cookie and subscription notices) is cut off. Returns
// text.size() when there is none.
size_t BodyEnd(std::string_view text);

// Removes the sentences of photo and video caption lines that scraped pages
// leave inside a report ("Image copyright Reuters Image caption ...",
// "Media playback is unsupported on your device", a gallery's "Photos: ...
// Hide Caption 1 of 22"): they describe pictures, often of other days, not
// the report's events. Renumbers the remaining sentences from the first
// one's index.
void DropCaptionLines(std::string_view text, std::vector<Sentence>& sentences);

// A dateline at the start of a report: "BAKU, Oct 5 (Reuters) -".
struct Dateline {
  size_t begin = 0;
  size_t end = 0;          // first byte after the dateline and its dash
  std::string place;       // "BAKU"
  std::string date_text;   // "Oct 5" (may be empty)
};
// Returns the dateline at the start of `text`, or at the start of its
// second line when the first is a short headline or caption, if there is one.
// Text before Dateline::begin is such a headline.
std::optional<Dateline> FindDateline(std::string_view text);

// Splits text[begin, end) into sentences and tokens. Sentence::index counts
// from `first_index`. Token offsets are into `text`.
std::vector<Sentence> Segment(std::string_view text, size_t begin, size_t end,
                              int first_index = 0);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SEGMENTER_H_
