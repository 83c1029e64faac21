// Inputs and loaded resources shared by the benchmark programs: the first
// documents of a real news corpus, the stage resources Coder::Load would load
// (loaded separately so each stage can be timed on its own), and documents
// prepared up to a given stage. Everything is loaded once per process and is
// read-only afterwards.
#ifndef DYAD_BENCH_BENCH_INPUT_H_
#define DYAD_BENCH_BENCH_INPUT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dyad/clause.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/ontology.h"
#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/verb_dictionary.h"
#include "tag/tagger.h"

namespace dyad::bench {

// The benchmark documents: the first $DYAD_BENCH_DOCS (default 200) records
// of $DYAD_BENCH_CORPUS (default: the build's DYAD_BENCH_CORPUS, the
// allsides-world corpus) or, when that file is missing, dyad's examples/.
const std::vector<Document>& Documents();
// Where Documents() came from, for the benchmark context line.
const std::string& DocumentsSource();

// The resources of Coder::Load, loaded one by one from ResourceDir().
struct Resources {
  Ontology ontology;
  tag::Tagger tagger;
  lexicon::ActorDictionary actors;
  lexicon::AgentDictionary agents;
  lexicon::VerbDictionary verbs;
};
const Resources& LoadedResources();
const Coder& LoadedCoder();

// Loads each resource the way Coder::Load does (used by the load benchmarks).
tag::Tagger LoadTagger();
lexicon::ActorDictionary LoadActors();
lexicon::AgentDictionary LoadAgents();
lexicon::VerbDictionary LoadVerbs(const Ontology& ontology);
Ontology LoadOntology();

// A document as the pipeline holds it after the text stage: repaired text,
// parsed date, and its sentences (tagged and analysed when asked).
struct PreparedDocument {
  std::string text;
  std::optional<int> date;
  size_t body_begin = 0;
  size_t body_end = 0;
  std::vector<Sentence> sentences;
  std::vector<SentenceAnalysis> analyses;  // filled by PrepareAnalysed
};
// The text stage only (untagged sentences).
const std::vector<PreparedDocument>& SegmentedDocuments();
// Text, tag and syntax stages.
const std::vector<PreparedDocument>& AnalysedDocuments();

struct Totals {
  size_t bytes = 0;
  size_t sentences = 0;
  size_t tokens = 0;
};
Totals Count(const std::vector<PreparedDocument>& documents);

}  // namespace dyad::bench

#endif  // DYAD_BENCH_BENCH_INPUT_H_
