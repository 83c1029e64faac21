// Micro-benchmarks for each hot stage of the pipeline on real news
// (docs/performance.md). Each benchmark runs one stage over the whole set of
// benchmark documents per iteration, with the earlier stages done once
// beforehand, and reports its throughput in the stage's natural unit:
// bytes/s for text, tokens/s ("items_per_second") and sentences/s for the
// sentence stages, events/s and bytes/s for output.
#include <benchmark/benchmark.h>

#include <ctime>
#include <ostream>
#include <streambuf>

#include "bench/bench_input.h"
#include "coder/actor_resolver.h"
#include "coder/event_builder.h"
#include "dyad/sink.h"
#include "place/gazetteer.h"
#include "syntax/clause_finder.h"
#include "text/segmenter.h"

namespace dyad::bench {
namespace {

using benchmark::Counter;

// Rates over the benchmark's (CPU) time, the way SetItemsProcessed does.
void ReportRates(benchmark::State& state, const Totals& per_iteration) {
  const auto n = static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(n * per_iteration.tokens));
  state.SetBytesProcessed(static_cast<int64_t>(n * per_iteration.bytes));
  state.counters["sentences/s"] = Counter(n * per_iteration.sentences, Counter::kIsRate);
  state.counters["tokens"] = static_cast<double>(per_iteration.tokens);
}

// The text stage: sentence and token boundaries.
void BM_Segment(benchmark::State& state) {
  const auto& documents = SegmentedDocuments();
  for (auto _ : state) {
    for (const PreparedDocument& document : documents) {
      auto sentences = text::Segment(document.text, document.body_begin, document.body_end);
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

// Everything Coder::Code does before Segment: UTF-8 repair, dateline and
// boilerplate cut. Linear scans; here to show they stay negligible.
void BM_TextPrologue(benchmark::State& state) {
  const auto& documents = Documents();
  size_t bytes = 0;
  for (const Document& document : documents) bytes += document.text.size();
  for (auto _ : state) {
    for (const Document& document : documents) {
      std::string text = document.text;
      text::RepairUtf8(text);
      benchmark::DoNotOptimize(text::FindDateline(text));
      benchmark::DoNotOptimize(text::BodyEnd(text));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TextPrologue)->Unit(benchmark::kMillisecond);

// The tag stage. Tag() reads only Token::norm, so re-tagging the same
// sentences in place measures the real work.
void BM_Tag(benchmark::State& state) {
  const tag::Tagger& tagger = LoadedResources().tagger;
  std::vector<PreparedDocument> documents = SegmentedDocuments();
  for (auto _ : state) {
    for (PreparedDocument& document : documents) {
      for (Sentence& sentence : document.sentences) tagger.Tag(sentence);
    }
    benchmark::ClobberMemory();
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

// The syntax stage: noun phrases, verb groups, clauses.
void BM_Analyze(benchmark::State& state) {
  const auto& documents = AnalysedDocuments();
  for (auto _ : state) {
    for (const PreparedDocument& document : documents) {
      for (const Sentence& sentence : document.sentences) {
        benchmark::DoNotOptimize(syntax::Analyze(sentence));
      }
    }
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

// The reading stages together, as issue #3 measures them: tokenizing
// (text::Segment), tagging and clause analysis of whole documents, from
// repaired text to clauses. Target: at least 1,000,000 tokens/s on one core
// ("items_per_second").
void BM_Read(benchmark::State& state) {
  const tag::Tagger& tagger = LoadedResources().tagger;
  const auto& documents = SegmentedDocuments();
  for (auto _ : state) {
    for (const PreparedDocument& document : documents) {
      std::vector<Sentence> sentences =
          text::Segment(document.text, document.body_begin, document.body_end);
      for (Sentence& sentence : sentences) {
        tagger.Tag(sentence);
        benchmark::DoNotOptimize(syntax::Analyze(sentence));
      }
    }
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_Read)->Unit(benchmark::kMillisecond);

// Folding tokens into match keys (done twice per sentence by ActorResolver:
// surface words and lemmas).
void BM_MatchKeys(benchmark::State& state) {
  const auto& documents = AnalysedDocuments();
  for (auto _ : state) {
    for (const PreparedDocument& document : documents) {
      for (const Sentence& sentence : document.sentences) {
        benchmark::DoNotOptimize(lexicon::MatchKeys::ForTokens(sentence.tokens, false));
      }
    }
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_MatchKeys)->Unit(benchmark::kMillisecond);

// Actor phrase matching alone, over keys computed beforehand.
void BM_ActorFindAll(benchmark::State& state) {
  const auto& actors = LoadedResources().actors;
  const auto& documents = AnalysedDocuments();
  std::vector<lexicon::MatchKeys> keys;
  size_t matches = 0;
  for (const PreparedDocument& document : documents) {
    for (const Sentence& sentence : document.sentences) {
      keys.push_back(lexicon::MatchKeys::ForTokens(sentence.tokens, false));
      matches += actors.FindAll(keys.back()).size();
    }
  }
  for (auto _ : state) {
    for (const lexicon::MatchKeys& sentence_keys : keys) {
      benchmark::DoNotOptimize(actors.FindAll(sentence_keys));
    }
  }
  ReportRates(state, Count(documents));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_ActorFindAll)->Unit(benchmark::kMillisecond);

// ActorResolver per sentence: match keys (words and lemmas), actor and agent
// phrases, unknown-name scan, and the document memory kept by EndSentence.
void BM_ActorResolver(benchmark::State& state) {
  const Resources& resources = LoadedResources();
  const auto& documents = AnalysedDocuments();
  for (auto _ : state) {
    for (const PreparedDocument& document : documents) {
      coder::ActorResolver resolver(resources.actors, resources.agents, document.text,
                                    document.date);
      for (const Sentence& sentence : document.sentences) {
        resolver.BeginSentence(sentence);
        resolver.EndSentence();
      }
    }
  }
  ReportRates(state, Count(documents));
}
BENCHMARK(BM_ActorResolver)->Unit(benchmark::kMillisecond);

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Event assembly with the real verb dictionary: verb and noun pattern
// matching, actor resolution of the arguments, event building. The resolver
// has to see every sentence first, so only the BuildEvents calls are timed
// (manual time); BM_ActorResolver covers the rest. The clock is this
// thread's CPU time, like the other benchmarks' figures, so that a busy
// shared machine does not inflate it.
void BM_BuildEvents(benchmark::State& state) {
  const Resources& resources = LoadedResources();
  const auto& documents = AnalysedDocuments();
  size_t events = 0;
  double seconds = 0;
  for (auto _ : state) {
    double iteration_seconds = 0;
    for (const PreparedDocument& document : documents) {
      coder::ActorResolver resolver(resources.actors, resources.agents, document.text,
                                    document.date);
      for (size_t i = 0; i < document.sentences.size(); ++i) {
        resolver.BeginSentence(document.sentences[i]);
        const double start = ThreadCpuSeconds();
        auto coded = coder::BuildEvents(document.sentences[i], document.analyses[i], resolver,
                                        resources.verbs, document.text, false);
        iteration_seconds += ThreadCpuSeconds() - start;
        events += coded.events.size();
        resolver.EndSentence();
      }
    }
    seconds += iteration_seconds;
    state.SetIterationTime(iteration_seconds);
  }
  // Rates by hand: kIsRate would divide by the CPU time of the whole loop.
  const Totals totals = Count(documents);
  const auto n = static_cast<double>(state.iterations());
  state.counters["sentences/s"] = n * totals.sentences / seconds;
  state.counters["tokens/s"] = n * totals.tokens / seconds;
  state.counters["events"] = events / n;
}
BENCHMARK(BM_BuildEvents)->UseManualTime()->Unit(benchmark::kMillisecond);

// The whole document through every stage, as RunCoding calls it.
void BM_CoderCode(benchmark::State& state) {
  const Coder& coder = LoadedCoder();
  const auto& documents = Documents();
  size_t events = 0;
  for (auto _ : state) {
    for (const Document& document : documents) events += coder.Code(document).events.size();
  }
  Totals totals = Count(SegmentedDocuments());
  ReportRates(state, totals);
  state.counters["events"] = static_cast<double>(events) / state.iterations();
  state.counters["documents/s"] =
      Counter(static_cast<double>(state.iterations() * documents.size()), Counter::kIsRate);
}
BENCHMARK(BM_CoderCode)->Unit(benchmark::kMillisecond);

// A stream buffer that accepts and counts everything, so the sink's own cost
// is what is measured and the stream never fails.
class CountingNullBuffer : public std::streambuf {
 public:
  size_t bytes() const { return bytes_; }

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes_ += static_cast<size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++bytes_;
    return traits_type::not_eof(c);
  }

 private:
  size_t bytes_ = 0;
};

// JSON writing: the JSONL sink over the coded benchmark documents.
void BM_JsonlSink(benchmark::State& state) {
  const Coder& coder = LoadedCoder();
  const auto& documents = Documents();
  std::vector<DocumentResult> results;
  size_t events = 0;
  for (const Document& document : documents) {
    results.push_back(coder.Code(document));
    events += results.back().events.size();
  }
  CountingNullBuffer buffer;
  std::ostream out(&buffer);
  auto sink = MakeJsonlSink(out);
  for (auto _ : state) {
    for (size_t i = 0; i < documents.size(); ++i) sink->Write(documents[i], results[i]);
  }
  sink->Finish();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * events));
  state.SetBytesProcessed(static_cast<int64_t>(buffer.bytes()));
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_JsonlSink)->Unit(benchmark::kMillisecond);

// Startup: everything Coder::Load reads, then each resource on its own.
void BM_CoderLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Coder::Load(CoderOptions{}));
}
BENCHMARK(BM_CoderLoad)->Unit(benchmark::kMillisecond);

void BM_LoadTagger(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadTagger());
}
BENCHMARK(BM_LoadTagger)->Unit(benchmark::kMillisecond);

void BM_LoadActors(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadActors());
}
BENCHMARK(BM_LoadActors)->Unit(benchmark::kMillisecond);

void BM_LoadAgents(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadAgents());
}
BENCHMARK(BM_LoadAgents)->Unit(benchmark::kMillisecond);

void BM_LoadVerbs(benchmark::State& state) {
  const Ontology& ontology = LoadedResources().ontology;
  for (auto _ : state) benchmark::DoNotOptimize(LoadVerbs(ontology));
}
BENCHMARK(BM_LoadVerbs)->Unit(benchmark::kMillisecond);

void BM_LoadOntology(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadOntology());
}
BENCHMARK(BM_LoadOntology)->Unit(benchmark::kMillisecond);

void BM_LoadGazetteer(benchmark::State& state) {
  const auto aliases = ResourceDir() / "data" / "places" / "aliases.tsv";
  for (auto _ : state) {
    benchmark::DoNotOptimize(place::Gazetteer::Load(place::Gazetteer::DefaultSnapshotPath(), aliases));
  }
}
BENCHMARK(BM_LoadGazetteer)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Load the input before timing starts, and say what it is.
  const auto& documents = dyad::bench::Documents();
  benchmark::AddCustomContext("documents", std::to_string(documents.size()));
  benchmark::AddCustomContext("corpus", dyad::bench::DocumentsSource());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
