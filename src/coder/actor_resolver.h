// Actor resolution: which political actor a noun phrase names, on the
// document's date. Combines dictionary phrases (countries, persons,
// organisations), agents ("forces" -> MIL), titles and "former", and resolves
// pronouns to the nearest compatible earlier mention in the document.
//
// One ActorResolver serves one document (it remembers mentions across
// sentences); it is cheap to create and not thread-safe.
#ifndef DYAD_CODER_ACTOR_RESOLVER_H_
#define DYAD_CODER_ACTOR_RESOLVER_H_

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "dyad/clause.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"

namespace dyad::coder {

class ActorResolver {
 public:
  // `peer`: the dictionaries are PETRARCH's or TABARI's, whose actor and
  // agent entries say all they mean; dyad's own readings of role words
  // ("rebels in Chad", "100 Palestinians", "UN troops") are left out.
  ActorResolver(const lexicon::ActorDictionary& actors, const lexicon::AgentDictionary& agents,
                std::string_view text, std::optional<int> date, bool peer = false);

  // Finds the dictionary phrases and agents of a sentence; call before
  // Resolve for that sentence.
  void BeginSentence(const Sentence& sentence);
  // The same, with the sentence's word keys already computed
  // (MatchKeys::ForTokens(sentence.tokens, false)).
  void BeginSentence(const Sentence& sentence, const lexicon::MatchKeys& word_keys);
  // Remembers the sentence's mentions for pronouns in later sentences.
  void EndSentence();

  // Where a phrase stands: a target may also be a thing that an earlier
  // phrase tied to a country ("the drones" after "Turkish drones" -> TUR);
  // a source never is, since the maker of a thing is not who acts with it.
  enum class Role { kAny, kTarget };

  // The actor the token span names, or nullopt. `how` is set to a short
  // explanation ("dictionary", "country+agent", "pronoun").
  std::optional<Actor> Resolve(TokenSpan span, std::string* how = nullptr,
                               Role role = Role::kAny) const;

  // Resolve for the span and each noun phrase coordinated with it by "and"
  // ("Russia and Turkey", "A, B and C"); `noun_phrases` are the sentence's.
  std::vector<Actor> ResolveAll(TokenSpan span, const std::vector<TokenSpan>& noun_phrases,
                                Role role = Role::kAny) const;

  // Whether any dictionary actor or agent noun lies within the span
  // ("remarks" names no one, "Opposition groups" and "Turkey" do).
  bool NamesAnyone(TokenSpan span) const { return AnyWithin(matches_, span) || AnyWithin(agent_matches_, span); }

  // A phrase headed by an agent noun and naming no country ("protesters",
  // "the demonstrators") as that agent of `country`, or nullopt. With an
  // empty `country` the actor's code is the sector alone ("CVL", equal to
  // its `sector`) and its country empty: the country of the place where it
  // happened, for the pipeline to fill in.
  std::optional<Actor> BareAgentOf(TokenSpan span, std::string_view country) const;

  // Whether an agent's sector is a body of the state: government, army,
  // police, courts, legislature, intelligence.
  static bool IsStateSector(std::string_view sector) {
    return sector == "GOV" || sector == "MIL" || sector == "COP" || sector == "JUD" || sector == "LEG" ||
           sector == "SPY";
  }

  // "A roadside bomb killed ...", "gunmen shot ...": the doer of an attack
  // the report does not name, as an actor of a role alone: the agent's
  // role for armed people outside the state (REB, UAF, CRM), UAF for a
  // bomb, blast or attack. Its country is `country`, as for BareAgentOf
  // ("" for the pipeline to fill in from the place where it happened).
  // nullopt when the phrase names an actor or anything else.
  std::optional<Actor> UnnamedAttacker(TokenSpan span, std::string_view country) const;

  // An actor of a role alone in `country` (maybe "", for the pipeline to
  // fill in from the event's place): code = country + sector.
  Actor RoleActor(std::string_view country, std::string_view sector, TokenSpan span) const;

  // Whether the actor is a person of the dictionaries (not an organisation,
  // a country or an agent noun).
  bool IsPerson(const Actor& actor) const {
    return actor.entity_id >= 0 && actors_.entries()[actor.entity_id].person;
  }

  // The agent nouns of the sentence ("officials" -> GOV), in text order
  // (the peer coder names actors by an agent alone: "---GOV").
  const std::vector<lexicon::AgentMatch>& agent_matches() const { return agent_matches_; }

  // The key of each token for dictionary lookups (exposed for discards).
  const lexicon::MatchKeys& word_keys() const { return word_keys_; }
  // The same with lemmas (for verb patterns), computed once per sentence.
  const lexicon::MatchKeys& lemma_keys() const { return lemma_keys_; }

 private:
  // Whether one of `matches` (in text order, not overlapping) lies within
  // the span: a binary search, since rules call this per clause and a
  // run-on sentence has thousands of matches.
  template <typename Match>
  static bool AnyWithin(const std::vector<Match>& matches, TokenSpan span) {
    auto it = std::lower_bound(matches.begin(), matches.end(), span.first,
                               [](const Match& m, uint32_t t) { return m.first < t; });
    return it != matches.end() && it->last <= span.last;
  }

  std::optional<Actor> ResolvePronoun(uint32_t token) const;
  void FindUnknownGroups(const std::vector<bool>& known);
  void DropCapitalsInNames();
  // The first agent match starting at or after the token (agent matches
  // are in text order and do not overlap).
  std::vector<lexicon::AgentMatch>::const_iterator FirstAgentFrom(uint32_t token) const;
  // The agent match that ends the span and starts within it, or nullptr.
  const lexicon::AgentMatch* AgentEnding(TokenSpan span) const;
  bool IsBareAdjective(const lexicon::ActorMatch& match) const;
  bool IsPeoplePlural(const lexicon::ActorMatch& match, const std::string& code) const;
  std::string ActingCode(const lexicon::ActorMatch& match, const std::string& code) const;
  bool AfterLocativePreposition(uint32_t token) const;
  uint32_t DiplomatDestination(TokenSpan span) const;
  bool UnknownFirstName(const lexicon::ActorMatch& person, TokenSpan span) const;
  const lexicon::ActorMatch* OtherCountryQualifying(const lexicon::ActorMatch& body, TokenSpan span,
                                                     const std::string& code) const;
  bool IsExpletiveIt(uint32_t token) const;
  bool IsPlural(const lexicon::ActorMatch& match) const;
  bool IsSubject(const lexicon::ActorMatch& match) const;
  bool VerbFollows(uint32_t token) const;
  std::optional<std::string> TitledPerson(const lexicon::ActorMatch& person, TokenSpan span,
                                          const std::optional<std::string>& dated_code) const;
  // The dictionary phrase that starts at the token, or nullptr.
  const lexicon::ActorMatch* MatchStartingAt(uint32_t token) const;
  // The dictionary phrase that ends just before the token, or nullptr.
  const lexicon::ActorMatch* MatchEndingAt(uint32_t token) const;
  std::optional<Actor> ResolveAgentOf(TokenSpan span) const;
  std::string TheirCountry(uint32_t token) const;
  std::optional<Actor> ResolveBeforeParenthesis(TokenSpan span, Role role) const;
  std::optional<Actor> ResolveDefinite(TokenSpan span) const;
  std::optional<Actor> ResolveCountryThing(TokenSpan span) const;
  void RememberCountryThing(const lexicon::ActorMatch& match, const std::string& code);
  Actor MakeActor(const std::string& code, int entry, uint32_t first, uint32_t last) const;

  const lexicon::ActorDictionary& actors_;
  const lexicon::AgentDictionary& agents_;
  std::string_view text_;
  std::optional<int> date_;
  bool peer_ = false;

  const Sentence* sentence_ = nullptr;
  lexicon::MatchKeys word_keys_;
  lexicon::MatchKeys lemma_keys_;
  std::vector<lexicon::ActorMatch> matches_;
  std::vector<lexicon::AgentMatch> agent_matches_;
  // Start tokens of names the dictionaries do not know ("Bernard Jenkin"):
  // a pronoun after one may refer to that person, so it is not resolved.
  std::vector<uint32_t> unknown_names_;
  // Head tokens of bodies the dictionaries do not know, standing as a
  // verb's subject ("Honeywell said", "the partnership said"): "it" after
  // one may mean that body, so it is not resolved past it.
  std::vector<uint32_t> unknown_groups_;
  // Document memory: the person and the other actor a pronoun in the next
  // sentence means (the last sentence's first subject, else its last
  // mention; see EndSentence).
  std::optional<Actor> last_person_;
  std::optional<Actor> last_group_;
  // Countries of the actors named so far in the document (no IGOs), for
  // "the ministry", "the country" when the document names only one.
  std::vector<std::string> countries_;
  // Nouns an earlier sentence tied to one country ("Turkish drones":
  // drone -> TUR); a noun tied to two countries maps to "" (ambiguous).
  // (Looked up by a lemma key, a string_view: no std::string built.)
  std::unordered_map<std::string, std::string, lexicon::KeyHasher, lexicon::KeyEqual> country_things_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_ACTOR_RESOLVER_H_
