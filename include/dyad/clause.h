// What the syntax stage finds in a tagged sentence: predicates with their
// arguments. Spans are token indices into Sentence::tokens.
#ifndef DYAD_CLAUSE_H_
#define DYAD_CLAUSE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// A half-open range [first, last) of token indices; empty when first == last.
struct TokenSpan {
  uint32_t first = 0;
  uint32_t last = 0;
  bool empty() const { return first >= last; }
  uint32_t size() const { return empty() ? 0 : last - first; }
  bool Contains(uint32_t i) const { return i >= first && i < last; }
  friend bool operator==(const TokenSpan&, const TokenSpan&) = default;
};

enum class Voice { kActive, kPassive };

// How certainly the text asserts an event (design.md §3, field `modality`).
enum class Modality {
  kAsserted,
  kReported,
  kAlleged,
  kDenied,
  kNegated,
  kHypothetical,
  kFuture,
};

// Returns the JSON name of a modality ("asserted", "reported", ...).
const char* ModalityName(Modality modality);

// A prepositional argument: the preposition token and the noun phrase after it.
struct Oblique {
  uint32_t preposition = 0;
  TokenSpan phrase;
};

// One predicate and its arguments. `predicate` covers the verb group
// (auxiliaries, negation, particles); `head` is the main verb. For a passive
// clause `subject` is the grammatical subject (the patient) and `agent` the
// by-phrase. `reported_by` is the speaker of a reporting frame around the
// clause ("X said that ...", "according to X"). `extent` is the stretch of
// tokens the clause's arguments may come from.
struct Clause {
  TokenSpan predicate;
  uint32_t head = 0;
  std::vector<uint32_t> particles;  // "call on", "push forward"
  Voice voice = Voice::kActive;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  TokenSpan subject;
  TokenSpan object;
  TokenSpan agent;
  std::vector<Oblique> obliques;
  TokenSpan reported_by;
  TokenSpan extent;
  // Index of the clause whose subject this one borrowed (conjoined or
  // participial predicates), or -1.
  int subject_from = -1;
  // Index of the clause this one depends on: the verb of an infinitive or
  // participle ("accused ... of selling", "leading X to recall"), or the
  // clause whose subject it shares; -1 for an independent clause.
  int governor = -1;
  // Index of the "that" clause this verb governs ("demanded on Monday that
  // the US lift its tariffs"), or -1.
  int that_clause = -1;
  // What a demand, proposal or insistence asks to be done ("demanded that
  // the US lift its tariffs", "its demand that Israel ease restrictions"):
  // never an event of its own.
  bool mandative = false;
};

// A noun that names an event ("talks between A and B", "Turkey's support for
// Azerbaijan"). `possessor` is the actor slot before the noun ("Turkey's",
// "Turkish"); obliques follow it.
struct NominalPredicate {
  uint32_t head = 0;
  TokenSpan possessor;
  std::vector<Oblique> obliques;
  int clause = -1;  // the clause the noun stands in, or -1
};

// A token's syntactic head (1-based token number, 0 for the root) and its
// Universal Dependencies relation, as dyad analyze --format conllu prints it.
struct Dependency {
  int head = 0;
  std::string relation;
};

// Everything the syntax stage says about one sentence.
struct SentenceAnalysis {
  std::vector<Clause> clauses;
  std::vector<NominalPredicate> nominals;
  std::vector<TokenSpan> noun_phrases;  // base NP chunks, in order
};

}  // namespace dyad

#endif  // DYAD_CLAUSE_H_
