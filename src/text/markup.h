// Markup helpers for the HTML and PETRARCH XML readers: entity decoding and
// the extraction of a news report's text from a scraped HTML page.
#ifndef DYAD_TEXT_MARKUP_H_
#define DYAD_TEXT_MARKUP_H_

#include <string>
#include <string_view>

namespace dyad::text {

// Appends `in` to `out` with character references decoded (&amp; &#8217;
// &#x2019; &rsquo; ...). Unknown or malformed references are kept as
// written.
void AppendDecodedEntities(std::string_view in, std::string& out);

// Returns `in` with tags, comments and processing instructions removed
// (CDATA content kept), entities decoded and white space runs collapsed to
// one space, trimmed.
std::string MarkupToText(std::string_view in);

struct HtmlContent {
  std::string title;
  std::string text;  // paragraphs separated by blank lines
  std::string date;  // from <meta> publication-time tags, as written
  std::string url;   // canonical URL if the page names one
};

// Extracts the report from an HTML page: the text of <p>, <h1>-<h6>, <li>
// and <blockquote> elements outside navigation, scripts, forms and elements
// whose class or id marks them as teasers, sharing or advertising blocks.
HtmlContent ExtractHtml(std::string_view html);

}  // namespace dyad::text

#endif  // DYAD_TEXT_MARKUP_H_
