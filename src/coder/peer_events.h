// Event assembly with PETRARCH / TABARI verb patterns
// (docs/formats/peer-verbs.md): the same inputs and outputs as BuildEvents,
// with the peers' pattern semantics. Thread-safe; stateless apart from the
// per-document ActorResolver it is given.
#ifndef DYAD_CODER_PEER_EVENTS_H_
#define DYAD_CODER_PEER_EVENTS_H_

#include <string_view>

#include "coder/actor_resolver.h"
#include "coder/event_builder.h"
#include "dyad/clause.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "lexicon/verb_dictionary.h"

namespace dyad::coder {

// Codes one analysed sentence with a peer verb dictionary (verbs.peer()).
// Per clause, the verb's patterns are tried most specific first: words and
// slots before the verb ('$' source, '+' target, '^' a skipped noun phrase)
// are matched backwards from it, those after it forwards within the clause;
// the first pattern that matches codes the clause (a "---" code: nothing).
// The source is the '$' slot or the clause's subject (a passive's by-agent);
// the target the '+' slot, else the first actor after the verb in the
// clause (a passive's subject). '%' patterns code the members of a compound
// subject towards one another; "[A:B]" codes A from source to target and B
// back. No event without both a source and a target, except with PETRARCH-1
// files for a verb without an object (PETRARCH-1 with require_dyad off; the
// scorer drops such events where a record keeps require_dyad on). `options`
// are the peer driver's options of the text (PeerOptions).
SentenceEvents BuildPeerEvents(const Sentence& sentence, const SentenceAnalysis& analysis,
                               const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                               std::string_view text, const PeerOptions& options, bool explain);

}  // namespace dyad::coder

#endif  // DYAD_CODER_PEER_EVENTS_H_
