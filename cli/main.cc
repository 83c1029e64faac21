// dyad: command-line entry point. Parses arguments and calls the library.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data from news text"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
