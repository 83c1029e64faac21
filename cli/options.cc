// Options shared by several subcommands.
#include "cli/commands.h"

namespace dyad::cli {

void AddDictionariesOption(CLI::App& command, std::vector<std::string>& paths) {
  // One path per occurrence, so that the input files after it stay inputs.
  command
      .add_option("--dictionaries", paths,
                  "Dictionary files or folders (dyad, PETRARCH or TABARI) replacing the built-in ones "
                  "of their kind (actors, agents, verbs, discards); repeat for several")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
}

}  // namespace dyad::cli
