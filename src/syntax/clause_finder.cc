// How the clause finder reads a sentence
//
// It is a shallow, rule-based parser in four passes over the tagged tokens,
// each linear in the sentence length:
//
//  1. Base noun phrases: maximal runs of determiners, adjectives, numbers,
//     nouns and possessives ("the Azeri military", "Turkey 's support",
//     "its political and military support").
//  2. Verb groups: auxiliaries, adverbs and negation up to the main verb and
//     its particles ("have reportedly captured", "was also accused",
//     "broke out"). Each group becomes a Clause with voice, negation and
//     modality read off the group.
//  3. Subjects. A finite verb takes the noun phrase before it (through "of"
//     chains and appositions: "the owner of the company, Selcuk Bayraktar,
//     expressed"); after "and" it shares the previous clause's subject. An
//     infinitive takes the object of the verb that governs it ("leading
//     Armenia to recall") or that verb's subject ("decided to recall"). A
//     participle takes the noun phrase right before it ("Erdogan calling
//     on", "drones owned by"), the subject of the verb it complements
//     ("accused of selling", "admitted using"), or, after a comma, the
//     subject of the clause it modifies.
//  4. Arguments and frames: object, prepositional phrases, the by-agent of
//     passives, each clause's extent (up to the next clause with a subject of
//     its own), reporting frames ("X said that", "..., X said", "according to
//     X") and nominal predicates (nouns with possessors and prepositions).
//
// The rules are about English grammar, not about particular sentences; the
// coder decides what a clause means.
#include "syntax/clause_finder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <queue>
#include <string_view>

namespace dyad::syntax {
namespace {

bool In(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsNoun(std::string_view tag) { return tag.size() >= 2 && tag[0] == 'N' && tag[1] == 'N'; }
bool IsProperNoun(std::string_view tag) { return tag == "NNP" || tag == "NNPS"; }
bool IsAdjective(std::string_view tag) { return tag == "JJ" || tag == "JJR" || tag == "JJS"; }
bool IsVerb(std::string_view tag) { return (tag.size() >= 2 && tag[0] == 'V' && tag[1] == 'B') || tag == "MD"; }
bool IsAdverb(std::string_view tag) { return tag == "RB" || tag == "RBR" || tag == "RBS"; }
bool IsPreposition(const Token& t) {
  const std::string_view tag = t.tag;
  return tag == "IN" || tag == "TO";
}

// Verbs after which the subject of a following infinitive or participle is
// the governing verb's object: "lead X to recall", "call on X to withdraw".
// Implicative or causative governors keep the embedded event real; others
// make it hypothetical (a demand, a plan), future, negated or denied.
Modality EmbeddedModality(std::string_view governor, Modality governing) {
  if (In(governor, {"lead", "cause", "force", "compel", "prompt", "manage", "begin", "start",
                    "continue", "help", "admit", "acknowledge", "resume", "keep"})) {
    return governing;
  }
  if (In(governor, {"fail", "refuse", "decline", "stop", "cease", "halt", "avoid", "reject"})) {
    return Modality::kNegated;
  }
  if (In(governor, {"deny"})) return Modality::kDenied;
  if (In(governor, {"accuse", "suspect", "charge", "allege", "blame"})) return Modality::kAlleged;
  if (In(governor, {"plan", "intend", "aim", "prepare", "vow", "pledge", "promise", "agree",
                    "decide", "expect", "schedule", "set"})) {
    return Modality::kFuture;
  }
  return Modality::kHypothetical;
}

bool IsReportingVerb(std::string_view lemma) {
  return In(lemma, {"say", "tell", "state", "announce", "claim", "report", "add", "note",
                    "insist", "stress", "declare", "write", "argue", "explain", "acknowledge",
                    "admit", "confirm", "assert", "reiterate", "remark", "suggest", "believe",
                    "think", "warn", "allege", "tweet", "told"});
}

class Analyzer {
 public:
  explicit Analyzer(const Sentence& sentence)
      : tokens_(sentence.tokens), n_(static_cast<uint32_t>(tokens_.size())),
        np_of_(n_, -1), clause_of_head_(n_, -1) {}

  SentenceAnalysis Run() {
    ChunkNounPhrases();
    FindVerbGroups();
    for (auto& clause : out_.clauses) FindObject(clause);
    for (size_t c = 0; c < out_.clauses.size(); ++c) FindSubject(c);
    ResolveForwardSubjects();
    SetExtents();
    FindReportingFrames();
    FindNominals();
    return std::move(out_);
  }

 private:
  // Views, not strings: comparing a std::string with a literal calls memcmp
  // whatever the lengths (libstdc++ 12), a string_view compares sizes first.
  std::string_view Lemma(uint32_t i) const { return tokens_[i].lemma; }
  std::string_view Lower(uint32_t i) const { return tokens_[i].lemma.empty() ? tokens_[i].norm : tokens_[i].lemma; }
  std::string_view Tag(uint32_t i) const { return tokens_[i].tag; }

  bool InsideNp(uint32_t j, uint32_t start) const {
    const std::string_view tag = Tag(j);
    if (IsNoun(tag) || IsAdjective(tag) || tag == "CD" || tag == "$") return true;
    if (tag == "POS") return j + 1 < n_ && (IsNoun(Tag(j + 1)) || IsAdjective(Tag(j + 1)) || Tag(j + 1) == "CD");
    if (tag == "DT" || tag == "PDT" || tag == "PRP$") return j == start || Tag(j - 1) == "PDT" || Tag(j - 1) == "POS";
    if ((tag == "VBN" || tag == "VBG") && j > start && j + 1 < n_) {
      return IsNoun(Tag(j + 1)) || IsAdjective(Tag(j + 1));
    }
    if (tag == "CC" && j > start && j + 1 < n_ && IsAdjective(Tag(j - 1))) {
      return IsAdjective(Tag(j + 1)) || IsNoun(Tag(j + 1));
    }
    return false;
  }

  void ChunkNounPhrases() {
    for (uint32_t i = 0; i < n_;) {
      if (Tag(i) == "PRP" || Tag(i) == "EX") {
        AddNp(i, i + 1);
        ++i;
        continue;
      }
      if (!InsideNp(i, i) || Tag(i) == "POS" || Tag(i) == "CC") {
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < n_ && InsideNp(j, i)) {
        // "Yesterday Mohamed received": a leading time word is its own phrase.
        if (j == i + 1 && In(Lower(i), {"yesterday", "today", "tomorrow", "tonight"})) break;
        ++j;
      }
      // A phrase needs a noun, number or pronoun-like head; trailing
      // adjectives ("highly effective") are predicates, not phrases.
      uint32_t end = j;
      while (end > i && !IsNoun(Tag(end - 1)) && Tag(end - 1) != "CD") --end;
      if (end > i) AddNp(i, end);
      i = std::max(j, i + 1);
    }
  }

  void AddNp(uint32_t first, uint32_t last) {
    int index = static_cast<int>(out_.noun_phrases.size());
    out_.noun_phrases.push_back({first, last});
    for (uint32_t k = first; k < last; ++k) np_of_[k] = index;
  }

  bool IsAuxiliary(uint32_t i) const {
    if (Tag(i) == "MD") return true;
    return In(Lemma(i), {"be", "have", "do", "get"}) || In(tokens_[i].norm, {"'s", "'re", "'ve", "'d", "'m"});
  }

  uint32_t SkipAdverbs(uint32_t i) const {
    while (i < n_ && (IsAdverb(Tag(i)) || In(tokens_[i].norm, {"not", "n't", "never"}))) ++i;
    return i;
  }

  void FindVerbGroups() {
    for (uint32_t i = 0; i < n_; ++i) {
      if (!IsVerb(Tag(i)) || np_of_[i] >= 0) continue;
      Clause clause;
      uint32_t start = i;
      // Adverbs directly before the group belong to it ("reportedly captured").
      while (start > 0 && IsAdverb(Tag(start - 1)) && np_of_[start - 1] < 0) --start;
      uint32_t head = i;
      bool saw_be = false;
      while (true) {
        uint32_t next = SkipAdverbs(head + 1);
        bool continues = next < n_ && IsVerb(Tag(next)) && np_of_[next] < 0 && IsAuxiliary(head);
        if (!continues) break;
        if (Lemma(head) == "be" || Lemma(head) == "get") saw_be = true;
        if (Tag(head) == "MD") clause.modality = ModalFor(head);
        head = next;
      }
      clause.head = head;
      uint32_t end = head + 1;
      while (end < n_ && Tag(end) == "RP") clause.particles.push_back(end++);
      clause.predicate = {start, end};
      for (uint32_t k = start; k < head; ++k) {
        std::string_view w = tokens_[k].norm;
        if (In(w, {"not", "n't", "never", "Not", "Never"})) clause.negated = true;
        if (In(Lower(k), {"reportedly", "purportedly"})) clause.modality = Modality::kReported;
        if (In(Lower(k), {"allegedly", "supposedly"})) clause.modality = Modality::kAlleged;
      }
      if (HasNoLonger(start, head)) clause.negated = true;
      bool participle = Tag(head) == "VBN" || Tag(head) == "VBG";
      bool bare = head == i && participle;  // no auxiliary before it
      if (Tag(head) == "VBN" && saw_be) clause.voice = Voice::kPassive;
      // A past participle with no auxiliary that takes a direct object and no
      // by-phrase is a past tense the tagger misread ("Azerbaijan released
      // footage"); otherwise it is a reduced passive ("drones owned by").
      if (bare && Tag(head) == "VBN") {
        uint32_t next = SkipAdverbs(end);
        bool has_object = next < n_ && np_of_[next] >= 0 && Tag(next) != "PRP$";
        bool by_phrase = next < n_ && tokens_[next].norm == "by";
        bool after_noun = start > 0 && (np_of_[start - 1] >= 0 || tokens_[start - 1].norm == ",");
        // "... entered the town and arrested dozens": a conjoined past tense.
        bool after_and = start > 0 && Tag(start - 1) == "CC";
        // With no object: "Azeri forces pushed forward into the territory"
        // is a past tense when no other finite verb follows for the noun
        // ("the forces deployed there were ...").
        bool finite = !by_phrase && ((has_object && (after_noun || after_and)) ||
                                     (!has_object && after_noun && !FiniteVerbFollows(end)));
        if (!finite) clause.voice = Voice::kPassive;
        if (finite) bare = false;
      }
      kinds_.push_back(bare ? Kind::kParticiple : Kind::kFinite);
      if (start > 0 && Tag(start - 1) == "TO") kinds_.back() = Kind::kInfinitive;
      clause_of_head_[head] = static_cast<int>(out_.clauses.size());
      out_.clauses.push_back(std::move(clause));
      i = end - 1;
    }
  }

  // Whether a finite verb follows before the clause is closed by ", and",
  // ", but", a semicolon or the end of the sentence.
  bool FiniteVerbFollows(uint32_t from) const {
    for (uint32_t k = from; k < n_; ++k) {
      std::string_view w = tokens_[k].norm;
      if (w == ";" || (w == "," && k + 1 < n_ && Tag(k + 1) == "CC")) return false;
      const std::string_view tag = Tag(k);
      if (tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD") return true;
    }
    return false;
  }

  bool HasNoLonger(uint32_t start, uint32_t head) const {
    for (uint32_t k = start > 0 ? start - 1 : 0; k + 1 < head; ++k) {
      if (Lower(k) == "no" && Lower(k + 1) == "longer") return true;
    }
    return false;
  }

  Modality ModalFor(uint32_t i) const {
    std::string_view w = Lower(i);
    if (In(w, {"will", "shall", "'ll", "wo"})) return Modality::kFuture;
    return Modality::kHypothetical;
  }

  // The subject span ending at the noun phrase `np`: extended left through
  // "of" chains ("the owner of the company").
  // Also takes in noun phrases coordinated before it ("Armenia and
  // Azerbaijan agreed"); the coder splits the span at "and".
  TokenSpan SubjectChainEndingAt(int np) const {
    TokenSpan span = out_.noun_phrases[np];
    while (span.first >= 2 && np_of_[span.first - 2] >= 0) {
      std::string_view link = tokens_[span.first - 1].norm;
      // "the participation of this team in the contest", "a spokesman for
      // the army", "Armenia and Azerbaijan".
      if (!In(link, {"of", "and", "for", "in", "from", "at", "on", "with", "to", "between"})) break;
      span.first = out_.noun_phrases[np_of_[span.first - 2]].first;
    }
    return span;
  }

  bool IsTimeWord(uint32_t i) const {
    std::string_view w = Lower(i);
    static constexpr std::array<std::string_view, 40> kWords = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
        "night", "week", "weekend", "month", "year", "overnight", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
        "earlier"};
    std::string lower(w);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
  }

  // Steps left over a time phrase ending at token p: an optional comma, a
  // noun phrase whose head is a time word, an optional preposition ("on",
  // "last") and comma. Returns the token before it, or p if there is none.
  uint32_t SkipTimePhraseBackward(uint32_t p) const {
    uint32_t q = p;
    if (tokens_[q].norm == "," && q > 0) --q;
    if (np_of_[q] < 0 || !IsTimeWord(out_.noun_phrases[np_of_[q]].last - 1)) return p;
    q = out_.noun_phrases[np_of_[q]].first;
    if (q == 0) return p;
    --q;
    if (IsPreposition(tokens_[q]) && q > 0) --q;
    if (tokens_[q].norm == "," && q > 0) --q;
    return q;
  }

  // Index of the nearest clause whose head is before token `i`, or -1.
  int ClauseBefore(uint32_t i) const {
    for (int c = static_cast<int>(out_.clauses.size()) - 1; c >= 0; --c) {
      if (out_.clauses[c].head < i) return c;
    }
    return -1;
  }

  int FiniteClauseBefore(size_t c) const {
    for (int k = static_cast<int>(c) - 1; k >= 0; --k) {
      if (kinds_[k] == Kind::kFinite) return k;
    }
    return -1;
  }

  void Borrow(Clause& clause, int from) {
    if (from < 0) return;
    clause.subject_from = from;
    clause.governor = from;
  }

  void FindSubject(size_t c) {
    Clause& clause = out_.clauses[c];
    uint32_t s = clause.predicate.first;
    if (s == 0) {
      if (kinds_[c] != Kind::kFinite) forward_.push_back(c);
      return;
    }
    uint32_t p = s - 1;
    if (kinds_[c] == Kind::kInfinitive) {
      // p is "to". The governing verb is the clause before it.
      int governing = ClauseBefore(p);
      if (governing < 0) return;
      const Clause& gov = out_.clauses[governing];
      clause.governor = governing;
      clause.modality = EmbeddedModality(Lemma(gov.head), gov.modality);
      if (p > 0 && np_of_[p - 1] >= 0 && out_.noun_phrases[np_of_[p - 1]].first > gov.head) {
        clause.subject = SubjectChainEndingAt(np_of_[p - 1]);
      } else {
        Borrow(clause, governing);
      }
      return;
    }
    if (kinds_[c] == Kind::kParticiple) {
      const Token& before = tokens_[p];
      if (IsPreposition(before)) {
        int governing = ClauseBefore(p);
        if (governing < 0) {
          forward_.push_back(c);
          return;
        }
        const Clause& gov = out_.clauses[governing];
        clause.governor = governing;
        clause.modality = EmbeddedModality(Lemma(gov.head), gov.modality);
        bool accuse = clause.modality == Modality::kAlleged;
        if (accuse && gov.voice == Voice::kActive && !gov.object.empty()) {
          clause.subject = gov.object;
        } else {
          Borrow(clause, governing);
        }
        return;
      }
      if (np_of_[p] >= 0) {
        clause.subject = SubjectChainEndingAt(np_of_[p]);
        return;
      }
      if (before.norm == "," && clause.voice == Voice::kPassive && p > 0 && np_of_[p - 1] >= 0) {
        clause.subject = SubjectChainEndingAt(np_of_[p - 1]);
        return;
      }
      if (before.norm == ",") {
        Borrow(clause, FiniteClauseBefore(c));
        return;
      }
      if (clause_of_head_[p] >= 0) {  // "admitted using": the verb right before
        const Clause& gov = out_.clauses[clause_of_head_[p]];
        clause.modality = EmbeddedModality(Lemma(gov.head), gov.modality);
        Borrow(clause, clause_of_head_[p]);
      }
      return;
    }
    // Finite verb. A time phrase between subject and verb ("France on
    // Wednesday accused", "Israel, last week, said") is not the subject,
    // nor is a floating quantifier ("Teams from Iran both had").
    p = SkipTimePhraseBackward(p);
    if (p > 0 && In(Lower(p), {"both", "all", "each"}) && np_of_[p] < 0) --p;
    const Token& before = tokens_[p];
    if (before.tag == "WDT" || before.tag == "WP" || (before.norm == "that" && p > 0 && np_of_[p - 1] >= 0)) {
      uint32_t q = p;
      if (q > 0 && tokens_[q - 1].norm == ",") --q;
      if (q > 0 && np_of_[q - 1] >= 0) clause.subject = out_.noun_phrases[np_of_[q - 1]];
      return;
    }
    if (np_of_[p] >= 0) {
      TokenSpan span = SubjectChainEndingAt(np_of_[p]);
      // Apposition before the subject: "the owner of X, Selcuk Bayraktar,".
      clause.subject = span;
      return;
    }
    if (before.norm == "," && p > 0 && np_of_[p - 1] >= 0) {
      TokenSpan inner = SubjectChainEndingAt(np_of_[p - 1]);
      if (inner.first >= 2 && tokens_[inner.first - 1].norm == "," && np_of_[inner.first - 2] >= 0) {
        TokenSpan outer = SubjectChainEndingAt(np_of_[inner.first - 2]);
        clause.subject = {outer.first, inner.last};
        return;
      }
      Borrow(clause, FiniteClauseBefore(c));
      return;
    }
    if (before.tag == "CC" || before.norm == ",") {
      Borrow(clause, FiniteClauseBefore(c));
    }
  }

  // Sentence-initial participles ("Following talks with X, Armenia said")
  // take the subject of the first finite clause after them.
  void ResolveForwardSubjects() {
    for (size_t c : forward_) {
      for (size_t k = c + 1; k < out_.clauses.size(); ++k) {
        if (kinds_[k] == Kind::kFinite && !out_.clauses[k].subject.empty()) {
          out_.clauses[c].subject_from = static_cast<int>(k);
          break;
        }
      }
    }
  }

  void FindObject(Clause& clause) {
    uint32_t k = SkipAdverbs(clause.predicate.last);
    if (k < n_ && np_of_[k] >= 0 && out_.noun_phrases[np_of_[k]].first == k) {
      clause.object = out_.noun_phrases[np_of_[k]];
    }
  }

  // A clause reaches from its subject (or verb group) to the next clause that
  // has a subject of its own, or to a colon, semicolon, quote or relative
  // pronoun, whichever comes first.
  void SetExtents() {
    for (size_t c = 0; c < out_.clauses.size(); ++c) {
      Clause& clause = out_.clauses[c];
      uint32_t begin = clause.subject.empty() ? clause.predicate.first
                                              : std::min(clause.subject.first, clause.predicate.first);
      uint32_t end = n_;
      for (size_t k = c + 1; k < out_.clauses.size(); ++k) {
        const Clause& later = out_.clauses[k];
        if (kinds_[k] == Kind::kFinite && !later.subject.empty() && later.subject.first > clause.head) {
          end = later.subject.first;
          break;
        }
        // A conjoined predicate ("entered the town and arrested ...") ends
        // this clause at its conjunction.
        uint32_t before = later.predicate.first;
        if (kinds_[k] == Kind::kFinite && later.subject.empty() && before > clause.head + 1 &&
            (Tag(before - 1) == "CC" || tokens_[before - 1].norm == ",")) {
          end = before - 1;
          break;
        }
      }
      for (uint32_t t = clause.predicate.last; t < end; ++t) {
        std::string_view w = tokens_[t].norm;
        if (w == ";" || w == ":" || w == "\"" || Tag(t) == "WDT" || Tag(t) == "WP") {
          end = t;
          break;
        }
      }
      clause.extent = {begin, std::max(end, clause.predicate.last)};
      // The by-agent of a passive stands before any later verb: in "are
      // thought to be ..., used by the military", "by" belongs to "used".
      uint32_t next_verb = n_;
      for (size_t k = c + 1; k < out_.clauses.size(); ++k) {
        if (out_.clauses[k].predicate.first > clause.head) {
          next_verb = out_.clauses[k].predicate.first;
          break;
        }
      }
      for (uint32_t t = clause.predicate.last; t + 1 < clause.extent.last; ++t) {
        if (!IsPreposition(tokens_[t]) || np_of_[t + 1] < 0) continue;
        const TokenSpan& np = out_.noun_phrases[np_of_[t + 1]];
        if (np.first != t + 1) continue;
        clause.obliques.push_back({t, np});
        if (tokens_[t].norm == "by" && clause.voice == Voice::kPassive && clause.agent.empty() && t < next_verb) {
          clause.agent = np;
        }
      }
    }
  }

  void MarkReported(size_t from, size_t to, TokenSpan speaker) {
    for (size_t k = from; k < to; ++k) {
      Clause& clause = out_.clauses[k];
      if (!clause.reported_by.empty()) continue;
      clause.reported_by = speaker;
      if (clause.modality == Modality::kAsserted) clause.modality = Modality::kReported;
    }
  }

  void FindReportingFrames() {
    const size_t count = out_.clauses.size();
    for (size_t c = 0; c < count; ++c) {
      Clause& frame = out_.clauses[c];
      if (!IsReportingVerb(Lemma(frame.head)) || frame.voice == Voice::kPassive) continue;
      TokenSpan speaker = EffectiveSubject(out_, frame);
      uint32_t after = SkipAdverbs(frame.predicate.last);
      // "said on Monday that ...": a time phrase before the complement.
      if (after + 1 < n_ && IsPreposition(tokens_[after]) && np_of_[after + 1] >= 0) {
        const TokenSpan& np = out_.noun_phrases[np_of_[after + 1]];
        if (np.first == after + 1 && IsTimeWord(np.last - 1)) after = np.last;
      }
      bool complement = after < n_ && (In(tokens_[after].norm, {"that", ":", "\""}) ||
                                       (c + 1 < count && kinds_[c + 1] == Kind::kFinite &&
                                        !out_.clauses[c + 1].subject.empty() &&
                                        out_.clauses[c + 1].subject.first == after));
      if (complement && !speaker.empty()) {
        MarkReported(c + 1, count, speaker);
        continue;
      }
      // "..., X said." / "..., said X." at the end of the sentence.
      bool last = c + 1 == count;
      if (!last) continue;
      if (speaker.empty() && after < n_ && np_of_[after] >= 0) {
        // "..., said Ambassador Mohib.": the speaker follows the verb.
        speaker = out_.noun_phrases[np_of_[after]];
        frame.subject = speaker;
        frame.object = {};
      }
      uint32_t lead = speaker.empty() ? frame.predicate.first : std::min(speaker.first, frame.predicate.first);
      if (!speaker.empty() && lead > 0 && In(tokens_[lead - 1].norm, {",", "\""})) MarkReported(0, c, speaker);
    }
    // "according to X" anywhere in the sentence.
    for (uint32_t t = 0; t + 2 < n_; ++t) {
      std::string_view word = tokens_[t].norm;
      if ((word == "according" || word == "According") && tokens_[t + 1].norm == "to" &&
          np_of_[t + 2] >= 0) {
        MarkReported(0, count, out_.noun_phrases[np_of_[t + 2]]);
        break;
      }
    }
  }

  // For each noun phrase, the last clause (highest index) whose extent
  // contains the phrase's head, or -1. A sweep over the heads in order with
  // a heap of the clauses begun so far, instead of scanning every clause
  // for every phrase (quadratic in a long sentence).
  std::vector<int> ClauseOfNounHeads() const {
    const std::vector<Clause>& clauses = out_.clauses;
    std::vector<size_t> by_first(clauses.size());
    std::iota(by_first.begin(), by_first.end(), size_t{0});
    std::sort(by_first.begin(), by_first.end(), [&](size_t a, size_t b) {
      return clauses[a].extent.first < clauses[b].extent.first;
    });
    std::vector<size_t> by_head(out_.noun_phrases.size());
    std::iota(by_head.begin(), by_head.end(), size_t{0});
    auto head = [&](size_t np) { return out_.noun_phrases[np].last - 1; };
    std::stable_sort(by_head.begin(), by_head.end(),
                     [&](size_t a, size_t b) { return head(a) < head(b); });
    std::vector<int> clause_of(out_.noun_phrases.size(), -1);
    std::priority_queue<size_t> begun;  // clause indices, the highest on top
    size_t next = 0;
    for (size_t np : by_head) {
      const uint32_t h = head(np);
      while (next < by_first.size() && clauses[by_first[next]].extent.first <= h) {
        begun.push(by_first[next++]);
      }
      // A clause that ended before this head ends before every later one.
      while (!begun.empty() && clauses[begun.top()].extent.last <= h) begun.pop();
      if (!begun.empty()) clause_of[np] = static_cast<int>(begun.top());
    }
    return clause_of;
  }

  void FindNominals() {
    // In news sentences (a few clauses) scanning the clauses per phrase is
    // cheaper than the sweep's sorting; both give the same clause.
    constexpr size_t kScanLimit = 4096;
    const bool sweep = out_.clauses.size() * out_.noun_phrases.size() > kScanLimit;
    const std::vector<int> clause_of = sweep ? ClauseOfNounHeads() : std::vector<int>();
    for (size_t np_index = 0; np_index < out_.noun_phrases.size(); ++np_index) {
      const TokenSpan& np = out_.noun_phrases[np_index];
      uint32_t head = np.last - 1;
      if (!IsNoun(Tag(head)) || IsProperNoun(Tag(head))) continue;
      NominalPredicate nominal;
      nominal.head = head;
      nominal.possessor = {np.first, head};
      // Prepositional phrases after the noun, and what they coordinate.
      uint32_t t = np.last;
      for (int pp = 0; pp < 3 && t + 1 < n_; ++pp) {
        if (!IsPreposition(tokens_[t]) || np_of_[t + 1] < 0) break;
        const TokenSpan& object = out_.noun_phrases[np_of_[t + 1]];
        nominal.obliques.push_back({t, object});
        t = object.last;
      }
      if (sweep) {
        nominal.clause = clause_of[np_index];
      } else {
        for (size_t c = 0; c < out_.clauses.size(); ++c) {
          if (out_.clauses[c].extent.Contains(head)) nominal.clause = static_cast<int>(c);
        }
      }
      out_.nominals.push_back(std::move(nominal));
    }
  }

  enum class Kind { kFinite, kInfinitive, kParticiple };

  const std::vector<Token>& tokens_;
  const uint32_t n_;
  std::vector<int> np_of_;
  std::vector<int> clause_of_head_;
  std::vector<Kind> kinds_;
  std::vector<size_t> forward_;
  SentenceAnalysis out_;
};

}  // namespace

SentenceAnalysis Analyze(const Sentence& sentence) { return Analyzer(sentence).Run(); }

TokenSpan EffectiveSubject(const SentenceAnalysis& analysis, const Clause& clause) {
  const Clause* c = &clause;
  // A bounded walk: borrowing never cycles, but a bound keeps it obviously so.
  for (int guard = 0; c->subject.empty() && c->subject_from >= 0 && guard < 8; ++guard) {
    c = &analysis.clauses[c->subject_from];
  }
  return c->subject;
}

}  // namespace dyad::syntax
