// dyad: command-line entry point. Parses arguments and calls the library;
// errors that stop a whole command (unreadable dictionaries, an unusable
// database) are caught here and reported in one line.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

// Loading the dictionaries and the gazetteer builds a heap of about 100 MB,
// and on virtual machines the page faults that map it cost as much as the
// loading itself (about 30,000 faults, 250 ms of system time here). glibc
// maps its heap with transparent huge pages (2 MB, where the system offers
// them on request) when the tunable glibc.malloc.hugetlb=1 is set, but
// reads tunables only as a process starts: so dyad sets it and runs itself
// again, once. DYAD_HUGE_PAGES=0 turns this off; it is set to 1 for the
// second run, which therefore does not start a third.
void RunWithHugePages(char** argv) {
  if (std::getenv("DYAD_HUGE_PAGES") != nullptr) return;
  const std::string tunables = std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // the user's choice
  const std::string value = (tunables.empty() ? "" : tunables + ":") + "glibc.malloc.hugetlb=1";
  if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0 || setenv("DYAD_HUGE_PAGES", "1", 1) != 0) {
    return;
  }
  execv("/proc/self/exe", argv);
  // Returns only on failure (no /proc): go on as started.
}

}  // namespace

int main(int argc, char** argv) {
  RunWithHugePages(argv);
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
