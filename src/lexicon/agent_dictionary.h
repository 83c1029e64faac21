// Agents: role nouns that give an actor its sector ("forces" -> MIL,
// "ambassador" -> GOV), from dict/agents.txt (docs/formats/actors.md).
// Immutable and thread-safe after Load.
#ifndef DYAD_LEXICON_AGENT_DICTIONARY_H_
#define DYAD_LEXICON_AGENT_DICTIONARY_H_

#include <filesystem>
#include <string>
#include <string_view>
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
  // Reads agent files in dyad's format or, detected per file, in PETRARCH's
  // or TABARI's (peer_dictionaries.h).
  static AgentDictionary Load(const std::vector<std::filesystem::path>& files, bool strict = true);

  // Agent phrases in a sentence, matched on lemmas or on the words as
  // written, longest first, left to right.
  std::vector<AgentMatch> FindAll(const MatchKeys& lemma_keys, const MatchKeys& word_keys) const;

  const std::vector<DictionaryIssue>& issues() const { return issues_; }
  size_t size() const { return index_.size(); }

 private:
  friend class PeerDictionaryReader;  // adds PETRARCH and TABARI agents

  void ParseFile(const std::filesystem::path& path);
  // Indexes one agent phrase for `sector`. A phrase that already has another
  // sector keeps it and is reported with `duplicate` severity.
  void AddAgent(std::string_view sector, std::string_view phrase,
                const std::vector<PhraseIndex::PhraseToken>& tokens, const std::string& file,
                int line, DictionaryIssue::Severity duplicate);

  std::vector<std::string> sectors_;  // distinct sectors; index_ values point here
  PhraseIndex index_;
  std::vector<DictionaryIssue> issues_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_AGENT_DICTIONARY_H_
