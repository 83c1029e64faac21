#include "coder/peer_events.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "syntax/clause_finder.h"
#include "util/strings.h"

namespace dyad::coder {
namespace {

// How many other words may stand between two elements of a pattern that
// are not joined by '_' (the peers allow any number within their phrase).
constexpr uint32_t kMaxGap = 8;

class PeerSentenceCoder {
 public:
  PeerSentenceCoder(const Sentence& sentence, const SentenceAnalysis& analysis,
                    const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                    std::string_view text, const PeerOptions& options, bool explain)
      : sentence_(sentence),
        analysis_(analysis),
        actors_(actors),
        verbs_(verbs),
        text_(text),
        options_(options),
        explain_(explain),
        words_(actors.word_keys().folded),
        lemmas_(actors.lemma_keys().folded),
        petrarch1_(verbs.peer() && !verbs.verbs_anywhere() && !verbs.keeps_compound_actors()),
        agent_alone_country_(petrarch1_               ? "---"
                             : verbs.verbs_anywhere() ? "~"
                                                      : "") {}

  SentenceEvents Run() {
    for (size_t c = 0; c < analysis_.clauses.size(); ++c) CodeClause(c);
    if (!HasDyad()) CodeDictionaryVerbs();
    return std::move(out_);
  }

 private:
  struct Binding {
    TokenSpan source, target;
    uint32_t first = 0, last = 0;  // the stretch of tokens the pattern matched
    uint32_t words = 0;            // how many of them are pattern words
  };

  template <typename... Args>
  void Explain(fmt::format_string<Args...> format, Args&&... args) {
    if (explain_) out_.explanation.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  std::string SpanText(TokenSpan span) const {
    if (span.empty()) return "";
    const auto& t = sentence_.tokens;
    return std::string(
        text_.substr(t[span.first].begin, t[span.last - 1].end - t[span.first].begin));
  }

  uint32_t size() const { return static_cast<uint32_t>(sentence_.tokens.size()); }

  // Whether the word `key` ("contribut*" is a stem) is token k.
  bool WordIs(uint32_t k, std::string_view key) const {
    if (key.ends_with('*')) {
      key.remove_suffix(1);
      return words_[k].starts_with(key) || lemmas_[k].starts_with(key);
    }
    return words_[k] == key || lemmas_[k] == key;
  }

  // Whether the phrase (words separated by blanks) stands at tokens
  // [k, k + n); returns n, or 0.
  uint32_t PhraseAt(uint32_t k, std::string_view phrase) const {
    uint32_t n = 0;
    for (std::string_view word : util::Split(phrase, ' ')) {
      if (word.empty()) continue;
      if (k + n >= size() || !WordIs(k + n, word)) return 0;
      ++n;
    }
    return n;
  }

  const TokenSpan* NounPhraseStartingAt(uint32_t k) const {
    for (const TokenSpan& np : analysis_.noun_phrases) {
      if (np.first == k) return &np;
    }
    return nullptr;
  }
  const TokenSpan* NounPhraseContaining(uint32_t k) const {
    for (const TokenSpan& np : analysis_.noun_phrases) {
      if (np.Contains(k)) return &np;
    }
    return nullptr;
  }
  const TokenSpan* NounPhraseEndingAt(uint32_t k) const {  // last token k
    for (const TokenSpan& np : analysis_.noun_phrases) {
      if (np.last == k + 1) return &np;
    }
    return nullptr;
  }

  bool IsActor(const TokenSpan& np) const { return Resolve(np).has_value(); }

  // The actor a span names; with PETRARCH-1 and TABARI files, an agent
  // noun alone names one too ("a senior official" -> ---GOV, ~GOV), as
  // those peers code it (AgentAlone).
  std::optional<Actor> Resolve(TokenSpan span,
                               ActorResolver::Role role = ActorResolver::Role::kAny) const {
    if (auto actor = actors_.Resolve(span, nullptr, role)) {
      StackAgents(*actor, span);
      return actor;
    }
    return AgentAlone(span);
  }
  std::vector<Actor> ResolveAll(TokenSpan span, ActorResolver::Role role) const {
    std::vector<Actor> actors = actors_.ResolveAll(span, analysis_.noun_phrases, role);
    if (actors.size() == 1) StackAgents(actors[0], span);
    if (!actors.empty()) return actors;
    // Agents alone, one per conjunct: "priests and deputies".
    uint32_t piece = span.first;
    for (uint32_t t = span.first; t <= span.last; ++t) {
      if (t < span.last && !IsConjunction(t) && words_[t] != ",") continue;
      if (auto agent = AgentAlone({piece, t})) actors.push_back(std::move(*agent));
      piece = t + 1;
    }
    return actors;
  }
  std::optional<Actor> AgentAlone(TokenSpan span) const {
    if (agent_alone_country_.empty() || span.empty()) return std::nullopt;
    for (const lexicon::AgentMatch& agent : actors_.agent_matches()) {
      if (agent.first < span.first || agent.last > span.last) continue;
      Actor actor;
      actor.code = agent_alone_country_ + agent.sector;
      actor.country = agent_alone_country_;
      actor.sector = agent.sector;
      const auto& tokens = sentence_.tokens;
      actor.begin = tokens[span.first].begin;
      actor.end = tokens[span.last - 1].end;
      actor.text = SpanText(span);
      return actor;
    }
    return std::nullopt;
  }

  // The peers add the code of every agent of a noun phrase to its actor
  // ("an MSF Riverland diplomat": RVL, NGO~ and GOV -> NGORVLGOV); the
  // resolver gives one. The others, outside the words it used and not yet
  // in the code, are added here.
  void StackAgents(Actor& actor, TokenSpan span) const {
    const auto& tokens = sentence_.tokens;
    for (const lexicon::AgentMatch& agent : actors_.agent_matches()) {
      if (agent.first < span.first || agent.last > span.last || agent.first >= agent.last) continue;
      bool inside =
          tokens[agent.first].begin >= actor.begin && tokens[agent.last - 1].end <= actor.end;
      std::string_view sector = agent.sector;
      while (sector.ends_with('~')) sector.remove_suffix(1);
      if (inside || sector.empty() || actor.code.find(sector) != std::string::npos) continue;
      // "the Danish media and government" are two actors, not one.
      bool coordinated = false;
      for (uint32_t t = span.first; t < span.last; ++t) {
        coordinated |= IsConjunction(t) || words_[t] == ",";
      }
      if (coordinated) continue;
      if (!agent.sector.ends_with('~')) {
        actor.code += agent.sector;
      } else if (actor.code.size() >= 3 && actor.code.find('~') == std::string::npos) {
        actor.code.insert(3, agent.sector);  // before the country (PutSectorFirst)
      }
    }
  }

  // PETRARCH-1's new_actor_length: a phrase that names no actor, of at
  // most that many words ("'s" and punctuation left out), is an actor coded
  // by its words: "the Weather Office" -> "THE WEATHER OFFICE" in quotes.
  std::optional<Actor> NewActor(TokenSpan span) const {
    if (options_.new_actor_length <= 0 || span.empty()) return std::nullopt;
    const auto& tokens = sentence_.tokens;
    if (tokens[span.first].tag.starts_with("PRP")) return std::nullopt;  // "they"
    std::string name;
    int words = 0;
    for (uint32_t t = span.first; t < span.last; ++t) {
      if (tokens[t].tag == "POS" || words_[t].empty() ||
          !std::isalnum(static_cast<unsigned char>(words_[t][0]))) {
        continue;
      }
      if (!name.empty()) name += ' ';
      for (char c : SpanText({t, t + 1})) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ++words;
    }
    if (words == 0 || words > options_.new_actor_length) return std::nullopt;
    Actor actor;
    actor.code = "\"" + name + "\"";
    actor.begin = tokens[span.first].begin;
    actor.end = tokens[span.last - 1].end;
    actor.text = SpanText(span);
    return actor;
  }

  // The first noun phrase after the verb within [from, limit), with an
  // "of" phrase that follows it ("the Office of Weather"): where a new
  // actor is looked for when no actor follows the verb.
  TokenSpan FirstNounPhraseAfter(uint32_t from, uint32_t limit) const {
    for (const TokenSpan& np : analysis_.noun_phrases) {
      if (np.first < from || np.last > limit) continue;
      TokenSpan span = np;
      if (span.last + 1 < limit && words_[span.last] == "of") {
        const TokenSpan* more = NounPhraseStartingAt(span.last + 1);
        if (more && more->last <= limit) span.last = more->last;
      }
      return span;
    }
    return {};
  }

  // A sector that goes before the country ("NGO~", peer agent files):
  // ARN + NGO~ -> NGOARN; NGO + NGO~ stays NGO.
  static void PutSectorFirst(Actor& actor) {
    size_t mark = actor.code.find('~');
    if (mark == std::string::npos || mark < 3) return;
    std::string sector = actor.code.substr(3, mark - 3);
    std::string owner = actor.code.substr(0, 3);
    actor.code = (sector == owner ? "" : sector) + owner + actor.code.substr(mark + 1);
    actor.sector = actor.sector.substr(0, actor.sector.find('~'));
  }

  // One actor per member of a compound actor code ("LWA/LWB"), unless
  // the dictionary's peer keeps them whole; sectors put first where the
  // agent file says so.
  std::vector<Actor> SplitCompounds(std::vector<Actor> actors) const {
    for (Actor& actor : actors) PutSectorFirst(actor);
    if (verbs_.keeps_compound_actors()) return actors;
    std::vector<Actor> out;
    for (Actor& actor : actors) {
      if (actor.code.find('/') == std::string::npos) {
        out.push_back(std::move(actor));
        continue;
      }
      for (std::string_view part : util::Split(actor.code, '/')) {
        Actor member = actor;
        member.code = std::string(part);
        member.country = member.code.substr(0, 3);
        member.sector = member.code.size() >= 6 ? member.code.substr(3, 3) : "";
        out.push_back(std::move(member));
      }
    }
    return out;
  }

  bool IsConjunction(uint32_t t) const {
    return words_[t] == "and" || words_[t] == "or" || words_[t] == "nor";
  }

  // Whether tokens a and b, which a pattern wants adjacent, are separated
  // only by a coordinated word: "death and injury toll" is a death toll.
  bool CoordinatedBetween(uint32_t a, uint32_t b) const {
    return b == a + 3 && IsConjunction(a + 1) &&
           std::isalpha(static_cast<unsigned char>(words_[a + 2][0]));
  }

  // The actors of a noun phrase and of the list it stands in: "Riverland,
  // Lakeland, Marshland and Hill Country", "neither A nor B". A comma alone makes no list
  // (it more often opens an apposition): the series must close with a
  // conjunction.
  std::vector<Actor> ResolveList(TokenSpan span, ActorResolver::Role role) const {
    bool conjoined = false;
    for (uint32_t t = span.first; t < span.last; ++t) conjoined |= IsConjunction(t);
    std::vector<TokenSpan> items;
    // Leftwards: "NP ," or "NP (,) and" before the span ("old Riverland, the
    // small Lakeland, and Hill Country").
    for (uint32_t first = span.first; first >= 2;) {
      uint32_t end = first;  // one past the separator's start
      bool conjunction = IsConjunction(end - 1);
      if (conjunction) --end;
      if (end >= 2 && words_[end - 1] == ",") --end;
      if (end == first || end == 0) break;
      const TokenSpan* np = NounPhraseEndingAt(end - 1);
      if (!np || !Resolve(*np, role)) break;
      conjoined |= conjunction;
      items.insert(items.begin(), *np);
      first = np->first;
    }
    items.push_back(span);
    // Rightwards: ", NP" and a closing "(,) and NP".
    std::vector<TokenSpan> right;
    for (uint32_t t = span.last; t < size();) {
      uint32_t next = t;
      bool comma = words_[next] == ",";
      if (comma) ++next;
      bool conjunction = next < size() && IsConjunction(next);
      if (conjunction) ++next;
      if (!comma && !conjunction) break;
      const TokenSpan* np = next < size() ? NounPhraseStartingAt(next) : nullptr;
      if (!np || !Resolve(*np, role)) break;
      // "..., and Japan said": a phrase followed by its verb opens a clause.
      if (comma && np->last < size() && sentence_.tokens[np->last].tag.starts_with("VB")) break;
      right.push_back(*np);
      t = np->last;
      if (conjunction) {
        conjoined = true;
        break;
      }
    }
    if (!conjoined) return SplitCompounds(ResolveAll(span, role));
    items.insert(items.end(), right.begin(), right.end());
    // "The envoys of Riverland, Lakeland and Marshland", "lawmakers in A and
    // B": the role the head
    // noun gives the first member (ARN -> ARNGOV) goes to every member.
    std::string role_code;
    std::vector<std::string> role_codes;  // role_code and those of coordinated head nouns
    const uint32_t from = items.front().first >= 2 ? items.front().first - 2 : 0;
    for (uint32_t p = std::max<uint32_t>(from, 1); p + 1 < items.front().last && role_code.empty();
         ++p) {
      if (words_[p] != "of" && words_[p] != "in" && words_[p] != "from") continue;
      const TokenSpan* agent = NounPhraseEndingAt(p - 1);
      const TokenSpan* member = NounPhraseStartingAt(p + 1);
      if (!agent || !member) continue;
      // Only a head noun that opens the list: "Riverland and the government of
      // Lakeland" gives Riverland no role ("lawmakers and officials in A" do).
      bool opens = true;
      for (const TokenSpan& np : analysis_.noun_phrases) {
        if (np.first < items.front().first || np.first >= agent->first) continue;
        auto actor = actors_.Resolve(np, nullptr, role);
        if (actor && !actor->country.empty()) opens = false;
      }
      if (!opens) continue;
      auto alone = actors_.Resolve(*member, nullptr, role);
      auto whole = actors_.Resolve({agent->first, member->last}, nullptr, role);
      if (alone && whole && whole->code.size() > alone->code.size() &&
          whole->code.starts_with(alone->code)) {
        role_code = whole->code.substr(alone->code.size());
        role_codes.push_back(role_code);
        // "Lawmakers and officials in A and B": each head noun of the
        // coordination gives its role (ALEG, AGOV, BLEG, BGOV).
        for (const lexicon::AgentMatch& other : actors_.agent_matches()) {
          if (other.first < items.front().first || other.last > agent->first) continue;
          bool coordinated = other.last < agent->first && IsConjunction(agent->first - 1);
          if (coordinated && other.sector != role_code) role_codes.push_back(other.sector);
        }
      }
    }
    if (role_codes.empty()) role_codes.push_back("");
    std::vector<Actor> actors;
    for (const TokenSpan& item : items) {
      for (const Actor& member : ResolveAll(item, role)) {
        // The member as named, without the role the resolver gave it.
        std::string base = member.code;
        if (!role_code.empty() && base.ends_with(role_code) && base.size() > role_code.size()) {
          base.resize(base.size() - role_code.size());
        }
        for (const std::string& code : role_codes) {
          Actor actor = member;
          if (!code.empty() && !base.ends_with(code)) {
            actor.code = base + code;
            if (actor.sector.empty() || base.size() <= 3) actor.sector = code.substr(0, 3);
          }
          bool known = std::any_of(actors.begin(), actors.end(),
                                   [&](const Actor& a) { return a.code == actor.code; });
          if (!known) actors.push_back(std::move(actor));
        }
      }
    }
    return SplitCompounds(std::move(actors));
  }

  // Elements after the verb, from element i on, after token `pos`, before `limit`.
  bool MatchAfter(const lexicon::VerbPattern& p, size_t i, uint32_t pos, uint32_t limit,
                  Binding& b) const {
    if (i == p.elements.size()) {
      b.last = pos;
      return true;
    }
    const auto& e = p.elements[i];
    const bool adjacent = e.adjacent && !e.words.empty();
    uint32_t end = !adjacent ? std::min(limit, pos + 2 + kMaxGap)
                   : e.coordinated ? std::min(limit, pos + 4)
                                   : std::min(limit, pos + 2);
    for (uint32_t k = pos + 1; k < end; ++k) {
      if (adjacent && k != pos + 1 && !CoordinatedBetween(pos, k)) continue;
      if (!e.words.empty()) {
        // The head of a {noun phrase} is no verb: "{TO SUPPLY}" is not
        // "(an accord) to supply".
        if (e.coordinated && sentence_.tokens[k].tag.starts_with("VB")) continue;
        for (const std::string& phrase : e.words) {
          uint32_t n = PhraseAt(k, phrase);
          if (n && k + n <= limit && MatchAfter(p, i + 1, k + n - 1, limit, b)) {
            b.words += n;
            return true;
          }
        }
        continue;
      }
      const TokenSpan* np = NounPhraseStartingAt(k);
      // "* THEIR ^ ABOUT +": a word of the pattern may open the phrase
      // '^' skips ("their citizens"); the skip takes the rest of it.
      if (!np && e.skip && i > 0 && !p.elements[i - 1].words.empty()) np = NounPhraseContaining(k);
      if (!np || np->last > limit) continue;
      if (e.skip) {
        if (MatchAfter(p, i + 1, np->last - 1, limit, b)) return true;
        return false;  // '^' skips the next noun phrase, not any
      }
      auto phrase = ActorPhraseAt(*np, limit);
      if (!phrase) continue;
      TokenSpan& slot = e.source ? b.source : b.target;
      TokenSpan saved = slot;
      slot = *phrase;
      if (MatchAfter(p, i + 1, phrase->last - 1, limit, b)) return true;
      slot = saved;
    }
    return false;
  }

  // The actor named by the noun phrase `np`, or by a dictionary name that
  // starts there and runs past the chunk ("the Duke | of | Hill Country"):
  // the longest such span, or nullopt.
  std::optional<TokenSpan> ActorPhraseAt(const TokenSpan& np, uint32_t limit) const {
    const auto& tokens = sentence_.tokens;
    for (uint32_t end = std::min(limit, np.first + 8); end > np.last; --end) {
      auto actor = actors_.Resolve({np.first, end});
      if (actor && actor->end == tokens[end - 1].end && actor->begin >= tokens[np.first].begin &&
          actor->begin < tokens[np.last - 1].end) {
        return TokenSpan{np.first, end};
      }
    }
    if (IsActor(np)) return np;
    return std::nullopt;
  }

  // Elements before the verb, nearest first, before token `pos`.
  bool MatchBefore(const lexicon::VerbPattern& p, size_t i, uint32_t pos, Binding& b) const {
    if (i == p.before.size()) {
      b.first = pos;
      return true;
    }
    const auto& e = p.before[i];
    // UD-PETRARCH looks before the verb only for noun phrases and slots:
    // its suite codes "Neither A nor B boycotted" and "X recently allowed"
    // without the patterns "NEITHER *" and "RECENTLY *", and "indicated it
    // deplored" without "INDICATED *".
    if (verbs_.keeps_compound_actors() && !e.words.empty() && !e.noun_phrase) return false;
    const bool adjacent = e.adjacent && !e.words.empty();
    uint32_t gap = !adjacent ? kMaxGap : e.coordinated ? 2 : 0;
    for (uint32_t d = 0; d <= gap && d + 1 <= pos; ++d) {
      uint32_t k = pos - 1 - d;  // the last token of the element
      if (adjacent && d != 0 && !CoordinatedBetween(k, pos)) continue;
      if (!e.words.empty()) {
        for (const std::string& phrase : e.words) {
          uint32_t n = static_cast<uint32_t>(std::count(phrase.begin(), phrase.end(), ' ') + 1);
          if (n > k + 1) continue;
          if (PhraseAt(k + 1 - n, phrase) == n && MatchBefore(p, i + 1, k + 1 - n, b)) {
            b.words += n;
            return true;
          }
        }
        continue;
      }
      const TokenSpan* np = NounPhraseEndingAt(k);
      if (!np) continue;
      if (e.skip) return MatchBefore(p, i + 1, np->first, b);
      if (!IsActor(*np)) continue;
      // The last conjunct of the subject ("Riverland and Lakeland have") stands
      // for the whole subject, so that compounds resolve in full.
      TokenSpan span = *np;
      if (subject_.Contains(np->first)) span = subject_;
      TokenSpan& slot = e.source ? b.source : b.target;
      TokenSpan saved = slot;
      slot = span;
      if (MatchBefore(p, i + 1, std::min(span.first, np->first), b)) return true;
      slot = saved;
    }
    return false;
  }

  // The first noun phrase after the verb, within [from, limit), that names
  // an actor other than the sources: the peers' default target.
  TokenSpan FirstActorAfter(uint32_t from, uint32_t limit,
                            const std::vector<Actor>& sources) const {
    // "..., a senior official said": past a comma, the subject of another
    // clause is no longer in the verb's phrase.
    auto usable = [&](TokenSpan span) {
      bool comma = false;
      for (uint32_t t = head_ + 1; t < span.first && !comma; ++t) comma = words_[t] == ",";
      if (comma && IsSomeSubject(span)) return false;
      // The peers do not resolve pronouns: "its embassy" names no target.
      if (sentence_.tokens[span.first].tag.starts_with("PRP")) return false;
      auto actor = Resolve(span, ActorResolver::Role::kTarget);
      return actor && std::none_of(sources.begin(), sources.end(),
                                   [&](const Actor& s) { return s.code == actor->code; });
    };
    for (const TokenSpan& np : analysis_.noun_phrases) {
      if (np.first >= from && np.last <= limit && usable(np)) return np;
    }
    // A dictionary phrase the chunker split ("Port Landing" with
    // "Landing" read as a verb) is still an actor's name.
    for (uint32_t k = from; k < limit; ++k) {
      if (!sentence_.tokens[k].tag.starts_with("NNP")) continue;
      for (uint32_t n = std::min<uint32_t>(4, limit - k); n >= 2; --n) {
        if (usable({k, k + n})) return {k, k + n};
      }
    }
    return {};
  }

  void DropEventsOfVerbsIn(TokenSpan span) {
    for (size_t i = out_.events.size(); i-- > 0;) {
      if (event_heads_[i] == head_ || !span.Contains(event_heads_[i])) continue;
      const Event& e = out_.events[i];
      Explain("  replaces event {} of verb '{}'", e.cameo, e.verb_text);
      seen_.erase(fmt::format("{}>{}:{}", e.source.code, e.target ? e.target->code : "", e.cameo));
      out_.events.erase(out_.events.begin() + i);
      out_.clauses.erase(out_.clauses.begin() + i);
      event_heads_.erase(event_heads_.begin() + i);
    }
  }

  // Where the first clause after the verb `head` begins (its predicate),
  // or `limit`.
  uint32_t NextClauseStart(uint32_t head, uint32_t limit) const {
    for (const Clause& c : analysis_.clauses) {
      if (c.head > head && c.predicate.first > head) limit = std::min(limit, c.predicate.first);
    }
    return limit;
  }

  // TABARI's DEFAULT: command (PeerOptions): without PRIOR the first
  // target may be the source, without AFTER the second member of a
  // compound source the target; a side still empty takes the default code.
  void ApplyDefaults(std::vector<Actor>& sources, std::vector<Actor>& targets,
                     const Event& like) {
    if (sources.empty() && !targets.empty() && !options_.default_source_prior) {
      sources.push_back(targets.front());
      targets.erase(targets.begin());
    }
    if (targets.empty() && sources.size() >= 2 && !options_.default_target_after) {
      targets.assign(sources.begin() + 1, sources.end());
      sources.resize(1);
    }
    auto coded = [&](const std::string& code) {
      Actor actor;
      actor.code = code;
      actor.begin = actor.end = like.verb_begin;  // named by no words: at the verb
      return actor;
    };
    if (sources.empty() && !options_.default_source.empty()) {
      Explain("  source: the default {}", options_.default_source);
      sources.push_back(coded(options_.default_source));
    }
    if (targets.empty() && !options_.default_target.empty()) {
      Explain("  target: the default {}", options_.default_target);
      targets.push_back(coded(options_.default_target));
    }
  }

  // Whether an event with both a source and a target was coded.
  bool HasDyad() const {
    return std::any_of(out_.events.begin(), out_.events.end(),
                       [](const Event& e) { return e.target.has_value(); });
  }

  bool IsSomeSubject(const TokenSpan& np) const {
    return std::any_of(analysis_.clauses.begin(), analysis_.clauses.end(), [&](const Clause& c) {
      return c.head != head_ && c.subject.Contains(np.first);
    });
  }

  // Adds the event source -> target (nullopt: an event without a target).
  void Add(const Actor& source, const std::optional<Actor>& target, const std::string& code,
           const Event& like) {
    const std::string target_code = target ? target->code : "";
    if (code.empty() || code == "---" || source.code == target_code) return;
    std::string key = fmt::format("{}>{}:{}", source.code, target_code, code);
    if (!seen_.insert(key).second) return;
    Event event = like;
    event.source = source;
    event.target = target;
    event.cameo = code;
    Explain("  event {} {} -> {} (pattern {})", code, source.code, target ? target_code : "(none)",
            event.pattern);
    out_.events.push_back(std::move(event));
    out_.clauses.push_back(current_clause_);
    event_heads_.push_back(head_);
  }

  void CodeClause(size_t c) {
    current_clause_ = static_cast<int>(c);
    CodeClause(analysis_.clauses[c]);
  }

  // TABARI has no parser: any word of its verb dictionary is a verb, with
  // the sentence's first actor before it as the source. When no clause
  // coded anything, such words are tried as the heads of clauses that run
  // from the sentence's first actor to its end. With PETRARCH files (whose
  // coder parses) only a dictionary verb right after an actor is tried: the
  // tagger may have missed a verb there ("Riverland and Lakeland welcome ...").
  void CodeDictionaryVerbs() {
    for (uint32_t t = 0; t < size() && !HasDyad(); ++t) {
      bool head = std::any_of(analysis_.clauses.begin(), analysis_.clauses.end(),
                              [&](const Clause& c) { return c.head == t; });
      if (head || verbs_.ForPeerVerb(words_[t], lemmas_[t]).empty()) continue;
      // Auxiliaries may stand between the actor and the verb ("A Riverlander
      // was shot"), and the chunker may have put the verb into the actor's
      // noun phrase ("Riverland actuality from Lakeland"): the words before it
      // are the actor.
      uint32_t start = t;
      while (start > 0 && IsAuxiliary(start - 1)) --start;
      TokenSpan before;
      for (const TokenSpan& np : analysis_.noun_phrases) {
        TokenSpan part{np.first, std::min(np.last, start)};
        if (part.last == start && !part.empty() && IsActor(part)) before = part;
      }
      if (!verbs_.verbs_anywhere() && before.empty()) continue;
      Clause clause;
      clause.head = t;
      clause.predicate = {start, t + 1};
      // "was shot": a form of "be" before a participle makes a passive.
      for (uint32_t a = start; a < t; ++a) {
        if (lemmas_[a] == "be" && sentence_.tokens[t].tag != "VBG") clause.voice = Voice::kPassive;
      }
      clause.extent = {0, size()};
      for (const TokenSpan& np : analysis_.noun_phrases) {
        TokenSpan part{np.first, std::min(np.last, t)};
        if (!part.empty() && part.last <= t && IsActor(part)) {
          clause.subject = part;
          break;
        }
      }
      if (clause.subject.empty()) continue;
      current_clause_ = -1;
      CodeClause(clause);
    }
  }

  bool IsAuxiliary(uint32_t t) const {
    const std::string& tag = sentence_.tokens[t].tag;
    const std::string_view lemma = lemmas_[t];
    return tag == "MD" || tag == "RB" || lemma == "be" || lemma == "have" || lemma == "do";
  }

  void CodeClause(const Clause& clause) {
    const uint32_t head = clause.head;
    head_ = head;
    const Token& verb = sentence_.tokens[head];
    for (const TokenSpan& span : covered_) {
      if (span.Contains(head)) {
        Explain("verb '{}': part of the pattern coded above", verb.norm);
        return;
      }
    }
    std::vector<int> candidates = verbs_.ForPeerVerb(words_[head], lemmas_[head]);
    if (candidates.empty()) {
      Explain("verb '{}' ({}): not in the verb dictionary", verb.norm, verb.lemma);
      return;
    }
    // A bare participle after its subject with no "be" and no by-agent
    // ("X broken down with Y") is read as the peers read it: active.
    bool be = false;
    for (uint32_t t = clause.predicate.first; t < clause.predicate.last && t < size(); ++t) {
      be |= lemmas_[t] == "be" || lemmas_[t] == "get";
    }
    subject_ = syntax::EffectiveSubject(analysis_, clause);
    const uint32_t limit = std::max(clause.extent.last, head + 1);
    // The peers match a pattern over the whole verb phrase, complement
    // clauses included ("allowed that Lakeland is not a very pleasant
    // place"): up to the first comma after the clause.
    uint32_t phrase_end = limit;
    while (phrase_end < size() && words_[phrase_end] != ",") ++phrase_end;
    // PETRARCH-1 knows a passive by the "by" in its verb phrase: without
    // one ("X was criticized over Y") the subject is the source, as in the
    // active.
    bool by = !clause.agent.empty();
    for (uint32_t t = head + 1; t < phrase_end && !by; ++t) by = words_[t] == "by";
    const bool passive =
        clause.voice == Voice::kPassive && (be || !clause.agent.empty()) && (!petrarch1_ || by);
    auto matches = [&](int index, Binding& binding) {
      const lexicon::VerbPattern& pattern = verbs_.pattern(index);
      return MatchAfter(pattern, 0, head, phrase_end, binding) &&
             MatchBefore(pattern, 0, head, binding);
    };
    for (size_t c = 0; c < candidates.size(); ++c) {
      Binding binding;
      if (!matches(candidates[c], binding)) continue;
      // Of equally specific patterns, the one that matched more words:
      // "austrian gold florin" is a match of "&RARECOINS" before one of
      // "&MONEY" by "florin" alone.
      int index = candidates[c];
      for (size_t d = c + 1; d < candidates.size() &&
                             verbs_.pattern(candidates[d]).specificity ==
                                 verbs_.pattern(index).specificity;
           ++d) {
        Binding other;
        if (matches(candidates[d], other) && other.words > binding.words) {
          binding = other;
          index = candidates[d];
        }
      }
      const lexicon::VerbPattern& pattern = verbs_.pattern(index);
      covered_.push_back({binding.first, binding.last + 1});
      // "SAID WOULD * NOW": the pattern spans an earlier verb, whose own
      // event it replaces.
      DropEventsOfVerbsIn({binding.first, binding.last + 1});
      if (pattern.code == "---") {
        Explain("verb '{}': pattern {} codes nothing", verb.norm, pattern.id);
        return;
      }
      Explain("verb '{}' ({}): pattern {} [{}]", verb.norm, verb.lemma, pattern.id, pattern.code);
      // "after leaving X", "before signing Y": a gerund after a preposition
      // has no subject in the peers' parses, so it only codes with a '$'.
      // (TABARI has no parser: its source is the sentence's first actor.)
      const bool bare_gerund = !verbs_.verbs_anywhere() && clause.subject.empty() &&
                               verb.tag == "VBG" && head > 0 &&
                               sentence_.tokens[head - 1].tag == "IN";
      TokenSpan source_span = !binding.source.empty() ? binding.source
                              : passive               ? clause.agent
                              : bare_gerund           ? TokenSpan{}
                                                      : syntax::EffectiveSubject(analysis_, clause);
      // UD-PETRARCH: a passive without a by-agent takes the first actor
      // after the verb as the source ("X was criticized over its dispute
      // with Y": Y -> X).
      // Only within the verb's own words: in "X was seen to attack Y" Y
      // belongs to "attack".
      if (passive && source_span.empty() && verbs_.keeps_compound_actors()) {
        source_span = FirstActorAfter(head + 1, NextClauseStart(head, limit), {});
      }
      std::vector<Actor> sources = source_span.empty()
                                       ? std::vector<Actor>{}
                                       : ResolveList(source_span, ActorResolver::Role::kAny);
      if (sources.empty()) {
        if (auto actor = NewActor(source_span)) sources.push_back(std::move(*actor));
      }
      // TABARI's default actors (ApplyDefaults) serve only a sentence's
      // first event, as TABARI codes one verb a sentence ("..., a senior
      // official said" gets none), and no pronoun subject, which names a
      // source dyad leaves unresolved here.
      const bool pronoun = !source_span.empty() &&
                           sentence_.tokens[source_span.first].tag.starts_with("PRP");
      const bool defaults =
          (!options_.default_source.empty() || !options_.default_target.empty()) && !HasDyad();
      if (sources.empty() && (!defaults || pronoun)) {
        Explain("  no source actor");
        return;
      }
      Event like;
      like.modality = clause.negated ? Modality::kNegated : clause.modality;
      like.verb_text = verb.norm;
      like.verb_begin = verb.begin;
      like.verb_end = verb.end;
      like.pattern = pattern.id;
      like.confidence = 0.5 + 0.05 * std::min(pattern.specificity, 6);
      if (pattern.compound) {
        // '%': the members of the compound act on one another.
        if (sources.size() < 2) {
          covered_.pop_back();
          continue;
        }
        for (const Actor& a : sources) {
          for (const Actor& b : sources) {
            if (&a != &b) Add(a, b, pattern.code, like);
          }
        }
        return;
      }
      TokenSpan target_span = binding.target;
      if (target_span.empty()) {
        // The peers take the first actor of the whole verb phrase, which
        // includes complement clauses ("believes Lakeland can cope").
        target_span = passive ? syntax::EffectiveSubject(analysis_, clause)
                              : FirstActorAfter(head + 1, limit, sources);
        if (target_span.empty() && !passive)
          target_span = FirstActorAfter(limit, phrase_end, sources);
      }
      std::vector<Actor> targets;
      if (!target_span.empty()) {
        targets = ResolveList(target_span, ActorResolver::Role::kTarget);
        Explain("  target '{}'", SpanText(target_span));
      } else if (!passive) {
        if (auto actor = NewActor(FirstNounPhraseAfter(head + 1, limit))) {
          Explain("  target '{}': a new actor", actor->text);
          targets.push_back(std::move(*actor));
        }
      }
      if (defaults) ApplyDefaults(sources, targets, like);
      if (sources.empty()) {
        Explain("  no source actor");
        return;
      }
      // With PETRARCH-2's ontology a negated clause codes the negated event.
      std::string code = pattern.code, reverse = pattern.reverse_code;
      if (clause.negated && !verbs_.NegatedCode(code).empty()) {
        code = verbs_.NegatedCode(code);
        reverse = reverse.empty() ? "" : verbs_.NegatedCode(reverse);
        like.modality = clause.modality;
      }
      if (targets.empty()) {
        // With PETRARCH-1, a verb without an object ("X said on Monday")
        // makes an event without a target, which PETRARCH-1 codes when its
        // require_dyad option is off (the scorer drops it for records that
        // keep it on). A verb whose object names no actor stays uncoded, and
        // UD-PETRARCH's suite expects no such event from a verb without one.
        if (!petrarch1_ || !clause.object.empty()) {
          Explain("  no target actor");
          return;
        }
        Explain("  no target actor: an event without a target");
        for (const Actor& s : sources) Add(s, std::nullopt, code, like);
        return;
      }
      for (const Actor& s : sources) {
        for (const Actor& t : targets) {
          Add(s, t, code, like);
          if (!reverse.empty()) Add(t, s, reverse, like);
        }
      }
      return;
    }
    Explain("verb '{}' ({}): no pattern matched", verb.norm, verb.lemma);
  }

  const Sentence& sentence_;
  const SentenceAnalysis& analysis_;
  const ActorResolver& actors_;
  const lexicon::VerbDictionary& verbs_;
  std::string_view text_;
  const PeerOptions& options_;
  bool explain_;
  const lexicon::KeyList& words_;   // per token, its folded word
  const lexicon::KeyList& lemmas_;  // and its folded lemma
  // PETRARCH-1 files (neither TABARI's nor with PETRARCH-2's ontology):
  // agent-only actors, events without a target, passives by "by".
  const bool petrarch1_;
  // What stands for the country of an agent named alone: PETRARCH-1
  // "---GOV", TABARI "~GOV"; "" (PETRARCH-2): such an agent names no actor.
  const std::string agent_alone_country_;
  TokenSpan subject_;                       // of the clause being coded
  uint32_t head_ = 0;                       // its verb
  std::vector<TokenSpan> covered_;
  std::set<std::string> seen_;
  std::vector<uint32_t> event_heads_;  // per event, the verb that coded it
  int current_clause_ = -1;
  SentenceEvents out_;
};

}  // namespace

SentenceEvents BuildPeerEvents(const Sentence& sentence, const SentenceAnalysis& analysis,
                               const ActorResolver& actors, const lexicon::VerbDictionary& verbs,
                               std::string_view text, const PeerOptions& options, bool explain) {
  return PeerSentenceCoder(sentence, analysis, actors, verbs, text, options, explain).Run();
}

}  // namespace dyad::coder
