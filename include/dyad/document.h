// The input side of the data model: a news document and the sentences and
// tokens the text stage cuts it into. Plain value types; copy freely.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// One news report as read from the input. `text` is the body the offsets of
// every token, actor and event refer to (bytes, UTF-8).
struct Document {
  std::string id;
  std::string date;  // publication date, ISO YYYY-MM-DD; empty if unknown
  std::string title;
  std::string text;
  std::string url;
  std::string source;
};

// One token. `begin`/`end` are byte offsets into Document::text; `norm` is
// the surface form with typographic variants folded (curly quotes, dashes);
// `lemma` and `tag` (Penn Treebank) are filled by the tag stage.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string norm;
  std::string lemma;
  std::string tag;
};

// One sentence: its byte range in Document::text and its tokens.
struct Sentence {
  int index = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<Token> tokens;
};

// True for a real calendar day written YYYY-MM-DD (the date format of every
// input and output field).
bool IsIsoDate(std::string_view text);

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
