// Problems found while reading dictionary files, always with file and line.
#ifndef DYAD_LEXICON_DICTIONARY_ERROR_H_
#define DYAD_LEXICON_DICTIONARY_ERROR_H_

#include <stdexcept>
#include <string>
#include <vector>

namespace dyad::lexicon {

struct DictionaryIssue {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  std::string message;
  std::string ToString() const;  // "file:line: error: message"
};

// Thrown by a dictionary's Load when a file has errors; what() lists them.
class DictionaryError : public std::runtime_error {
 public:
  explicit DictionaryError(const std::vector<DictionaryIssue>& issues);
};

// Throws DictionaryError if `issues` holds an error.
void ThrowOnErrors(const std::vector<DictionaryIssue>& issues);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_DICTIONARY_ERROR_H_
