// Statements about one's own future acts ("Germany will send tanks",
// "Syria is willing to withdraw", "Israel pledged to release prisoners")
// are CAMEO events of their own: the act is not done, the intention is
// declared. CAMEO codes them under 03 (express intent to cooperate) for
// cooperative acts and 13 (threaten) for hostile ones; a declared refusal
// ("will not provide support") is a rejection, 12.
#ifndef DYAD_CODER_INTENT_H_
#define DYAD_CODER_INTENT_H_

#include <optional>
#include <string>
#include <string_view>

namespace dyad::coder {

// The CAMEO code for declaring the intention to do `act` (a CAMEO code), or
// for declaring the refusal to do it when `refused`; nullopt when the act's
// category has no such code (statements, appeals, demands, threats,
// rejections themselves, force posture, investigations).
std::optional<std::string> IntentCode(std::string_view act, bool refused);

// The CAMEO code for asking another actor to do `act` (a CAMEO code): a
// demand (10) when `demand`, else an appeal (02). Both roots mirror 03 digit
// for digit (0353 intent to release, 0253 appeal for release, 1053 demand
// release); an act with no cooperative intent form gives 100 or 020.
std::string RequestCode(std::string_view act, bool demand);

// Whether a clause governed by a verb with this lemma states the subject's
// own intention ("plans to", "pledged to", "agreed to", "offered to",
// "is ready to"); predictions ("expected to", "scheduled to") do not.
bool IsIntentGovernor(std::string_view lemma);

// Verbs that state an intention only with "to" and the verb right after
// them ("seeks to deepen ties", "hopes to meet"); their other complements
// are no intention ("sought permission before launching", "hoped that
// engaging Xi would help").
bool IsAimGovernor(std::string_view lemma);

}  // namespace dyad::coder

#endif  // DYAD_CODER_INTENT_H_
