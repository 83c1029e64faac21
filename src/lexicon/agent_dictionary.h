// Agents: role nouns that give an actor its sector ("forces" -> MIL,
// "ambassador" -> GOV), from dict/agents.txt (docs/formats/actors.md).
// Immutable and thread-safe after Load.
#ifndef DYAD_LEXICON_AGENT_DICTIONARY_H_
#define DYAD_LEXICON_AGENT_DICTIONARY_H_

#include <filesystem>
#include <string>
#include <vector>

#include "lexicon/actor_dictionary.h"
#include "lexicon/dictionary_error.h"
#include "lexicon/phrase_index.h"

namespace dyad::lexicon {

struct AgentMatch {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string sector;  // "MIL"
};

class AgentDictionary {
 public:
  static AgentDictionary Load(const std::vector<std::filesystem::path>& files, bool strict = true);

  // Agent phrases in a sentence, matched on lemmas or on the words as
  // written, longest first, left to right.
  std::vector<AgentMatch> FindAll(const MatchKeys& lemma_keys, const MatchKeys& word_keys) const;

  const std::vector<DictionaryIssue>& issues() const { return issues_; }
  size_t size() const { return index_.size(); }

 private:
  std::vector<std::string> sectors_;
  PhraseIndex index_;
  std::vector<DictionaryIssue> issues_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_AGENT_DICTIONARY_H_
