#include "bench/bench_input.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "lexicon/source_lines.h"
#include "syntax/clause_finder.h"
#include "text/segmenter.h"
#include "util/date.h"

namespace dyad::bench {
namespace {

namespace fs = std::filesystem;

size_t DocumentLimit() {
  if (const char* value = std::getenv("DYAD_BENCH_DOCS"); value && *value) {
    return std::max<size_t>(1, std::strtoul(value, nullptr, 10));
  }
  return 200;
}

fs::path CorpusPath() {
  if (const char* value = std::getenv("DYAD_BENCH_CORPUS"); value && *value) return value;
  return DYAD_BENCH_CORPUS;
}

// Reads up to `limit` records line by line: the corpus files are ~19 MB and
// the suite needs only their start.
std::vector<Document> ReadJsonl(const fs::path& path, size_t limit) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  simdjson::ondemand::parser parser;
  std::vector<Document> documents;
  std::string line;
  while (documents.size() < limit && std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document record = parser.iterate(padded);
    Document document;
    for (auto field : record.get_object()) {
      std::string_view key = field.unescaped_key();
      simdjson::ondemand::value value = field.value();
      if (value.type() != simdjson::ondemand::json_type::string) continue;
      std::string_view text = value.get_string();
      if (key == "id") document.id = text;
      if (key == "date") document.date = text;
      if (key == "title") document.title = text;
      if (key == "text") document.text = text;
      if (key == "source") document.source = text;
    }
    documents.push_back(std::move(document));
  }
  return documents;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Input {
  std::vector<Document> documents;
  std::string source;
};

Input LoadInput() {
  Input input;
  const fs::path corpus = CorpusPath();
  const size_t limit = DocumentLimit();
  if (fs::exists(corpus)) {
    input.documents = ReadJsonl(corpus, limit);
    input.source = corpus.string();
  } else {
    // The examples are few and short; repeat them so per-iteration work is
    // large enough to time.
    const fs::path examples = DYAD_BENCH_EXAMPLES;
    std::vector<Document> base = ReadJsonl(examples / "wire.jsonl", limit);
    for (const char* name : {"caucasus-ceasefire.txt", "sahel-attack.txt"}) {
      Document document;
      document.id = name;
      document.text = ReadFile(examples / name);
      base.push_back(std::move(document));
    }
    while (input.documents.size() < limit) {
      for (const Document& document : base) {
        if (input.documents.size() < limit) input.documents.push_back(document);
      }
    }
    input.source = examples.string() + " (repeated; " + corpus.string() + " not found)";
  }
  std::cerr << "dyad bench: " << input.documents.size() << " documents from " << input.source
            << '\n';
  return input;
}

const Input& TheInput() {
  static const Input input = LoadInput();
  return input;
}

std::vector<fs::path> FilesUnder(const fs::path& path) {
  return fs::exists(path) ? lexicon::ListDictionaryFiles(path) : std::vector<fs::path>{};
}

fs::path DictDir() { return ResourceDir() / "dict"; }

// Mirrors the first steps of Coder::Code so the stage benchmarks see the
// same text and ranges the pipeline does.
PreparedDocument Prepare(const Document& document) {
  PreparedDocument prepared;
  prepared.text = document.text;
  text::RepairUtf8(prepared.text);
  prepared.date = util::ParseIsoDate(document.date);
  if (auto dateline = text::FindDateline(prepared.text)) prepared.body_begin = dateline->end;
  prepared.body_end = text::BodyEnd(prepared.text);
  prepared.sentences = text::Segment(prepared.text, prepared.body_begin, prepared.body_end);
  return prepared;
}

}  // namespace

const std::vector<Document>& Documents() { return TheInput().documents; }
const std::string& DocumentsSource() { return TheInput().source; }

tag::Tagger LoadTagger() {
  fs::path lexicon = tag::DefaultLexiconPath();
  if (const char* dir = std::getenv("DYAD_DATA_DIR"); dir && *dir) {
    lexicon = fs::path(dir) / "en-lexicon.tsv";
  }
  return tag::Tagger::Load(lexicon, tag::DefaultWordNetDir());
}

lexicon::ActorDictionary LoadActors() {
  return lexicon::ActorDictionary::Load(FilesUnder(DictDir() / "actors"));
}

lexicon::AgentDictionary LoadAgents() {
  return lexicon::AgentDictionary::Load(FilesUnder(DictDir() / "agents.txt"));
}

lexicon::VerbDictionary LoadVerbs(const Ontology& ontology) {
  auto known_code = [&ontology](std::string_view code) { return ontology.Find(code) != nullptr; };
  return lexicon::VerbDictionary::Load(FilesUnder(DictDir() / "verbs"), known_code);
}

Ontology LoadOntology() { return Ontology::Load(ResourceDir() / "data" / "ontology"); }

const Resources& LoadedResources() {
  static const Resources resources = [] {
    Ontology ontology = LoadOntology();
    lexicon::VerbDictionary verbs = LoadVerbs(ontology);
    return Resources{std::move(ontology), LoadTagger(), LoadActors(), LoadAgents(),
                     std::move(verbs)};
  }();
  return resources;
}

const Coder& LoadedCoder() {
  static const Coder coder = Coder::Load(CoderOptions{});
  return coder;
}

const std::vector<PreparedDocument>& SegmentedDocuments() {
  static const std::vector<PreparedDocument> documents = [] {
    std::vector<PreparedDocument> out;
    for (const Document& document : Documents()) out.push_back(Prepare(document));
    return out;
  }();
  return documents;
}

const std::vector<PreparedDocument>& AnalysedDocuments() {
  static const std::vector<PreparedDocument> documents = [] {
    const tag::Tagger& tagger = LoadedResources().tagger;
    std::vector<PreparedDocument> out = SegmentedDocuments();
    for (PreparedDocument& document : out) {
      for (Sentence& sentence : document.sentences) {
        tagger.Tag(sentence);
        document.analyses.push_back(syntax::Analyze(sentence));
      }
    }
    return out;
  }();
  return documents;
}

Totals Count(const std::vector<PreparedDocument>& documents) {
  Totals totals;
  for (const PreparedDocument& document : documents) {
    totals.bytes += document.body_end - document.body_begin;
    totals.sentences += document.sentences.size();
    for (const Sentence& sentence : document.sentences) totals.tokens += sentence.tokens.size();
  }
  return totals;
}

}  // namespace dyad::bench
