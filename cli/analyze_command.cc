// dyad analyze: show how dyad reads text (tokens, tags, lemmas, clauses).
#include <fstream>
#include <iostream>
#include <sstream>
#include <iterator>

#include <fmt/format.h>

#include "cli/commands.h"
#include "dyad/coder.h"
#include "dyad/treebank.h"

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
}

void PrintConllu(const AnalyzedSentence& a, const std::string& text) {
  const Sentence& s = a.sentence;
  std::cout << "# text = " << text.substr(s.begin, s.end - s.begin) << '\n';
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    const Dependency& d = a.dependencies[i];
    std::cout << fmt::format("{}\t{}\t{}\t_\t{}\t_\t{}\t{}\t_\t_\n", i + 1, text.substr(t.begin, t.end - t.begin),
                             t.lemma.empty() ? "_" : t.lemma, t.tag, d.head, d.relation);
  }
  std::cout << '\n';
}

// What the coder made of each sentence: its events and, as `dyad code
// --explain` gives it, why (pattern, actors, or why nothing was coded).
void PrintCoding(const DocumentResult& result, int sentence_index) {
  for (const Event& e : result.events) {
    if (e.sentence_index != sentence_index) continue;
    std::cout << fmt::format("EVENT {} {} -> {} modality={} pattern={} confidence={:.2f}\n", e.cameo,
                             e.source.code, e.target ? e.target->code : "-", ModalityName(e.modality), e.pattern,
                             e.confidence);
  }
  for (const SentenceExplanation& explanation : result.explanations) {
    if (explanation.sentence_index != sentence_index) continue;
    for (const std::string& line : explanation.lines) std::cout << "WHY " << line << '\n';
  }
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> text;
    std::string format = "text";
    std::string date;
    bool tokenized = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("analyze", "Show tokens, tags, lemmas and clauses of text");
  cmd->add_option("text", options->text, "Text to analyse (default: standard input)");
  cmd->add_option("--format", options->format, "Output: readable text or CoNLL-U")
      ->check(CLI::IsMember({"text", "conllu"}));
  cmd->add_flag("--tokenized", options->tokenized,
                "Input is CoNLL-U: keep its tokens (to line up with a treebank)");
  cmd->add_option("--date", options->date, "Publication date (YYYY-MM-DD) the coded events are read against");
  cmd->callback([options] {
    if (!options->date.empty() && !IsIsoDate(options->date)) {
      throw CLI::ValidationError("--date", "expected YYYY-MM-DD, got '" + options->date + "'");
    }
    CoderOptions coder_options;
    coder_options.explain = true;
    Coder coder = Coder::Load(coder_options);
    std::string input;
    for (const auto& piece : options->text) input += (input.empty() ? "" : " ") + piece;
    if (options->text.empty()) input.assign(std::istreambuf_iterator<char>(std::cin), {});
    std::vector<AnalyzedSentence> sentences;
    std::vector<std::string> texts;
    if (options->tokenized) {
      std::istringstream in(input);
      for (const ConlluSentence& gold : ReadConllu(in)) {
        std::vector<std::string> forms;
        for (const auto& word : gold.words) forms.push_back(word.form);
        sentences.push_back(coder.AnalyzeTokens(forms));
        std::string joined;
        for (const auto& form : forms) joined += (joined.empty() ? "" : " ") + form;
        texts.push_back(std::move(joined));
      }
    }
    std::optional<DocumentResult> coded;
    if (!options->tokenized) {
      const Document document{"analyze", options->date, "", input, "", ""};
      sentences = coder.Analyze(document);
      texts.assign(sentences.size(), input);
      if (options->format == "text") coded = coder.Code(document);
    }
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (options->format == "conllu") {
        PrintConllu(sentences[i], texts[i]);
        continue;
      }
      Print(sentences[i], texts[i]);
      if (coded) PrintCoding(*coded, sentences[i].sentence.index);
      std::cout << '\n';
    }
  });
}

void AddTreebankCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    bool errors = false;
    size_t examples = 3;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "treebank", "Score tags, verb lemmas and subject/object relations against CoNLL-U treebanks");
  cmd->add_option("files", options->files, "CoNLL-U files (scored together)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("--errors", options->errors,
                "Also list the tagging errors: gold tag -> dyad's tag, counts, example tokens in context");
  cmd->add_option("--examples", options->examples, "Example tokens per confusion with --errors")
      ->check(CLI::Range(size_t{0}, kMaxConfusionExamples));
  cmd->callback([options] {
    Coder coder = Coder::Load(CoderOptions{});
    std::vector<ConlluSentence> gold;
    for (const auto& path : options->files) {
      std::ifstream in(path);
      auto sentences = ReadConllu(in);
      gold.insert(gold.end(), std::make_move_iterator(sentences.begin()), std::make_move_iterator(sentences.end()));
    }
    const TreebankScore score = ScoreTreebank(coder, gold);
    std::cout << FormatTreebankScore(score);
    if (options->errors) std::cout << '\n' << FormatTreebankErrors(score, options->examples);
  });
}

}  // namespace dyad::cli
