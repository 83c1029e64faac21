#include "coder/actor_resolver.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "syntax/clause_finder.h"
#include "util/strings.h"

namespace dyad::coder {
namespace {

bool IsPersonalPronoun(std::string_view folded) {
  return folded == "he" || folded == "she" || folded == "him" || folded == "her" ||
         folded == "his";
}

bool IsGroupPronoun(std::string_view folded) { return folded == "it" || folded == "its"; }

// CAMEO's codes for world regions and the Arab states as a group
// (dict/actors/regions.txt): "the country" never means one of them.
// Tags compare inline (util::SameText): these tests run for every token.
bool IsTag(const Token& token, std::string_view tag) { return util::SameText(token.tag, tag); }

bool IsRegion(std::string_view code) {
  // Compared letter by letter: a std::set of views cost ~300 instructions a
  // lookup (five out-of-line compares), and this runs for every actor.
  static constexpr std::array<std::string_view, 25> kRegions = {
      "AFR", "ARB", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
      "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"};
  if (code.size() < 3) return false;
  return std::any_of(kRegions.begin(), kRegions.end(), [code](std::string_view region) {
    return code[0] == region[0] && code[1] == region[1] && code[2] == region[2];
  });
}

bool IsDayOrMonth(std::string_view folded) {
  static constexpr util::WordList kNames(std::to_array<std::string_view>(
      {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
       "february", "march", "april", "may", "june", "july", "august", "september", "october",
       "november", "december"}));
  return kNames.Contains(folded);
}

bool IsNational(std::string_view code) {
  return code.size() >= 3 && !code.starts_with("IGO") && !code.starts_with("NGO") &&
         !code.starts_with("IMG") && !code.starts_with("MNC") && !IsRegion(code);
}

void AddCountry(std::vector<std::string>& countries, std::string_view code) {
  if (!IsNational(code)) return;
  std::string country(code.substr(0, 3));
  if (std::find(countries.begin(), countries.end(), country) == countries.end()) countries.push_back(country);
}

// Sectors whose members are, as a rule, the people of the place they are
// "in": "rebels in Darfur", "police in Karachi", "opposition parties in
// Nepal". Not troops, refugees, reporters, aid workers or companies, which
// are as often foreigners there ("troops in Afghanistan").
bool IsLocalSector(std::string_view sector) {
  static const std::set<std::string_view> kLocal = {"GOV", "OPP", "REB", "SEP", "CVL", "COP", "JUD", "LEG",
                                                    "PTY", "EDU", "LAB", "AGR", "REL", "HLH", "CRM", "HRI",
                                                    "RAD", "MOD", "ENV"};
  return kLocal.count(sector) > 0;
}

// A country's own agents abroad: "the ambassador in Kabul" is another
// country's ambassador.
bool IsDiplomat(std::string_view lemma) {
  static const std::set<std::string_view> kDiplomats = {"ambassador", "envoy",    "diplomat", "consul",
                                                        "consulate",  "embassy",  "delegation", "negotiator",
                                                        "emissary",   "attaché",  "counterpart"};
  return kDiplomats.count(lemma) > 0;
}

}  // namespace

ActorResolver::ActorResolver(const lexicon::ActorDictionary& actors,
                             const lexicon::AgentDictionary& agents, std::string_view text,
                             std::optional<int> date, bool peer)
    : actors_(actors), agents_(agents), text_(text), date_(date), peer_(peer) {}

void ActorResolver::BeginSentence(const Sentence& sentence) {
  BeginSentence(sentence, lexicon::MatchKeys::ForTokens(sentence.tokens, false));
}

void ActorResolver::BeginSentence(const Sentence& sentence, const lexicon::MatchKeys& word_keys) {
  sentence_ = &sentence;
  word_keys_ = word_keys;
  lexicon::MatchKeys::LemmasFor(sentence.tokens, word_keys_, lemma_keys_);
  matches_ = actors_.FindAll(word_keys_);
  DropCapitalsInNames();
  agent_matches_ = agents_.FindAll(lemma_keys_, word_keys_);
  unknown_names_.clear();
  const auto& tokens = sentence.tokens;
  std::vector<bool> known(tokens.size(), false);
  for (const auto& match : matches_) {
    for (uint32_t t = match.first; t < match.last; ++t) known[t] = true;
  }
  for (uint32_t t = 0; t + 1 < tokens.size(); ++t) {
    if (IsTag(tokens[t], "NNP") && IsTag(tokens[t + 1], "NNP") && !known[t] && !known[t + 1]) {
      unknown_names_.push_back(t);
      while (t + 1 < tokens.size() && IsTag(tokens[t + 1], "NNP")) ++t;
    }
  }
  FindUnknownGroups(known);
}

// "the Paris Climate Accord", "the Paris Club", "the Geneva Conventions": a
// capital city followed by another capitalised word that no entry knows is
// part of a name, not the country's government ("Moscow said", "Moscow
// Monday said", a known "Washington Post" and a seat of power such as the
// "White House Press Secretary" stay as they are).
void ActorResolver::DropCapitalsInNames() {
  const auto& tokens = sentence_->tokens;
  // Decided over the whole list first: the test looks up the next match,
  // which erasing in the same pass would move.
  std::vector<bool> in_name(matches_.size(), false);
  for (size_t i = 0; i < matches_.size(); ++i) {
    const lexicon::ActorMatch& match = matches_[i];
    if (match.last >= tokens.size() || !actors_.entries()[match.entry].file.ends_with("capitals.txt")) continue;
    // Seats of power stay: "White House Press Secretary Josh Earnest".
    if (auto code = actors_.Resolve(match.entry, date_); !code || code->size() != 3) continue;
    const std::string_view next_tag = tokens[match.last].tag;
    if (next_tag != "NNP" && next_tag != "NNPS") continue;
    if (IsDayOrMonth(word_keys_.folded[match.last])) continue;
    in_name[i] = i + 1 == matches_.size() || matches_[i + 1].first != match.last;
  }
  size_t kept = 0;
  for (size_t i = 0; i < matches_.size(); ++i) {
    if (!in_name[i]) matches_[kept++] = matches_[i];
  }
  matches_.resize(kept);
}

// "Honeywell said it would ...", "The partnership said it was willing":
// a company or other body the dictionaries do not know, as the subject of
// a verb, is the nearer antecedent of "it". Recognised by a name (NNP) or
// an organisation noun right before a verb, a comma or a bracket.
void ActorResolver::FindUnknownGroups(const std::vector<bool>& known) {
  static constexpr util::WordList kOrganisationNouns(std::to_array<std::string_view>(
      {"company",     "firm",    "partnership", "bank",     "group",       "union",
       "corporation", "concern", "consortium",  "alliance", "association", "federation",
       "club",        "team",    "newspaper",   "network",  "fund",        "unit",
       "subsidiary",  "venture", "utility"}));
  unknown_groups_.clear();
  const auto& tokens = sentence_->tokens;
  for (uint32_t t = 0; t + 1 < tokens.size(); ++t) {
    // Only a name or a common noun can be such a body: tested first, since
    // most tokens are neither and the verb test looks past adverbs.
    if (known[t] || !(IsTag(tokens[t], "NNP") || IsTag(tokens[t], "NN"))) continue;
    // "Baxter also said": an adverb may stand between the name and its verb.
    uint32_t after = t + 1;
    while (after + 1 < tokens.size() && IsTag(tokens[after], "RB")) ++after;
    const Token& next = tokens[after];
    const bool before_verb = IsTag(next, "VBD") || IsTag(next, "VBZ") || IsTag(next, "VBP") ||
                             IsTag(next, "MD") || util::SameText(next.norm, ",") || util::SameText(next.norm, "(");
    if (!before_verb) continue;
    const bool name = IsTag(tokens[t], "NNP") && !IsDayOrMonth(word_keys_.folded[t]);
    if (name || (IsTag(tokens[t], "NN") && kOrganisationNouns.Contains(lemma_keys_.folded[t]))) {
      unknown_groups_.push_back(t);
    }
  }
}

void ActorResolver::EndSentence() {
  // "Israel captured the city in 1967. Today settlers live in areas the
  // Palestinians claim. After the war, it annexed ...": a later pronoun
  // means the sentence's first subject (outside quotations: "Trump just
  // says, ...", Wyden said) sooner than its last mention. That subject may
  // be a pronoun itself ("Nunes erred. ... he leads a committee that
  // investigates Trump's orbit"), which carries its antecedent over, or a
  // name the dictionaries do not know ("Mr. Adams said Snowden ..."), after
  // which no known person is the antecedent.
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  const auto& tokens = sentence_->tokens;
  uint32_t person_pronoun = kNone, group_pronoun = kNone;
  int quote_depth = 0;  // of the quotation marks up to the token last passed to track_quotes
  auto track_quotes = [&](uint32_t t) {
    if (IsTag(tokens[t], "``")) ++quote_depth;
    if (IsTag(tokens[t], "''") && quote_depth > 0) --quote_depth;
  };
  for (uint32_t t = 0; t < tokens.size() && (person_pronoun == kNone || group_pronoun == kNone); ++t) {
    track_quotes(t);
    if (quote_depth > 0 || !IsTag(tokens[t], "PRP") || !VerbFollows(t + 1)) continue;
    const std::string_view word = word_keys_.folded[t];
    if (person_pronoun == kNone && (word == "he" || word == "she")) person_pronoun = t;
    if (group_pronoun == kNone && word == "it" && !IsExpletiveIt(t)) group_pronoun = t;
  }
  uint32_t unknown_person = kNone;
  for (uint32_t name : unknown_names_) {
    // A run of names that ends in a known one is a title and its holder
    // ("Foreign Minister Javad Zarif").
    uint32_t end = name;
    while (end < tokens.size() && IsTag(tokens[end], "NNP") && !MatchStartingAt(end)) ++end;
    if (!MatchStartingAt(end) && VerbFollows(end)) {
      unknown_person = name;
      break;
    }
  }
  // Resolved before the memory changes: they refer to it.
  std::optional<Actor> person_carried = person_pronoun != kNone ? ResolvePronoun(person_pronoun) : std::nullopt;
  std::optional<Actor> group_carried = group_pronoun != kNone ? ResolvePronoun(group_pronoun) : std::nullopt;

  // A person the dictionaries do not know was named after the last known
  // one: later pronouns may mean either, so forget the known one.
  if (last_person_ && !unknown_names_.empty()) last_person_.reset();
  uint32_t last_group_end = 0;
  std::optional<Actor> subject_person, subject_group;
  uint32_t subject_person_at = kNone, subject_group_at = kNone;
  uint32_t scanned = 0;
  quote_depth = 0;
  auto subject_outside_quotes = [&](const lexicon::ActorMatch& match) {
    if (!IsSubject(match)) return false;
    for (; scanned < match.first; ++scanned) track_quotes(scanned);
    return quote_depth == 0;
  };
  for (const auto& match : matches_) {
    auto code = actors_.Resolve(match.entry, date_);
    if (!code) continue;
    Actor actor = MakeActor(ActingCode(match, *code), match.entry, match.first, match.last);
    AddCountry(countries_, *code);
    if (actors_.entries()[match.entry].person) {
      if (!subject_person && subject_outside_quotes(match)) {
        subject_person = actor;
        subject_person_at = match.first;
      }
      last_person_ = std::move(actor);
    } else if (!IsBareAdjective(match) && !IsPlural(match)) {
      if (!subject_group && subject_outside_quotes(match)) {
        subject_group = actor;
        subject_group_at = match.first;
      }
      last_group_ = std::move(actor);
      last_group_end = match.last;
    }
    RememberCountryThing(match, *code);
  }
  // (A pronoun left unresolved carries nothing: the subject or the last
  // mention stands.)
  if (person_pronoun < std::min(subject_person_at, unknown_person) && person_carried) {
    last_person_ = std::move(person_carried);
  } else if (unknown_person < subject_person_at) {
    last_person_.reset();
  } else if (subject_person) {
    last_person_ = std::move(subject_person);
  }
  if (group_pronoun < subject_group_at && group_carried) {
    last_group_ = std::move(group_carried);
  } else if (subject_group) {
    last_group_ = std::move(subject_group);
  }
  // "The group said it killed the soldiers. It also claimed …": a body the
  // dictionaries do not know, named after the last known one, is the
  // nearer antecedent of a later "it".
  if (!unknown_groups_.empty() && unknown_groups_.back() >= last_group_end) last_group_.reset();
}

// "Turkish drones", "Israeli arms": a bare country word before common
// nouns that are no agents ties the last of those nouns to the country.
void ActorResolver::RememberCountryThing(const lexicon::ActorMatch& match, const std::string& code) {
  if (code.size() != 3 || !IsNational(code)) return;
  const auto& tokens = sentence_->tokens;
  uint32_t t = match.last;
  while (t < tokens.size() && (tokens[t].tag == "NN" || tokens[t].tag == "NNS")) ++t;
  if (t == match.last) return;
  // "a Latin American country", "the Arab nation": the country nouns are
  // left to ResolveDefinite ("the country" is the one the document names).
  const std::string_view thing = lemma_keys_.folded[t - 1];
  if (thing == "country" || thing == "nation" || thing == "state") return;
  for (const auto& agent : agent_matches_) {
    if (agent.first < t && agent.last > match.last) return;  // "Azeri forces": an actor, not a thing
  }
  // Looked up first: emplace builds the entry (two strings) even when the
  // noun is known, and most sentences name the same things again.
  auto it = country_things_.find(thing);
  if (it == country_things_.end()) {
    country_things_.emplace(thing, code);
  } else if (it->second != code) {
    it->second.clear();
  }
}

Actor ActorResolver::MakeActor(const std::string& code, int entry, uint32_t first,
                               uint32_t last) const {
  Actor actor;
  actor.code = code;
  actor.country = code.substr(0, 3);
  actor.sector = code.size() >= 6 ? code.substr(3, 3) : "";
  actor.name = entry >= 0 ? actors_.entries()[entry].name : "";
  const auto& tokens = sentence_->tokens;
  actor.begin = tokens[first].begin;
  actor.end = tokens[last - 1].end;
  actor.text = std::string(text_.substr(actor.begin, actor.end - actor.begin));
  actor.entity_id = entry;
  return actor;
}

std::optional<Actor> ActorResolver::BareAgentOf(TokenSpan span, std::string_view country) const {
  if (span.empty() || AnyWithin(matches_, span)) return std::nullopt;
  const lexicon::AgentMatch* agent = AgentEnding(span);
  if (!agent) return std::nullopt;
  return RoleActor(country, agent->sector, {agent->first, agent->last});
}

Actor ActorResolver::RoleActor(std::string_view country, std::string_view sector, TokenSpan span) const {
  Actor actor = MakeActor(std::string(country) + std::string(sector), -1, span.first, span.last);
  actor.country = country;  // "" until the pipeline knows where it happened
  actor.sector = sector;
  return actor;
}

std::optional<Actor> ActorResolver::UnnamedAttacker(TokenSpan span, std::string_view country) const {
  if (span.empty() || AnyWithin(matches_, span)) return std::nullopt;
  // The head ends before the phrase's first preposition or comma: "a
  // roadside bombing near the town of Samarra".
  uint32_t end = span.first + 1;
  while (end < span.last && sentence_->tokens[end].tag != "IN" && sentence_->tokens[end].tag != "TO" &&
         sentence_->tokens[end].tag != ",") {
    ++end;
  }
  if (const lexicon::AgentMatch* agent = AgentEnding({span.first, end})) {
    // Armed people outside the state; soldiers and police are as often
    // a neighbour's as the country's where they act.
    if (agent->sector != "REB" && agent->sector != "UAF" && agent->sector != "CRM") return std::nullopt;
    return BareAgentOf({span.first, end}, country);
  }
  // Weapons that go off where they were placed (not rockets or shells,
  // fired from across a border).
  static const std::set<std::string_view> kPlacedWeapons = {
      "bomb",   "bombing", "blast", "explosion", "device", "ied",     "mine",
      "landmine", "minefield", "explosive", "grenade", "attack", "ambush", "attacker", "assailant"};
  if (!kPlacedWeapons.count(lemma_keys_.folded[end - 1])) return std::nullopt;
  // "the drone attack that killed", "an air raid": a state's weapons.
  static const std::set<std::string_view> kStateWeapons = {"drone",  "air",    "aerial",    "airstrike", "missile",
                                                           "rocket", "artillery", "mortar", "naval",     "cruise",
                                                           "tank",   "helicopter", "jet"};
  for (uint32_t t = span.first; t + 1 < end; ++t) {
    if (kStateWeapons.count(lemma_keys_.folded[t])) return std::nullopt;
  }
  return RoleActor(country, "UAF", {span.first, end});
}

std::vector<lexicon::AgentMatch>::const_iterator ActorResolver::FirstAgentFrom(uint32_t token) const {
  return std::lower_bound(agent_matches_.begin(), agent_matches_.end(), token,
                          [](const lexicon::AgentMatch& a, uint32_t t) { return a.first < t; });
}

const lexicon::AgentMatch* ActorResolver::AgentEnding(TokenSpan span) const {
  auto after = FirstAgentFrom(span.last);
  if (after == agent_matches_.begin()) return nullptr;
  const lexicon::AgentMatch& agent = *std::prev(after);
  return agent.first >= span.first && agent.last == span.last ? &agent : nullptr;
}

// "tariffs on Japanese goods, for what it sees as": a country adjective
// that qualifies a noun other than an agent is no antecedent of a pronoun
// ("the Greek government said it" is).
bool ActorResolver::IsBareAdjective(const lexicon::ActorMatch& match) const {
  if (!sentence_->tokens[match.last - 1].tag.starts_with("JJ")) return false;
  auto agent = FirstAgentFrom(match.last);
  return agent == agent_matches_.end() || agent->first != match.last;
}

// "Palestinians", "the Kurds", "Turkish troops": a plural actor (one
// word in the plural that is not the entry's name, as "Philippines" or
// "United Nations" are, or a country word before a plural agent) is no
// antecedent of "it".
bool ActorResolver::IsPlural(const lexicon::ActorMatch& match) const {
  const auto& tokens = sentence_->tokens;
  auto plural = [&](uint32_t t) { return IsTag(tokens[t], "NNPS") || IsTag(tokens[t], "NNS"); };
  auto agent = FirstAgentFrom(match.last);
  if (agent != agent_matches_.end() && agent->first == match.last) return plural(agent->last - 1);
  return match.last == match.first + 1 && plural(match.first) &&
         !util::SameText(actors_.entries()[match.entry].name, tokens[match.first].norm);
}

// "Israel captured", "the Greek government said", "Moscow has since
// denied": an actor right before its verb (past its agent noun and
// adverbs) is a clause's subject; not one after a preposition ("the U.S.
// Embassy in Jerusalem issued", "the exchange over Putin was").
bool ActorResolver::IsSubject(const lexicon::ActorMatch& match) const {
  const auto& tokens = sentence_->tokens;
  if (match.first > 0 && (IsTag(tokens[match.first - 1], "IN") || IsTag(tokens[match.first - 1], "TO"))) {
    return false;
  }
  uint32_t t = match.last;
  auto agent = FirstAgentFrom(t);
  if (agent != agent_matches_.end() && agent->first == t) t = agent->last;
  return VerbFollows(t);
}

// Whether a finite verb stands at the token, past adverbs and a reflexive
// ("Obama himself was dismissive").
bool ActorResolver::VerbFollows(uint32_t token) const {
  const auto& tokens = sentence_->tokens;
  while (token < tokens.size() &&
         (IsTag(tokens[token], "RB") || (IsTag(tokens[token], "PRP") && word_keys_.folded[token].ends_with("self")))) {
    ++token;
  }
  return token < tokens.size() && (IsTag(tokens[token], "VBD") || IsTag(tokens[token], "VBZ") ||
                                   IsTag(tokens[token], "VBP") || IsTag(tokens[token], "MD"));
}

// "it was time to", "it is premature to", "it became clear that": "it"
// before a form of "be" (or become, seem) and an adjective or "time" names
// nothing ("it was attacked", "it was temporarily suspending" do).
bool ActorResolver::IsExpletiveIt(uint32_t token) const {
  const auto& tokens = sentence_->tokens;
  if (word_keys_.folded[token] != "it" || token + 2 >= tokens.size()) return false;
  uint32_t verb = token + 1;
  if (tokens[verb].tag == "MD") {  // "it would be", "it will not be"
    ++verb;
    while (verb + 2 < tokens.size() && tokens[verb].tag == "RB") ++verb;
  }
  const std::string_view lemma = lemma_keys_.folded[verb];
  if (lemma != "be" && lemma != "become" && lemma != "seem" && lemma != "appear") return false;
  uint32_t next = verb + 1;
  // "not immediately possible"; "it is not enough to" (an adverb here)
  while (next + 1 < tokens.size() && tokens[next].tag == "RB" && word_keys_.folded[next] != "enough") ++next;
  const std::string_view word = word_keys_.folded[next];
  return tokens[next].tag.starts_with("JJ") || word == "time" || word == "enough";
}

std::optional<Actor> ActorResolver::ResolvePronoun(uint32_t token) const {
  const std::string_view folded = word_keys_.folded[token];
  bool person = IsPersonalPronoun(folded);
  if (!person && !IsGroupPronoun(folded)) return std::nullopt;
  if (IsExpletiveIt(token)) return std::nullopt;
  // Nearest earlier mention in this sentence first, then earlier sentences;
  // an unknown name in between blocks both. Every lookup here is a binary
  // search or a walk back from the pronoun: a run-on sentence has
  // thousands of pronouns and matches.
  auto block_after_last_before = [&](const std::vector<uint32_t>& starts) {
    auto it = std::lower_bound(starts.begin(), starts.end(), token);
    return it == starts.begin() ? 0u : *std::prev(it) + 1;
  };
  uint32_t blocked_before = block_after_last_before(person ? unknown_names_ : unknown_groups_);
  // The matches that end at or before the pronoun: [matches_.begin(), before).
  const auto before = std::partition_point(matches_.begin(), matches_.end(),
                                           [&](const lexicon::ActorMatch& m) { return m.last <= token; });
  if (person) {
    // "The US President, who ..., told The Sun he feels unwelcome": a
    // singular title is a person too. After the last named person it is
    // the nearer antecedent: with a country word it is that country's
    // office holder, without one an unknown person who blocks the rest.
    const lexicon::AgentMatch* title = nullptr;
    auto agents_before = std::partition_point(agent_matches_.begin(), agent_matches_.end(),
                                              [&](const lexicon::AgentMatch& a) { return a.last <= token; });
    for (auto it = agents_before; it != agent_matches_.begin();) {
      --it;
      const std::string& tag = sentence_->tokens[it->last - 1].tag;
      if (tag == "NN" || tag == "NNP") {
        title = &*it;
        break;
      }
    }
    if (title) {
      bool named_after_title = false;  // a known person between the title and the pronoun
      for (auto it = before; it != matches_.begin();) {
        --it;
        if (it->last <= title->first) break;
        if (actors_.entries()[it->entry].person) {
          named_after_title = true;
          break;
        }
      }
      if (!named_after_title) {
        if (const lexicon::ActorMatch* country = MatchEndingAt(title->first)) {
          auto code = actors_.Resolve(country->entry, date_);
          if (code && code->size() == 3 && IsNational(*code)) {
            Actor actor = MakeActor(*code + title->sector, -1, token, token + 1);
            actor.name.clear();
            return actor;
          }
        }
        blocked_before = std::max(blocked_before, title->first + 1);
      }
    }
  }
  for (auto it = before; it != matches_.begin();) {
    --it;
    if (it->first < blocked_before) return std::nullopt;
    if (actors_.entries()[it->entry].person != person) continue;
    if (IsBareAdjective(*it) || (!person && IsPlural(*it))) continue;
    auto code = actors_.Resolve(it->entry, date_);
    if (!code) continue;
    Actor actor = MakeActor(ActingCode(*it, *code), it->entry, token, token + 1);
    actor.name = actors_.entries()[it->entry].name;
    return actor;
  }
  const std::optional<Actor>& remembered = person ? last_person_ : last_group_;
  if (!remembered || blocked_before > 0) return std::nullopt;
  Actor actor = *remembered;
  actor.begin = sentence_->tokens[token].begin;
  actor.end = sentence_->tokens[token].end;
  actor.text = std::string(text_.substr(actor.begin, actor.end - actor.begin));
  return actor;
}

// "Bosnian Serbs said their forces had withdrawn", "Iraqi officials said
// their troops": "their" before an agent noun is the country of the groups
// named before it in the sentence when they are all of one country (a
// country, its people, or its state's bodies). With two countries, a
// person, an organisation or an unknown body before it, it names no one
// (returns "").
std::string ActorResolver::TheirCountry(uint32_t token) const {
  if (!unknown_groups_.empty() && unknown_groups_.front() < token) return "";
  std::string country;
  for (auto it = matches_.begin(); it != matches_.end() && it->last <= token; ++it) {
    if (actors_.entries()[it->entry].person) return "";
    if (IsBareAdjective(*it)) continue;
    auto code = actors_.Resolve(it->entry, date_);
    if (!code || code->size() != 3 || !IsNational(*code)) return "";
    // "Syrian rebels said their forces": the rebels' forces, not the state's.
    auto agent = FirstAgentFrom(it->last);
    if (agent != agent_matches_.end() && agent->first == it->last && !IsStateSector(agent->sector)) return "";
    if (!country.empty() && country != *code) return "";
    country = *code;
  }
  return country;
}

// "The pro-Iranian Hizbollah (Party of God) group declared": a phrase cut
// off by a parenthesis inside it ("group") is the name before the
// parenthesis, with the head's agent for a bare country word.
std::optional<Actor> ActorResolver::ResolveBeforeParenthesis(TokenSpan span, Role role) const {
  const auto& tokens = sentence_->tokens;
  if (span.first == 0 || !IsTag(tokens[span.first - 1], "-RRB-")) return std::nullopt;
  constexpr uint32_t kMaxInside = 8;
  uint32_t open = span.first - 1;
  while (open > 0 && span.first - open <= kMaxInside && !IsTag(tokens[open], "-LRB-")) --open;
  if (!IsTag(tokens[open], "-LRB-")) return std::nullopt;
  const lexicon::ActorMatch* name = MatchEndingAt(open);
  if (!name) return std::nullopt;
  // Not a verb's or a preposition's object cut off from its head: "the
  // coalition fighting the ISIL (ISIS) group said" is the coalition's word.
  uint32_t start = name->first;
  while (start > 0 && (IsTag(tokens[start - 1], "DT") || tokens[start - 1].tag.starts_with("JJ"))) --start;
  if (start > 0 && (tokens[start - 1].tag.starts_with("VB") || IsTag(tokens[start - 1], "IN") ||
                    IsTag(tokens[start - 1], "TO"))) {
    return std::nullopt;
  }
  auto actor = Resolve({name->first, open}, nullptr, role);
  if (!actor) return std::nullopt;
  if (const lexicon::AgentMatch* agent = AgentEnding(span); agent && actor->code.size() == 3) {
    actor->code += agent->sector;
    actor->sector = agent->sector;
  }
  return actor;
}

const lexicon::ActorMatch* ActorResolver::MatchStartingAt(uint32_t token) const {
  // Matches are in text order and do not overlap.
  auto it = std::lower_bound(matches_.begin(), matches_.end(), token,
                             [](const lexicon::ActorMatch& m, uint32_t t) { return m.first < t; });
  return it != matches_.end() && it->first == token ? &*it : nullptr;
}

const lexicon::ActorMatch* ActorResolver::MatchEndingAt(uint32_t token) const {
  auto it = std::partition_point(matches_.begin(), matches_.end(),
                                 [&](const lexicon::ActorMatch& m) { return m.last < token; });
  return it != matches_.end() && it->last == token ? &*it : nullptr;
}

// "the president of Armenia", "the mayor of the West Bank city of Nablus",
// "inspectors of the IAEA": an agent noun phrase followed by "of" and an
// actor within a few words is that actor's agent (a country's, with the
// agent's sector; an organisation's, the organisation itself). So is one
// "in" (or "based in") a country or its capital when the agent's sector is
// local ("rebels in the Ivory Coast"), and refugees and civilians "from" a
// country ("refugees from Syria": "withdrew troops from Iraq" are not
// Iraq's).
std::optional<Actor> ActorResolver::ResolveAgentOf(TokenSpan span) const {
  const auto& tokens = sentence_->tokens;
  if (span.last >= tokens.size()) return std::nullopt;
  uint32_t preposition = span.last;
  if (word_keys_.folded[preposition] == "based" && preposition + 1 < tokens.size()) ++preposition;
  const std::string_view word = word_keys_.folded[preposition];
  const bool of = word == "of" && preposition == span.last;
  if (!of && (peer_ || (word != "in" && word != "from"))) return std::nullopt;
  const lexicon::AgentMatch* agent = AgentEnding(span);
  if (!agent) return std::nullopt;
  if (word == "in" && (!IsLocalSector(agent->sector) || IsDiplomat(lemma_keys_.folded[agent->last - 1]))) {
    return std::nullopt;
  }
  if (word == "from" && agent->sector != "REF" && agent->sector != "CVL") return std::nullopt;
  constexpr uint32_t kMaxWords = 6;
  for (uint32_t t = preposition + 1; t < tokens.size() && t <= preposition + kMaxWords; ++t) {
    const std::string& tag = tokens[t].tag;
    if (tag.starts_with("VB") || tag == "MD" || tag == "," || tag == "." || tag == ":") break;
    const lexicon::ActorMatch* match = MatchStartingAt(t);
    // "in eastern Ukraine", "in the Ivory Coast"; not "leaders in support
    // of a strike at Syria".
    if (!match && !of && tag != "DT" && !tag.starts_with("JJ")) break;
    if (!match) continue;
    auto code = actors_.Resolve(match->entry, date_);
    if (!code) return std::nullopt;
    const bool country = code->size() == 3 && IsNational(*code);
    if (!of && !country) return std::nullopt;  // "officials in the UN"
    std::string combined = country ? *code + agent->sector : *code;
    return MakeActor(combined, match->entry, span.first, match->last);
  }
  return std::nullopt;
}

// "the ministry", "the army", "the country": an agent (or country noun)
// after "the", with no name of its own, refers to the one country the
// document has named so far. With two or more countries named it stays
// unresolved: a wrong actor is worse than none.
std::optional<Actor> ActorResolver::ResolveDefinite(TokenSpan span) const {
  const auto& tokens = sentence_->tokens;
  if (span.size() < 2 || word_keys_.folded[span.first] != "the") return std::nullopt;
  const uint32_t head = span.last - 1;
  for (uint32_t t = span.first + 1; t < span.last; ++t) {
    if (tokens[t].tag == "NNP" || tokens[t].tag == "NNPS") return std::nullopt;
  }
  std::string sector;
  const std::string_view head_word = word_keys_.folded[head];
  bool country_noun = head_word == "country" || head_word == "nation";
  if (const lexicon::AgentMatch* agent = AgentEnding(span); agent && agent->first > span.first) {
    sector = agent->sector;
  }
  // Only a state's own bodies ("the ministry", "the army", "the police"):
  // "the rebels" or "the terrorist group" in a report naming one country
  // are as often that country's enemies as its own.
  if (!sector.empty() && !IsStateSector(sector)) return std::nullopt;
  if (sector.empty() && !country_noun) return std::nullopt;
  std::vector<std::string> countries = countries_;
  for (const auto& match : matches_) {
    if (match.last > span.first || countries.size() > 1) break;  // two countries already: ambiguous
    if (auto code = actors_.Resolve(match.entry, date_)) AddCountry(countries, *code);
  }
  if (countries.size() != 1) return std::nullopt;
  Actor actor = MakeActor(countries[0] + sector, -1, span.first, span.last);
  actor.name = "";
  return actor;
}

// "praised the efficiency of the drones" after "Turkish drones": a definite
// noun phrase whose head an earlier sentence qualified with exactly one
// country refers to that country's thing. Only for targets (Role::kTarget).
std::optional<Actor> ActorResolver::ResolveCountryThing(TokenSpan span) const {
  const auto& tokens = sentence_->tokens;
  if (span.size() < 2 || word_keys_.folded[span.first] != "the") return std::nullopt;
  for (uint32_t t = span.first + 1; t < span.last; ++t) {
    if (tokens[t].tag == "NNP" || tokens[t].tag == "NNPS") return std::nullopt;
  }
  auto it = country_things_.find(lemma_keys_.folded[span.last - 1]);
  if (it == country_things_.end() || it->second.empty()) return std::nullopt;
  return MakeActor(it->second, -1, span.first, span.last);
}

// "Russian President Boris Yeltsin", "President Obama", "opposition leader
// Navalny": a title the text gives a person says what the person was when
// the text was written, which beats the dictionary's dated roles (a story
// without a date, a date outside the known terms, a title the dictionary
// lacks). The country is a country word before the title, else the
// country of the person's role of that kind, else of the role on the date.
std::optional<std::string> ActorResolver::TitledPerson(const lexicon::ActorMatch& person, TokenSpan span,
                                                       const std::optional<std::string>& dated_code) const {
  // "Secretary-General Lord Carrington" in 1987 heads NATO: a title does
  // not move an organisation's officer back to an earlier national office
  // (without a date, the organisation's role is only the latest one: see
  // below).
  const bool organisation_officer = dated_code && dated_code->size() > 3 && !IsNational(*dated_code);
  if (organisation_officer && date_) return std::nullopt;
  // The title: an agent inside the name ("President Obama" as one phrase),
  // else the one right before it.
  const lexicon::AgentMatch* title = nullptr;
  for (auto it = FirstAgentFrom(person.first); it != agent_matches_.end() && it->last <= person.last; ++it) {
    title = &*it;
  }
  if (!title) title = AgentEnding({span.first, person.first});
  if (!title) return std::nullopt;
  // "Ayatollah Ali Khamenei", "Mullah Baradar": a religious title is a form
  // of address; the person's dated office says what he is.
  if (title->sector == "REL" && dated_code && dated_code->size() > 3) return std::nullopt;
  // The country word qualifies the title directly: "Russian President",
  // "Russia's president" (not "the US commander in Iraq, General X").
  std::string country;
  auto in_span = [&](const lexicon::ActorMatch* match) { return match && match->first >= span.first; };
  const lexicon::ActorMatch* qualifier = MatchEndingAt(title->first);
  if (!in_span(qualifier) && title->first > 0 && sentence_->tokens[title->first - 1].tag == "POS") {
    qualifier = MatchEndingAt(title->first - 1);
  }
  if (in_span(qualifier)) {
    auto code = actors_.Resolve(qualifier->entry, date_);
    // "European Council President Donald Tusk", "White House Chief of Staff
    // Denis McDonough": a title of a body, not of a country, says nothing
    // of the person's national office; the dated role stands.
    if (!code || code->size() != 3) return std::nullopt;
    country = *code;
  }
  // "Dutch Prime Minister Mark Rutte" in a report without a date: a
  // country's title beats the person's latest role at NATO; a bare title
  // does not.
  if (organisation_officer && country.empty()) return std::nullopt;
  if (country.empty()) {
    for (const lexicon::ActorRole& role : actors_.entries()[person.entry].roles) {
      if (role.code.size() >= 6 && role.code.substr(3, 3) == title->sector) country = role.code.substr(0, 3);
    }
  }
  if (country.empty() && dated_code && IsNational(*dated_code)) country = dated_code->substr(0, 3);
  if (country.empty()) return std::nullopt;
  return country + title->sector;
}

std::optional<Actor> ActorResolver::Resolve(TokenSpan span, std::string* how, Role role) const {
  if (span.empty() || !sentence_) return std::nullopt;
  // The most specific dictionary entry in the span: one whose code carries a
  // role (a person, an organisation) beats a bare country word.
  const lexicon::ActorMatch* best = nullptr;
  std::string best_code;
  // Matches are ordered and do not overlap (first and last both ascend):
  // those inside the span are a run starting at the first match that
  // starts in it. A binary search keeps long sentences from going quadratic.
  auto from = std::lower_bound(matches_.begin(), matches_.end(), span.first,
                               [](const lexicon::ActorMatch& m, uint32_t t) { return m.first < t; });
  // A name the chunker cut ("North" read as an adverb leaves the phrase
  // "Korea"): a dictionary phrase that ends inside the span counts.
  if (from != matches_.begin() && std::prev(from)->last > span.first) --from;
  const uint32_t destination = DiplomatDestination(span);
  for (auto it = from; it != matches_.end() && it->last <= span.last; ++it) {
    const lexicon::ActorMatch& match = *it;
    const bool person = actors_.entries()[match.entry].person;
    // "the U.S. ambassador to the United Nations" is the US's.
    if (match.first >= destination && !person) continue;
    auto code = actors_.Resolve(match.entry, date_);
    // "UN Ambassador Nikki Haley", "U.S. Ambassador to the U.N. Nikki
    // Haley": a person who ends the phrase is its head; the body or
    // country in the title before the name only qualifies the title. Only
    // a person in office on the document's date (not "Republican
    // challenger Mitt Romney", the party's; without a date the role is a
    // guess), and not a surname after a first name the entry lacks
    // ("Janet A. Napolitano" is not Giorgio Napolitano).
    const bool head_person = !peer_ && person && date_ && code && !code->ends_with("ELI") &&
                             match.last == span.last && !UnknownFirstName(match, span);
    if (person) {
      if (auto titled = TitledPerson(match, span, code)) code = titled;
    }
    if (!code) continue;
    bool has_role = code->size() > 3;
    if (!best || (has_role && best_code.size() <= 3) || head_person) {
      best = &match;
      best_code = *code;
    }
  }
  if (!best) {
    // A pronoun standing for the whole phrase, or as the possessor of an
    // agent noun ("its forces", "his government"); "his action" names no
    // actor ("his Israeli counterpart" has a country word: handled above).
    for (uint32_t t = span.first; t < span.last; ++t) {
      const std::string& tag = sentence_->tokens[t].tag;
      if (tag == "PRP") {
        if (auto actor = ResolvePronoun(t)) {
          if (how) *how = "pronoun";
          return actor;
        }
      } else if (tag == "PRP$" && role != Role::kTarget) {
        // (Not for targets: "Armenia recalled its ambassador" acts on itself.)
        const lexicon::AgentMatch* agent = AgentEnding(span);
        if (!agent || agent->first <= t) continue;
        std::string country;
        if (word_keys_.folded[t] == "their") {
          country = TheirCountry(t);
        } else if (auto owner = ResolvePronoun(t); owner && IsNational(owner->code)) {
          country = owner->country;
        }
        if (country.empty()) continue;
        Actor actor = MakeActor(country + agent->sector, -1, t, span.last);
        if (how) *how = "pronoun's agent";
        return actor;
      }
    }
    if (auto actor = ResolveAgentOf(span)) {
      if (how) *how = "agent of an actor";
      return actor;
    }
    if (auto actor = ResolveBeforeParenthesis(span, role)) {
      if (how) *how = "name before a parenthesis";
      return actor;
    }
    // "the mayor of X" names X's mayor, not an earlier country's.
    const bool followed_by_of = span.last < sentence_->tokens.size() && word_keys_.folded[span.last] == "of";
    if (auto actor = followed_by_of ? std::nullopt : ResolveDefinite(span)) {
      if (how) *how = "definite description";
      return actor;
    }
    if (role == Role::kTarget) {
      if (auto actor = ResolveCountryThing(span)) {
        if (how) *how = "earlier country-qualified noun";
        return actor;
      }
    }
    return std::nullopt;
  }
  uint32_t first = best->first, last = best->last;
  std::string code = best_code;
  if (const lexicon::ActorMatch* qualifier = OtherCountryQualifying(*best, span, code)) {
    code = actors_.Resolve(qualifier->entry, date_)->substr(0, 3) + code.substr(3);
    first = qualifier->first;
  }
  // "former President X", "the ousted president", "a retired US general":
  // no longer in office.
  bool former = false;
  for (uint32_t t = span.first; t < span.last; ++t) {
    const std::string_view word = word_keys_.folded[t];
    former |= word == "former" || word == "ousted" || word == "deposed" || word == "retired";
  }
  // Country word + agent: "Azeri forces" -> AZEMIL. The agent after the
  // country word is the head ("Radical French farmers" are farmers); the
  // peers' agent files put prefixes first ("MSF Arnor diplomat").
  const lexicon::AgentMatch* agent = nullptr;
  for (auto it = FirstAgentFrom(span.first); it != agent_matches_.end() && it->first < span.last; ++it) {
    if (it->last > span.last) continue;
    // A word of the name itself is no agent: "Soviet Union" is not a union.
    if (it->first < best->last && it->last > best->first) continue;
    // A noun: "demonstrators in Bangladesh during a general strike" are no generals.
    const bool head = it->first >= best->last && sentence_->tokens[it->last - 1].tag.starts_with("NN");
    if (!agent || (!peer_ && head && agent->first < best->first)) agent = &*it;
  }
  if (code.size() == 3 && agent) {
    code += agent->sector;
    first = std::min(first, agent->first);
    last = std::max(last, agent->last);
    if (how) *how = "country+agent";
  } else if (!peer_ && code.starts_with("IGO") && agent && agent->first >= best->last && agent->sector == "MIL" &&
             !code.ends_with("MIL")) {
    // "UN peacekeepers", "NATO troops": the organisation's forces, coded
    // as its peacekeeping missions are (IGOUNOMIL).
    code += agent->sector;
    last = std::max(last, agent->last);
    if (how) *how = "organisation+agent";
  } else if (!peer_ && code.size() == 3 && IsNational(code) && best->last == span.last) {
    if (IsPeoplePlural(*best, code)) {
      code += "CVL";
      if (how) *how = "people's plural";
    } else if (role != Role::kTarget && !AfterLocativePreposition(best->first) && ActingCode(*best, code) != code) {
      // As a target a capital is as often the city ("shelled Kabul"), and
      // after "in" it is a place ("donors in Tokyo who will be asked").
      code = ActingCode(*best, code);
      if (how) *how = "capital as government";
    }
  } else if (how && best_code.size() > 3) {
    *how = "dictionary";
  }
  if (former && code.size() >= 3) code = code.substr(0, 3) + "ELI";
  // "ethnic Albanians in southern Serbia", "ethnic Serb rebels": a people
  // of the state it lives in, which its country word does not name; an
  // actor of its role alone, for the pipeline to place where it happened.
  if (!peer_ && best->first > 0 && word_keys_.folded[best->first - 1] == "ethnic" && IsNational(code.substr(0, 3))) {
    if (how) *how = "ethnic group";
    return RoleActor("", code.size() > 3 ? std::string_view(code).substr(3) : "CVL", {first, last});
  }
  return MakeActor(code, best->entry, first, last);
}

// "ambassador to the UN", "envoy to Syria": the first token after a
// diplomat's "to" within the span (whose names are where the diplomat is
// sent, not whose diplomat), or span.last when there is none.
uint32_t ActorResolver::DiplomatDestination(TokenSpan span) const {
  if (peer_) return span.last;
  for (auto it = FirstAgentFrom(span.first); it != agent_matches_.end() && it->last < span.last; ++it) {
    if (word_keys_.folded[it->last] == "to" && IsDiplomat(lemma_keys_.folded[it->last - 1])) return it->last;
  }
  return span.last;
}

// "Janet A. Napolitano", "Glen Bolger": a name word right before a
// person's phrase that no entry or title takes (an initial counts; a
// title's abbreviation such as "Sen." or "Gen." does not).
bool ActorResolver::UnknownFirstName(const lexicon::ActorMatch& person, TokenSpan span) const {
  if (person.first <= span.first) return false;
  const uint32_t before = person.first - 1;
  if (sentence_->tokens[before].tag != "NNP" || MatchEndingAt(person.first)) return false;
  if (AgentEnding({span.first, person.first})) return false;
  const std::string_view word = word_keys_.folded[before];
  return !(word.size() >= 3 && word.back() == '.');
}

bool ActorResolver::AfterLocativePreposition(uint32_t token) const {
  if (token == 0) return false;
  const std::string_view word = word_keys_.folded[token - 1];
  return word == "in" || word == "at" || word == "near" || word == "inside" || word == "outside";
}

// "the Peruvian Congress", "Brazil's Congress": a country word right before
// a body the dictionary knows as another country's ("Congress" is the US
// one) names that country's body of the same kind. Returns the country
// word's match, or nullptr.
const lexicon::ActorMatch* ActorResolver::OtherCountryQualifying(const lexicon::ActorMatch& body, TokenSpan span,
                                                                   const std::string& code) const {
  if (peer_ || actors_.entries()[body.entry].person) return nullptr;
  if (code.size() <= 3 || !IsNational(code) || body.first == 0) return nullptr;
  const lexicon::ActorMatch* qualifier = MatchEndingAt(body.first);
  if (!qualifier && sentence_->tokens[body.first - 1].tag == "POS") qualifier = MatchEndingAt(body.first - 1);
  if (!qualifier || qualifier->first < span.first) return nullptr;
  auto country = actors_.Resolve(qualifier->entry, date_);
  if (!country || country->size() != 3 || !IsNational(*country) || *country == code.substr(0, 3)) return nullptr;
  return qualifier;
}

// "Berlin rejected", "Moscow said", "it" after "Washington": a capital
// that acts is its government. Other codes are returned as they are.
std::string ActorResolver::ActingCode(const lexicon::ActorMatch& match, const std::string& code) const {
  const bool capital = actors_.entries()[match.entry].file.ends_with("capitals.txt");
  return !peer_ && capital && code.size() == 3 && IsNational(code) ? code + "GOV" : code;
}

// "100 Palestinians", "many Egyptians", "thousands of Venezuelans": a
// people's plural (one word that is another phrase of the same country
// with an "s", not the country's own name as "Philippines" next to
// "Philippine") that counts or describes people names civilians. A bare
// one is as often the country's side ("accused Americans of", "talks
// between Israelis and Palestinians") and stays the country.
bool ActorResolver::IsPeoplePlural(const lexicon::ActorMatch& match, const std::string& code) const {
  if (match.last != match.first + 1 || match.first == 0) return false;
  const std::string_view word = word_keys_.folded[match.first];
  if (word.size() < 4 || word.back() != 's') return false;
  const auto& tokens = sentence_->tokens;
  auto counts = [&](uint32_t t) { return tokens[t].tag == "CD" || tokens[t].tag.starts_with("JJ"); };
  const uint32_t before = match.first - 1;
  // "thousands of Nigerians", "scores of Palestinians"
  const bool quantity = word_keys_.folded[before] == "of" && before > 0 &&
                        (tokens[before - 1].tag == "CD" || syntax::IsQuantityNoun(lemma_keys_.folded[before - 1]));
  if (!counts(before) && !quantity) return false;
  if (util::AsciiLower(actors_.entries()[match.entry].name) == word) return false;
  return actors_.Lookup(word.substr(0, word.size() - 1), date_) == code;
}

std::vector<Actor> ActorResolver::ResolveAll(TokenSpan span,
                                             const std::vector<TokenSpan>& noun_phrases,
                                             Role role) const {
  const auto& tokens = sentence_->tokens;
  // Noun phrases and dictionary matches are in text order and do not
  // overlap, so binary searches find them: a long list of names stays
  // linear-logarithmic.
  auto starts_np = [&](uint32_t t) {
    auto it = std::lower_bound(noun_phrases.begin(), noun_phrases.end(), t,
                               [](const TokenSpan& s, uint32_t k) { return s.first < k; });
    return it != noun_phrases.end() && it->first == t ? it : noun_phrases.end();
  };
  // Whether a dictionary phrase ends just before token t / starts at t.
  auto match_ends_at = [&](uint32_t t) {
    auto it = std::lower_bound(matches_.begin(), matches_.end(), t,
                               [](const lexicon::ActorMatch& m, uint32_t k) { return m.last < k; });
    return it != matches_.end() && it->last == t;
  };
  auto match_starts_at = [&](uint32_t t) { return MatchStartingAt(t) != nullptr; };
  // Conjuncts inside the span: "Armenia and Azerbaijan" is two actors, and
  // so is "Indian and Pakistani officials".
  // "Armenia, Russia and Iran": commas separate the members of a list that
  // ends in "and"; without one, a comma more often opens an apposition
  // ("Erdogan, Turkey's president").
  bool list = false;
  for (uint32_t t = span.first; t < span.last; ++t) list |= tokens[t].norm == "and";
  std::vector<Actor> actors;
  std::vector<bool> bare_modifier;  // per actor: a conjunct ending in its country word ("Indian", "US")
  std::string last_how;
  bool last_opens_with_name = false;  // the last conjunct starts with its country word
  uint32_t piece = span.first;
  for (uint32_t t = span.first; t <= span.last; ++t) {
    bool cut = t == span.last ||
               (tokens[t].norm == "and" &&
                (starts_np(t + 1) != noun_phrases.end() || (match_ends_at(t) && match_starts_at(t + 1)))) ||
               (tokens[t].norm == "," && list && starts_np(t + 1) != noun_phrases.end());
    if (!cut) continue;
    last_how.clear();
    last_opens_with_name = match_starts_at(piece);
    if (auto actor = Resolve({piece, t}, &last_how, role)) {
      // The country word ends the conjunct ("Indian", "senior Indian").
      bare_modifier.push_back(actor->code.size() == 3 && actor->end == tokens[t - 1].end);
      actors.push_back(*actor);
    }
    piece = t + 1;
  }
  // "Indian and Pakistani officials", "US and British activists": the
  // agent noun after the last conjunct's country word belongs to the lone
  // country words before it ("Riverland and the government of X" keeps
  // Riverland as it is).
  if (actors.size() >= 2 && last_how == "country+agent" && last_opens_with_name && actors.back().code.size() == 6) {
    const std::string sector = actors.back().code.substr(3);
    for (size_t i = 0; i + 1 < actors.size(); ++i) {
      if (!bare_modifier[i]) continue;
      actors[i].code += sector;
      actors[i].sector = sector;
    }
  }
  // Conjuncts after it: "attacked Georgia and Ukraine". Only "and"
  // coordinates: a bare comma more often opens an apposition ("Erdogan,
  // Turkey's president") than a list, unless phrases between commas end
  // in "and" one: "signed by Britain, France, Germany and Russia".
  uint32_t t = span.last;
  bool comma_list = false;
  for (uint32_t k = t; k + 1 < tokens.size() && tokens[k].norm == ",";) {
    if (tokens[k + 1].norm == "and") {
      comma_list = k > t;
      break;
    }
    auto np = starts_np(k + 1);
    if (np == noun_phrases.end() || np->last >= tokens.size()) break;
    k = np->last;
    if (tokens[k].norm == "and") {
      comma_list = true;
      break;
    }
  }
  while (t + 1 < tokens.size()) {
    uint32_t next = t + 1;
    if (tokens[t].norm == "," && tokens[next].norm == "and") {
      ++next;
    } else if (tokens[t].norm != "and" && !(comma_list && tokens[t].norm == ",")) {
      break;
    }
    auto np = starts_np(next);
    if (np == noun_phrases.end()) break;
    // "..., and Japan said": after a comma, a phrase followed by its verb
    // opens a clause ("talks between A and B resumed" has no comma).
    bool verb_follows = np->last < tokens.size() &&
                        (tokens[np->last].tag.starts_with("VB") || tokens[np->last].tag == "MD");
    if (verb_follows && tokens[t].norm == ",") break;
    auto actor = Resolve(*np, nullptr, role);
    if (!actor) break;
    actors.push_back(*actor);
    t = np->last;
  }
  return actors;
}

}  // namespace dyad::coder
