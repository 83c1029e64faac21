// dyad dict: check and query the dictionaries.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "dyad/coder.h"
#include "dyad/dictionaries.h"

namespace dyad::cli {

void AddDictCommand(CLI::App& app) {
  CLI::App* dict = app.add_subcommand("dict", "Check and query the dictionaries");
  dict->require_subcommand(1);

  CLI::App* check = dict->add_subcommand("check", "Validate every dictionary file");
  check->callback([] {
    DictionaryReport report = CheckDictionaries(ResourceDir());
    for (const auto& line : report.errors) std::cout << line << '\n';
    for (const auto& line : report.warnings) std::cout << line << '\n';
    std::cout << fmt::format(
        "actors: {} entries ({} persons), {} phrases; agents: {} phrases\n"
        "patterns: {} verb, {} noun; CAMEO codes covered: {}/{}\n"
        "self-tests: {}; errors: {}; warnings: {}\n",
        report.actor_entries, report.person_entries, report.actor_phrases, report.agent_phrases,
        report.verb_patterns, report.noun_patterns, report.cameo_codes_covered, report.cameo_codes,
        report.self_tests, report.errors.size(), report.warnings.size());
    if (!report.errors.empty()) throw CLI::RuntimeError(1);
  });

  auto date = std::make_shared<std::string>();
  auto phrases = std::make_shared<std::vector<std::string>>();
  CLI::App* lookup = dict->add_subcommand("lookup", "Print the actor code of each phrase on a date");
  lookup->add_option("--date", *date, "Date (YYYY-MM-DD); default: the latest role");
  lookup->add_option("phrases", *phrases, "Phrases to resolve")->required();
  lookup->callback([date, phrases] {
    if (!date->empty() && !IsIsoDate(*date)) {
      throw CLI::ValidationError("--date", "expected YYYY-MM-DD, got '" + *date + "'");
    }
    ActorLookup actors = ActorLookup::Load(ResourceDir());
    for (const auto& phrase : *phrases) {
      std::cout << phrase << '\t' << actors.Lookup(phrase, *date).value_or("-") << '\n';
    }
  });
}

}  // namespace dyad::cli
