// dyad code: code news documents into events.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "dyad/pipeline.h"
#include "dyad/sink.h"

namespace dyad::cli {

void AddCodeCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> inputs{"-"};
    std::string date, format = "jsonl", input_format = "auto", output, db;
    int threads = 1;
    std::vector<std::string> dictionaries;
    size_t max_document_bytes = 8u << 20;
    bool explain = false, quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("code", "Code news documents into political events");
  cmd->add_option("inputs", options->inputs,
                  "Input files (plain text, JSON Lines, PETRARCH XML, HTML; .gz/.zst); - for stdin");
  cmd->add_option("--date", options->date, "Publication date (YYYY-MM-DD) for inputs without one");
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "tsv", "plover"}));
  cmd->add_option("--input-format", options->input_format, "Input format")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "xml", "html"}));
  cmd->add_option("-o,--output", options->output, "Write events to FILE instead of stdout");
  cmd->add_option("--db", options->db, "Also write documents, sentences and events to SQLite");
  cmd->add_option("--threads", options->threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--max-document-bytes", options->max_document_bytes,
                  "Cut longer documents to this size (reported as too-large)");
  cmd->add_flag("--explain", options->explain,
                "Print, per sentence, the clauses, actors and patterns behind each event (stderr)");
  cmd->add_flag("-q,--quiet", options->quiet, "Do not print the summary");
  AddDictionariesOption(*cmd, options->dictionaries);
  cmd->callback([options] {
    if (!options->date.empty() && !IsIsoDate(options->date)) {
      throw CLI::ValidationError("--date", "expected YYYY-MM-DD, got '" + options->date + "'");
    }
    CoderOptions coder_options;
    coder_options.explain = options->explain;
    coder_options.dictionaries.assign(options->dictionaries.begin(), options->dictionaries.end());
    // Never freed: the process ends after the run, and freeing the
    // dictionaries, lexicon and gazetteer one node at a time cost 150 M
    // instructions (15 % of coding 200 news documents). A static pointer,
    // so that leak checkers count the coder as reachable.
    static const Coder* loaded = nullptr;
    loaded = new Coder(Coder::Load(coder_options));
    const Coder& coder = *loaded;

    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!options->output.empty()) {
      file.open(options->output, std::ios::binary);
      if (!file) throw std::runtime_error("cannot write " + options->output);
      out = &file;
    }
    std::vector<std::unique_ptr<EventSink>> owned;
    owned.push_back(MakeSink(options->format, *out));
    if (!options->db.empty()) owned.push_back(MakeSqliteSink(options->db));
    std::vector<EventSink*> sinks;
    for (auto& sink : owned) sinks.push_back(sink.get());

    RunOptions run;
    run.inputs = options->inputs;
    run.reader.default_date = options->date;
    run.reader.max_document_bytes = options->max_document_bytes;
    run.reader.format = *ParseInputFormat(options->input_format);
    run.threads = options->threads;
    RunSummary summary = RunCoding(coder, run, sinks, std::cerr, options->explain ? &std::cerr : nullptr);
    out->flush();
    if (!*out) throw std::runtime_error("writing the events failed");
    if (!options->quiet) std::cerr << FormatSummary(summary);
  });
}

}  // namespace dyad::cli
