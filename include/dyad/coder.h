// The coder: the whole pipeline from a Document to coded Events. Load once,
// then call Code from any number of threads: a Coder is immutable after Load.
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dyad/clause.h"
#include "dyad/diagnostic.h"
#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad {

struct CoderOptions {
  // Folder holding dict/ (dictionaries), data/ (ontology tables) and the
  // generated lexicon; empty means the installed or built-in default
  // (see ResourceDir()).
  std::filesystem::path resource_dir;
  // Dictionary files or folders to load instead of the built-in dict/
  // (dyad's own format, PETRARCH or TABARI; detected by syntax).
  std::vector<std::filesystem::path> dictionaries;
  // Record, for each sentence, why it produced no event (dyad code --explain).
  bool explain = false;
};

// Options of the peers' drivers that change how a text is coded with PETRARCH
// or TABARI verb files (docs/formats/peer-verbs.md); dyad eval sets them per
// gold record from its "config" (docs/formats/gold.md). Ignored with dyad's
// own verb files.
struct PeerOptions {
  // PETRARCH-1's new_actor_length: a source or target noun phrase that names
  // no dictionary actor and has at most this many words is coded as a new
  // actor, its words in capitals and quotes ("\"THE WEATHER OFFICE\"").
  // 0: off.
  int new_actor_length = 0;
  // TABARI's "DEFAULT: SOURCE [A] PRIOR TARGET [B] AFTER": the codes of an
  // event's source and target when the sentence names none; "" for none.
  // Without PRIOR a source may be found after the verb (the first actor
  // there, the rest staying targets); without AFTER a target before it
  // (the second member of a compound subject).
  std::string default_source, default_target;
  bool default_source_prior = false;
  bool default_target_after = false;
};

// Why a sentence coded what it coded, for --explain.
struct SentenceExplanation {
  int sentence_index = 0;
  std::vector<std::string> lines;
};

struct DocumentResult {
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::vector<Diagnostic> diagnostics;
  std::vector<SentenceExplanation> explanations;  // only with explain
};

// One sentence as the syntax stage reads it (dyad analyze).
struct AnalyzedSentence {
  Sentence sentence;
  SentenceAnalysis analysis;
  std::vector<Dependency> dependencies;  // one per token
};

class Coder {
 public:
  // Loads dictionaries, lexicon and ontology. Throws std::runtime_error
  // (with file and line for dictionary errors) when they cannot be loaded.
  static Coder Load(const CoderOptions& options);
  Coder(Coder&&) noexcept;
  Coder& operator=(Coder&&) noexcept;
  ~Coder();

  // Codes one document. Never throws for bad text: problems are returned as
  // diagnostics in the result.
  DocumentResult Code(const Document& document) const;
  // The same with the peers' driver options.
  DocumentResult Code(const Document& document, const PeerOptions& peer) const;

  // Runs the text, tag and syntax stages only: tokens, tags, lemmas, noun
  // phrases, clauses and nominal predicates of every sentence.
  std::vector<AnalyzedSentence> Analyze(const Document& document) const;

  // Every actor the coder recognises in the document's noun phrases,
  // whether or not it takes part in an event (for measuring actor coverage).
  std::vector<Actor> FindActors(const Document& document) const;

  // The same for one pre-tokenised sentence (e.g. from a treebank): the
  // words are kept as the tokens, joined by spaces into the sentence text.
  AnalyzedSentence AnalyzeTokens(const std::vector<std::string>& words) const;

 private:
  struct Impl;
  explicit Coder(std::unique_ptr<Impl> impl);
  AnalyzedSentence AnalyzeSentence(Sentence sentence) const;
  std::unique_ptr<Impl> impl_;
};

// The folder dyad reads its resources from: $DYAD_HOME if set, else the
// source tree the binary was built from.
std::filesystem::path ResourceDir();

}  // namespace dyad

#endif  // DYAD_CODER_H_
