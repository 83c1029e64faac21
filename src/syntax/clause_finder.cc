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
//     expressed"), looking past what stands between a subject and its verb:
//     a parenthetical between commas or in brackets, a reduced relative or
//     relative clause ("Photos released by the police showed", "the man who
//     killed the mayor was"), an infinitive modifier; a list is headed by
//     its first item. After "and" it shares the previous clause's subject. An
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
#include <limits>
#include <numeric>
#include <queue>
#include <string_view>

#include "tag/tagset.h"
#include "util/scratch.h"
#include "util/strings.h"

namespace dyad::syntax {
namespace {

// Tags and words are compared with util::SameText: string_view's == calls
// memcmp whenever the sizes match (those calls were a fifth of the
// analyzer's instructions).
using util::SameText;

bool In(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (SameText(word, w)) return true;
  }
  return false;
}

using util::MakeWordList;
using util::WordList;

// Whether `word` is one of `lower_words` as written or with its first
// letter capitalised ("today", "Today"): the lists asked of every token
// name a word in both spellings.
template <size_t N>
bool InAsWrittenOrCapitalised(const WordList<N>& lower_words, std::string_view word) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return lower_words.Contains(word);
  char lower[16];
  if (word.size() > sizeof lower) return false;
  lower[0] = static_cast<char>(word[0] - 'A' + 'a');
  std::copy(word.begin() + 1, word.end(), lower + 1);
  return lower_words.Contains(std::string_view(lower, word.size()));
}

// A tag, lemma or word whose == with a literal compares inline (see SameText).
struct Word {
  Word(std::string_view text) : name(text) {}  // NOLINT(google-explicit-constructor)
  Word(const std::string& text) : name(text) {}  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return name; }  // NOLINT(google-explicit-constructor)
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return SameText(name, std::string_view(literal, N - 1));
  }
  size_t size() const { return name.size(); }
  char operator[](size_t k) const { return name[k]; }

  std::string_view name;
};

// Tags are read as tag::Pos, once per token (see Analyzer::pos_): the
// passes ask a token's tag many times, and comparing the strings with
// literals was a quarter of the analyzer's instructions.
using tag::Pos;
using tag::Bit;
using tag::IsAdjective;
using tag::IsNoun;

bool IsProperNoun(Pos tag) { return tag == Pos::kNNP || tag == Pos::kNNPS; }
// tag::IsNoun and tag::IsAdjective serve as they are; a modal counts as a
// verb here. One mask test each (asked of nearly every token).
bool IsVerbOrModal(Pos tag) { return tag::Has(tag::kVerbMask | Bit(Pos::kMD), tag); }
bool IsAdverb(Pos tag) { return tag::Has(Bit(Pos::kRB) | Bit(Pos::kRBR) | Bit(Pos::kRBS), tag); }
bool IsPreposition(Pos tag) { return tag == Pos::kIN || tag == Pos::kTO; }

// The Pos a tag spells, kNone for any other text (the tagger writes only
// tag::PosName spellings). A hash of the name's bytes indexes a table
// built once: a token costs a few instructions, not a string compare per
// tag name.
Pos PosOf(std::string_view name) {
  constexpr size_t kSlots = 256;  // over five times the tags: short probes
  auto key = [](std::string_view text) {
    uint64_t k = 0;
    for (char c : text) k = k << 8 | static_cast<unsigned char>(c);
    return k;
  };
  auto slot = [](uint64_t k) { return static_cast<size_t>((k * 0x9E3779B97F4A7C15u) >> 56); };
  struct Entry {
    uint64_t key = 0;  // no tag name is empty, so 0 marks a free slot
    Pos pos = Pos::kNone;
  };
  static const std::array<Entry, kSlots> kTable = [&] {
    std::array<Entry, kSlots> table{};
    for (size_t p = 1; p < tag::kPosNames.size(); ++p) {
      const uint64_t k = key(tag::kPosNames[p]);
      size_t s = slot(k);
      while (table[s].key != 0) s = (s + 1) % kSlots;
      table[s] = {k, static_cast<Pos>(p)};
    }
    return table;
  }();
  if (name.empty() || name.size() > sizeof(uint64_t)) return Pos::kNone;
  const uint64_t k = key(name);
  for (size_t s = slot(k); kTable[s].key != 0; s = (s + 1) % kSlots) {
    if (kTable[s].key == k) return kTable[s].pos;
  }
  return Pos::kNone;
}

// Verbs after which the subject of a following infinitive or participle is
// the governing verb's object: "lead X to recall", "call on X to withdraw".
// Implicative or causative governors keep the embedded event real; others
// make it hypothetical (a demand, a plan), future, negated or denied.
Modality EmbeddedModality(std::string_view governor, Modality governing) {
  static constexpr auto kKeeping =
      MakeWordList("lead", "cause", "force", "compel", "prompt", "manage", "begin", "start", "continue", "help",
                   "admit", "acknowledge", "resume", "keep", "finish", "complete");
  static constexpr auto kNegating =
      MakeWordList("fail", "refuse", "decline", "stop", "cease", "halt", "avoid", "reject");
  static constexpr auto kAlleging = MakeWordList("accuse", "suspect", "charge", "allege", "blame");
  static constexpr auto kPlanning = MakeWordList("plan", "intend", "aim", "prepare", "vow", "pledge", "promise",
                                                 "agree", "decide", "expect", "schedule", "set");
  if (kKeeping.Contains(governor)) return governing;
  if (kNegating.Contains(governor)) return Modality::kNegated;
  if (governor == "deny") return Modality::kDenied;
  if (kAlleging.Contains(governor)) return Modality::kAlleged;
  if (kPlanning.Contains(governor)) return Modality::kFuture;
  return Modality::kHypothetical;
}

// The modality of a participle clause after a preposition ("accused Chile
// of spying", "responded by demanding"): how ("by") or when ("after") the
// governing act was done is as real as that act; "without" negates it;
// otherwise the governing verb decides, as for an infinitive.
Modality ParticipleModality(std::string_view preposition, std::string_view governor, Modality governing) {
  if (preposition == "by" || preposition == "after") return governing;
  if (preposition == "without" && (governing == Modality::kAsserted || governing == Modality::kReported)) {
    return Modality::kNegated;
  }
  return EmbeddedModality(governor, governing);
}

bool IsReportingVerb(std::string_view lemma) {
  static constexpr WordList kVerbs(std::array<std::string_view, 27>{
      "say", "tell", "state", "announce", "claim", "report", "add", "note", "insist", "stress",
      "declare", "write", "argue", "explain", "acknowledge", "admit", "confirm", "assert", "reiterate",
      "remark", "suggest", "believe", "think", "warn", "allege", "tweet", "told"});
  return kVerbs.Contains(lemma);
}

class Analyzer {
 public:
  explicit Analyzer(const Sentence& sentence)
      : tokens_(sentence.tokens), n_(static_cast<uint32_t>(tokens_.size())), headline_(IsHeadline(sentence)) {
    pos_.resize(n_);
    for (uint32_t i = 0; i < n_; ++i) pos_[i] = PosOf(tokens_[i].tag);
    np_of_.assign(n_, -1);
    clause_of_head_.assign(n_, -1);
    kinds_.clear();
    forward_.clear();
  }

  SentenceAnalysis Run() {
    ReserveOutput();
    ChunkNounPhrases();
    FindVerbGroups();
    for (auto& clause : out_.clauses) FindObject(clause);
    for (size_t c = 0; c < out_.clauses.size(); ++c) FindSubject(c);
    ResolveForwardSubjects();
    LinkThatClauses();
    SetExtents();
    GiveParticiplesTheirDoer();
    FindReportingFrames();
    AttachSpeakersParticiples();
    MarkMandativeComplements();
    MarkConditions();
    MarkNoArguments();
    FindNominals();
    return std::move(out_);
  }

 private:
  // Views, not strings: comparing a std::string with a literal calls memcmp
  // whatever the lengths (libstdc++ 12), a string_view compares sizes first.
  Word Lemma(uint32_t i) const { return tokens_[i].lemma; }
  Word Lower(uint32_t i) const { return tokens_[i].lemma.empty() ? tokens_[i].norm : tokens_[i].lemma; }
  Pos Tag(uint32_t i) const { return pos_[i]; }

  // Sizes the lists the passes grow, once: grown push by push they were
  // reallocated several times a sentence, each time moving every Clause
  // with its vectors (allocation was an eighth of the analyzer). Each
  // clause has its own verb token, so the verbs bound the clauses; noun
  // phrases are seldom more than one in two tokens (a hint, not a limit).
  void ReserveOutput() {
    uint32_t verbs = 0;
    for (uint32_t i = 0; i < n_; ++i) verbs += IsVerbOrModal(Tag(i));
    out_.clauses.reserve(verbs);
    kinds_.reserve(verbs);
    out_.noun_phrases.reserve(n_ / 2 + 1);
  }

  bool InsideNp(uint32_t j, uint32_t start) const {
    const Pos tag = Tag(j);
    if (IsNoun(tag) || IsAdjective(tag) || tag == Pos::kCD || tag == Pos::kDollar) return true;
    if (tag == Pos::kPOS) {
      // "Islam's most holy site": an adverb may come before the adjective.
      uint32_t k = j + 1;
      if (k + 1 < n_ && IsAdverb(Tag(k)) && IsAdjective(Tag(k + 1))) ++k;
      return k < n_ && (IsNoun(Tag(k)) || IsAdjective(Tag(k)) || Tag(k) == Pos::kCD);
    }
    if (tag == Pos::kDT || tag == Pos::kPDT || tag == Pos::kPRPS) {
      return j == start || Tag(j - 1) == Pos::kPDT || Tag(j - 1) == Pos::kPOS;
    }
    // "the captured villages", "a growing role"; but after a noun the
    // participle starts a clause of its own ("protesters demanding
    // elections").
    if ((tag == Pos::kVBN || tag == Pos::kVBG) && j > start && j + 1 < n_ && !IsNoun(Tag(j - 1))) {
      return IsNoun(Tag(j + 1)) || IsAdjective(Tag(j + 1));
    }
    // A past participle right after a main verb opens its object: "reject
    // proposed changes", "arrested suspected militants" (not after "have"
    // or "be": "has proposed changes").
    if (tag == Pos::kVBN && j == start && j > 0 && j + 1 < n_ && IsVerbOrModal(Tag(j - 1)) && Tag(j - 1) != Pos::kVBN &&
        !In(Lemma(j - 1), {"be", "have", "get"}) && (IsNoun(Tag(j + 1)) || IsAdjective(Tag(j + 1)))) {
      return true;
    }
    // A degree adverb inside a phrase: "a very difficult decision".
    if ((tag == Pos::kRB || tag == Pos::kRBR || tag == Pos::kRBS) && j > start && j + 1 < n_) {
      Pos prev = Tag(j - 1);
      return (prev == Pos::kDT || prev == Pos::kPRPS || prev == Pos::kPOS || IsAdjective(prev)) &&
             IsAdjective(Tag(j + 1));
    }
    // A hyphen split off inside a name or compound: "Kwong Chun - yu".
    // and in a compound modifier: "a 14 - year - old boy".
    if (tag == Pos::kHYPH && j > start && j + 1 < n_) {
      auto part = [&](uint32_t k) { return IsNoun(Tag(k)) || IsAdjective(Tag(k)) || Tag(k) == Pos::kCD; };
      return part(j - 1) && part(j + 1);
    }
    if (tag == Pos::kCC && j > start && j + 1 < n_ && IsAdjective(Tag(j - 1))) {
      return IsAdjective(Tag(j + 1)) || IsNoun(Tag(j + 1));
    }
    return false;
  }

  void ChunkNounPhrases() {
    for (uint32_t i = 0; i < n_;) {
      if (Tag(i) == Pos::kPRP || Tag(i) == Pos::kEX || IsPronounDeterminer(i)) {
        AddNp(i, i + 1);
        ++i;
        continue;
      }
      if (!InsideNp(i, i) || Tag(i) == Pos::kPOS || Tag(i) == Pos::kCC) {
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < n_ && InsideNp(j, i)) {
        // "Yesterday Mohamed received", "A storm yesterday caused": a day
        // word is a phrase of its own.
        if (j == i + 1 && IsDayWord(i)) break;
        if (j > i && IsDayWord(j)) break;
        // "hand over to Great Britain two of its nationals", "gave the
        // Ivory Coast 5.1 million dollars", "gave Kiev 72 hours": a number
        // and "of", an amount, or a count of things after a name begin a
        // phrase of their own ("Flight 655", "Resolution 1559" stay names).
        if (j > i && IsProperNoun(Tag(j - 1)) &&
            (Tag(j) == Pos::kDollar ||
             (Tag(j) == Pos::kCD && j + 1 < n_ &&
              (Tag(j + 1) == Pos::kNNS || In(Lower(j + 1), {"of", "million", "billion", "trillion", "dollars",
                                                             "euros", "tons", "tonnes"}))))) {
          break;
        }
        ++j;
      }
      // A phrase needs a noun, number or pronoun-like head; trailing
      // adjectives ("highly effective") are predicates, not phrases.
      uint32_t end = j;
      while (end > i && !IsNoun(Tag(end - 1)) && Tag(end - 1) != Pos::kCD) --end;
      if (end > i) AddNp(NumberModifierStart(i), end);
      i = std::max(j, i + 1);
    }
  }

  // Where a phrase beginning at `first` begins with the words that qualify
  // its number: "more than 100 Palestinians", "at least 20 soldiers" (where
  // the chunk begins at "least"), "about 300 protesters" are phrases
  // (objects, subjects) as a whole.
  uint32_t NumberModifierStart(uint32_t first) const {
    auto word = [&](uint32_t k) { return util::AsciiLower(tokens_[k].norm); };
    if (first >= 1 && first + 1 < n_ && Tag(first + 1) == Pos::kCD && In(word(first), {"least", "most"}) &&
        word(first - 1) == "at") {
      return first - 1;
    }
    if (Tag(first) != Pos::kCD) return first;
    const uint32_t number = first;
    if (number >= 2 && np_of_[number - 2] < 0 && np_of_[number - 1] < 0) {
      const std::string a = word(number - 2), b = word(number - 1);
      if ((b == "than" && In(a, {"more", "less", "fewer"})) || (a == "at" && In(b, {"least", "most"})) ||
          (a == "up" && b == "to")) {
        return number - 2;
      }
    }
    if (number >= 1 && np_of_[number - 1] < 0 &&
        In(word(number - 1), {"about", "around", "over", "some", "almost", "nearly", "roughly", "approximately"})) {
      return number - 1;
    }
    return number;
  }

  // A determiner or quantifier standing for a noun phrase: "This is",
  // "Both of these stops are", "some were", "many of them left". A
  // quantifier after a noun floats ("the teams all had") and is not a
  // phrase.
  bool IsPronounDeterminer(uint32_t i) const {
    // Only determiners and adjectives can be one: tested before InsideNp,
    // since this is asked of nearly every token.
    if (Tag(i) != Pos::kDT && !IsAdjective(Tag(i))) return false;
    if (i + 1 < n_ && InsideNp(i + 1, i)) return false;
    // "many were hurt", "few of them stayed": quantifiers tagged as
    // adjectives.
    static constexpr auto kQuantifiers = MakeWordList("many", "few", "several");
    if (IsAdjective(Tag(i)) && InAsWrittenOrCapitalised(kQuantifiers, tokens_[i].norm)) {
      return i + 1 < n_ && (IsVerbOrModal(Tag(i + 1)) || tokens_[i + 1].norm == "of");
    }
    if (Tag(i) != Pos::kDT) return false;
    // "both an artist and", "either not loading": a conjunction or adverb.
    constexpr tag::PosMask kNotAlone =
        Bit(Pos::kDT) | Bit(Pos::kPDT) | Bit(Pos::kRB) | Bit(Pos::kPRPS) | Bit(Pos::kCD) | Bit(Pos::kJJ);
    if (i + 1 < n_ && tag::Has(kNotAlone, Tag(i + 1))) return false;
    static constexpr auto kFloating = MakeWordList("all", "both", "each");
    static constexpr auto kStandalone = MakeWordList("this", "that", "these", "those", "some", "many", "most",
                                                     "none", "either", "neither", "another", "any");
    const std::string_view word = tokens_[i].norm;
    if (kFloating.ContainsFolded(word)) return i == 0 || !IsNoun(Tag(i - 1));
    return kStandalone.ContainsFolded(word);
  }

  bool IsDayWord(uint32_t i) const {
    static constexpr auto kDays = MakeWordList("yesterday", "today", "tomorrow", "tonight");
    return InAsWrittenOrCapitalised(kDays, tokens_[i].norm);
  }

  void AddNp(uint32_t first, uint32_t last) {
    int index = static_cast<int>(out_.noun_phrases.size());
    out_.noun_phrases.push_back({first, last});
    for (uint32_t k = first; k < last; ++k) np_of_[k] = index;
  }

  bool IsAuxiliary(uint32_t i) const {
    if (Tag(i) == Pos::kMD) return true;
    static constexpr auto kAuxiliaries = MakeWordList("be", "have", "do", "get");
    return kAuxiliaries.Contains(Lemma(i)) || In(tokens_[i].norm, {"'s", "'re", "'ve", "'d", "'m"});
  }

  // Skips adverbs, negation and floating quantifiers before a verb ("were
  // all donated").
  uint32_t SkipAdverbs(uint32_t i) const {
    static constexpr auto kNegations = MakeWordList("not", "n't", "never");
    static constexpr auto kFloating = MakeWordList("all", "both", "each");
    while (i < n_ && (IsAdverb(Tag(i)) || kNegations.Contains(tokens_[i].norm) ||
                      (kFloating.Contains(tokens_[i].norm) && i + 1 < n_ && IsVerbOrModal(Tag(i + 1))))) {
      ++i;
    }
    return i;
  }

  void FindVerbGroups() {
    for (uint32_t i = 0; i < n_; ++i) {
      if (!IsVerbOrModal(Tag(i)) || np_of_[i] >= 0) continue;
      Clause clause;
      uint32_t start = i;
      // Adverbs directly before the group belong to it ("reportedly captured").
      while (start > 0 && IsAdverb(Tag(start - 1)) && np_of_[start - 1] < 0) --start;
      // "Microsoft no longer wants": "no" before "longer" is an adverb.
      if (start > 1 && tokens_[start].norm == "longer" && In(tokens_[start - 1].norm, {"no", "No"})) --start;
      uint32_t head = i;
      bool saw_be = false;
      while (true) {
        uint32_t next = SkipAdverbs(head + 1);
        bool continues = next < n_ && IsVerbOrModal(Tag(next)) && np_of_[next] < 0 && IsAuxiliary(head);
        if (!continues) break;
        if (Lemma(head) == "be" || Lemma(head) == "get") saw_be = true;
        if (Tag(head) == Pos::kMD) clause.modality = ModalFor(head);
        head = next;
      }
      // A modal cut off from its verb by an aside ("would, like we have
      // seen, create") still says how certain the act is. (A modal that
      // ends its clause, "as little as he could", says nothing of the act
      // told after it.)
      if (Tag(head) == Pos::kMD && head + 1 < n_ && tokens_[head + 1].norm == ",") clause.modality = ModalFor(head);
      clause.head = head;
      uint32_t end = head + 1;
      while (end < n_ && Tag(end) == Pos::kRP) clause.particles.push_back(end++);
      clause.predicate = {start, end};
      for (uint32_t k = start; k < head; ++k) {
        std::string_view w = tokens_[k].norm;
        if (In(w, {"not", "n't", "never", "Not", "Never"})) clause.negated = true;
        const Word lower = Lower(k);
        if (lower == "reportedly" || lower == "purportedly") clause.modality = Modality::kReported;
        if (lower == "allegedly" || lower == "supposedly") clause.modality = Modality::kAlleged;
      }
      if (HasNoLonger(start, head)) clause.negated = true;
      bool participle = Tag(head) == Pos::kVBN || Tag(head) == Pos::kVBG;
      bool bare = head == i && participle;  // no auxiliary before it
      if (Tag(head) == Pos::kVBN && saw_be) clause.voice = Voice::kPassive;
      // A past participle with no auxiliary that takes a direct object and no
      // by-phrase is a past tense the tagger misread ("Azerbaijan released
      // footage"); otherwise it is a reduced passive ("drones owned by").
      if (bare && Tag(head) == Pos::kVBN) {
        uint32_t next = SkipAdverbs(end);
        bool has_object = next < n_ && np_of_[next] >= 0 && Tag(next) != Pos::kPRPS;
        bool by_phrase = next < n_ && tokens_[next].norm == "by";
        bool that_follows = next < n_ && tokens_[next].norm == "that";
        bool after_noun = start > 0 && (np_of_[start - 1] >= 0 || tokens_[start - 1].norm == ",");
        // "... entered the town and arrested dozens": a conjoined past tense.
        bool after_and = start > 0 && Tag(start - 1) == Pos::kCC;
        // With no object: "Azeri forces pushed forward into the territory"
        // is a past tense when no other finite verb follows for the noun
        // ("the forces deployed there were ...").
        // In a headline a participle after its noun is a passive
        // ("Parents prosecuted after ...", "900 migrants rescued off Aceh").
        // A noun that is itself an object takes a participle as its
        // modifier: "infections caused by", "a user labelled 'Anonymous'",
        // but "said the forces pushed".
        bool after_object = false;
        if (start > 0 && np_of_[start - 1] >= 0) {
          uint32_t np_first = SubjectChainEndingAt(np_of_[start - 1]).first;
          if (np_first > 0) {
            uint32_t before = np_first - 1;
            // Any verb but a modal: "had large areas set up", "There were
            // two teams scheduled to compete".
            // Not an auxiliary opening a question: "Has anyone ever worked".
            const bool question = IsAuxiliary(before) &&
                                  (before == 0 || Tag(before - 1) == Pos::kCC || tokens_[before - 1].norm == ",");
            // A preposition governed by a verb other than a bare participle:
            // "died from an infection caused by", "was attacked by
            // militiamen armed with machetes", but "drones owned by the
            // army crashed".
            const bool governed = before > 0 && IsVerbOrModal(Tag(before - 1)) &&
                                  (Tag(before - 1) != Pos::kVBN || HasAuxiliary(before - 1));
            after_object = (IsPreposition(Tag(before)) && !IsSubordinator(before) && governed) ||
                           (IsVerbOrModal(Tag(before)) && Tag(before) != Pos::kMD && !question &&
                            !TakesClause(Lemma(before)));
          }
        }
        bool finite = !by_phrase && ((has_object && (after_noun || after_and)) ||
                                     (!has_object && after_noun && !after_object &&
                                      !(headline_ && !that_follows) && !FiniteVerbFollows(end)));
        if (!finite) clause.voice = Voice::kPassive;
        if (finite) bare = false;
      }
      kinds_.push_back(bare || IsBareInfinitive(start, head) ? Kind::kParticiple : Kind::kFinite);
      if (start > 0 && Tag(start - 1) == Pos::kTO) kinds_.back() = Kind::kInfinitive;
      clause_of_head_[head] = static_cast<int>(out_.clauses.size());
      out_.clauses.push_back(std::move(clause));
      i = end - 1;
    }
  }

  // Whether the verb at `head` heads a clause found so far whose verb group
  // has an auxiliary before it ("was attacked").
  bool HasAuxiliary(uint32_t head) const {
    const int c = clause_of_head_[head];
    return c >= 0 && out_.clauses[c].predicate.first < head && IsAuxiliary(out_.clauses[c].predicate.first);
  }

  // "let the journalists go", "made the army withdraw": a base form after
  // the object of let/make/help/see/watch/hear is not finite (as finite
  // it would end the governing clause before its own words).
  bool IsBareInfinitive(uint32_t start, uint32_t head) const {
    if (Tag(head) != Pos::kVB || start == 0 || np_of_[start - 1] < 0) return false;
    const uint32_t object = out_.noun_phrases[np_of_[start - 1]].first;
    if (object == 0) return false;
    static constexpr auto kCausatives = MakeWordList("let", "make", "help", "see", "watch", "hear");
    return IsVerbOrModal(Tag(object - 1)) && kCausatives.Contains(Lemma(object - 1));
  }

  // "as", "after", "because" ... before a clause: not prepositions.
  bool IsSubordinator(uint32_t i) const { return IsSubordinatingWord(Lower(i)); }

  // Verbs whose object can be a clause without "that": "said the forces
  // pushed", "found a quarter favoured".
  static bool TakesClause(std::string_view lemma) {
    static constexpr auto kVerbs =
        MakeWordList("find", "show", "reveal", "know", "hope", "fear", "feel", "expect", "see", "hear", "learn",
                     "realize", "realise", "indicate", "mean", "estimate", "predict", "conclude", "ensure",
                     "believe", "notice");
    return IsReportingVerb(lemma) || kVerbs.Contains(lemma);
  }

  // Whether a finite verb follows before the clause is closed by ", and",
  // ", but", a semicolon or the end of the sentence.
  bool FiniteVerbFollows(uint32_t from) const {
    for (uint32_t k = from; k < n_; ++k) {
      std::string_view w = tokens_[k].norm;
      if (w == ";" || (w == "," && k + 1 < n_ && Tag(k + 1) == Pos::kCC)) return false;
      const Pos tag = Tag(k);
      if (tag == Pos::kVBD || tag == Pos::kVBZ || tag == Pos::kVBP || tag == Pos::kMD) return true;
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
    while (span.first >= 2) {
      std::string_view link = tokens_[span.first - 1].norm;
      // "work with them and I would": an object pronoun ends a phrase.
      if (link == "and" && In(tokens_[span.first - 2].norm, {"them", "him", "me", "us"})) break;
      // "the participation of this team in the contest", "a spokesman for
      // the army", "Armenia and Azerbaijan".
      // "sites such as Gawker.com", "journals including Medicine".
      if (link == "as" && span.first >= 3 && tokens_[span.first - 2].norm == "such" &&
          np_of_[span.first - 3] >= 0) {
        span.first = out_.noun_phrases[np_of_[span.first - 3]].first;
        continue;
      }
      // "Washington along with its allies demanded": the first phrase is
      // the subject, its companions join it.
      if (link == "with" && span.first >= 3 && In(tokens_[span.first - 2].norm, {"along", "together"}) &&
          np_of_[span.first - 3] >= 0) {
        span.first = out_.noun_phrases[np_of_[span.first - 3]].first;
        continue;
      }
      if (np_of_[span.first - 2] < 0) break;
      // "over 300 farmers": a degree adverb before a number links nothing.
      if (IsAdverb(Tag(span.first - 1))) break;
      static constexpr auto kLinks =
          MakeWordList("of", "and", "or", "for", "in", "from", "at", "on", "with", "to", "between", "around",
                       "near", "across", "over", "under", "among", "against", "about", "within", "throughout",
                       "inside", "outside", "into", "onto", "towards", "toward", "during", "including");
      if (!kLinks.Contains(link)) break;
      span.first = out_.noun_phrases[np_of_[span.first - 2]].first;
    }
    return span;
  }

  bool IsTimeWord(uint32_t i) const {
    static constexpr WordList kWords(std::array<std::string_view, 40>{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
        "night", "week", "weekend", "month", "year", "overnight", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
        "earlier"});
    return kWords.ContainsFolded(Lower(i));
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
    if (IsPreposition(Tag(q)) && q > 0) --q;
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

  // Whether noun phrase `np` is a time phrase ("Friday", "last week") after
  // a preposition ("on Friday") or right after a verb ("said Friday").
  bool IsTimeAdverbial(const TokenSpan& np) const {
    for (uint32_t k = np.first; k < np.last; ++k) {
      if (!IsTimeWord(k) && Tag(k) != Pos::kDT && Tag(k) != Pos::kJJ && Tag(k) != Pos::kCD) return false;
    }
    return IsTimeWord(np.last - 1) && np.first > 0 &&
           (IsPreposition(Tag(np.first - 1)) || IsVerbOrModal(Tag(np.first - 1)));
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
      // "demonstrated on Friday to demand": a time phrase does not act.
      if (p > 0 && np_of_[p - 1] >= 0 && out_.noun_phrases[np_of_[p - 1]].first > gov.head &&
          !IsTimeAdverbial(out_.noun_phrases[np_of_[p - 1]])) {
        const TokenSpan& np = out_.noun_phrases[np_of_[p - 1]];
        // "for X to": X alone is the subject ("houses for refugees to live
        // in", "calls for all bridges to be repaired").
        const bool for_subject = np.first > 0 && Lower(np.first - 1) == "for";
        clause.subject = for_subject ? np : SubjectChainEndingAt(np_of_[p - 1]);
      } else {
        Borrow(clause, governing);
      }
      return;
    }
    if (kinds_[c] == Kind::kParticiple) {
      const Token& before = tokens_[p];
      if (IsPreposition(Tag(p))) {
        int governing = ClauseBefore(p);
        if (governing < 0) {
          forward_.push_back(c);
          return;
        }
        const Clause& gov = out_.clauses[governing];
        clause.governor = governing;
        clause.modality = ParticipleModality(Lower(p), Lemma(gov.head), gov.modality);
        bool accuse = clause.modality == Modality::kAlleged;
        if (accuse && gov.voice == Voice::kActive && !gov.object.empty()) {
          clause.subject = gov.object;
        } else {
          Borrow(clause, governing);
        }
        return;
      }
      // "according to" frames a report, and "following", "including",
      // "regarding", "concerning" work as prepositions ("reimposed
      // blockades in the West Bank following the deaths"): none has a
      // subject of its own.
      static constexpr auto kPrepositionLike =
          MakeWordList("according", "following", "including", "regarding", "concerning");
      if (np_of_[p] >= 0 && !kPrepositionLike.Contains(tokens_[clause.head].norm)) {
        // "rallied in Kirkuk on Sunday calling for": the ralliers call; but
        // "with Obama on Friday accusing" names who accuses.
        const TokenSpan chain = SubjectChainEndingAt(np_of_[p]);
        if (Tag(clause.head) == Pos::kVBG && IsTimeAdverbial(out_.noun_phrases[np_of_[p]]) &&
            !(chain.first > 0 && Lower(chain.first - 1) == "with")) {
          Borrow(clause, FiniteClauseBefore(c));
          return;
        }
        clause.subject = chain;
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
    // nor is a floating quantifier ("Teams from Iran both had"); a time
    // phrase that ends a relative clause ("which occurred yesterday
    // afternoon, was") is left for the parenthetical below.
    if (uint32_t skipped = SkipTimePhraseBackward(p);
        np_of_[skipped] >= 0 || IsRelativePronoun(skipped)) {
      p = skipped;
    }
    if (p > 0 && In(Lower(p), {"both", "all", "each"}) && np_of_[p] < 0) --p;
    // A quotation that opens with the verb ('Smith "walked in'), and a
    // reflexive pronoun after the subject ("which they themselves made").
    if (p > 0 && (Tag(p) == Pos::kOpenQuote || IsReflexive(p)) && np_of_[p - 1] >= 0) --p;
    // "The World Health Organisation (WHO) recommends": a parenthesis
    // between subject and verb; short, so the search stays linear.
    if (In(tokens_[p].norm, {")", "-RRB-"})) {
      constexpr uint32_t kMaxParenthesis = 30;
      for (uint32_t q = p; q > 0 && p - q < kMaxParenthesis; --q) {
        if (In(tokens_[q - 1].norm, {"(", "-LRB-"})) {
          if (q >= 2) p = q - 2;
          break;
        }
      }
    }
    const Token& before = tokens_[p];
    if (Tag(p) == Pos::kWDT || Tag(p) == Pos::kWP || (before.norm == "that" && p > 0 && np_of_[p - 1] >= 0)) {
      uint32_t q = p;
      if (q > 0 && tokens_[q - 1].norm == ",") --q;
      if (q > 0 && np_of_[q - 1] >= 0) clause.subject = out_.noun_phrases[np_of_[q - 1]];
      return;
    }
    if (np_of_[p] >= 0) {
      if (TokenSpan apposed = NameAfterApposedRole(np_of_[p]); !apposed.empty()) {
        clause.subject = apposed;
        return;
      }
      TokenSpan chain = ListEndingWith(SubjectChainEndingAt(np_of_[p]));
      TokenSpan modified = NounModified(chain);
      clause.subject = modified == chain ? CutAtConjunction(chain) : modified;
      return;
    }
    // "..., said KCNA.", "Recipients, said Smith, must ...": the speaker
    // follows the verb.
    if (InvertedReport(clause) && In(before.norm, {",", "\"", "''"})) {
      clause.subject = out_.noun_phrases[np_of_[clause.predicate.last]];
      clause.object = {};
      return;
    }
    if (before.norm == "," && p > 0) {
      TokenSpan outer = SubjectBeforeParenthetical(p);
      if (!outer.empty()) {
        clause.subject = outer;
        return;
      }
      // A sentence that opens with its subject set off by a comma: "Jane
      // Doe of the Red Cross, says ...".
      if (c == 0 && np_of_[p - 1] >= 0) {
        const TokenSpan chain = SubjectChainEndingAt(np_of_[p - 1]);
        if (chain.first == 0 && !IsTimeWord(chain.last - 1)) {
          clause.subject = chain;
          return;
        }
      }
    }
    // "Those who were tripped were crushed": the verb ends a relative
    // clause; the subject is the noun the relative pronoun stands for.
    if (clause_of_head_[p] >= 0) {
      const Clause& relative = out_.clauses[clause_of_head_[p]];
      const uint32_t first = relative.predicate.first;
      if (first >= 2 && (Tag(first - 1) == Pos::kWP || Tag(first - 1) == Pos::kWDT) && np_of_[first - 2] >= 0) {
        clause.subject = SubjectChainEndingAt(np_of_[first - 2]);
        return;
      }
      // A relative clause without a pronoun whose object is the noun
      // before its subject: "The houses we built have survived", "the
      // town they left was".
      const TokenSpan inner = relative.subject;
      if (!inner.empty() && relative.object.empty() && inner.last == first && inner.first >= 1 &&
          np_of_[inner.first - 1] >= 0 && (inner.size() == 1 || Tag(inner.first) == Pos::kDT)) {
        clause.subject = SubjectChainEndingAt(np_of_[inner.first - 1]);
        return;
      }
    }
    if (Tag(p) == Pos::kCC || before.norm == ",") {
      Borrow(clause, FiniteClauseBefore(c));
    }
  }

  // "The firm's founder, Jo Lin said": a name after a comma whose phrase
  // before it names a role (a common noun or title) opens the clause (at
  // the start of the sentence or after an introductory phrase and its
  // comma). Empty otherwise.
  TokenSpan NameAfterApposedRole(int np) const {
    const TokenSpan name = out_.noun_phrases[np];
    for (uint32_t t = name.first; t < name.last; ++t) {
      if (!IsProperNoun(Tag(t))) return {};
    }
    if (name.first < 2 || tokens_[name.first - 1].norm != "," || np_of_[name.first - 2] < 0) return {};
    const TokenSpan role = SubjectChainEndingAt(np_of_[name.first - 2]);
    const uint32_t role_head = role.last - 1;
    if (!IsNoun(Tag(role_head)) || IsTimeWord(role_head)) return {};
    // A role: a common noun, or a name ending in a title ("Prime Minister").
    const bool title = IsProperNoun(Tag(role_head)) &&
                       In(tokens_[role_head].norm, {"Minister", "President", "Secretary", "Chairman", "Director",
                                                    "Ambassador", "Governor", "Mayor", "Chief", "Spokesman",
                                                    "Spokeswoman", "Commissioner", "Chancellor", "General"});
    if (IsProperNoun(Tag(role_head)) && !title) return {};
    if (role.first > 0 && tokens_[role.first - 1].norm != ",") return {};
    return {role.first, name.last};
  }

  // A list of subjects is headed by its first item: "Ubisoft, Microsoft,
  // and PlayStation VR all had", "Armenia, Russia and Iran signed". `chain`
  // is the last item or the last two joined by "and"/"or". A phrase after
  // a preposition or a time word ("In Paris, Smith and Jones said") starts
  // no list.
  TokenSpan ListEndingWith(TokenSpan chain) const {
    constexpr int kMaxItems = 12;  // keeps the walk short
    TokenSpan list = chain;
    bool coordinated = false;
    for (uint32_t t = chain.first; t < chain.last; ++t) {
      coordinated |= In(tokens_[t].norm, {"and", "or"});
    }
    uint32_t first = chain.first;
    for (int item = 0; item < kMaxItems && first >= 2; ++item) {
      std::string_view link = tokens_[first - 1].norm;
      uint32_t before = first - 2;
      // The serial comma: "Ubisoft, Microsoft, and PlayStation VR", where
      // the item before ", and" follows a comma itself.
      // An item may carry its own prepositional phrase: "Smith of Reuters,
      // Jones of AP and Lee of AFP said".
      if (In(link, {"and", "or"}) && tokens_[before].norm == "," && before >= 1 && np_of_[before - 1] >= 0 &&
          !coordinated) {
        const TokenSpan listed = SubjectChainEndingAt(np_of_[before - 1]);
        if (listed.first >= 2 && tokens_[listed.first - 1].norm == ",") {
          coordinated = true;
          first = listed.first;
          continue;
        }
      }
      if (link != "," || !coordinated || np_of_[before] < 0) break;
      const TokenSpan listed = SubjectChainEndingAt(np_of_[before]);
      if (listed.first > 0 && IsPreposition(Tag(listed.first - 1))) break;
      if (IsTimeWord(listed.last - 1)) break;
      first = listed.first;
    }
    if (first < chain.first && first > 0 && (IsPreposition(Tag(first - 1)) || IsVerbOrModal(Tag(first - 1)))) {
      return chain;
    }
    list.first = first;
    return list;
  }

  bool IsReflexive(uint32_t i) const {
    return Tag(i) == Pos::kPRP && In(tokens_[i].norm, {"himself", "herself", "itself", "themselves", "myself",
                                                       "ourselves", "yourself", "yourselves"});
  }

  bool IsRelativePronoun(uint32_t i) const {
    return Tag(i) == Pos::kWDT || Tag(i) == Pos::kWP || Tag(i) == Pos::kWPS || tokens_[i].norm == "that";
  }

  // "..., said Ambassador Mohib.": the speaker follows the verb.
  bool InvertedReport(const Clause& clause) const {
    uint32_t after = clause.predicate.last;
    if (!IsReportingVerb(Lemma(clause.head)) || after >= n_ || np_of_[after] < 0) return false;
    uint32_t end = out_.noun_phrases[np_of_[after]].last;
    // "..., said Bolden to the crowd."
    return end == n_ || In(tokens_[end].norm, {".", ",", "\"", "''", ";", "to"});
  }

  // "rescued 700 people and a warship was deployed": after a verb or a
  // preposition, the phrase before the last "and" ("or") is that word's object
  // and the subject starts after "and". Not after a verb of saying
  // ("said Armenia and Turkey agreed").
  TokenSpan CutAtConjunction(TokenSpan chain) const {
    if (chain.first == 0) return chain;
    const uint32_t before = chain.first - 1;
    // "As Israel and Hamas traded fire": a subordinator opens a clause,
    // its subject is whole.
    static constexpr auto kSubordinators =
        MakeWordList("as", "while", "when", "after", "before", "because", "since", "although", "though", "if",
                     "until", "once", "whereas", "that", "whether");
    const bool subordinator = kSubordinators.Contains(Lower(before));
    const bool object = (IsVerbOrModal(Tag(before)) && !IsReportingVerb(Lemma(before))) ||
                        (IsPreposition(Tag(before)) && !subordinator);
    if (!object) return chain;
    for (uint32_t t = chain.last - 1; t > chain.first; --t) {
      if (In(tokens_[t].norm, {"and", "or"}) && np_of_[t - 1] >= 0 && t + 1 < chain.last && np_of_[t + 1] >= 0) {
        return {t + 1, chain.last};
      }
    }
    return chain;
  }

  // The noun that a modifier standing between a subject and its verb belongs
  // to, when `span` lies inside that modifier: the object or prepositional
  // phrase of a reduced relative ("Photos released of the scene showed",
  // "people fleeing the war say") or of a relative clause ("the man who
  // killed the mayor was arrested"). A relative clause of saying keeps its
  // complement's subject ("the man who said the army fired").
  TokenSpan NounModified(TokenSpan span) const {
    // "I", "they": a subject pronoun is no object of a modifier.
    if (span.size() == 1 && In(Lower(span.first), {"i", "he", "she", "we", "they"})) return span;
    for (int round = 0; round < 3 && span.first > 0; ++round) {
      uint32_t q = span.first - 1;
      if (IsPreposition(Tag(q)) && q > 0) --q;
      while (q > 0 && (IsAdverb(Tag(q)) || Tag(q) == Pos::kRP)) --q;
      int c = clause_of_head_[q];
      if (c < 0) break;
      const Clause& modifier = out_.clauses[c];
      uint32_t first = modifier.predicate.first;
      if (first == 0) break;
      // A headline's first participle is its main verb, and what follows
      // its phrase is a clause of its own: "Farmers arrested after police
      // raid leads to protest".
      if (headline_ && c == 0 && kinds_[c] == Kind::kParticiple) break;
      if (kinds_[c] == Kind::kParticiple && np_of_[first - 1] >= 0) {
        span = SubjectChainEndingAt(np_of_[first - 1]);
        continue;
      }
      // "Moves to reduce the backlog are welcome": the infinitive's object.
      if (kinds_[c] == Kind::kInfinitive && first >= 2 && np_of_[first - 2] >= 0 &&
          span.first == modifier.predicate.last && Tag(first - 2) != Pos::kPRP) {
        span = SubjectChainEndingAt(np_of_[first - 2]);
        continue;
      }
      if (kinds_[c] != Kind::kFinite || IsReportingVerb(Lemma(modifier.head))) break;
      // "who killed", "which the army held", "whose robots earned".
      uint32_t pronoun = first - 1;
      if (np_of_[pronoun] >= 0) {
        uint32_t np_first = out_.noun_phrases[np_of_[pronoun]].first;
        if (np_first == 0) break;
        pronoun = np_first - 1;
      }
      if (!IsRelativePronoun(pronoun) || pronoun == 0) break;
      uint32_t antecedent = pronoun - 1;
      if (tokens_[antecedent].norm == "," && antecedent > 0) --antecedent;
      if (np_of_[antecedent] < 0) break;
      span = SubjectChainEndingAt(np_of_[antecedent]);
    }
    return span;
  }

  // A subject cut off from its verb by a parenthetical between commas: an
  // apposition ("the owner of X, Selcuk Bayraktar, expressed", "Daniel
  // Montalvo, 19, a member of the church, was"), a relative or participial
  // clause ("The accident, which occurred yesterday, was"; "Armenia,
  // backed by Russia, said") or a prepositional phrase ("the director, in
  // remarks to television, said"). `comma` is the comma before the verb.
  // An apposition stays in the span (it often names the actor); other
  // parentheticals do not. Empty if the commas enclose anything else.
  TokenSpan SubjectBeforeParenthetical(uint32_t comma) const {
    // Parentheticals are short; the bound keeps the search linear.
    constexpr uint32_t kMaxLength = 40;
    uint32_t limit = comma > kMaxLength ? comma - kMaxLength : 0;
    uint32_t open = comma;
    bool finite = false;
    while (open > limit) {
      --open;
      std::string_view w = tokens_[open].norm;
      if (w == "," || w == ";" || w == ":") break;
      Pos tag = Tag(open);
      if (tag == Pos::kVBD || tag == Pos::kVBZ || tag == Pos::kVBP || tag == Pos::kMD) finite = true;
    }
    if (tokens_[open].norm != "," || open == 0 || open + 1 >= comma) return {};
    // "The agreement, which was signed by Britain, France and Russia,
    // eased ...": a relative clause may hold a list's commas; its opening
    // ", which" lies further back.
    if (!IsRelativePronoun(open + 1)) {
      for (uint32_t q = open; q > limit + 1; --q) {
        std::string_view w = tokens_[q - 1].norm;
        if (w == ";" || w == ":") break;
        if (w == "," && IsRelativePronoun(q) && tokens_[q].norm != "that") {
          open = q - 1;
          break;
        }
      }
    }
    const uint32_t first = open + 1;
    const bool relative = IsRelativePronoun(first) && tokens_[first].norm != "that";
    const bool participial = (Tag(first) == Pos::kVBN || Tag(first) == Pos::kVBG) && !finite;
    const bool apposition = np_of_[first] >= 0 && !finite;
    const bool prepositional = Tag(first) == Pos::kIN && !finite;
    if (!relative && !participial && !apposition && !prepositional) return {};
    if (np_of_[open - 1] < 0) return {};
    TokenSpan chain = SubjectChainEndingAt(np_of_[open - 1]);
    // "After the war ended in the city, the army, ...": a phrase after a
    // preposition is not a subject; after a subordinator it is the subject
    // of the clause it opens ("after her husband, a banker, lost").
    if (chain.first > 0 && IsPreposition(Tag(chain.first - 1)) && !IsSubordinator(chain.first - 1)) return {};
    const uint32_t last = apposition ? comma : chain.last;
    // More appositions before it: "Daniel Montalvo, 19, a member of ...,
    // was"; but not an introductory time phrase ("Yesterday, the army, ...").
    for (int round = 0; round < 3; ++round) {
      if (chain.first < 2 || tokens_[chain.first - 1].norm != "," || np_of_[chain.first - 2] < 0) break;
      TokenSpan outer = SubjectChainEndingAt(np_of_[chain.first - 2]);
      if (IsTimeWord(outer.last - 1)) break;
      if (outer.first > 0 && IsPreposition(Tag(outer.first - 1))) break;
      chain = outer;
    }
    return {chain.first, std::max(last, chain.last)};
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
    // The phrase may begin in the skipped words: "killed nearly 100".
    uint32_t k = SkipAdverbs(clause.predicate.last);
    if (k < n_ && np_of_[k] >= 0 && out_.noun_phrases[np_of_[k]].first >= clause.predicate.last &&
        out_.noun_phrases[np_of_[k]].first <= k) {
      clause.object = out_.noun_phrases[np_of_[k]];
    }
    // "rejected Thursday a United Nations appeal": a time phrase before the
    // object is no object.
    if (!clause.object.empty() && IsTimeAdverbial(clause.object)) {
      const uint32_t next = SkipAdverbs(clause.object.last);
      if (next < n_ && np_of_[next] >= 0 && out_.noun_phrases[np_of_[next]].first == next) {
        clause.object = out_.noun_phrases[np_of_[next]];
      }
    }
    // "tortured scores of Liberian refugees", "killed dozens of civilians":
    // a bare quantity and what it counts are one object.
    if (clause.object.size() == 1 && clause.object.last + 1 < n_ &&
        Lower(clause.object.last) == "of" &&
        IsQuantityNoun(Lower(clause.object.first)) &&
        np_of_[clause.object.last + 1] >= 0 &&
        out_.noun_phrases[np_of_[clause.object.last + 1]].first == clause.object.last + 1) {
      clause.object.last = out_.noun_phrases[np_of_[clause.object.last + 1]].last;
    }
  }

  // A clause reaches from its subject (or verb group) to the next clause that
  // has a subject of its own, or to a colon, semicolon, quote or relative
  // pronoun, whichever comes first.
  void SetExtents() {
    for (size_t c = 0; c < out_.clauses.size(); ++c) {
      Clause& clause = out_.clauses[c];
      uint32_t begin = ClauseOpening(clause);
      uint32_t end = n_;
      for (size_t k = c + 1; k < out_.clauses.size(); ++k) {
        const Clause& later = out_.clauses[k];
        if (kinds_[k] == Kind::kFinite && !later.subject.empty() && later.subject.first > clause.head) {
          // A verb's "that" clause belongs to it: the coder's patterns
          // read on into it ("demand on Monday that $T release", "allege
          // that $T"). A verb of saying keeps only a "that" right after it:
          // past a listener ("told CNN that …") its patterns would read the
          // report as its own words ("tell $T to").
          if (clause.that_clause == static_cast<int>(k) &&
              (!IsReportingVerb(Lemma(clause.head)) || SkipAdverbs(clause.predicate.last) + 1 == later.subject.first)) {
            continue;
          }
          // "imposed sanctions on the Taliban faction that controls Kabul":
          // a relative clause's antecedent after a preposition is still
          // this clause's phrase.
          const bool antecedent = IsPreposition(Tag(later.subject.first - 1)) &&
                                  later.subject.last < later.predicate.first &&
                                  IsRelativePronoun(later.subject.last);
          end = antecedent ? later.subject.last : later.subject.first;
          break;
        }
        // A conjoined predicate ("entered the town and arrested ...") ends
        // this clause at its conjunction.
        uint32_t before = later.predicate.first;
        if (kinds_[k] == Kind::kFinite && later.subject.empty() && before > clause.head + 1 &&
            (Tag(before - 1) == Pos::kCC || tokens_[before - 1].norm == ",")) {
          end = before - 1;
          break;
        }
      }
      for (uint32_t t = clause.predicate.last; t < end; ++t) {
        std::string_view w = tokens_[t].norm;
        if (w == ";" || w == ":" || w == "\"" || Tag(t) == Pos::kWDT || Tag(t) == Pos::kWP) {
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
        if (!IsPreposition(Tag(t)) || np_of_[t + 1] < 0) continue;
        const TokenSpan& np = out_.noun_phrases[np_of_[t + 1]];
        if (np.first != t + 1) continue;
        clause.obliques.push_back({t, np});
        if (tokens_[t].norm == "by" && clause.voice == Voice::kPassive && clause.agent.empty() && t < next_verb) {
          clause.agent = np;
        }
      }
    }
  }

  // "A camp was attacked by Burundian militiamen, killing 156 people":
  // a participle set off after a passive with a by-agent is the agent's
  // doing, not the subject's (by-agents are known once extents are).
  void GiveParticiplesTheirDoer() {
    for (size_t c = 0; c < out_.clauses.size(); ++c) {
      Clause& clause = out_.clauses[c];
      if (!clause.subject.empty() || clause.subject_from < 0 || kinds_[c] != Kind::kParticiple ||
          Tag(clause.head) != Pos::kVBG || clause.predicate.first == 0 ||
          tokens_[clause.predicate.first - 1].norm != ",") {
        continue;
      }
      const Clause& lender = out_.clauses[clause.subject_from];
      if (lender.voice == Voice::kPassive && !lender.agent.empty()) clause.subject = lender.agent;
    }
  }

  void MarkReported(size_t from, size_t to, TokenSpan speaker) {
    for (size_t k = from; k < std::min(to, reported_suffix_); ++k) {
      Clause& clause = out_.clauses[k];
      if (!clause.reported_by.empty()) continue;
      clause.reported_by = speaker;
      if (clause.modality == Modality::kAsserted) clause.modality = Modality::kReported;
    }
    if (to == out_.clauses.size() && !speaker.empty()) reported_suffix_ = std::min(reported_suffix_, from);
  }

  // Where a verb's complement may begin: after adverbs, time phrases ("said
  // Tuesday that", "said here on Monday that"), the listener of a verb of
  // telling ("told reporters that", "said to reporters that") and the
  // setting ("said in a statement that").
  uint32_t ComplementStart(const Clause& clause) const {
    static constexpr auto kTelling = MakeWordList("tell", "assure", "inform", "remind", "warn", "notify", "brief");
    const bool tells = kTelling.Contains(Lemma(clause.head));
    uint32_t after = SkipAdverbs(clause.predicate.last);
    for (int step = 0; step < 3 && after < n_; ++step) {
      const bool to = Lower(after) == "to";
      const uint32_t start = IsPreposition(Tag(after)) ? after + 1 : after;
      if (start >= n_ || np_of_[start] < 0 || out_.noun_phrases[np_of_[start]].first != start) break;
      const TokenSpan& np = out_.noun_phrases[np_of_[start]];
      const bool listener = step == 0 && ((tells && start == after) || (to && IsReportingVerb(Lemma(clause.head))));
      // "said in a statement that", "told reporters at the Pentagon that".
      const bool setting = start == after + 1 && In(Lower(after), {"in", "at", "during"});
      if (!listener && !setting && !IsTimeWord(np.last - 1)) break;
      after = SkipAdverbs(np.last);
    }
    return after;
  }

  // A "that" clause right where a verb's complement begins is the verb's
  // (Clause::that_clause): "demanded on Monday that the US ...", "told
  // reporters that ...".
  void LinkThatClauses() {
    for (size_t c = 0; c + 1 < out_.clauses.size(); ++c) {
      const uint32_t that = ComplementStart(out_.clauses[c]);
      const Clause& next = out_.clauses[c + 1];
      if (that < n_ && Lower(that) == "that" && !next.subject.empty() && next.subject.first == that + 1) {
        out_.clauses[c].that_clause = static_cast<int>(c + 1);
      }
    }
  }

  // "Turkey said Greece had violated its airspace, accusing Athens of
  // provocation": a closing participle of saying is the speaker's act,
  // not the reported clause's ("..., killing ten people" stays with the
  // act it follows).
  void AttachSpeakersParticiples() {
    for (size_t c = 1; c < out_.clauses.size(); ++c) {
      Clause& clause = out_.clauses[c];
      const int k = clause.subject_from;
      const uint32_t p = clause.predicate.first;
      if (kinds_[c] != Kind::kParticiple || !clause.subject.empty() || k < 0 || p == 0 ||
          tokens_[p - 1].norm != "," || out_.clauses[k].reported_by.empty()) {
        continue;
      }
      const Word lemma = Lemma(clause.head);
      static constexpr auto kSpeakersActs =
          MakeWordList("accuse", "blame", "threaten", "urge", "call", "condemn", "criticize", "criticise", "praise",
                       "welcome", "demand", "vow", "pledge", "reject", "dismiss", "deny", "describe", "cite",
                       "brand", "appeal", "ask", "promise", "charge");
      if (!IsReportingVerb(lemma) && !kSpeakersActs.Contains(lemma)) continue;
      for (int f = k - 1; f >= 0; --f) {
        const Clause& frame = out_.clauses[f];
        if (EffectiveSubject(out_, frame) != out_.clauses[k].reported_by) continue;
        clause.subject_from = clause.governor = f;
        clause.reported_by = frame.reported_by;
        if (clause.modality == Modality::kReported) clause.modality = frame.modality;
        break;
      }
    }
  }

  // A stated or reported act becomes a possibility; one already future,
  // negated, denied or alleged keeps that modality.
  static void MarkHypothetical(Clause& clause) {
    if (clause.modality == Modality::kAsserted || clause.modality == Modality::kReported) {
      clause.modality = Modality::kHypothetical;
    }
  }

  // "Kenya demanded that the US lift its tariffs": the act a demand or
  // proposal asks for has not happened, whatever the tense of its verb.
  // An order's act is marked hypothetical but stays: what a government
  // orders done is mostly done.
  void MarkMandativeComplements() {
    for (size_t c = 0; c + 1 < out_.clauses.size(); ++c) {
      const Clause& governing = out_.clauses[c];
      static constexpr auto kMandative = MakeWordList("demand", "urge", "ask", "request", "require", "propose",
                                                      "recommend", "order", "command", "petition");
      if (governing.voice == Voice::kPassive || !kMandative.Contains(Lemma(governing.head))) continue;
      if (governing.that_clause < 0) continue;
      Clause& asked = out_.clauses[governing.that_clause];
      MarkHypothetical(asked);
      asked.mandative = !In(Lemma(governing.head), {"order", "command"});
    }
    for (size_t c = 0; c < out_.clauses.size(); ++c) {
      if (IsSubjunctive(c)) {
        MarkHypothetical(out_.clauses[c]);
        out_.clauses[c].mandative = true;
      }
    }
  }

  // "its demand that Israel ease restrictions", "insisted that he be
  // reinstated": a bare verb after "that" whose subject would take "eases"
  // or "is" is a mandative subjunctive, whatever word governs it. The
  // subject's number is its first phrase's ("airstrikes on Syria show" is
  // plural), and a coordinated subject is plural.
  bool IsSubjunctive(size_t c) const {
    const Clause& clause = out_.clauses[c];
    if (kinds_[c] != Kind::kFinite || clause.subject.empty()) return false;
    const uint32_t verb = clause.predicate.first;
    const bool bare_be = Tag(verb) == Pos::kVB && Lower(verb) == "be";
    if (!bare_be && (Tag(verb) != Pos::kVBP || In(Lower(verb), {"have", "do"}))) return false;
    const uint32_t opening = ClauseOpening(clause);
    if (opening == 0 || Lower(opening - 1) != "that") return false;
    const int first_np = np_of_[clause.subject.first];
    if (first_np < 0) return false;
    for (uint32_t k = clause.subject.first; k < clause.subject.last; ++k) {
      if (Tag(k) == Pos::kCC) return false;
    }
    const uint32_t head = out_.noun_phrases[first_np].last - 1;
    return bare_be || Tag(head) == Pos::kNN || Tag(head) == Pos::kNNP || In(Lower(head), {"he", "she", "it"});
  }

  // "Turkey took no military action", "No country recognised the vote":
  // "no" before the object or the subject negates the clause.
  void MarkNoArguments() {
    for (Clause& clause : out_.clauses) {
      for (const TokenSpan& argument : {clause.object, clause.subject}) {
        if (!argument.empty() && Lower(argument.first) == "no" && Tag(argument.first) == Pos::kDT) {
          clause.negated = true;
        }
      }
    }
  }

  // "unless Israel rescinds the law", "if the talks fail": a condition
  // has not happened.
  // What a condition governs has not happened either: "if it agrees to give
  // up its weapons".
  void MarkConditions() {
    std::vector<bool> conditional(out_.clauses.size(), false);
    for (size_t c = 0; c < out_.clauses.size(); ++c) {
      Clause& clause = out_.clauses[c];
      const uint32_t opening = ClauseOpening(clause);
      conditional[c] = (opening > 0 && In(Lower(opening - 1), {"if", "unless"})) ||
                       (clause.governor >= 0 && static_cast<size_t>(clause.governor) < c &&
                        conditional[clause.governor]);
      if (!conditional[c]) continue;
      if (clause.modality == Modality::kFuture) clause.modality = Modality::kHypothetical;
      MarkHypothetical(clause);
    }
  }

  void FindReportingFrames() {
    const size_t count = out_.clauses.size();
    for (size_t c = 0; c < count; ++c) {
      Clause& frame = out_.clauses[c];
      if (!IsReportingVerb(Lemma(frame.head)) || frame.voice == Voice::kPassive) continue;
      TokenSpan speaker = EffectiveSubject(out_, frame);
      uint32_t after = ComplementStart(frame);
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
    // "..., as reported by the state news agency": an aside naming who
    // told the sentence.
    for (uint32_t t = 0; t + 3 < n_; ++t) {
      if (Lower(t) == "as" && In(Lower(t + 1), {"report", "quote", "cite"}) && Lower(t + 2) == "by" &&
          np_of_[t + 3] >= 0) {
        MarkReported(0, count, out_.noun_phrases[np_of_[t + 3]]);
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
        if (!IsPreposition(Tag(t)) || np_of_[t + 1] < 0) break;
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
  // The analyzer's own per-token and per-clause lists live in per-thread
  // scratch, reused from sentence to sentence (Analyze is never re-entered
  // on a thread): allocating and freeing them was four of its allocations
  // a sentence.
  struct Scratch {
    std::vector<Pos> pos;
    std::vector<int> np_of;
    std::vector<int> clause_of_head;
    std::vector<Kind> kinds;
    std::vector<size_t> forward;
  };
  Scratch& scratch_ = util::ThreadScratch<Scratch>();
  std::vector<Pos>& pos_ = scratch_.pos;  // each token's tag
  std::vector<int>& np_of_ = scratch_.np_of;
  std::vector<int>& clause_of_head_ = scratch_.clause_of_head;
  std::vector<Kind>& kinds_ = scratch_.kinds;
  std::vector<size_t>& forward_ = scratch_.forward;
  const bool headline_;
  SentenceAnalysis out_;
  // Clauses from this index on all have a speaker, so MarkReported need
  // not look at them: a run of frames ("X said that ... Y said that ..."),
  // each marking the rest of the sentence, stays linear.
  size_t reported_suffix_ = std::numeric_limits<size_t>::max();
};

}  // namespace

SentenceAnalysis Analyze(const Sentence& sentence) { return Analyzer(sentence).Run(); }

bool IsHeadline(const Sentence& sentence) {
  const auto& tokens = sentence.tokens;
  if (tokens.size() < 2) return false;
  for (size_t k = tokens.size(); k-- > 0 && k + 3 > tokens.size();) {
    const std::string& w = tokens[k].norm;
    if (w == "." || w == "!" || w == "?" || w == "..." || w == "," || w == ":" || w == ";") return false;
    if (w != "\"" && w != "''" && w != "'" && w != ")" && w != "\xE2\x80\x9D") return true;
  }
  return true;
}

bool IsSubordinatingWord(std::string_view word) {
  static constexpr auto kWords =
      MakeWordList("as", "after", "before", "because", "while", "if", "since", "although", "though", "until", "when",
                   "once", "unless", "whether", "that", "where");
  return kWords.Contains(word);
}

bool IsQuantityNoun(std::string_view lemma) {
  static constexpr auto kNouns = MakeWordList("dozen", "score", "hundred", "thousand", "million", "ten");
  return kNouns.Contains(lemma);
}

uint32_t ClauseOpening(const Clause& clause) {
  return clause.subject.empty() ? clause.predicate.first : std::min(clause.subject.first, clause.predicate.first);
}

TokenSpan EffectiveSubject(const SentenceAnalysis& analysis, const Clause& clause) {
  const Clause* c = &clause;
  // A bounded walk: borrowing never cycles, but a bound keeps it obviously so.
  for (int guard = 0; c->subject.empty() && c->subject_from >= 0 && guard < 8; ++guard) {
    c = &analysis.clauses[c->subject_from];
  }
  return c->subject;
}

}  // namespace dyad::syntax
