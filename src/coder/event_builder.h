// Event assembly: matches the verb and noun patterns of the dictionary
// against a sentence's clauses and builds events with resolved source and
// target actors, modality, attribution, pattern and confidence. Stateless
// apart from the per-document ActorResolver it is given; thread-safe.
#ifndef DYAD_CODER_EVENT_BUILDER_H_
#define DYAD_CODER_EVENT_BUILDER_H_

#include <string>
#include <vector>

#include "coder/actor_resolver.h"
#include "dyad/clause.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "lexicon/verb_dictionary.h"

namespace dyad::coder {

struct SentenceEvents {
  std::vector<Event> events;
  // Per event, the clause it was coded from (its own or, for an event noun,
  // the clause the noun stands in), or -1: later stages look for the
  // event's date and place there.
  std::vector<int> clauses;
  std::vector<std::string> explanation;  // filled when asked

  // Removes the events for which `drop(event, index)` is true, with their
  // clause entries, keeping the order.
  template <typename Drop>
  void EraseEventsIf(Drop drop) {
    size_t kept = 0;
    for (size_t i = 0; i < events.size(); ++i) {
      if (drop(events[i], i)) continue;
      if (kept != i) {
        events[kept] = std::move(events[i]);
        clauses[kept] = clauses[i];
      }
      ++kept;
    }
    events.resize(kept);
    clauses.resize(kept);
  }
};

// Codes one analysed sentence; `actors` must have begun it (BeginSentence),
// and its match keys are used for the verb patterns too. Events carry actors, CAMEO code, modality,
// attribution, verb, pattern and confidence; the caller adds document-level
// fields (ids, dates, ontology).
SentenceEvents BuildEvents(const Sentence& sentence, const SentenceAnalysis& analysis,
                           const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                           std::string_view text, bool explain);

}  // namespace dyad::coder

#endif  // DYAD_CODER_EVENT_BUILDER_H_
