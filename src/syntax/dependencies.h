// A dependency view of the shallow analysis, for CoNLL-U output and for
// scoring against treebanks. Only the relations the clause finder decides
// are claimed as such (nsubj, nsubj:pass, obj, obl:agent, obl, aux,
// aux:pass, advmod for negation, compound:prt, case, det, amod, compound,
// nmod:poss, nummod); every other token attaches to the root with "dep".
#ifndef DYAD_SYNTAX_DEPENDENCIES_H_
#define DYAD_SYNTAX_DEPENDENCIES_H_

#include <string>
#include <vector>

#include "dyad/clause.h"
#include "dyad/document.h"

namespace dyad::syntax {

// One dependency per token of the sentence, in token order.
std::vector<Dependency> ToDependencies(const Sentence& sentence, const SentenceAnalysis& analysis);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_DEPENDENCIES_H_
