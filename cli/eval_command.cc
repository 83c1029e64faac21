// dyad eval: score the coder against gold records.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "dyad/eval.h"
#include "dyad/ontology.h"

namespace dyad::cli {

void AddEvalCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    std::vector<std::string> dictionaries;
    bool errors = false;
    bool plover = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("eval", "Score the coder against gold records (JSON Lines)");
  cmd->add_option("gold", options->files, "Gold record files")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--errors", options->errors, "List every miss and extra with its sentence");
  cmd->add_flag("--plover", options->plover,
                "Score on PLOVER event type (CAMEO gold codes are translated); files whose codes "
                "are all PLOVER names are scored so without it");
  AddDictionariesOption(*cmd, options->dictionaries);
  cmd->callback([options] {
    CoderOptions coder_options;
    coder_options.dictionaries.assign(options->dictionaries.begin(), options->dictionaries.end());
    Coder coder = Coder::Load(coder_options);
    // The table the coder maps its CAMEO codes with (it reads the same
    // resource folder), so CAMEO gold codes translate the same way.
    const Ontology ontology = Ontology::Load(ResourceDir() / "data" / "ontology");
    for (const auto& path : options->files) {
      GoldFile gold = ReadGoldFile(path);
      for (const auto& p : gold.problems) {
        std::cerr << fmt::format("{}: {}: {}\n", p.where, p.kind, p.message);
      }
      EvalOptions eval_options;
      eval_options.scheme = options->plover ? GoldScheme::kPlover : DetectGoldScheme(gold.records);
      eval_options.ontology = &ontology;
      std::cout << "== " << path << '\n'
                << FormatEvalReport(Evaluate(coder, gold.records, eval_options), options->errors);
    }
  });
}

}  // namespace dyad::cli
