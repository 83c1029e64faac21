// dyad analyze: show how dyad reads text (tokens, tags, lemmas, clauses).
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "cli/commands.h"
#include "dyad/coder.h"

namespace dyad::cli {
namespace {

std::string Words(const Sentence& s, const std::string& text, TokenSpan span) {
  if (span.empty()) return "-";
  return text.substr(s.tokens[span.first].begin, s.tokens[span.last - 1].end - s.tokens[span.first].begin);
}

void Print(const AnalyzedSentence& a, const std::string& text) {
  const Sentence& s = a.sentence;
  std::cout << fmt::format("# sentence {}: {}\n", s.index, text.substr(s.begin, s.end - s.begin));
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    std::cout << fmt::format("{}\t{}\t{}\t{}\n", i, t.norm, t.lemma, t.tag);
  }
  for (const TokenSpan& np : a.analysis.noun_phrases) std::cout << "NP  " << Words(s, text, np) << '\n';
  for (const Clause& c : a.analysis.clauses) {
    std::cout << fmt::format(
        "CLAUSE {} [{}] voice={} neg={} modality={} subject=[{}]{} object=[{}] agent=[{}] reported_by=[{}]\n",
        s.tokens[c.head].norm, Words(s, text, c.predicate), c.voice == Voice::kPassive ? "passive" : "active",
        c.negated, ModalityName(c.modality), Words(s, text, c.subject),
        c.subject_from >= 0 ? fmt::format(" (from clause {})", c.subject_from) : "", Words(s, text, c.object),
        Words(s, text, c.agent), Words(s, text, c.reported_by));
    for (const Oblique& o : c.obliques) {
      std::cout << fmt::format("  {} [{}]\n", s.tokens[o.preposition].norm, Words(s, text, o.phrase));
    }
  }
  for (const NominalPredicate& n : a.analysis.nominals) {
    if (n.obliques.empty()) continue;
    std::cout << fmt::format("NOUN {} possessor=[{}]", s.tokens[n.head].norm, Words(s, text, n.possessor));
    for (const Oblique& o : n.obliques) {
      std::cout << fmt::format(" {} [{}]", s.tokens[o.preposition].norm, Words(s, text, o.phrase));
    }
    std::cout << '\n';
  }
  std::cout << '\n';
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("analyze", "Show tokens, tags, lemmas and clauses of text");
  cmd->add_option("text", *inputs, "Text to analyse (default: standard input)");
  cmd->callback([inputs] {
    Coder coder = Coder::Load(CoderOptions{});
    std::string text;
    for (const auto& piece : *inputs) text += (text.empty() ? "" : " ") + piece;
    if (inputs->empty()) text.assign(std::istreambuf_iterator<char>(std::cin), {});
    Document document{"analyze", "", "", text, "", ""};
    for (const auto& sentence : coder.Analyze(document)) Print(sentence, text);
  });
}

}  // namespace dyad::cli
