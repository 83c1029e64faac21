// The HTML extractor is a single forward scan over the page, not a DOM
// parser: scraped pages are rarely well formed, and all it needs is to know,
// at each piece of text, whether it lies inside a dropped element
// (navigation, scripts, teaser blocks ...) and inside a text block (<p>,
// headings, list items, quotations). Dropped elements are tracked by the
// name of the outermost one and a nesting count of that name, which
// survives unclosed inner tags; <script> and <style> bodies are skipped as
// raw text. Every byte is looked at a bounded number of times.
#include "text/markup.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "util/utf8.h"

namespace dyad::text {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},        {"lt", '<'},         {"gt", '>'},
    {"quot", '"'},       {"apos", '\''},      {"nbsp", ' '},
    {"rsquo", 0x2019},   {"lsquo", 0x2018},   {"rdquo", 0x201D},
    {"ldquo", 0x201C},   {"sbquo", 0x201A},   {"bdquo", 0x201E},
    {"mdash", 0x2014},   {"ndash", 0x2013},   {"hellip", 0x2026},
    {"laquo", 0xAB},     {"raquo", 0xBB},     {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},  {"copy", 0xA9},      {"reg", 0xAE},
    {"trade", 0x2122},   {"euro", 0x20AC},    {"pound", 0xA3},
    {"yen", 0xA5},       {"cent", 0xA2},      {"deg", 0xB0},
    {"middot", 0xB7},    {"bull", 0x2022},    {"shy", 0xAD},
    {"times", 0xD7},     {"divide", 0xF7},    {"sect", 0xA7},
    {"para", 0xB6},      {"prime", 0x2032},   {"Prime", 0x2033},
    {"thinsp", 0x2009},  {"ensp", 0x2002},    {"emsp", 0x2003},
    {"zwnj", 0x200C},    {"zwj", 0x200D},     {"minus", 0x2212},
    {"aacute", 0xE1},    {"Aacute", 0xC1},    {"agrave", 0xE0},
    {"acirc", 0xE2},     {"atilde", 0xE3},    {"auml", 0xE4},
    {"aring", 0xE5},     {"aelig", 0xE6},     {"ccedil", 0xE7},
    {"Ccedil", 0xC7},    {"eacute", 0xE9},    {"Eacute", 0xC9},
    {"egrave", 0xE8},    {"ecirc", 0xEA},     {"euml", 0xEB},
    {"iacute", 0xED},    {"igrave", 0xEC},    {"icirc", 0xEE},
    {"iuml", 0xEF},      {"ntilde", 0xF1},    {"oacute", 0xF3},
    {"ograve", 0xF2},    {"ocirc", 0xF4},     {"otilde", 0xF5},
    {"ouml", 0xF6},      {"Ouml", 0xD6},      {"oslash", 0xF8},
    {"uacute", 0xFA},    {"ugrave", 0xF9},    {"ucirc", 0xFB},
    {"uuml", 0xFC},      {"Uuml", 0xDC},      {"yacute", 0xFD},
    {"szlig", 0xDF},     {"Auml", 0xC4},      {"scaron", 0x161},
    {"Scaron", 0x160},   {"zcaron", 0x17E},   {"Zcaron", 0x17D},
};

// Numeric references to 0x80-0x9F almost always mean Windows-1252.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Decodes the reference starting at in[pos] == '&'. Returns its length, or
// 0 when it is not one.
size_t DecodeEntity(std::string_view in, size_t pos, std::string& out) {
  const size_t limit = std::min(in.size(), pos + 34);
  size_t semicolon = pos + 1;
  while (semicolon < limit && in[semicolon] != ';' && in[semicolon] != '&' &&
         !IsAsciiSpace(in[semicolon])) {
    ++semicolon;
  }
  if (semicolon >= limit || in[semicolon] != ';') return 0;
  const std::string_view body = in.substr(pos + 1, semicolon - pos - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    uint32_t value = 0;
    size_t digits = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    for (size_t i = hex ? 2 : 1; i < body.size(); ++i) {
      const char c = body[i];
      uint32_t digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && Lower(c) >= 'a' && Lower(c) <= 'f') {
        digit = Lower(c) - 'a' + 10;
      } else {
        return 0;
      }
      value = value * (hex ? 16 : 10) + digit;
      if (value > 0x10FFFF) return 0;
      ++digits;
    }
    if (digits == 0) return 0;
    char32_t code_point = value;
    if (value >= 0x80 && value <= 0x9F) code_point = kWindows1252[value - 0x80];
    if (value == 0) code_point = 0xFFFD;
    if (code_point == 0xA0) code_point = ' ';
    util::AppendUtf8(code_point, out);
    return semicolon - pos + 1;
  }
  for (const NamedEntity& entity : kNamedEntities) {
    if (entity.name == body) {
      if (entity.code_point != 0xAD) util::AppendUtf8(entity.code_point, out);
      return semicolon - pos + 1;
    }
  }
  return 0;
}

// Appends `in` to `out` with white space collapsed: a run becomes one space,
// and none is written at the start of `out`.
void AppendCollapsed(std::string_view in, std::string& out) {
  for (char c : in) {
    if (IsAsciiSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

void TrimInPlace(std::string& s) {
  while (!s.empty() && IsAsciiSpace(s.back())) s.pop_back();
  size_t start = 0;
  while (start < s.size() && IsAsciiSpace(s[start])) ++start;
  s.erase(0, start);
}

// Finds `needle` (lower case) in `haystack` from `from`, ignoring ASCII case.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle,
                      size_t from) {
  if (needle.empty()) return from;
  const char first = needle[0];
  for (size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (Lower(haystack[i]) != first) continue;
    size_t k = 1;
    while (k < needle.size() && Lower(haystack[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Returns the end of the tag whose name ends at `from` (the index of its
// '>'), skipping quoted attribute values; npos if it never closes.
size_t TagEnd(std::string_view html, size_t from) {
  char quote = 0;
  for (size_t i = from; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Only a quote that opens an attribute value counts; a stray
      // apostrophe in a broken tag must not swallow the page.
      if (i > 0 && (html[i - 1] == '=' || IsAsciiSpace(html[i - 1]))) quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// The value of attribute `name` (lower case) in a tag's attribute text.
std::string AttributeValue(std::string_view attributes, std::string_view name) {
  size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() &&
           (IsAsciiSpace(attributes[i]) || attributes[i] == '/')) {
      ++i;
    }
    const size_t name_start = i;
    while (i < attributes.size() && !IsAsciiSpace(attributes[i]) &&
           attributes[i] != '=' && attributes[i] != '>' && attributes[i] != '/') {
      ++i;
    }
    const std::string_view attribute = attributes.substr(name_start, i - name_start);
    while (i < attributes.size() && IsAsciiSpace(attributes[i])) ++i;
    std::string_view value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && IsAsciiSpace(attributes[i])) ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        const char quote = attributes[i++];
        const size_t close = attributes.find(quote, i);
        const size_t end = close == std::string_view::npos ? attributes.size() : close;
        value = attributes.substr(i, end - i);
        i = end + 1;
      } else {
        const size_t value_start = i;
        while (i < attributes.size() && !IsAsciiSpace(attributes[i])) ++i;
        value = attributes.substr(value_start, i - value_start);
      }
    }
    if (attribute.empty()) {
      ++i;
      continue;
    }
    if (LowerAscii(attribute) == name) {
      std::string decoded;
      AppendDecodedEntities(value, decoded);
      return decoded;
    }
  }
  return {};
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsDroppedElement(std::string_view name) {
  return IsOneOf(name, {"nav", "header", "footer", "aside", "form", "noscript",
                        "svg", "iframe", "button", "select", "figure", "menu",
                        "dialog"});
}

bool IsRawTextElement(std::string_view name) {
  return IsOneOf(name, {"script", "style", "template", "textarea"});
}

bool IsVoidElement(std::string_view name) {
  return IsOneOf(name, {"area", "base", "br", "col", "embed", "hr", "img",
                        "input", "link", "meta", "param", "source", "track",
                        "wbr"});
}

bool IsTextBlock(std::string_view name) {
  return IsOneOf(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                        "blockquote"});
}

// Elements that end a text block left open by a missing </p>.
bool IsBlockBoundary(std::string_view name) {
  return IsOneOf(name, {"div", "section", "article", "main", "ul", "ol",
                        "table", "tr", "td", "body", "dl", "pre"});
}

bool HasBoilerplateClass(std::string_view attributes) {
  static constexpr std::string_view kMarkers[] = {
      "related", "share", "social", "newsletter", "cookie", "advert",
      "promo", "teaser", "comment"};
  for (std::string_view attribute : {"class", "id"}) {
    const std::string value = LowerAscii(AttributeValue(attributes, attribute));
    if (value.empty()) continue;
    for (std::string_view marker : kMarkers) {
      if (value.find(marker) != std::string::npos) return true;
    }
  }
  return false;
}

class HtmlExtractor {
 public:
  explicit HtmlExtractor(std::string_view html) : html_(html) {}

  HtmlContent Run() {
    size_t i = 0;
    while (i < html_.size()) {
      if (html_[i] != '<') {
        size_t next = html_.find('<', i);
        if (next == std::string_view::npos) next = html_.size();
        AddText(html_.substr(i, next - i));
        i = next;
        continue;
      }
      i = Tag(i);
    }
    EndBlock();
    AppendCollapsed(raw_title_, content_.title);
    TrimInPlace(content_.title);
    if (content_.title.empty()) content_.title = first_heading_;
    return std::move(content_);
  }

 private:
  void AddText(std::string_view text) {
    if (drop_depth_ > 0) return;
    if (in_title_) {
      AppendDecodedEntities(text, raw_title_);
      return;
    }
    if (!in_block_) return;
    scratch_.clear();
    AppendDecodedEntities(text, scratch_);
    AppendCollapsed(scratch_, block_);
  }

  void EndBlock() {
    TrimInPlace(block_);
    if (!block_.empty()) {
      if (block_name_ == "h1" && first_heading_.empty()) first_heading_ = block_;
      if (!content_.text.empty()) content_.text += "\n\n";
      content_.text += block_;
    }
    block_.clear();
    in_block_ = false;
  }

  // Handles the markup starting at html_[start] == '<'; returns where the
  // scan goes on.
  size_t Tag(size_t start) {
    const std::string_view rest = html_.substr(start);
    if (rest.starts_with("<!--")) {
      const size_t close = html_.find("-->", start + 4);
      return close == std::string_view::npos ? html_.size() : close + 3;
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
      const size_t close = html_.find('>', start);
      return close == std::string_view::npos ? html_.size() : close + 1;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_end = start + (closing ? 2 : 1);
    while (name_end < html_.size() &&
           (std::isalnum(static_cast<unsigned char>(html_[name_end])) ||
            html_[name_end] == '-' || html_[name_end] == ':')) {
      ++name_end;
    }
    const size_t name_start = start + (closing ? 2 : 1);
    if (name_end == name_start) {
      AddText("<");  // a literal '<' in text
      return start + 1;
    }
    const size_t end = TagEnd(html_, name_end);
    if (end == std::string_view::npos) return html_.size();
    const std::string name = LowerAscii(html_.substr(name_start, name_end - name_start));
    const std::string_view attributes = html_.substr(name_end, end - name_end);
    const bool self_closing = end > name_end && html_[end - 1] == '/';
    size_t next = end + 1;

    if (!closing && IsRawTextElement(name)) {
      const size_t close = FindIgnoreCase(html_, "</" + name, next);
      if (close == std::string_view::npos) return html_.size();
      const size_t close_end = html_.find('>', close);
      return close_end == std::string_view::npos ? html_.size() : close_end + 1;
    }
    if (drop_depth_ > 0) {
      if (name == drop_name_) {
        if (closing) {
          --drop_depth_;
        } else if (!self_closing) {
          ++drop_depth_;
        }
      }
      return next;
    }
    if (!closing && name == "meta") {
      Meta(attributes);
      return next;
    }
    if (!closing && name == "link" &&
        LowerAscii(AttributeValue(attributes, "rel")) == "canonical") {
      content_.url = AttributeValue(attributes, "href");
      return next;
    }
    if (!closing && !self_closing && !IsVoidElement(name) &&
        (IsDroppedElement(name) ||
         (!IsOneOf(name, {"html", "body", "main", "article"}) &&
          HasBoilerplateClass(attributes)))) {
      drop_name_ = name;
      drop_depth_ = 1;
      return next;
    }
    if (name == "title") {
      // Only the page's first <title>; later ones belong to embedded media.
      in_title_ = !closing && !self_closing && !title_seen_;
      title_seen_ = title_seen_ || in_title_;
      return next;
    }
    if (IsTextBlock(name)) {
      EndBlock();
      if (!closing) {
        in_block_ = true;
        block_name_ = name;
      }
      return next;
    }
    if (IsBlockBoundary(name)) {
      EndBlock();
      return next;
    }
    if (name == "br" && in_block_ && !block_.empty() && block_.back() != ' ') {
      block_ += ' ';
    }
    return next;
  }

  void Meta(std::string_view attributes) {
    std::string key = LowerAscii(AttributeValue(attributes, "property"));
    if (key.empty()) key = LowerAscii(AttributeValue(attributes, "name"));
    if (key.empty()) key = LowerAscii(AttributeValue(attributes, "itemprop"));
    if (content_.date.empty() &&
        IsOneOf(key, {"article:published_time", "datepublished", "pubdate",
                      "publishdate", "date", "dc.date", "dc.date.issued",
                      "og:published_time", "sailthru.date"})) {
      content_.date = AttributeValue(attributes, "content");
    }
    if (content_.url.empty() && key == "og:url") {
      content_.url = AttributeValue(attributes, "content");
    }
  }

  std::string_view html_;
  HtmlContent content_;
  std::string raw_title_;
  std::string first_heading_;
  std::string block_;
  std::string block_name_;
  std::string scratch_;
  std::string drop_name_;
  int drop_depth_ = 0;
  bool in_block_ = false;
  bool in_title_ = false;
  bool title_seen_ = false;
};

}  // namespace

void AppendDecodedEntities(std::string_view in, std::string& out) {
  size_t i = 0;
  while (i < in.size()) {
    const size_t amp = in.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(in.substr(i));
      return;
    }
    out.append(in.substr(i, amp - i));
    const size_t length = DecodeEntity(in, amp, out);
    if (length == 0) {
      out += '&';
      i = amp + 1;
    } else {
      i = amp + length;
    }
  }
}

std::string MarkupToText(std::string_view in) {
  std::string decoded;
  size_t i = 0;
  // The next '>' at or after the current '<', kept between iterations so
  // that text full of stray '<' is still scanned once.
  size_t next_gt = 0;
  while (i < in.size()) {
    const size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) {
      AppendDecodedEntities(in.substr(i), decoded);
      break;
    }
    AppendDecodedEntities(in.substr(i, lt - i), decoded);
    const std::string_view rest = in.substr(lt);
    if (rest.starts_with("<![CDATA[")) {
      const size_t close = in.find("]]>", lt + 9);
      const size_t end = close == std::string_view::npos ? in.size() : close;
      decoded.append(in.substr(lt + 9, end - lt - 9));
      i = close == std::string_view::npos ? in.size() : close + 3;
      continue;
    }
    if (rest.starts_with("<!--")) {
      const size_t close = in.find("-->", lt + 4);
      i = close == std::string_view::npos ? in.size() : close + 3;
      continue;
    }
    if (next_gt != std::string_view::npos && next_gt <= lt) {
      next_gt = in.find('>', lt);
    }
    const size_t close = next_gt;
    const bool looks_like_tag =
        rest.size() > 1 && (std::isalpha(static_cast<unsigned char>(rest[1])) ||
                            rest[1] == '/' || rest[1] == '!' || rest[1] == '?');
    if (close == std::string_view::npos || !looks_like_tag) {
      decoded += '<';
      i = lt + 1;
      continue;
    }
    decoded += ' ';
    i = close + 1;
  }
  std::string text;
  text.reserve(decoded.size());
  AppendCollapsed(decoded, text);
  TrimInPlace(text);
  return text;
}

HtmlContent ExtractHtml(std::string_view html) {
  return HtmlExtractor(html).Run();
}

}  // namespace dyad::text
