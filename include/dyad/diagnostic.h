// Problems with one input item. They are data, not exceptions: a document's
// result carries them, the run goes on, and the summary counts them.
#ifndef DYAD_DIAGNOSTIC_H_
#define DYAD_DIAGNOSTIC_H_

#include <string>

namespace dyad {

struct Diagnostic {
  // Short stable category used for counting in the run summary, e.g.
  // "broken-json", "invalid-utf8", "missing-date", "empty-document",
  // "too-large".
  std::string kind;
  // Where: "file:line" or a document id.
  std::string where;
  // One sentence for a person.
  std::string message;
  // True when the item was dropped; false when it was repaired and coded.
  bool skipped = false;
};

}  // namespace dyad

#endif  // DYAD_DIAGNOSTIC_H_
