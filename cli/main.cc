// dyad: command-line entry point. Parses arguments and calls the library;
// errors that stop a whole command (unreadable dictionaries, an unusable
// database) are caught here and reported in one line.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data (CAMEO, PLOVER) from news text"};
  app.set_version_flag("--version", "dyad 0.1.0");
  app.require_subcommand(1);
  dyad::cli::AddCodeCommand(app);
  dyad::cli::AddDictCommand(app);
  dyad::cli::AddEvalCommand(app);
  dyad::cli::AddAnalyzeCommand(app);
  dyad::cli::AddTreebankCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "dyad: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
