#include "lexicon/agent_dictionary.h"

#include <algorithm>

#include <fmt/format.h>

#include "lexicon/source_lines.h"
#include "util/strings.h"

namespace dyad::lexicon {

AgentDictionary AgentDictionary::Load(const std::vector<std::filesystem::path>& files, bool strict) {
  AgentDictionary agents;
  for (const auto& path : files) {
    const std::string file = path.string();
    for (const SourceLine& line : ReadSourceLines(path)) {
      size_t colon = line.text.find(':');
      std::string_view sector =
          colon == std::string::npos ? "" : util::Trim(std::string_view(line.text).substr(0, colon));
      bool valid = sector.size() == 3 && std::all_of(sector.begin(), sector.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!valid) {
        agents.issues_.push_back({DictionaryIssue::Severity::kError, file, line.number,
                                  "expected 'SECTOR: noun | noun ...'"});
        continue;
      }
      int value = static_cast<int>(agents.sectors_.size());
      agents.sectors_.emplace_back(sector);
      for (std::string_view phrase : util::Split(std::string_view(line.text).substr(colon + 1), '|')) {
        if (phrase.empty()) continue;
        int previous = agents.index_.Add(TokenizePhrase(phrase), value);
        if (previous >= 0 && agents.sectors_[previous] != sector) {
          agents.issues_.push_back(
              {DictionaryIssue::Severity::kError, file, line.number,
               fmt::format("agent '{}' is already {}", phrase, agents.sectors_[previous])});
        }
      }
    }
  }
  if (strict) ThrowOnErrors(agents.issues_);
  return agents;
}

std::vector<AgentMatch> AgentDictionary::FindAll(const MatchKeys& lemma_keys,
                                                 const MatchKeys& word_keys) const {
  std::vector<AgentMatch> matches;
  for (size_t i = 0; i < lemma_keys.folded.size();) {
    auto by_lemma = index_.LongestAt(lemma_keys.folded, lemma_keys.caps, i);
    auto by_word = index_.LongestAt(word_keys.folded, word_keys.caps, i);
    auto best = by_word.length > by_lemma.length ? by_word : by_lemma;
    if (best.length == 0) {
      ++i;
      continue;
    }
    matches.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + best.length),
                       sectors_[best.value]});
    i += best.length;
  }
  return matches;
}

}  // namespace dyad::lexicon
