// The syntax stage: a fast, deterministic shallow parser that finds, in a
// tagged sentence, base noun phrases, verb groups and for each predicate its
// subject, object, prepositional arguments, voice, negation, modality and
// reporting frame. Pure function of the tagged tokens; thread-safe.
#ifndef DYAD_SYNTAX_CLAUSE_FINDER_H_
#define DYAD_SYNTAX_CLAUSE_FINDER_H_

#include <string_view>

#include "dyad/clause.h"
#include "dyad/document.h"

namespace dyad::syntax {

// Analyses one tagged sentence (Token::tag and Token::lemma filled).
SentenceAnalysis Analyze(const Sentence& sentence);

// Whether the sentence reads as a headline: no final stop ("Parents
// prosecuted after daughter's death"). Headlines drop auxiliaries, so a
// participle after its noun is a passive main verb.
bool IsHeadline(const Sentence& sentence);

// Whether a (lower-case) word opens a clause rather than a prepositional
// phrase: "as", "after", "because", "if", "that" ...
bool IsSubordinatingWord(std::string_view word);

// Whether a lemma counts people or things before "of": "dozens of
// refugees", "thousands of Nigerians", "a score of prisoners".
bool IsQuantityNoun(std::string_view lemma);

// The clause's subject, or the one it borrows (Clause::subject_from,
// followed through conjoined and participial clauses); empty if none.
TokenSpan EffectiveSubject(const SentenceAnalysis& analysis, const Clause& clause);

// The clause's first word: its own subject's when that stands before the
// verb group, else the verb group's. The word before it is what opens the
// clause ("if", "whether", "that").
uint32_t ClauseOpening(const Clause& clause);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CLAUSE_FINDER_H_
