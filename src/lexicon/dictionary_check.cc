// dyad dict check and dict lookup over the project's dictionary folder.
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dyad/dictionaries.h"
#include "dyad/ontology.h"
#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/source_lines.h"
#include "lexicon/verb_dictionary.h"
#include "util/date.h"
#include "util/strings.h"

namespace dyad {
namespace fs = std::filesystem;
namespace {

std::vector<fs::path> FilesUnder(const fs::path& path) {
  return fs::exists(path) ? lexicon::ListDictionaryFiles(path) : std::vector<fs::path>{};
}

// The registry of actor code parts (dict/codes.txt: "KIND CODE").
class CodeRegistry {
 public:
  explicit CodeRegistry(const fs::path& file, std::vector<lexicon::DictionaryIssue>& issues) {
    if (!fs::exists(file)) return;
    const lexicon::SourceFile source(file);
    for (const auto& line : source.lines()) {
      auto words = util::Split(line.text, ' ');
      std::vector<std::string_view> parts;
      for (auto w : words)
        if (!w.empty()) parts.push_back(w);
      if (parts.size() != 2 || parts[1].size() != 3) {
        issues.push_back({lexicon::DictionaryIssue::Severity::kError, file.string(), line.number,
                          "expected 'KIND CODE'"});
        continue;
      }
      kinds_[std::string(parts[1])].insert(std::string(parts[0]));
    }
  }
  bool loaded() const { return !kinds_.empty(); }

  // A code is a first part (country, region or IGO/NGO/IMG/MNC prefix)
  // followed by any number of known parts (roles, organisations, regions).
  bool Valid(std::string_view code) const {
    if (code.size() < 3 || code.size() % 3) return false;
    if (!Is(code.substr(0, 3), {"country", "region", "prefix"})) return false;
    for (size_t i = 3; i < code.size(); i += 3) {
      if (!Is(code.substr(i, 3), {"role", "org", "region", "country", "prefix"})) return false;
    }
    return true;
  }

 private:
  bool Is(std::string_view part, std::initializer_list<std::string_view> kinds) const {
    auto it = kinds_.find(std::string(part));
    if (it == kinds_.end()) return false;
    for (auto kind : kinds)
      if (it->second.count(std::string(kind))) return true;
    return false;
  }
  std::unordered_map<std::string, std::set<std::string>> kinds_;
};

}  // namespace

DictionaryReport CheckDictionaries(const fs::path& resource_dir) {
  using Severity = lexicon::DictionaryIssue::Severity;
  const fs::path dict = resource_dir / "dict";
  Ontology ontology = Ontology::Load(resource_dir / "data" / "ontology");
  std::vector<lexicon::DictionaryIssue> issues;

  auto actors = lexicon::ActorDictionary::Load(FilesUnder(dict / "actors"), false);
  auto agents = lexicon::AgentDictionary::Load(FilesUnder(dict / "agents.txt"), false);
  auto verbs = lexicon::VerbDictionary::Load(
      FilesUnder(dict / "verbs"), [&](std::string_view c) { return ontology.Find(c) != nullptr; }, false);
  auto discards = lexicon::DiscardList::Load(FilesUnder(dict / "discards.txt"), false);
  for (const auto* list : {&actors.issues(), &agents.issues(), &verbs.issues(), &discards.issues()}) {
    issues.insert(issues.end(), list->begin(), list->end());
  }

  DictionaryReport report;
  CodeRegistry registry(dict / "codes.txt", issues);
  if (!registry.loaded()) {
    issues.push_back({Severity::kWarning, (dict / "codes.txt").string(), 0,
                      "no code registry: actor codes are not checked"});
  }
  for (size_t i = 0; i < actors.entries().size(); ++i) {
    const auto& entry = actors.entries()[i];
    ++report.actor_entries;
    report.person_entries += entry.person;
    for (const auto& role : entry.roles) {
      if (registry.loaded() && !registry.Valid(role.code)) {
        issues.push_back({Severity::kError, entry.file, entry.line,
                          fmt::format("unknown actor code {} in '{}'", role.code, entry.name)});
      }
    }
    bool people_file = fs::path(entry.file).filename().string().starts_with("people");
    if (people_file && !entry.person) {
      // Activists, clerics and relatives hold no office with dates; they are
      // allowed, but listed so that a missing date is a decision.
      issues.push_back({Severity::kWarning, entry.file, entry.line,
                        fmt::format("person '{}' has no dated role", entry.name)});
    }
    for (const auto& test : entry.tests) {
      ++report.self_tests;
      auto got = actors.Resolve(static_cast<int>(i), test.date);
      if (got != test.code) {
        issues.push_back({Severity::kError, entry.file, test.line,
                          fmt::format("self-test: '{}' on {} is {}, expected {}", entry.name,
                                      util::IsoFromDays(test.date), got.value_or("-"), test.code)});
      }
    }
  }
  report.actor_phrases = actors.phrase_count();
  report.agent_phrases = agents.size();

  std::set<std::string> covered;
  // The same words with two codes: the earlier line always wins, so the
  // later one is dead and one of the two codes is likely wrong.
  std::map<std::string, const lexicon::VerbPattern*> first_with_words;
  for (const auto& pattern : verbs.patterns()) {
    (pattern.noun ? report.noun_patterns : report.verb_patterns)++;
    covered.insert(pattern.code);
    std::string words = (pattern.noun ? "noun " : "") + pattern.head;
    for (const auto& before : pattern.head_before) words += " {" + fmt::format("{}", fmt::join(before, "|")) + "}";
    for (const auto& element : pattern.elements) {
      words += element.target ? std::string(" $T") : " {" + fmt::format("{}", fmt::join(element.words, "|")) + "}";
    }
    if (pattern.reciprocal) words += " between";
    auto [it, inserted] = first_with_words.emplace(words, &pattern);
    if (!inserted && it->second->code != pattern.code) {
      // pattern.id is "verbs/FILE:LINE".
      size_t colon = pattern.id.rfind(':');
      issues.push_back({Severity::kWarning, (dict / pattern.id.substr(0, colon)).string(),
                        std::stoi(pattern.id.substr(colon + 1)),
                        fmt::format("same words as {} with code {} (that line wins), here {}", it->second->id,
                                    it->second->code, pattern.code)});
    }
  }
  for (const auto& code : ontology.codes()) {
    if (code.code.size() < 3) continue;  // roots are families, not codes to match
    ++report.cameo_codes;
    if (covered.count(code.code)) {
      ++report.cameo_codes_covered;
    } else {
      issues.push_back({Severity::kWarning, (dict / "verbs").string(), 0,
                        fmt::format("CAMEO code {} ({}) has no pattern", code.code, code.name)});
    }
  }
  for (const auto& issue : issues) {
    (issue.severity == Severity::kError ? report.errors : report.warnings).push_back(issue.ToString());
  }
  return report;
}

struct ActorLookup::Impl {
  lexicon::ActorDictionary actors;
};

ActorLookup::ActorLookup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ActorLookup::ActorLookup(ActorLookup&&) noexcept = default;
ActorLookup::~ActorLookup() = default;

ActorLookup ActorLookup::Load(const fs::path& resource_dir) {
  return ActorLookup(std::make_unique<Impl>(
      Impl{lexicon::ActorDictionary::Load(FilesUnder(resource_dir / "dict" / "actors"))}));
}

std::optional<std::string> ActorLookup::Lookup(std::string_view phrase, std::string_view date) const {
  return impl_->actors.Lookup(phrase, date.empty() ? std::nullopt : util::ParseIsoDate(date));
}

}  // namespace dyad
