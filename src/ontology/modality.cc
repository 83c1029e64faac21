#include "dyad/clause.h"

namespace dyad {

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kReported:
      return "reported";
    case Modality::kAlleged:
      return "alleged";
    case Modality::kDenied:
      return "denied";
    case Modality::kNegated:
      return "negated";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kFuture:
      return "future";
  }
  // Only reachable with a value cast from outside the enum.
  return "asserted";
}

}  // namespace dyad
