#include "lexicon/agent_dictionary.h"

#include <algorithm>

#include <fmt/format.h>

#include "lexicon/peer_dictionaries.h"
#include "lexicon/source_lines.h"
#include "util/strings.h"

namespace dyad::lexicon {

AgentDictionary AgentDictionary::Load(const std::vector<std::filesystem::path>& files, bool strict) {
  AgentDictionary agents;
  for (const auto& path : files) {
    DictionaryFormat format = DetectFormat(path);
    if (format == DictionaryFormat::kDyad) {
      agents.ParseFile(path);
    } else {
      PeerDictionaryReader::ReadAgents(path, format, agents);
    }
  }
  if (strict) ThrowOnErrors(agents.issues_);
  return agents;
}

void AgentDictionary::ParseFile(const std::filesystem::path& path) {
  const std::string file = path.string();
  const SourceFile source(path);
  for (const SourceLine& line : source.lines()) {
    size_t colon = line.text.find(':');
    std::string_view sector =
        colon == std::string::npos ? "" : util::Trim(std::string_view(line.text).substr(0, colon));
    bool valid = sector.size() == 3 && std::all_of(sector.begin(), sector.end(),
                                                   [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!valid) {
      issues_.push_back({DictionaryIssue::Severity::kError, file, line.number,
                         "expected 'SECTOR: noun | noun ...'"});
      continue;
    }
    for (std::string_view phrase : util::Split(std::string_view(line.text).substr(colon + 1), '|')) {
      if (phrase.empty()) continue;
      AddAgent(sector, phrase, TokenizePhrase(phrase), file, line.number,
               DictionaryIssue::Severity::kError);
    }
  }
}

void AgentDictionary::AddAgent(std::string_view sector, std::string_view phrase,
                               const std::vector<PhraseIndex::PhraseToken>& tokens,
                               const std::string& file, int line,
                               DictionaryIssue::Severity duplicate) {
  auto it = std::find(sectors_.begin(), sectors_.end(), sector);
  int value = static_cast<int>(it - sectors_.begin());
  if (it == sectors_.end()) sectors_.emplace_back(sector);
  int previous = index_.Add(tokens, value);
  if (previous >= 0 && previous != value) {
    issues_.push_back({duplicate, file, line,
                       fmt::format("agent '{}' is already {}", phrase, sectors_[previous])});
  }
}

std::vector<AgentMatch> AgentDictionary::FindAll(const MatchKeys& lemma_keys,
                                                 const MatchKeys& word_keys) const {
  std::vector<AgentMatch> matches;
  for (size_t i = 0; i < lemma_keys.folded.size();) {
    auto by_lemma = index_.LongestAt(lemma_keys.folded, lemma_keys.caps, i, lemma_keys.hashes);
    auto by_word = index_.LongestAt(word_keys.folded, word_keys.caps, i, word_keys.hashes);
    auto best = by_word.length > by_lemma.length ? by_word : by_lemma;
    if (best.length == 0) {
      ++i;
      continue;
    }
    if (matches.empty()) matches.reserve(kUsualMatches);  // as ActorDictionary::FindAll
    matches.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + best.length),
                       sectors_[best.value]});
    i += best.length;
  }
  return matches;
}

}  // namespace dyad::lexicon
