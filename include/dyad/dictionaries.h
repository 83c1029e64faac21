// Dictionary maintenance: validation (dyad dict check) and actor lookup
// (dyad dict lookup) over the dictionaries in a resource folder.
#ifndef DYAD_DICTIONARIES_H_
#define DYAD_DICTIONARIES_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct DictionaryReport {
  std::vector<std::string> errors;    // "file:line: error: message"
  std::vector<std::string> warnings;  // "file:line: warning: message"
  size_t actor_entries = 0;
  size_t person_entries = 0;
  size_t actor_phrases = 0;
  size_t agent_phrases = 0;
  size_t verb_patterns = 0;
  size_t noun_patterns = 0;
  size_t cameo_codes = 0;          // codes in the ontology
  size_t cameo_codes_covered = 0;  // reachable by at least one pattern
  size_t self_tests = 0;
};

// Validates every dictionary under `resource_dir`/dict: syntax, unknown
// actor and event codes, duplicate or conflicting phrases, overlapping
// roles, persons without dates, failing self-tests, CAMEO coverage.
// Throws only when the ontology tables cannot be read.
DictionaryReport CheckDictionaries(const std::filesystem::path& resource_dir);

// Resolves actor phrases on a date, as the coder would.
class ActorLookup {
 public:
  // Throws DictionaryError (std::runtime_error) on dictionary errors.
  static ActorLookup Load(const std::filesystem::path& resource_dir);
  ActorLookup(ActorLookup&&) noexcept;
  ~ActorLookup();
  // The actor code, or nullopt when the phrase names no actor on `date`
  // (YYYY-MM-DD; empty: the latest role).
  std::optional<std::string> Lookup(std::string_view phrase, std::string_view date) const;

 private:
  struct Impl;
  explicit ActorLookup(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_DICTIONARIES_H_
