#include "coder/event_builder.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "coder/intent.h"
#include "syntax/clause_finder.h"
#include "util/scratch.h"
#include "util/strings.h"

namespace dyad::coder {
namespace {

// How many other words may stand between two elements of a pattern.
constexpr uint32_t kMaxGap = 8;
// How many clauses after a clause may hold the act it governs or its
// condition: enough for real sentences, and a bound that keeps a run-on
// "sentence" of thousands of clauses linear.
constexpr size_t kNearbyClauses = 8;

// Verbs whose object noun carries the event, so that the noun's event takes
// the verb's subject as its source: "X held talks with Y", "X launched an
// offensive against Y", "X used drones in clashes against Y".
bool IsLightVerb(std::string_view lemma) {
  static const std::set<std::string_view> kLight = {
      "hold",   "launch", "conduct",  "carry",   "stage",  "wage",   "begin",
      "start",  "continue", "resume", "use",     "engage", "have",   "make",
      "give",   "offer",  "express",  "declare", "announce", "provide", "extend",
      "pledge", "step",   "intensify", "escalate", "join",  "open",   "mount"};
  return kLight.count(lemma) > 0;
}

// Acts that two or more actors named together do with one another when the
// clause names no other party: "Jordan and Britain agreed to hold
// exercises", "the US and Jordan signed a pact", "Hungarian and Romanian
// officials met" code A->B and B->A. Hostile acts are not mutual by
// default ("Russia and Belarus attacked" is no fight between them), except
// the verbs that say so ("A and B clashed").
bool IsMutualAct(std::string_view code, std::string_view verb) {
  for (std::string_view root : {"03", "04", "05", "06"}) {
    if (code.starts_with(root)) return true;
  }
  return code.starts_with("19") && (verb == "clash" || verb == "fight" || verb == "battle" ||
                                    verb == "skirmish" || verb == "trade" || verb == "exchange");
}

class SentenceCoder {
 public:
  SentenceCoder(const Sentence& sentence, const SentenceAnalysis& analysis,
                const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                std::string_view text, bool explain)
      : sentence_(sentence), analysis_(analysis), actors_(actors), verbs_(verbs), text_(text),
        explain_(explain),
        lemma_keys_(actors.lemma_keys()) {
    np_starting_at_.assign(sentence.tokens.size(), -1);
    np_end_of_.assign(sentence.tokens.size(), 0);
    // The words the last sentence set are cleared, not the whole table (a
    // byte per pattern word, thousands), unless the dictionary changed.
    if (present_.size() == verbs.word_count()) {
      for (uint32_t id : present_ids_) present_[id] = 0;
    } else {
      present_.assign(verbs.word_count(), 0);
    }
    lemma_ids_.clear();
    word_ids_.clear();
    present_ids_.clear();
    for (size_t i = 0; i < analysis.noun_phrases.size(); ++i) {
      const TokenSpan& np = analysis.noun_phrases[i];
      np_starting_at_[np.first] = static_cast<int>(i);
      for (uint32_t t = np.first; t < np.last; ++t) np_end_of_[t] = np.last;
    }
    // Each token's keys as pattern word ids, looked up once per sentence:
    // matching then compares integers instead of strings.
    lemma_ids_.reserve(sentence.tokens.size());
    word_ids_.reserve(sentence.tokens.size());
    present_ids_.reserve(2 * sentence.tokens.size());  // at most a lemma and a word id a token
    const lexicon::MatchKeys& word_keys = actors_.word_keys();
    for (size_t t = 0; t < sentence.tokens.size(); ++t) {
      const std::string_view lemma = lemma_keys_.folded[t];
      const std::string_view word = word_keys.folded[t];
      lemma_ids_.push_back(verbs.WordId(lemma, lemma_keys_.hashes[t]));
      word_ids_.push_back(lemma_keys_.own[t] ? verbs.WordId(word, word_keys.hashes[t]) : lemma_ids_.back());
      for (uint32_t id : {lemma_ids_.back(), word_ids_.back()}) {
        if (id != lexicon::VerbDictionary::kNoWord && !present_[id]) {
          present_[id] = 1;
          present_ids_.push_back(id);
        }
      }
    }
    std::sort(present_ids_.begin(), present_ids_.end());
  }

  SentenceEvents Run() {
    for (size_t c = 0; c < analysis_.clauses.size(); ++c) CodeClause(c);
    for (const auto& nominal : analysis_.nominals) CodeNominal(nominal);
    DropBareIntentions();
    DropAskedActs();
    return std::move(out_);
  }

 private:
  struct Binding {
    TokenSpan target;
    uint32_t last = 0;  // last token the pattern matched
  };

  // "pledged to give up its weapons": the pledge is coded by what it
  // pledges (0356, from the governed clause); the bare intention (030) of
  // the same source says less, and goes.
  void DropBareIntentions() {
    auto& events = out_.events;
    auto& clauses = out_.clauses;
    // The governed clause's event follows closely; the bound keeps a
    // run-on sentence linear.
    constexpr size_t kNearbyEvents = 8;
    std::vector<bool> drop(events.size());
    bool any = false;
    for (size_t i = 0; i < events.size(); ++i) {
      if (events[i].cameo != "030" || events[i].target || clauses[i] < 0) continue;
      for (size_t j = i + 1; j < std::min(events.size(), i + 1 + kNearbyEvents); ++j) {
        const Event& pledged = events[j];
        if (!pledged.cameo.starts_with("03") || pledged.cameo == "030" || clauses[j] < 0 ||
            pledged.source.code != events[i].source.code || analysis_.clauses[clauses[j]].governor != clauses[i]) {
          continue;
        }
        Explain("  event 030 {} dropped: what it intends is coded as {}", events[i].source.code, pledged.cameo);
        drop[i] = any = true;
        break;
      }
    }
    if (any) out_.EraseEventsIf([&](const Event&, size_t i) { return drop[i]; });
  }

  // "declared that China must drop its barriers", "issued an ultimatum to
  // Ecuador to halt attacks", "threatened an offensive unless Baghdad
  // accepted": what an appeal, demand or threat (02, 10, 13) asks for, and
  // a threat's condition, have not happened; "rejected calls to adopt
  // reforms": what a rejection (12) turns down is not done. The asking or
  // rejecting event's own code says what it is about (RequestCode,
  // IntentCode); a second, hypothetical or negated event for that act
  // would count it as if it were one more.
  void DropAskedActs() {
    const auto& events = out_.events;
    const auto& clauses = out_.clauses;
    std::vector<char> asking(analysis_.clauses.size());  // 'a' asks, 'r' rejects
    int first_threat = -1;                                // the first clause with a threat
    bool any = false;
    for (size_t i = 0; i < events.size(); ++i) {
      const std::string_view root = std::string_view(events[i].cameo).substr(0, 2);
      if (clauses[i] < 0) continue;
      if (root == "02" || root == "10" || root == "13") {
        asking[clauses[i]] = 'a';
      } else if (root == "12") {
        asking[clauses[i]] = 'r';
      } else {
        continue;
      }
      any = true;
      if (root == "13" && (first_threat < 0 || clauses[i] < first_threat)) first_threat = clauses[i];
    }
    // "issued a statement calling on Israel to halt the raids": a clause
    // inside the words of an asking clause's pattern (the last clause
    // before it that coded an event) asks with it.
    if (any) {
      std::vector<bool> coded(asking.size());
      for (int c : clauses) {
        if (c >= 0) coded[c] = true;
      }
      int owner = -1;
      for (size_t k = 0; k < asking.size(); ++k) {
        if (coded[k]) {
          owner = static_cast<int>(k);
        } else if (owner >= 0 && Covered(analysis_.clauses[k].head)) {
          asking[k] = asking[owner];
        }
      }
    }
    const bool any_mandative = std::any_of(analysis_.clauses.begin(), analysis_.clauses.end(),
                                           [](const Clause& clause) { return clause.mandative; });
    if (!any && obligation_acts_.empty() && !any_mandative) return;
    out_.EraseEventsIf([&](const Event& event, size_t i) {
      const int c = clauses[i];
      if (c < 0) return false;
      if (analysis_.clauses[c].mandative) {
        Explain("  event {} {} dropped: the act is what a demand or proposal asks for", event.cameo,
                event.source.code);
        return true;
      }
      if (!any && obligation_acts_.empty()) return false;
      const char kind = event.modality == Modality::kHypothetical ? 'a'
                        : event.modality == Modality::kNegated    ? 'r'
                                                                  : 0;
      if (kind == 0) return false;
      const bool asked = AskedBy(c, asking, kind) || (kind == 'a' && obligation_acts_.count(c));
      if (!asked && !(kind == 'a' && first_threat >= 0 && c > first_threat && IsCondition(analysis_.clauses[c]))) {
        return false;
      }
      Explain("  event {} {} dropped: the act {} is no event of its own", event.cameo,
              event.source.code,
              !asked        ? "a threat's condition"
              : kind == 'a' ? "an appeal, demand or threat asks for"
                            : "a rejection turns down");
      return true;
    });
  }

  // Whether clause `c` is what an asking (or rejecting) clause is about:
  // its infinitive or "that" clause, or one these govern in turn ("must
  // agree to changes before they demobilize").
  bool AskedBy(int c, const std::vector<char>& asking, char kind) const {
    constexpr int kDepth = 3;
    for (int depth = 0; depth < kDepth && c >= 0; ++depth) {
      int parent = analysis_.clauses[c].governor;
      for (int g = c - 1; parent < 0 && g >= 0 && g >= c - static_cast<int>(kNearbyClauses); --g) {
        if (analysis_.clauses[g].that_clause == c) parent = g;
      }
      if (parent >= 0 && asking[parent] == kind) return true;
      c = parent;
    }
    return false;
  }

  // The word right before the clause ("if", "whether"), or "".
  std::string_view WordBefore(const Clause& clause) const {
    const uint32_t opening = syntax::ClauseOpening(clause);
    return opening > 0 ? std::string_view(actors_.word_keys().folded[opening - 1]) : std::string_view();
  }

  // "unless Baghdad accepted", "if it attacks": a clause opened by a
  // condition.
  bool IsCondition(const Clause& clause) const {
    const std::string_view opener = WordBefore(clause);
    return opener == "if" || opener == "unless";
  }

  // A clause in the passive voice, except a participle of resolve, stance
  // or engagement with no by-agent, which is an adjective whose subject
  // holds the attitude or does the act: "Vietnam is committed to opening
  // up", "Iran is determined to continue", "Serb forces were engaged in
  // ethnic cleansing".
  bool IsPassive(const Clause& clause) const {
    if (clause.voice != Voice::kPassive) return false;
    if (!clause.agent.empty()) return true;
    static constexpr util::WordList kAttitudes(std::to_array<std::string_view>(
        {"committed", "determined", "resolved", "prepared", "dedicated", "opposed", "disposed",
         "inclined", "engaged", "involved"}));
    return !kAttitudes.Contains(actors_.word_keys().folded[clause.head]);
  }

  // "were killed in Israeli tank shelling", "wounded in a US drone
  // strike": violence in the passive with no by-agent is done by whoever
  // the attack it happened in is qualified by (the coder resolves the
  // phrase; an attack no one qualifies names no source).
  TokenSpan AttackOfPassive(const Clause& clause) const {
    static const std::set<std::string_view> kAttacks = {
        "attack",  "strike",  "airstrike", "shelling", "bombing",   "bombardment", "raid",  "fire",
        "offensive", "ambush", "assault",  "barrage",  "explosion", "blast",       "bomb"};
    for (const Oblique& oblique : clause.obliques) {
      const std::string_view preposition = actors_.word_keys().folded[oblique.preposition];
      if (preposition != "in" && preposition != "during") continue;
      if (kAttacks.count(lemma_keys_.folded[oblique.phrase.last - 1])) return oblique.phrase;
    }
    return {};
  }

  // "The summit will be held in Doral": a phrase headed by a meeting,
  // vote or other gathering.
  bool IsGathering(TokenSpan phrase) const {
    static constexpr util::WordList kGatherings(std::to_array<std::string_view>(
        {"meeting", "summit", "talk", "conference", "session", "election", "vote", "referendum", "poll", "rally",
         "ceremony", "event", "game", "race", "forum", "congress"}));
    return !phrase.empty() && kGatherings.Contains(lemma_keys_.folded[phrase.last - 1]);
  }

  // Whether token k names a measure rather than an actor ("sanctions",
  // "tariffs", "restrictions").
  bool IsMeasure(uint32_t k) const {
    static constexpr util::WordList kMeasures(std::to_array<std::string_view>(
        {"sanction", "tariff", "embargo", "restriction", "measure", "law", "bill", "policy", "ban"}));
    return kMeasures.Contains(lemma_keys_.folded[k]);
  }

  static bool IsViolence(std::string_view code) {
    return code.starts_with("18") || code.starts_with("19") || code.starts_with("20");
  }

  // A consultation (04), or the intention of one (036).
  static bool IsConsultation(std::string_view code) { return code.starts_with("04") || code == "036"; }

  // Formats only when explaining: most clauses end in a message, and
  // formatting it for nothing was a measurable share of coding.
  template <typename... Args>
  void Explain(fmt::format_string<Args...> format, Args&&... args) {
    if (explain_) out_.explanation.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  std::string Words(TokenSpan span) const {
    if (span.empty()) return "";
    const auto& t = sentence_.tokens;
    return std::string(text_.substr(t[span.first].begin, t[span.last - 1].end - t[span.first].begin));
  }

  bool Covered(uint32_t token) const { return !covered_.empty() && covered_[token]; }

  // "will meet in Zurich to discuss trade", "visited Kyiv to hold talks": a
  // consultation (or the intention of one, 036) whose purpose is a
  // consultation is that one event.
  // A purpose that meets someone else ("visit Washington to meet the
  // trade representative") is an event of its own.
  bool IsPurposeOfConsultation(const Clause& clause, std::string_view code, const std::vector<Actor>& targets) const {
    if (clause.governor < 0 || clause.predicate.first == 0 ||
        actors_.word_keys().folded[clause.predicate.first - 1] != "to") {
      return false;
    }
    if (!IsConsultation(code)) return false;
    bool governor_consults = false;
    size_t partners_met = 0;
    // Clauses are coded in order: the governor's events are the last ones
    // before any of a later clause.
    for (size_t i = out_.events.size(); i-- > 0 && out_.clauses[i] >= clause.governor;) {
      const Event& e = out_.events[i];
      if (out_.clauses[i] != clause.governor || !IsConsultation(e.cameo)) continue;
      governor_consults = true;
      partners_met += std::count_if(targets.begin(), targets.end(),
                                    [&](const Actor& t) { return e.target && e.target->code == t.code; });
    }
    return governor_consults && partners_met >= targets.size();
  }

  TokenSpan EffectiveSubject(const Clause& clause) const { return syntax::EffectiveSubject(analysis_, clause); }

  // Whether every word element of the pattern occurs somewhere in the
  // sentence: a cheap test that spares most patterns the positional match.
  // Single words are tested first: one bit each, and most patterns fail on
  // one of them before a synset's words are scanned.
  bool WordsPresent(const lexicon::VerbPattern& pattern) const {
    for (uint32_t id : verbs_.SingleWordIds(pattern)) {
      if (!present_[id]) return false;
    }
    for (const auto& element : pattern.elements) {
      if (element.target || element.ids.size() == 1) continue;
      bool any = std::any_of(element.ids.begin(), element.ids.end(),
                             [&](uint32_t id) { return present_[id]; });
      if (!any) return false;
    }
    return true;
  }

  // Token t's lemma key with its hash, for the dictionary's lookups by lemma.
  lexicon::PrehashedKey LemmaKey(uint32_t t) const { return {lemma_keys_.folded[t], lemma_keys_.hashes[t]}; }

  // Whether token k's lemma or word is one of `ids` (a pattern element's
  // words as ids; kNoWord is never among them).
  bool WordMatches(uint32_t k, const std::vector<uint32_t>& ids) const {
    const uint32_t lemma = lemma_ids_[k];
    const uint32_t word = word_ids_[k];
    return std::find(ids.begin(), ids.end(), lemma) != ids.end() ||
           std::find(ids.begin(), ids.end(), word) != ids.end();
  }

  // Backtracking match of pattern elements [i..end) after token `pos`
  // (`end` defaults to all of them).
  bool Match(const lexicon::VerbPattern& pattern, const Clause& clause, size_t i, uint32_t pos,
             Binding& binding, size_t end = SIZE_MAX) const {
    if (i == std::min(end, pattern.elements.size())) {
      binding.last = pos;
      return true;
    }
    const auto& element = pattern.elements[i];
    if (element.target) {
      if (i == 0 && IsPassive(clause)) {
        binding.target = EffectiveSubject(clause);
        return !binding.target.empty() && Match(pattern, clause, i + 1, pos, binding, end);
      }
      uint32_t start = pos + 1;
      if (i == 0) {
        start = clause.predicate.last;
        while (start < sentence_.tokens.size() && sentence_.tokens[start].tag.starts_with("RB")) ++start;
      }
      if (start >= clause.extent.last || np_starting_at_[start] < 0) return false;
      // The object may reach past its first phrase: "scores of refugees".
      const TokenSpan& np = clause.object.first == start && !clause.object.empty()
                                ? clause.object
                                : analysis_.noun_phrases[np_starting_at_[start]];
      auto actor = actors_.Resolve(np, nullptr, ActorResolver::Role::kTarget);
      if (!actor) return false;
      // One meets, visits or receives people, not a country's things:
      // "received Russian wheat" is no visit of Russia.
      if (pattern.code.starts_with("04") && QualifiesOnly(*actor, np)) return false;
      binding.target = np;
      return Match(pattern, clause, i + 1, np.last - 1, binding, end);
    }
    // "Three activists were released by Israel": in the passive the words
    // the pattern puts after the verb for its object ("release &PRISONER")
    // name the subject's head. Only with an auxiliary: a participle after
    // its noun ("sanctions levied by the US", "hostages held by ISIS") is
    // mostly background to the news, not the news.
    if (i == 0 && IsPassive(clause) && !clause.subject.empty() && clause.predicate.first < clause.head) {
      const uint32_t head = clause.subject.last - 1;
      if (sentence_.tokens[head].tag.starts_with("NN") && WordMatches(head, element.ids) &&
          Match(pattern, clause, i + 1, pos, binding, end)) {
        return true;
      }
    }
    uint32_t limit = std::min<uint32_t>(clause.extent.last, pos + 2 + kMaxGap);
    // "of" belongs to the noun right before it: "rejected the request of
    // Iran", not "rejected a US request to question the prisoners of Iran".
    if (i >= 1 && !pattern.elements[i - 1].target && element.words.size() == 1 && element.words[0] == "of") {
      limit = std::min(limit, pos + 2);
    }
    // An adjective belongs to its own noun: "diplomatic ties with $T" does
    // not match "diplomatic relations with Costa Rica over its ties with
    // Israel". (A noun modifier may stand for the noun: "seek intelligence
    // help from $T" is "seek intelligence from $T".)
    if (i >= 1 && !pattern.elements[i - 1].target && np_end_of_[pos] > pos + 1 &&
        sentence_.tokens[pos].tag.starts_with("JJ")) {
      limit = std::min(limit, np_end_of_[pos]);
    }
    for (uint32_t k = pos + 1; k < limit; ++k) {
      if (StartsAdjunctClause(k)) break;
      if (WordMatches(k, element.ids) && Match(pattern, clause, i + 1, k, binding, end)) return true;
    }
    return false;
  }

  // "ended the inquiry without asking Somalia for help", "left after
  // meeting the envoy": a participle clause of manner or time says how or
  // when, and codes its own event; the verb's pattern does not reach into
  // it ("end ... help" is no aid cut). Its "of"/"for"/"to" kin do carry
  // the pattern's words ("accused Chile of spying").
  bool StartsAdjunctClause(uint32_t k) const {
    static constexpr util::WordList kAdjunctPrepositions(std::to_array<std::string_view>(
        {"without", "by", "after", "before", "while", "despite", "since", "upon"}));
    return k + 1 < sentence_.tokens.size() && sentence_.tokens[k + 1].tag == "VBG" &&
           kAdjunctPrepositions.Contains(actors_.word_keys().folded[k]);
  }

  // The dative shift: a pattern "give &AID to $T" also matches "gave
  // Tanzania a grant", and "provide &AID to $T" "provided Ukraine with
  // weapons": the recipient is the first object, the words follow it.
  enum class Dative { kNone, kShift, kWith };
  // "give X Y" (shift) or "provide X with Y" (with), by the verb.
  static Dative DativeOf(std::string_view verb) {
    static constexpr util::WordList kShift(
        std::to_array<std::string_view>({"give", "send", "offer", "grant", "sell", "lend", "hand",
                                         "award", "promise", "pay", "deny", "ship"}));
    static constexpr util::WordList kWith(
        std::to_array<std::string_view>({"provide", "supply", "equip", "furnish", "arm"}));
    return kShift.Contains(verb)  ? Dative::kShift
           : kWith.Contains(verb) ? Dative::kWith
                                  : Dative::kNone;
  }

  bool MatchDative(const lexicon::VerbPattern& pattern, const Clause& clause, Dative kind,
                   Binding& binding) const {
    const auto& elements = pattern.elements;
    const size_t n = elements.size();
    if (n < 3 || !elements[n - 1].target || elements[n - 2].target || elements[n - 2].words.empty() ||
        elements[n - 2].words[0] != "to" || clause.object.empty() || IsPassive(clause)) {
      return false;
    }
    const bool dative = kind == Dative::kShift;
    const TokenSpan recipient = clause.object;
    uint32_t after = recipient.last;
    if (!dative) {
      if (after >= sentence_.tokens.size() || actors_.word_keys().folded[after] != "with") return false;
      ++after;
    }
    if (after >= clause.extent.last || np_starting_at_[after] < 0) return false;
    auto actor = actors_.Resolve(recipient, nullptr, ActorResolver::Role::kTarget);
    if (!actor || QualifiesOnly(*actor, recipient)) return false;
    for (size_t i = 0; i + 2 < n; ++i) {
      if (elements[i].target) return false;
    }
    if (!Match(pattern, clause, 0, after - 1, binding, n - 2)) return false;
    binding.target = recipient;
    return true;
  }

  // Whether the actor is only a country word before the phrase's head
  // ("Russian wheat", "Turkish drones"): the phrase names a thing of the
  // country, not the country.
  bool QualifiesOnly(const Actor& actor, TokenSpan phrase) const {
    return actor.sector.empty() && actor.end < sentence_.tokens[phrase.last - 1].end;
  }

  static bool HasTargetAfterWords(const lexicon::VerbPattern& pattern) {
    for (size_t i = 1; i < pattern.elements.size(); ++i) {
      if (pattern.elements[i].target) return true;
    }
    return false;
  }

  static bool HasTargetSlot(const lexicon::VerbPattern& pattern) {
    return std::any_of(pattern.elements.begin(), pattern.elements.end(),
                       [](const lexicon::PatternElement& element) { return element.target; });
  }

  // For a pattern without a target slot ("expel ambassador", "release
  // prisoner"), the actor the clause acts on, the first of (the full list
  // with examples is in docs/formats/verbs.md):
  // - the object, when it names an actor ("expelled the Russian
  //   ambassador" -> RUSGOV), or for a hostile act also when an actor owns
  //   it ("rejected an Indian proposal"); a cooperative act with a
  //   country's thing does not make the country a party ("used Turkish
  //   drones"); an object named only by an agent noun for coercion and
  //   violence (DomesticTargets, victims);
  // - the subject of a "that" clause it governs ("demanded that the US
  //   cancel the sale");
  // - the first phrase after "with", "against", "on", "to", "into",
  //   "toward", "from" or "by" that names an actor ("boycott contact with
  //   the United States"), with/to only for consultations, "on" only for
  //   hostile acts;
  // - the act an intention, refusal or threat is about
  //   (GovernedActTargets), a protest's building or host country
  //   (ProtestSite, CountriesIn), a threat's condition (ConditionTargets),
  //   a reaction's cause (ReactionTargets).
  std::vector<Actor> PatientTargets(size_t c, std::string_view code, const std::vector<Actor>& sources,
                                    uint32_t matched_last) const {
    const Clause& clause = analysis_.clauses[c];
    const bool hostile = code >= std::string_view("10");
    TokenSpan patient = IsPassive(clause) ? EffectiveSubject(clause) : clause.object;
    if (auto targets = ActorsIn(patient, sources, hostile); !targets.empty()) return targets;
    if (auto targets = DomesticTargets(patient, code, sources); !targets.empty()) return targets;
    // "killed ten civilians", "wounded 20 people": the victims of violence
    // (18-20) are people of the place where it happened (src/pipeline.cc).
    if (IsViolence(code)) {
      if (auto victims = actors_.BareAgentOf(patient, PlaceCountry(clause))) return {*victims};
    }
    if (clause.object.empty() && clause.that_clause >= 0) {
      if (auto targets = ActorsIn(analysis_.clauses[clause.that_clause].subject, sources, false);
          !targets.empty()) {
        return targets;
      }
    }
    // "repeated its demand on Monday that Israel ease restrictions": an
    // appeal or demand (02, 10) asks the subject of the subjunctive clause
    // that follows its noun.
    if (code.starts_with("02") || code.starts_with("10")) {
      for (size_t k = c + 1; k < std::min(analysis_.clauses.size(), c + 1 + kNearbyClauses); ++k) {
        const Clause& asked = analysis_.clauses[k];
        if (!asked.mandative || asked.subject.empty() || asked.subject.first > clause.extent.last + 1) continue;
        if (auto targets = ActorsIn(asked.subject, sources, false); !targets.empty()) return targets;
      }
    }
    // Not the phrases of a clause it governs that the pattern did not take
    // in: "admitted using drones against Armenian forces" admits nothing
    // to the forces, but "agreed to lift embargoes on sales to Iran" (one
    // pattern) lifts them for Iran.
    uint32_t own_end = clause.extent.last;
    for (size_t k = c + 1; k < std::min(analysis_.clauses.size(), c + 1 + kNearbyClauses); ++k) {
      const Clause& other = analysis_.clauses[k];
      if (other.governor == static_cast<int>(c) && other.predicate.first > matched_last) {
        own_end = std::min(own_end, other.predicate.first);
      }
    }
    for (const Oblique& oblique : clause.obliques) {
      if (oblique.preposition >= own_end) break;
      const std::string_view preposition = actors_.word_keys().folded[oblique.preposition];
      static const std::set<std::string_view> kTargetPrepositions = {"with",    "against", "on",   "to",  "into",
                                                                     "toward", "towards", "from", "by"};
      if (!kTargetPrepositions.count(preposition)) continue;
      // One consults with or talks to someone; "speaks on Syria" names a
      // topic, and so does "on" after any cooperative act ("signed a
      // memorandum on Syria"), unlike "sanctions on Syria".
      if (code.starts_with("04") && preposition != "with" && preposition != "to") continue;
      if (!hostile && preposition == "on") continue;
      // A hostile act against a country's things is against the country
      // ("restrictions against German goods", "sanctions on Iranian oil").
      const bool owners = hostile && (preposition == "against" || preposition == "on");
      if (auto targets = ActorsIn(oblique.phrase, sources, owners); !targets.empty()) return targets;
    }
    // An intention, refusal or threat is about an act; an admission or a
    // statement is not aimed at whom the act was. Coordinated subjects of
    // an intention act on one another (below), not on the act's place.
    const std::string_view root = code.substr(0, 2);
    if (root == "12" || root == "13" || (root == "03" && sources.size() == 1)) {
      if (auto targets = GovernedActTargets(c, sources); !targets.empty()) return targets;
    }
    if (root == "14") {
      if (auto targets = GovernedActTargets(c, sources, true); !targets.empty()) return targets;
      if (auto targets = ProtestSite(clause, own_end, sources); !targets.empty()) return targets;
      if (auto targets = DefiedActors(clause, own_end, sources); !targets.empty()) return targets;
      // "US and British activists staged a protest in Beijing": a protest in
      // another country with no one named as its target is aimed at that
      // country (a protest at home names its target or has none).
      if (auto targets = CountriesIn(clause, own_end, sources); !targets.empty()) return targets;
    }
    if (root == "13") {
      if (auto targets = ConditionTargets(c, sources); !targets.empty()) return targets;
    }
    return ReactionTargets(clause, code, sources);
  }

  // "Chile threatened to recall its ambassador unless Peru apologised": a
  // threat is aimed at whom its condition asks to act.
  std::vector<Actor> ConditionTargets(size_t c, const std::vector<Actor>& sources) const {
    for (size_t k = c + 1; k < std::min(analysis_.clauses.size(), c + 1 + kNearbyClauses); ++k) {
      const Clause& condition = analysis_.clauses[k];
      if (condition.subject.empty() || condition.subject.first > condition.predicate.first ||
          !IsCondition(condition)) {
        continue;
      }
      return ActorsIn(condition.subject, sources, false);
    }
    return {};
  }

  // "protested outside the Chinese embassy in New Delhi", "rallied in
  // front of the Interior Ministry": a protest at an actor's building is
  // aimed at that actor, wherever the building stands.
  std::vector<Actor> ProtestSite(const Clause& clause, uint32_t own_end, const std::vector<Actor>& sources) const {
    static const std::set<std::string_view> kBuildings = {"embassy",  "consulate", "mission",   "headquarters",
                                                          "ministry", "parliament", "palace",   "residence",
                                                          "office",   "offices",    "legation", "chancery"};
    const auto& words = actors_.word_keys().folded;
    for (const Oblique& oblique : clause.obliques) {
      if (oblique.preposition >= own_end) break;
      const std::string_view preposition = words[oblique.preposition];
      const bool in_front_of = preposition == "of" && oblique.preposition > 0 && words[oblique.preposition - 1] == "front";
      if (preposition != "outside" && preposition != "at" && preposition != "near" && !in_front_of) continue;
      if (!kBuildings.count(lemma_keys_.folded[oblique.phrase.last - 1])) continue;
      if (auto owners = ActorsIn(oblique.phrase, sources, true); !owners.empty()) return owners;
    }
    return {};
  }

  // "blocked streets in defiance of Chinese authorities", "struck in
  // protest at Israel's settlement policy": whom a protest defies.
  std::vector<Actor> DefiedActors(const Clause& clause, uint32_t own_end, const std::vector<Actor>& sources) const {
    const auto& words = actors_.word_keys().folded;
    for (const Oblique& oblique : clause.obliques) {
      if (oblique.preposition >= own_end) break;
      if (oblique.preposition == 0) continue;
      const std::string_view preposition = words[oblique.preposition];
      const std::string_view before = words[oblique.preposition - 1];
      if (!(preposition == "of" && before == "defiance") && !(preposition == "at" && before == "protest")) continue;
      if (auto defied = ActorsIn(oblique.phrase, sources, true); !defied.empty()) return defied;
    }
    return {};
  }

  // The countries (or capitals: the gazetteer does not give a place the
  // dictionaries name as an actor) of the clause's first "in X" before
  // `end` that names one other than the sources.
  std::vector<Actor> CountriesIn(const Clause& clause, uint32_t end, const std::vector<Actor>& sources) const {
    for (const Oblique& oblique : clause.obliques) {
      if (oblique.preposition >= end) break;
      if (actors_.word_keys().folded[oblique.preposition] != "in") continue;
      std::vector<Actor> places = ActorsIn(oblique.phrase, sources, false);
      std::erase_if(places, [](const Actor& place) { return !place.sector.empty() || place.code.size() != 3; });
      if (!places.empty()) return places;
    }
    return {};
  }

  // The country the clause says it happened in, for actors named by their
  // role alone ("gunmen killed five people in Baghdad"), or "".
  std::string PlaceCountry(const Clause& clause) const {
    std::vector<Actor> places = CountriesIn(clause, clause.extent.last, {});
    return places.empty() ? "" : places.front().code;
  }

  // "refused to meet the Turkish minister", "threatened to ban imports
  // from Peru", "offered to send troops to Mali": a refusal, threat or
  // offer is aimed at whom the act it is about would be aimed at: the
  // target of the first pattern that matches the subject's own governed act.
  // With `voiced`, the act is instead the demand a protest voices
  // ("demonstrated to demand reforms by Suharto's government", "rallied
  // calling for independence from Iraq"), whoever the parser made its
  // subject; what else a protest governs is no aim of it ("protested the
  // decision to expel the envoy" is not aimed at the envoy).
  std::vector<Actor> GovernedActTargets(size_t c, const std::vector<Actor>& sources, bool voiced = false) const {
    static const std::set<std::string_view> kVoicing = {"demand", "call", "urge", "press", "denounce",
                                                        "condemn", "oppose", "reject", "protest"};
    const Clause& clause = analysis_.clauses[c];
    for (size_t g = c + 1; g < std::min(analysis_.clauses.size(), c + 1 + kNearbyClauses); ++g) {
      const Clause& act = analysis_.clauses[g];
      if (act.governor != static_cast<int>(c) || act.head < clause.head) continue;
      if (voiced ? !kVoicing.count(lemma_keys_.folded[act.head]) : act.subject_from != static_cast<int>(c)) {
        continue;
      }
      std::vector<Actor> targets;
      ForEachMatch(g, [&](const lexicon::VerbPattern& pattern, const Binding& binding) {
        if (!binding.target.empty()) {
          targets = DistinctTargets(
              actors_.ResolveAll(binding.target, analysis_.noun_phrases, ActorResolver::Role::kTarget), sources);
        } else if (!HasTargetSlot(pattern)) {
          targets = PatientTargets(g, pattern.code, sources, binding.last);
        }
        return !targets.empty();
      });
      if (!targets.empty()) return targets;
    }
    return {};
  }

  // "Egyptian police arrested protesters": the people a state's police,
  // army, courts or government coerce (arrest, detain, disperse, ban: code
  // 17) without a country named are that state's people. Not for attacks
  // (18-20), which cross borders as often as not.
  std::vector<Actor> DomesticTargets(TokenSpan patient, std::string_view code,
                                     const std::vector<Actor>& sources) const {
    if (!code.starts_with("17") || sources.size() != 1 || !ActorResolver::IsStateSector(sources[0].sector) ||
        sources[0].country.size() != 3 || sources[0].country.starts_with("IGO")) {
      return {};
    }
    if (auto agent = actors_.BareAgentOf(patient, sources[0].country)) return DistinctTargets({*agent}, sources);
    return {};
  }

  // "Israel was accused of selling arms to Azerbaijan, leading Armenia to
  // recall its ambassador": a hostile reaction that another actor's deed
  // caused is aimed at that actor.
  std::vector<Actor> ReactionTargets(const Clause& clause, std::string_view code,
                                     const std::vector<Actor>& sources) const {
    static const std::set<std::string_view> kCausative = {"lead",    "prompt", "cause", "force",
                                                          "trigger", "spark",  "provoke"};
    static const std::set<std::string_view> kReactions = {"11", "12", "13", "14", "16"};
    if (clause.governor < 0 || !kReactions.count(code.substr(0, 2))) return {};
    const Clause& cause = analysis_.clauses[clause.governor];
    if (!kCausative.count(lemma_keys_.folded[cause.head])) return {};
    TokenSpan causer = IsPassive(cause) ? cause.agent : EffectiveSubject(cause);
    return ActorsIn(causer, sources, false);
  }

  // The actors a phrase names as a whole (or, with `owners`, also a country
  // word or possessor that qualifies its head), other than the sources.
  std::vector<Actor> ActorsIn(TokenSpan phrase, const std::vector<Actor>& sources, bool owners) const {
    if (phrase.empty()) return {};
    std::vector<Actor> actors = actors_.ResolveAll(phrase, analysis_.noun_phrases, ActorResolver::Role::kTarget);
    if (!owners) std::erase_if(actors, [&](const Actor& actor) { return QualifiesOnly(actor, phrase); });
    return DistinctTargets(std::move(actors), sources);
  }

  std::optional<std::string> Attribution(const Clause& clause) const {
    if (clause.reported_by.empty()) return std::nullopt;
    if (auto speaker = actors_.Resolve(clause.reported_by)) return speaker->code;
    return Words(clause.reported_by);
  }

  bool IsPronounPhrase(TokenSpan span) const {
    return span.size() == 1 && sentence_.tokens[span.first].tag.starts_with("PRP");
  }

  // The clause's source actors. A pronoun subject of a reported clause is
  // its speaker when they agree ("Palestinian leaders said they would
  // boycott ...", "Syria says it is willing to ...", "Erdogan said he
  // would ..."): the speaker is who the pronoun most often means, and the
  // nearest earlier name often is not.
  std::vector<Actor> Sources(const Clause& clause, TokenSpan span) const {
    if (span.empty()) return {};
    if (span.size() == 1 && sentence_.tokens[span.first].tag == "PRP" && !clause.reported_by.empty()) {
      std::vector<Actor> speakers = actors_.ResolveAll(clause.reported_by, analysis_.noun_phrases);
      const std::string_view pronoun = actors_.word_keys().folded[span.first];
      bool agree = !speakers.empty();
      for (const Actor& speaker : speakers) {
        if (pronoun == "he" || pronoun == "she") agree &= speakers.size() == 1 && !speaker.sector.empty();
        else if (pronoun == "it") agree &= speakers.size() == 1 && !actors_.IsPerson(speaker);
        else if (pronoun != "they" && pronoun != "we") agree = false;
      }
      if (agree) return speakers;
      // "The firm, whose subsidiary farms in Venezuela, insisted that it
      // had complied": "it" or "they" is the body that speaks, which no
      // dictionary knows, not the last country named.
      // (A state body named by its role, "the government said it", is left
      // to the pronoun's antecedent, often the country in view.)
      if (speakers.empty() && (pronoun == "it" || pronoun == "they") && !IsPronounPhrase(clause.reported_by)) {
        const auto body = actors_.BareAgentOf(clause.reported_by, "");
        if (!body || !ActorResolver::IsStateSector(body->sector)) return {};
      }
    }
    // "his remarks in Doha ... aimed at pushing for": a place after a head
    // that names no one is where, not who. So is the subject of a survey
    // or report ("A survey of Iraq war veterans revealed"), whose author
    // would follow "by" or "from".
    static constexpr util::WordList kStudies(
        std::to_array<std::string_view>({"survey", "poll", "study", "report", "analysis", "review",
                                         "census", "audit", "assessment"}));
    // (The study noun may be followed by a time phrase: "A survey last year of".)
    bool study = false;
    if (const int first_np = np_starting_at_[span.first]; first_np >= 0) {
      const TokenSpan& np = analysis_.noun_phrases[first_np];
      for (uint32_t t = np.first; t < np.last && !study; ++t)
        study = kStudies.Contains(lemma_keys_.folded[t]);
    }
    for (uint32_t t = span.first + 1; t < span.last; ++t) {
      const std::string_view word = actors_.word_keys().folded[t];
      const bool topic = study && word == "of";
      if (word != "in" && word != "at" && word != "near" && word != "inside" && word != "across" && !topic) continue;
      if (!actors_.NamesAnyone({span.first, t})) return {};
      break;
    }
    return actors_.ResolveAll(span, analysis_.noun_phrases);
  }

  // The subject of a clause. The clause finder gives an infinitive the
  // phrase before "to" as subject, mostly the governing verb's object
  // ("urged Iran to stop": Iran stops). Two exceptions: after a noun that
  // asks the act of someone else ("rejected Chilean demands to release
  // prisoners") the sentence names no doer; and when the verb does not
  // hand the act on to the phrase and the phrase names no one or follows a
  // preposition, the infinitive is the governing subject's purpose
  // ("police used tear gas to disperse the crowd", "thousands gathered in
  // Nairobi on Monday to protest").
  TokenSpan SubjectOf(const Clause& clause) const {
    const TokenSpan subject = EffectiveSubject(clause);
    if (clause.governor < 0 || clause.subject_from >= 0 || subject.empty() || clause.predicate.first == 0 ||
        actors_.word_keys().folded[clause.predicate.first - 1] != "to") {
      return subject;
    }
    const Clause& governing = analysis_.clauses[clause.governor];
    static const std::set<std::string_view> kHandsActToObject = {
        "ask",      "urge",     "call",      "tell",     "order",    "force",     "compel",   "oblige",
        "persuade", "convince", "induce",    "allow",    "permit",   "enable",    "help",     "lead",
        "prompt",   "cause",    "invite",    "encourage", "expect",  "want",      "need",     "wish",
        "like",     "pressure", "press",     "push",     "warn",     "advise",    "instruct", "request",
        "require",  "authorize", "authorise", "mandate", "appeal",   "empower",   "get",      "challenge",
        "beg",      "implore",  "motivate",  "inspire",  "drive",    "spur",      "provoke",  "remind",
        "train",    "appoint",  "elect",     "recruit",  "assign",   "commission", "direct", "command",
        "send",     "deploy",   "dispatch",  "pay",      "hire",     "choose",    "select"};
    // "rejected Chilean demands to release prisoners": the act is asked of
    // someone the sentence does not name.
    static const std::set<std::string_view> kOthersActNouns = {
        "demand",  "call",     "request",  "appeal",  "invitation", "pressure", "order",      "mandate",
        "permission", "permit", "license", "licence", "approval",   "consent",  "ultimatum",  "deadline",
        "warning", "advice",   "instruction", "plea", "urge"};
    // The phrase before "to" is the governing verb's object or another of
    // its phrases ("converged on the capital on Monday to protest").
    if (IsPassive(governing) || subject.first <= governing.head) return subject;
    if (kOthersActNouns.count(lemma_keys_.folded[subject.last - 1])) return {};
    if (kHandsActToObject.count(lemma_keys_.folded[governing.head])) return subject;
    // A place or time after a preposition is where or when, not who
    // ("gathered in Nairobi to protest").
    const std::string_view before = sentence_.tokens[subject.first - 1].tag;
    const bool after_preposition = (before == "IN" || before == "TO") &&
                                   !syntax::IsSubordinatingWord(actors_.word_keys().folded[subject.first - 1]);
    if (!after_preposition && actors_.NamesAnyone(subject)) return subject;
    return EffectiveSubject(governing);
  }

  bool IsStateStrike(const std::vector<Actor>& sources, uint32_t first, uint32_t last) const {
    if (sources.empty() || !std::all_of(sources.begin(), sources.end(), [](const Actor& a) {
          return a.sector.empty() || ActorResolver::IsStateSector(a.sector);
        })) {
      return false;
    }
    for (uint32_t t = first; t <= last && t < sentence_.tokens.size(); ++t) {
      if (lemma_keys_.folded[t] == "strike") return true;
    }
    return false;
  }

  // Whether the clause declares its subject's own future act: "will send",
  // "plans to visit", "agreed to lift", "offered to negotiate", "is willing
  // to withdraw". A prediction ("is expected to meet") or another actor's
  // act ("urged Russia to withdraw") is no declaration.
  bool DeclaresIntent(const Clause& clause) const {
    const auto& words = actors_.word_keys().folded;
    // "hasn't said whether he'll expand airstrikes": an open question; "if
    // it agrees to give up its weapons": a condition.
    auto open_question = [&](const Clause& c) { return WordBefore(c) == "whether" || IsCondition(c); };
    if (open_question(clause)) return false;
    uint32_t first = clause.predicate.first;
    if (clause.governor >= 0 && open_question(analysis_.clauses[clause.governor])) return false;
    if (first >= 2 && words[first - 1] == "to" && IsIntentGovernor(words[first - 2])) return true;
    if (clause.governor >= 0) {
      const Clause& governor = analysis_.clauses[clause.governor];
      const std::string_view governing = lemma_keys_.folded[governor.head];
      const bool aim = IsAimGovernor(governing) && first >= 2 && first - 2 == governor.head && words[first - 1] == "to";
      // "have never agreed to submit": no intention declared.
      return clause.subject_from == clause.governor && !governor.negated && (aim || IsIntentGovernor(governing));
    }
    for (uint32_t t = clause.predicate.first; t < clause.head; ++t) {
      if (sentence_.tokens[t].tag != "MD") continue;
      // In reported speech "would" is the past of "will" ("said they would boycott").
      if (words[t] == "will" || words[t] == "shall" || words[t] == "'ll" || words[t] == "wo" ||
          (words[t] == "would" && !clause.reported_by.empty())) {
        return true;
      }
    }
    return false;
  }

  // True when this clause is the reporting frame of another clause ("X said
  // that ..."): its own statement is then not an event of its own.
  bool IsFrame(const Clause& clause) const {
    // "as reported by The Jerusalem Post", "as the minister said": an aside
    // naming who told the sentence, with nothing said of its own.
    // (The word before the subject when there is one: "just as assiduously
    // tells itself stories" is no aside.)
    const uint32_t opening = clause.subject.empty() ? clause.predicate.first : clause.subject.first;
    if (opening > 0 && actors_.word_keys().folded[opening - 1] == "as" && clause.object.empty() &&
        clause.that_clause < 0) {
      return true;
    }
    TokenSpan subject = EffectiveSubject(clause);
    if (subject.empty()) return false;
    return std::any_of(analysis_.clauses.begin(), analysis_.clauses.end(),
                       [&](const Clause& other) { return other.reported_by == subject; });
  }

  // An actor does nothing to itself, nor to its own country as a whole
  // ("the Canadian government banned travel to Canada").
  static bool IsSelf(const Actor& target, const Actor& source) {
    return target.code == source.code || target.code == source.country;
  }

  static std::vector<Actor> DistinctTargets(std::vector<Actor> targets, const std::vector<Actor>& sources) {
    std::erase_if(targets, [&](const Actor& target) {
      return std::any_of(sources.begin(), sources.end(),
                         [&](const Actor& source) { return IsSelf(target, source); });
    });
    return targets;
  }

  // One event per source and target; with no target and `mutual`, one per
  // ordered pair of distinct sources.
  void Emit(Event event, const std::vector<Actor>& sources, const std::vector<Actor>& targets,
            bool mutual = false) {
    if (targets.empty() && mutual && sources.size() >= 2) {
      for (const Actor& a : sources) {
        for (const Actor& b : sources) {
          if (&a != &b) Emit(event, {a}, {b});
        }
      }
      return;
    }
    for (const Actor& source : sources) {
      if (targets.empty()) {
        Event e = event;
        e.source = source;
        Add(std::move(e));
        continue;
      }
      for (const Actor& target : targets) {
        if (IsSelf(target, source)) continue;
        Event e = event;
        e.source = source;
        e.target = target;
        Add(std::move(e));
      }
    }
  }

  // "ISR 'Israel'", or with the dictionary entry that named the actor when
  // the text differs: "TURGOV 'he' = Recep Tayyip Erdogan".
  static std::string ActorNote(const Actor& actor) {
    std::string note = fmt::format("{} '{}'", actor.code, actor.text);
    if (!actor.name.empty() && actor.name != actor.text) note += " = " + actor.name;
    return note;
  }

  void Add(Event event) {
    std::string key = fmt::format("{}>{}:{}", event.source.code,
                                  event.target ? event.target->code : "", event.cameo);
    if (!seen_.insert(key).second) return;
    if (explain_) {
      Explain("  event {} {} -> {} ({}, {}, pattern {})", event.cameo, ActorNote(event.source),
              event.target ? ActorNote(*event.target) : "-", event.verb_text, ModalityName(event.modality),
              event.pattern);
    }
    out_.events.push_back(std::move(event));
    out_.clauses.push_back(current_clause_);
  }

  // Calls `use` with each pattern that matches clause `c` and its binding,
  // most specific first, until `use` returns true; returns whether it did.
  template <typename Use>
  bool ForEachMatch(size_t c, Use&& use) const {
    const Clause& clause = analysis_.clauses[c];
    const auto& candidates = verbs_.ForVerb(LemmaKey(clause.head));
    const bool passive = IsPassive(clause);
    // Only the patterns whose rarest word occurs in the sentence, in order.
    for (uint32_t position : verbs_.VerbCandidates(LemmaKey(clause.head), present_ids_)) {
      const auto& pattern = verbs_.pattern(candidates[position]);
      // In a passive clause the grammatical subject is the patient: a
      // pattern that looks for the target elsewhere ("attack in $T", a
      // place) contradicts it.
      if (passive && HasTargetAfterWords(pattern)) continue;
      if (!WordsPresent(pattern)) continue;
      Binding binding;
      if (!Match(pattern, clause, 0, clause.head, binding)) continue;
      if (use(pattern, binding)) return true;
    }
    // "gave Tanzania a grant": the patterns name the recipient after "to",
    // which the sentence may lack, so the word index cannot preselect them.
    const Dative dative = clause.object.empty() ? Dative::kNone : DativeOf(lemma_keys_.folded[clause.head]);
    for (size_t i = 0; dative != Dative::kNone && i < candidates.size(); ++i) {
      const auto& pattern = verbs_.pattern(candidates[i]);
      Binding binding;
      if (!MatchDative(pattern, clause, dative, binding)) continue;
      if (use(pattern, binding)) return true;
    }
    return false;
  }

  void CodeClause(size_t c) {
    current_clause_ = static_cast<int>(c);
    const Clause& clause = analysis_.clauses[c];
    const Token& head = sentence_.tokens[clause.head];
    const auto& candidates = verbs_.ForVerb(LemmaKey(clause.head));
    if (candidates.empty()) {
      Explain("verb '{}' ({}): no pattern for this verb", head.norm, head.lemma);
      return;
    }
    if (Covered(clause.head)) {
      // "called on Russia to withdraw": the withdrawal is what the appeal
      // asks for, already coded as the appeal.
      Explain("verb '{}': part of the event coded above", head.norm);
      return;
    }
    const bool done = ForEachMatch(c, [&](const lexicon::VerbPattern& pattern, const Binding& binding) {
      return CodeWith(c, pattern, binding) == Outcome::kDone;
    });
    if (done) return;
    Explain("verb '{}' ({}): no pattern matched the clause", head.norm, head.lemma);
  }

  enum class Outcome { kTryNext, kDone };

  // Codes clause `c` with a pattern that matched it; kTryNext when the
  // pattern's target turns out to be the source itself, so that a less
  // specific pattern may still fit.
  Outcome CodeWith(size_t c, const lexicon::VerbPattern& pattern, const Binding& binding) {
    const Clause& clause = analysis_.clauses[c];
    const Token& head = sentence_.tokens[clause.head];
    if (pattern.code.starts_with("01") && IsFrame(clause)) {
      if (CodeObligation(c, pattern)) return Outcome::kDone;
      Explain("verb '{}': reporting frame, its statement is not coded", head.norm);
      return Outcome::kDone;
    }
    TokenSpan source_span = IsPassive(clause) ? clause.agent : SubjectOf(clause);
    if (source_span.empty() && IsPassive(clause) && IsViolence(pattern.code)) source_span = AttackOfPassive(clause);
    std::vector<Actor> sources = Sources(clause, source_span);
    // "Israel launched a strike against Hamas": a state or its forces do
    // not go on labour strike (143, which also covers boycotts, which
    // states do call); a less specific pattern (190) fits.
    if (pattern.code == "143" && IsStateStrike(sources, clause.head, binding.last)) return Outcome::kTryNext;
    // "sanctions targeting Iranian officials", "tariffs that hit China":
    // measures do not fight; the act that imposed them is coded.
    if (IsViolence(pattern.code) && !source_span.empty() && IsMeasure(source_span.last - 1)) return Outcome::kTryNext;
    // "A roadside bomb killed three soldiers", "gunmen shot dead a judge":
    // an attack whose doer no one names is an unidentified armed actor's,
    // of the country where it happened (the pipeline drops it without one).
    // The clause's place, for the sources below that the report names by
    // their role alone: looked up once, and only when one is wanted.
    std::optional<std::string> place;
    auto place_country = [&]() -> const std::string& {
      if (!place) place = PlaceCountry(clause);
      return *place;
    };
    if (sources.empty() && IsViolence(pattern.code)) {
      if (auto attacker = actors_.UnnamedAttacker(source_span, place_country())) {
        sources.push_back(std::move(*attacker));
      }
    }
    // "Thousands of people marched in Manila", "striking miners demanded
    // higher wages", "police arrested dozens in Cairo": people named by
    // their role alone who protest, ask (14, 10, 02) or, as the state's
    // agents, coerce (17) are of the place where it happened (the pipeline
    // drops the event without one). Not for meetings, deals or aid, which
    // as often happen abroad.
    if (sources.empty() && !source_span.empty()) {
      const std::string_view root = std::string_view(pattern.code).substr(0, 2);
      if (root == "14" || root == "10" || root == "02" || root == "17") {
        if (auto agent = actors_.BareAgentOf(source_span, place_country());
            agent && ActorResolver::IsStateSector(agent->sector) == (root == "17")) {
          sources.push_back(std::move(*agent));
        }
      }
    }
    // "A missionary was arrested in Lebanon": a state's coercion (17) told
    // in the passive with no doer named is the doing of the state where it
    // happened, its police for arrests (the pipeline drops it without a
    // place). Not an act to come, whose doer is anyone's guess, nor a
    // meeting "held" somewhere.
    if (sources.empty() && source_span.empty() && IsPassive(clause) && pattern.code.starts_with("17") &&
        (clause.modality == Modality::kAsserted || clause.modality == Modality::kReported) &&
        !IsGathering(clause.subject)) {
      sources.push_back(actors_.RoleActor(place_country(), pattern.code.starts_with("173") ? "COP" : "GOV",
                                          {clause.head, clause.head + 1}));
    }
    if (sources.empty()) {
      Explain("verb '{}': pattern {} matched but the source '{}' is no known actor", head.norm, pattern.id,
              Words(source_span));
      return Outcome::kDone;
    }
    std::vector<Actor> targets;
    if (!binding.target.empty()) {
      targets = DistinctTargets(
          actors_.ResolveAll(binding.target, analysis_.noun_phrases, ActorResolver::Role::kTarget), sources);
      // "captured towns in Nagorno-Karabakh" (AZEMIL, AZE): a target that
      // is the source itself leaves the pattern unmatched; a less
      // specific one may still fit ("capture towns").
      if (targets.empty()) return Outcome::kTryNext;
    } else if (!HasTargetSlot(pattern)) {
      targets = PatientTargets(c, pattern.code, sources, binding.last);
    }
    Event event = EventAt(pattern, clause.head, &clause);
    if (DeclaresIntent(clause)) {
      if (auto intent = IntentCode(pattern.code, clause.negated)) {
        // The declaration is the event, and it was made.
        Explain("verb '{}': a declared {} of {} codes {}", head.norm, clause.negated ? "refusal" : "intention",
                pattern.code, *intent);
        event.cameo = *intent;
        event.modality = clause.reported_by.empty() ? Modality::kAsserted : Modality::kReported;
      }
    }
    // "never agreed to submit", "did not plan to attack": the governor's
    // negation is the embedded act's.
    if (clause.governor >= 0 && clause.subject_from == clause.governor &&
        analysis_.clauses[clause.governor].negated) {
      event.modality = Modality::kNegated;
    }
    double confidence = 0.55 + 0.1 * std::min<int>(2, pattern.specificity - !binding.target.empty());
    if (!clause.subject.empty() || IsPassive(clause)) confidence += 0.1;
    if (!targets.empty()) confidence += 0.1;
    event.confidence = std::min(0.95, confidence);
    Explain("verb '{}' ({}): pattern {} [{}]", head.norm, head.lemma, pattern.id, pattern.code);
    if (covered_.empty()) covered_.resize(sentence_.tokens.size());
    for (uint32_t t = clause.head; t <= binding.last; ++t) covered_[t] = true;
    // "A and B will meet with Iraqi officials": the partner is named, if
    // not known, so A and B did not meet each other.
    const bool partner_named = std::any_of(clause.obliques.begin(), clause.obliques.end(), [&](const Oblique& o) {
      bool next_to_verb = o.preposition == clause.predicate.last ||
                          (!clause.object.empty() && o.preposition == clause.object.last);
      return next_to_verb && actors_.word_keys().folded[o.preposition] == "with";
    });
    const bool mutual = !partner_named && IsMutualAct(event.cameo, lemma_keys_.folded[clause.head]);
    // A consultation (or the intention of one, 036) is with someone: "Rudd
    // speaks in measured chunks", "speaking at the White House" or "met
    // the family" (no actor) meet no one the data can name. A refusal to
    // negotiate (125) is an event of its own.
    if (IsPurposeOfConsultation(clause, event.cameo, targets)) {
      Explain("verb '{}': the purpose of the consultation coded above", head.norm);
      return Outcome::kDone;
    }
    if (IsConsultation(event.cameo) && targets.empty() && !(mutual && sources.size() >= 2)) {
      Explain("verb '{}': pattern {} matched, but a consultation needs a partner and none is an actor", head.norm,
              pattern.id);
      return Outcome::kDone;
    }
    Emit(std::move(event), sources, targets, mutual);
    return Outcome::kDone;
  }

  // "Russia said Sudan must return the helicopter": a speaker who says
  // that another actor must act demands it (10), and one who says it should
  // act appeals for it (02); the code follows the act asked for
  // (RequestCode). The act itself is no event of its own (DropAskedActs).
  // Returns whether the frame `c` was coded so.
  bool CodeObligation(size_t c, const lexicon::VerbPattern& frame_pattern) {
    const auto& clauses = analysis_.clauses;
    const Clause& frame = clauses[c];
    if (c + 1 >= clauses.size()) return false;
    const Clause& said = clauses[c + 1];
    // "said Russia should be reinstated": the one asked is not the subject.
    if (said.reported_by != EffectiveSubject(frame) || said.subject.empty() || IsPassive(said)) {
      return false;
    }
    // The modal: "must"/"should"/"ought" in the verb group, or "has to",
    // "needs to" with the act in the infinitive clause after it.
    size_t act = c + 1;
    std::optional<bool> demand;
    for (uint32_t t = said.predicate.first; t < said.head; ++t) {
      const std::string_view word = actors_.word_keys().folded[t];
      if (word == "must") demand = true;
      if (word == "should" || word == "ought") demand = false;
    }
    const std::string_view lemma = lemma_keys_.folded[said.head];
    // "has to return", not "has the authority to return".
    if (!demand && (lemma == "have" || lemma == "need") && c + 2 < clauses.size() &&
        clauses[c + 2].governor == static_cast<int>(c + 1) && clauses[c + 2].predicate.first == said.head + 2 &&
        actors_.word_keys().folded[said.head + 1] == "to") {
      demand = true;
      act = c + 2;
    }
    if (!demand) return false;
    std::vector<Actor> sources = Sources(frame, EffectiveSubject(frame));
    std::vector<Actor> targets = ActorsIn(said.subject, sources, false);
    if (sources.empty() || targets.empty()) return false;
    // "must not build settlements" asks for no act the codes name.
    std::string act_code;
    if (!clauses[act].negated) ForEachMatch(act, [&](const lexicon::VerbPattern& pattern, const Binding&) {
      act_code = pattern.code;
      return true;
    });
    Event event = EventAt(frame_pattern, frame.head, &frame);
    event.cameo = RequestCode(act_code, *demand);
    const Token& head = sentence_.tokens[frame.head];
    event.confidence = act_code.empty() ? 0.65 : 0.75;
    Explain("verb '{}': says that '{}' {} act ({}): codes {}", head.norm, Words(said.subject),
            *demand ? "must" : "should", act_code.empty() ? "no pattern" : act_code, event.cameo);
    Emit(std::move(event), sources, targets);
    obligation_acts_.insert(static_cast<int>(act));
    return true;
  }

  void CodeNominal(const NominalPredicate& nominal) {
    current_clause_ = nominal.clause;
    if (Covered(nominal.head)) return;  // part of a coded verb phrase
    const auto& candidates = verbs_.ForNoun(LemmaKey(nominal.head));
    for (int index : candidates) {
      const auto& pattern = verbs_.pattern(index);
      size_t before = pattern.head_before.size();
      if (before > nominal.head - nominal.possessor.first) continue;
      bool head_ok = true;
      for (size_t j = 0; j < before && head_ok; ++j) {
        head_ok = WordMatches(nominal.head - before + j, pattern.head_before_ids[j]);
      }
      if (!head_ok) continue;
      const std::string prep = pattern.reciprocal ? "between"
                               : pattern.elements.empty() ? "" : pattern.elements[0].words[0];
      const Oblique* slot = nullptr;
      for (const Oblique& oblique : nominal.obliques) {
        if (!prep.empty() && actors_.word_keys().folded[oblique.preposition] == prep) {
          slot = &oblique;
          break;
        }
      }
      if (!prep.empty() && !slot) continue;
      std::vector<Actor> sources, targets;
      const Clause* clause = nominal.clause >= 0 ? &analysis_.clauses[nominal.clause] : nullptr;
      if (pattern.reciprocal) {
        std::vector<Actor> sides = actors_.ResolveAll(slot->phrase, analysis_.noun_phrases);
        if (sides.size() < 2) continue;
        Event event = NominalEvent(pattern, nominal, clause);
        for (const Actor& a : sides) {
          for (const Actor& b : sides) {
            if (&a != &b) Emit(event, {a}, {b});
          }
        }
        return;
      }
      TokenSpan possessor{nominal.possessor.first, static_cast<uint32_t>(nominal.head - before)};
      if (auto actor = actors_.Resolve(possessor)) sources.push_back(*actor);
      if (sources.empty() && clause && IsLightVerb(lemma_keys_.folded[clause->head])) {
        TokenSpan subject = IsPassive(*clause) ? clause->agent : EffectiveSubject(*clause);
        if (!subject.empty()) sources = actors_.ResolveAll(subject, analysis_.noun_phrases);
      }
      if (sources.empty()) continue;
      if (slot) {
        targets = actors_.ResolveAll(slot->phrase, analysis_.noun_phrases, ActorResolver::Role::kTarget);
        if (targets.empty()) continue;
      }
      Emit(NominalEvent(pattern, nominal, clause), sources, targets);
      return;
    }
  }

  // An event coded by `pattern` at the word `head`, with the modality and
  // attribution of the clause it stands in (when there is one).
  Event EventAt(const lexicon::VerbPattern& pattern, uint32_t head, const Clause* clause) const {
    const Token& word = sentence_.tokens[head];
    Event event;
    event.cameo = pattern.code;
    if (clause) {
      event.modality = clause->negated ? Modality::kNegated : clause->modality;
      event.attribution = Attribution(*clause);
    }
    event.verb_text = word.norm;
    event.verb_begin = word.begin;
    event.verb_end = word.end;
    event.pattern = pattern.id;
    return event;
  }

  Event NominalEvent(const lexicon::VerbPattern& pattern, const NominalPredicate& nominal,
                     const Clause* clause) {
    const Token& head = sentence_.tokens[nominal.head];
    Event event = EventAt(pattern, nominal.head, clause);
    event.confidence = pattern.reciprocal || !pattern.elements.empty() ? 0.7 : 0.55;
    Explain("noun '{}': pattern {} [{}]", head.norm, pattern.id, pattern.code);
    return event;
  }

  const Sentence& sentence_;
  const SentenceAnalysis& analysis_;
  const ActorResolver& actors_;
  const lexicon::VerbDictionary& verbs_;
  std::string_view text_;
  bool explain_;
  const lexicon::MatchKeys& lemma_keys_;  // the resolver's, for this sentence
  // The per-token and per-word tables live in per-thread scratch, reused
  // from sentence to sentence (BuildEvents is never re-entered on a
  // thread): allocating and freeing six vectors a sentence, and zeroing the
  // word table, cost about 2,000 instructions a sentence.
  struct Tables {
    std::vector<int> np_starting_at;
    std::vector<uint32_t> np_end_of;
    std::vector<uint32_t> lemma_ids;
    std::vector<uint32_t> word_ids;
    // A byte, not a bit, per word: WordsPresent reads it for every
    // candidate pattern's words, and a std::vector<bool> read (word and
    // mask) cost several instructions more.
    std::vector<uint8_t> present;
    std::vector<uint32_t> present_ids;
  };
  Tables& tables_ = util::ThreadScratch<Tables>();
  std::vector<int>& np_starting_at_ = tables_.np_starting_at;
  std::vector<uint32_t>& np_end_of_ = tables_.np_end_of;  // per token, the end of its noun phrase, or 0
  std::vector<uint32_t>& lemma_ids_ = tables_.lemma_ids;  // per token, VerbDictionary::WordId of its lemma key
  std::vector<uint32_t>& word_ids_ = tables_.word_ids;    // and of its word key
  std::vector<uint8_t>& present_ = tables_.present;       // by word id: some token's lemma or word key
  std::vector<uint32_t>& present_ids_ = tables_.present_ids;  // the same as a sorted list
  // Per token: inside a coded verb phrase (from a clause's head to the last
  // token its pattern matched). A flag, not a list of spans, so that the
  // test per clause and nominal does not grow with the sentence. Empty
  // until the sentence's first event (most sentences have none).
  std::vector<bool> covered_;
  std::set<std::string> seen_;
  int current_clause_ = -1;  // the clause being coded, recorded per event
  std::set<int> obligation_acts_;  // clauses whose act a speaker said must or should be done
  SentenceEvents out_;
};

}  // namespace

SentenceEvents BuildEvents(const Sentence& sentence, const SentenceAnalysis& analysis,
                           const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                           std::string_view text, bool explain) {
  return SentenceCoder(sentence, analysis, actors, verbs, text, explain).Run();
}

}  // namespace dyad::coder
