// "No pathological inputs": whole-document coding (Coder::Code) of inputs
// built to expose super-linear behaviour — one very long sentence, one huge
// line, a wall of punctuation, a run of capitalised names. Each family runs
// at sizes n, 2n and 4n and asks Google Benchmark for an O(N) fit.
//
// On top of the fit (which a noisy machine can blur) each family checks a
// generous bound at its largest size: the CPU time per unit at 4n divided by
// that at n ("growth"). Linear work gives ~1, quadratic ~4; above
// kGrowthBound the benchmark reports linear_ok=0 and prints a warning. This
// is a report, not a test: timing does not belong in the unit tests.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <ctime>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_input.h"
#include "coder/actor_resolver.h"
#include "coder/event_builder.h"
#include "syntax/clause_finder.h"
#include "text/segmenter.h"

namespace dyad::bench {
namespace {

constexpr double kGrowthBound = 2.5;

// Words that exercise every stage: actors, agents, verbs with patterns,
// prepositions, a comma now and then; no sentence-ending punctuation.
constexpr const char* kSentenceWords[] = {
    "the",       "minister", "of",     "Russia",    "said",  "that",    "troops", "from",
    "Turkey",    "attacked", "rebels", "near",      "the",   "border",  ",",      "and",
    "officials", "in",       "Iran",   "condemned", "the",   "strikes", "while",  "President",
    "Obama",     "urged",    "talks",  "with",      "China", ","};

// One sentence of exactly `tokens` tokens (the final period included).
std::string LongSentence(size_t tokens) {
  std::string text;
  constexpr size_t kWords = std::size(kSentenceWords);
  for (size_t i = 0; i + 1 < tokens; ++i) {
    const std::string_view word = kSentenceWords[i % kWords];
    if (!text.empty() && word != ",") text += ' ';
    text += word;
  }
  return text + '.';
}

// Real news joined into a single line of at least `bytes` bytes: no
// paragraph breaks for the segmenter or boilerplate cut to lean on.
std::string OneLine(size_t bytes) {
  std::string text;
  while (text.size() < bytes) {
    for (const Document& document : Documents()) {
      for (char c : document.text) text += c == '\n' ? ' ' : c;
      text += ' ';
      if (text.size() >= bytes) break;
    }
  }
  // Cut at a space so no UTF-8 sequence is split.
  const size_t cut = text.rfind(' ', bytes);
  text.resize(cut == std::string::npos ? bytes : cut);
  return text;
}

// `count` punctuation characters with no words at all, ASCII and the
// typographic forms the segmenter folds.
std::string Punctuation(size_t count) {
  constexpr const char* kMarks[] = {".",      ",",      ";",      ":",  "!", "?",
                                    "-",      "(",      ")",      "\"", "'", "\u2014",
                                    "\u201c", "\u201d", "\u2026", ".",  " "};
  std::string text;
  for (size_t i = 0; i < count; ++i) text += kMarks[(i * 7) % std::size(kMarks)];
  return text;
}

// `count` capitalised words in a row: mostly unknown names (made up from
// syllables) with a dictionary actor every few words, then a verb.
std::string CapitalisedNames(size_t count) {
  constexpr const char* kFirst[] = {"Ka", "Lo", "Mer", "Tan", "Vi", "Dros", "Abe", "Qui"};
  constexpr const char* kSecond[] = {"ren", "lik", "sov", "dan", "mir", "tel", "gos"};
  constexpr const char* kKnown[] = {"Russia", "Obama", "Turkey", "Iran", "China"};
  std::string text;
  for (size_t i = 0; i < count; ++i) {
    if (!text.empty()) text += ' ';
    if (i % 5 == 4) {
      text += kKnown[(i / 5) % std::size(kKnown)];
    } else {
      text += kFirst[i % std::size(kFirst)];
      text += kSecond[(i / 3) % std::size(kSecond)];
    }
  }
  return text + " met on Monday.";
}

// Nanoseconds per unit measured at each (family, size), so the largest size
// can be compared with the smallest. Google Benchmark may call a benchmark
// more than once while it settles the iteration count; the last call, the
// one it reports, overwrites the earlier ones.
std::map<std::string, std::map<int64_t, double>>& NsPerUnit() {
  static std::map<std::string, std::map<int64_t, double>> table;
  return table;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Times `work` (one call per iteration) and records its cost per unit. The
// clock is this thread's CPU time: on a shared machine wall time swings with
// other people's builds and would make the bound check flap.
template <typename Work>
void RunTimed(benchmark::State& state, const std::string& family, int64_t smallest,
              size_t input_bytes, Work&& work) {
  const int64_t units = state.range(0);
  const double start = ThreadCpuSeconds();
  for (auto _ : state) work();
  const double seconds = ThreadCpuSeconds() - start;
  const double ns_per_unit = seconds * 1e9 / (static_cast<double>(state.iterations()) * units);
  NsPerUnit()[family][units] = ns_per_unit;

  state.SetComplexityN(units);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input_bytes));
  state.counters["ns/unit"] = ns_per_unit;
  if (units >= 4 * smallest) {
    const auto& sizes = NsPerUnit()[family];
    if (auto base = sizes.find(smallest); base != sizes.end() && base->second > 0) {
      const double growth = ns_per_unit / base->second;
      state.counters["growth"] = growth;
      state.counters["linear_ok"] = growth <= kGrowthBound ? 1 : 0;
    }
  }
}

Document MakeDocument(const std::string& family, std::string text) {
  Document document;
  document.id = family;
  document.date = "2016-01-15";
  document.text = std::move(text);
  return document;
}

// Whole-document coding, the figure that matters to users.
void RunFamily(benchmark::State& state, const std::string& family, std::string text,
               int64_t smallest) {
  const Coder& coder = LoadedCoder();
  const Document document = MakeDocument(family, std::move(text));
  size_t sentences = 0;
  RunTimed(state, family, smallest, document.text.size(), [&] {
    DocumentResult result = coder.Code(document);
    sentences = result.sentences.size();
    benchmark::DoNotOptimize(result.events.data());
  });
  state.counters["sentences"] = static_cast<double>(sentences);
}

constexpr int64_t kSentenceTokens = 5000;
constexpr int64_t kLineBytes = 2500 * 1000;  // 4n = 10 MB
constexpr int64_t kPunctuation = 100 * 1000;
constexpr int64_t kNames = 5000;

void BM_LongSentence(benchmark::State& state) {
  RunFamily(state, "long_sentence", LongSentence(state.range(0)), kSentenceTokens);
}
BENCHMARK(BM_LongSentence)
    ->Arg(kSentenceTokens)
    ->Arg(2 * kSentenceTokens)
    ->Arg(4 * kSentenceTokens)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

// The document benchmark stops at 10 MB (4n): readers cut documents at
// 8 MiB (ReaderOptions::max_document_bytes), so the coder never sees more.
void BM_OneLineDocument(benchmark::State& state) {
  RunFamily(state, "one_line_document", OneLine(state.range(0)), kLineBytes);
}
BENCHMARK(BM_OneLineDocument)
    ->Arg(kLineBytes)
    ->Arg(2 * kLineBytes)
    ->Arg(4 * kLineBytes)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

void BM_Punctuation(benchmark::State& state) {
  RunFamily(state, "punctuation", Punctuation(state.range(0)), kPunctuation);
}
BENCHMARK(BM_Punctuation)
    ->Arg(kPunctuation)
    ->Arg(2 * kPunctuation)
    ->Arg(4 * kPunctuation)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

void BM_CapitalisedNames(benchmark::State& state) {
  RunFamily(state, "capitalised_names", CapitalisedNames(state.range(0)), kNames);
}
BENCHMARK(BM_CapitalisedNames)
    ->Arg(kNames)
    ->Arg(2 * kNames)
    ->Arg(4 * kNames)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

// The long sentence stage by stage, to say which stage a super-linear
// whole-document figure comes from. Earlier stages run once, untimed.
void LongSentenceSizes(benchmark::internal::Benchmark* family) {
  family->Arg(kSentenceTokens)->Arg(2 * kSentenceTokens)->Arg(4 * kSentenceTokens);
  family->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
}

enum Stage : int64_t { kSegment, kTag, kAnalyze, kResolve, kBuildEvents };

void BM_LongSentenceStage(benchmark::State& state, Stage stage, const char* name) {
  const Resources& resources = LoadedResources();
  const std::string text = LongSentence(state.range(0));
  const std::string family = std::string("long_sentence/") + name;
  std::vector<Sentence> sentences = text::Segment(text, 0, text.size());
  std::vector<SentenceAnalysis> analyses;
  if (stage > kSegment) {
    for (Sentence& sentence : sentences) resources.tagger.Tag(sentence);
  }
  if (stage > kTag) {
    for (const Sentence& sentence : sentences) analyses.push_back(syntax::Analyze(sentence));
  }
  RunTimed(state, family, kSentenceTokens, text.size(), [&] {
    switch (stage) {
      case kSegment:
        benchmark::DoNotOptimize(text::Segment(text, 0, text.size()));
        break;
      case kTag:
        for (Sentence& sentence : sentences) resources.tagger.Tag(sentence);
        break;
      case kAnalyze:
        for (const Sentence& sentence : sentences) {
          benchmark::DoNotOptimize(syntax::Analyze(sentence));
        }
        break;
      case kResolve:
      case kBuildEvents: {
        coder::ActorResolver resolver(resources.actors, resources.agents, text, std::nullopt);
        for (size_t i = 0; i < sentences.size(); ++i) {
          resolver.BeginSentence(sentences[i]);
          if (stage == kBuildEvents) {
            benchmark::DoNotOptimize(coder::BuildEvents(sentences[i], analyses[i], resolver,
                                                        resources.verbs, text, false));
          }
          resolver.EndSentence();
        }
        break;
      }
    }
  });
}
BENCHMARK_CAPTURE(BM_LongSentenceStage, segment, kSegment, "segment")->Apply(LongSentenceSizes);
BENCHMARK_CAPTURE(BM_LongSentenceStage, tag, kTag, "tag")->Apply(LongSentenceSizes);
BENCHMARK_CAPTURE(BM_LongSentenceStage, analyze, kAnalyze, "analyze")->Apply(LongSentenceSizes);
BENCHMARK_CAPTURE(BM_LongSentenceStage, resolve, kResolve, "resolve")->Apply(LongSentenceSizes);
// Includes the resolver: BuildEvents needs it to have seen the sentence.
BENCHMARK_CAPTURE(BM_LongSentenceStage, resolve_and_build, kBuildEvents, "resolve_and_build")
    ->Apply(LongSentenceSizes);

}  // namespace
}  // namespace dyad::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("corpus", dyad::bench::DocumentsSource());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // The bound check, once per family, after the tables.
  int superlinear = 0;
  for (const auto& [family, sizes] : dyad::bench::NsPerUnit()) {
    if (sizes.size() < 2) continue;
    const double growth = sizes.rbegin()->second / sizes.begin()->second;
    const bool ok = growth <= dyad::bench::kGrowthBound;
    superlinear += ok ? 0 : 1;
    std::printf("%-36s time/unit at %lldx size: %5.2fx that at n (bound %.1f)  %s\n",
                family.c_str(),
                static_cast<long long>(sizes.rbegin()->first / sizes.begin()->first), growth,
                dyad::bench::kGrowthBound, ok ? "linear" : "SUPERLINEAR");
  }
  std::printf("%d of %zu families above the bound\n", superlinear, dyad::bench::NsPerUnit().size());
  // Exit 0 regardless: this is a report, not a test; timing on a shared
  // machine is too noisy to fail a build on.
  return 0;
}
