// Scoring against treebanks: the tagger's XPOS, verb lemmas, and the four
// clause relations the coder depends on (nsubj, nsubj:pass, obj,
// obl:agent). A relation counts as reproduced when dyad gives the same
// dependent the same head and label.
#include <algorithm>
#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "dyad/treebank.h"

namespace dyad {
namespace {

constexpr const char* kScoredRelations[] = {"nsubj", "nsubj:pass", "obj", "obl:agent"};

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> columns;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    columns.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return columns;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Token `i` of `words` marked in a window of its sentence: "... the
// [former] minister ...".
std::string InContext(const std::vector<ConlluWord>& words, size_t i) {
  constexpr size_t kWindow = 6;  // words either side
  const size_t first = i > kWindow ? i - kWindow : 0;
  const size_t last = std::min(words.size(), i + kWindow + 1);
  std::string out = first > 0 ? "..." : "";
  for (size_t k = first; k < last; ++k) {
    if (!out.empty()) out += ' ';
    out += k == i ? "[" + words[k].form + "]" : words[k].form;
  }
  if (last < words.size()) out += " ...";
  return out;
}

}  // namespace

std::vector<ConlluSentence> ReadConllu(std::istream& in) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::string line;
  auto flush = [&] {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = ConlluSentence{};
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# text = ", 0) == 0) current.text = line.substr(9);
      continue;
    }
    auto columns = Columns(line);
    if (columns.size() != 10) continue;
    std::string_view id = columns[0];
    if (id.find_first_of("-.") != std::string_view::npos) continue;  // ranges, empty nodes
    ConlluWord word{std::string(columns[1]), std::string(columns[2]), std::string(columns[3]),
                    std::string(columns[4]), std::string(columns[7]), 0};
    std::from_chars(columns[6].data(), columns[6].data() + columns[6].size(), word.head);
    current.words.push_back(std::move(word));
  }
  flush();
  return sentences;
}

TreebankScore ScoreTreebank(const Coder& coder, const std::vector<ConlluSentence>& gold) {
  TreebankScore score;
  for (const ConlluSentence& sentence : gold) {
    std::vector<std::string> forms;
    for (const auto& word : sentence.words) forms.push_back(word.form);
    AnalyzedSentence analyzed = coder.AnalyzeTokens(forms);
    ++score.sentences;
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      const ConlluWord& want = sentence.words[i];
      const Token& got = analyzed.sentence.tokens[i];
      ++score.tokens;
      if (got.tag == want.xpos) {
        ++score.xpos_correct;
      } else {
        TagConfusion& confusion = score.confusions[{want.xpos, got.tag}];
        ++confusion.count;
        if (confusion.examples.size() < kMaxConfusionExamples) {
          confusion.examples.push_back(InContext(sentence.words, i));
        }
      }
      if (want.xpos.rfind("VB", 0) == 0) {
        ++score.verbs;
        score.verb_lemmas_correct += Lower(got.lemma) == Lower(want.lemma);
      }
      for (const char* relation : kScoredRelations) {
        if (want.deprel != relation) continue;
        auto& [total, reproduced] = score.relations[relation];
        ++total;
        const Dependency& dep = analyzed.dependencies[i];
        reproduced += dep.relation == relation && dep.head == want.head;
      }
    }
  }
  return score;
}

std::string FormatTreebankScore(const TreebankScore& s) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
  std::ostringstream out;
  out << fmt::format("sentences: {}  tokens: {}\n", s.sentences, s.tokens);
  out << fmt::format("XPOS accuracy: {:.1f}% ({}/{})\n", pct(s.xpos_correct, s.tokens), s.xpos_correct, s.tokens);
  out << fmt::format("verb lemma accuracy: {:.1f}% ({}/{})\n", pct(s.verb_lemmas_correct, s.verbs),
                     s.verb_lemmas_correct, s.verbs);
  size_t subject_total = 0, subject_found = 0;
  for (const auto& [relation, counts] : s.relations) {
    out << fmt::format("{:<11} reproduced: {:.1f}% ({}/{})\n", relation, pct(counts.second, counts.first),
                       counts.second, counts.first);
    if (relation.rfind("nsubj", 0) == 0) subject_total += counts.first, subject_found += counts.second;
  }
  out << fmt::format("subjects (nsubj + nsubj:pass): {:.1f}%\n", pct(subject_found, subject_total));
  return out.str();
}

std::string FormatTreebankErrors(const TreebankScore& s, size_t examples) {
  using Entry = std::pair<const std::pair<std::string, std::string>, TagConfusion>;
  std::vector<const Entry*> sorted;
  size_t errors = 0;
  for (const Entry& entry : s.confusions) {
    sorted.push_back(&entry);
    errors += entry.second.count;
  }
  // Most frequent first; ties in tag order, so that the listing is stable.
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Entry* a, const Entry* b) { return a->second.count > b->second.count; });
  std::ostringstream out;
  out << fmt::format("XPOS errors: {} (gold -> dyad)\n", errors);
  for (const Entry* entry : sorted) {
    const auto& [tags, confusion] = *entry;
    out << fmt::format("{:<5} -> {:<5} {}\n", tags.first, tags.second, confusion.count);
    for (size_t k = 0; k < confusion.examples.size() && k < examples; ++k) {
      out << "    " << confusion.examples[k] << '\n';
    }
  }
  return out.str();
}

}  // namespace dyad
