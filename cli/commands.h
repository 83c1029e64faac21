// The subcommands of the dyad binary. Each registers itself on the app; the
// callbacks parse arguments and call the library, nothing more.
#ifndef DYAD_CLI_COMMANDS_H_
#define DYAD_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace dyad::cli {

// --dictionaries FILE|DIR (repeatable): dyad, PETRARCH or TABARI files that
// replace the built-in dictionaries of their kind.
void AddDictionariesOption(CLI::App& command, std::vector<std::string>& paths);

void AddCodeCommand(CLI::App& app);
void AddDictCommand(CLI::App& app);
void AddEvalCommand(CLI::App& app);
void AddAnalyzeCommand(CLI::App& app);
void AddTreebankCommand(CLI::App& app);

}  // namespace dyad::cli

#endif  // DYAD_CLI_COMMANDS_H_
