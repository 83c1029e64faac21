#include "syntax/dependencies.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "syntax/clause_finder.h"

namespace dyad::syntax {
namespace {

bool IsNoun(const std::string& tag) { return tag.rfind("NN", 0) == 0; }

bool IsTimeWord(const std::string& word) {
  static const char* const kWords[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today",
      "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week",
      "weekend", "month", "year", "years", "months", "weeks", "days", "day", "hours", "time"};
  for (const char* w : kWords) {
    if (word == w) return true;
  }
  return false;
}

bool IsMonth(const std::string& word) {
  static const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December",
                                        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
                                        "Sept.", "Oct.", "Nov.", "Dec."};
  for (const char* month : kMonths) {
    if (word == month) return true;
  }
  return false;
}

// Titles and roles written before a person's name; the name after them
// heads the phrase ("U.S. Senator John Cornyn" -> John).
bool IsTitle(const std::string& word) {
  static const char* const kTitles[] = {
      "President", "Prime", "Minister", "Ambassador", "Senator", "Sen.", "Rep.", "General",
      "Gen.", "King", "Queen", "Prince", "Chancellor", "Secretary", "Governor", "Gov.",
      "Mayor", "Judge", "Pope", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms",
      "Sheikh", "Colonel", "Col.", "Lt.", "Captain", "Capt.", "Sir", "Lord", "Vice",
      "Foreign", "Defense", "Defence", "Professor", "Prof.", "Administrator", "Director",
      "Chairman", "Chairwoman", "Commissioner", "Spokesman", "Spokeswoman", "Chief",
      "Justice", "Representative", "Councillor", "Councilor", "Emeritus", "Premier",
      "Deputy", "Attorney", "Lieutenant", "Major", "Sergeant", "Admiral", "Bishop",
      "Archbishop", "Rabbi", "Imam", "Cardinal", "Father", "Sister", "Brother", "Saint"};
  for (const char* title : kTitles) {
    if (word == title) return true;
  }
  return false;
}

// First words that make a name a place or body rather than a person's name
// ("North Korea", "New Zealand", "United Nations"): such names are
// compounds headed by their last word, where a person's name is headed by
// its first.
bool IsPlaceModifier(const std::string& word) {
  static const char* const kWords[] = {
      "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
      "Central", "New", "United", "Great", "Greater", "Upper", "Lower", "Old", "Royal",
      "National", "International", "Federal", "State", "City", "Democratic",
      "Islamic", "European", "American", "British", "Soviet", "Arab", "Middle", "Far"};
  for (const char* w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// Last words of organisation names, which head their name ("State
// Department") where a person's name is headed by its first word.
bool IsInstitution(const std::string& word) {
  static const char* const kWords[] = {
      "Department", "Ministry", "Council", "Party", "Agency", "Army", "Bank", "Court", "Committee",
      "Commission", "Office", "Union", "Organization", "Organisation", "Force", "Forces", "Navy",
      "Police", "Service", "Group", "Fund", "Association", "Institute", "University", "Company",
      "Corporation", "House", "Assembly", "Parliament", "Senate", "Congress", "Government",
      "Administration", "Authority", "Board", "Front", "Movement", "Network", "News", "Times",
      "Post", "Herald", "Journal", "Press", "Church", "Project", "Center", "Centre", "Guard",
      "League", "Federation", "Foundation", "Alliance", "Coalition", "Brigade", "Corps"};
  for (const char* w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// The head of a noun phrase as Universal Dependencies has it: the last
// noun, except in names. A name after a common noun is that noun's
// apposition ("team member Rodaba Noori" -> member); after a title the
// person's name heads, by its first word ("NASA Administrator Charles
// Bolden" -> Charles); a name of a place or body is headed by its last word
// ("North Korea", "the US State Department", "the United Nations"), as is
// any name after "the"; any other name is a person's, headed by its first
// word ("Alia Salem").
uint32_t NounPhraseHead(const TokenSpan& np, const Sentence& sentence) {
  const auto& tokens = sentence.tokens;
  uint32_t last = np.last - 1;
  // A number after a name is part of it, and a person's name does not end
  // in one: "Internet Explorer 6" is headed by Explorer (but a date's day
  // is not part of the month: "May 4").
  if (tokens[last].tag == "CD" && last > np.first && tokens[last - 1].tag == "NNP" &&
      !IsMonth(tokens[last - 1].norm)) {
    return last - 1;
  }
  if (tokens[last].tag != "NNP" && tokens[last].tag != "NNPS") return last;
  uint32_t first = last;
  // A name runs on through split-off hyphens ("Mohamed El - Hassan").
  auto in_name = [&](uint32_t t) {
    const std::string& tag = tokens[t].tag;
    return tag == "NNP" || tag == "NNPS" || (tag == "HYPH" && t > np.first);
  };
  while (first > np.first && in_name(first - 1)) --first;
  if (first > np.first && tokens[first - 1].tag.rfind("NN", 0) == 0) return first - 1;
  if (IsInstitution(tokens[last].norm) || tokens[last].tag == "NNPS") return last;
  uint32_t name = first;  // the first word after the last title
  for (uint32_t t = first; t < last; ++t) {
    if (IsTitle(tokens[t].norm)) name = t + 1;
  }
  if (name == first && IsPlaceModifier(tokens[first].norm)) return last;
  // A person's name takes no article: "the Sea Org", "the Irving School
  // District" are names of things, headed by their last word.
  if (name == first && first > np.first && (tokens[first - 1].norm == "the" || tokens[first - 1].norm == "The")) {
    return last;
  }
  return name;
}

// The head of a subject or object span: the head of its first noun phrase
// ("the owner of the company" -> owner; "Armenia and Azerbaijan" ->
// Armenia, the first conjunct).
uint32_t SpanHead(const TokenSpan& span, const std::vector<TokenSpan>& noun_phrases,
                  const Sentence& sentence) {
  for (const TokenSpan& np : noun_phrases) {
    if (np.first >= span.first && np.last <= span.last) return NounPhraseHead(np, sentence);
  }
  return span.last - 1;
}

// Infinitives ("asked the girls to enter") and reduced passives ("drones
// owned by") have an understood subject that Universal Dependencies does
// not attach: the coder uses it, the dependency view leaves it out.
bool IsControlled(const Clause& clause, const SentenceAnalysis& analysis, const Sentence& sentence,
                  bool main_clause_of_headline) {
  const auto& tokens = sentence.tokens;
  uint32_t first = clause.predicate.first;
  // Universal Dependencies attaches the subject of "for X to" to the
  // infinitive ("waited for the rain to stop").
  if (first > 0 && tokens[first - 1].tag == "TO") {
    return clause.subject.empty() || clause.subject.first == 0 || tokens[clause.subject.first - 1].norm != "for";
  }
  // A headline's participle is its main verb: "Parents prosecuted after ...".
  if (clause.voice == Voice::kPassive && first == clause.head && tokens[clause.head].tag == "VBN") {
    return !main_clause_of_headline;
  }
  // A bare -ing participle right after a verb's object modifies that noun
  // ("issued a statement regarding the ban"); so does one whose noun is
  // the subject of a later verb ("people living there say"). After a
  // preposition or in a question the pair is a clause ("with Ho defeating
  // Lee", "are you leaving").
  if (tokens[clause.head].tag == "VBG" && first == clause.head && !clause.subject.empty() &&
      clause.subject.last == first) {
    uint32_t before = clause.subject.first;
    if (before > 0) {
      const Token& verb = tokens[before - 1];
      if (verb.tag.rfind("VB", 0) == 0 && verb.lemma != "be" && verb.lemma != "do") return true;
    }
    // The verb it shares its noun with follows within a few clauses; the
    // bound keeps the view linear.
    const size_t c = static_cast<size_t>(&clause - analysis.clauses.data());
    for (size_t k = c + 1; k < analysis.clauses.size() && k <= c + 4; ++k) {
      if (analysis.clauses[k].subject == clause.subject) return true;
    }
  }
  return false;
}

// A participle after "be" that describes a state rather than an act done
// to the subject ("was pleased with", "is complicated", "was uncrowded"):
// Universal Dependencies reads it as an adjective with a copula.
bool IsAdjectivalPassive(const Clause& clause, const Sentence& sentence) {
  if (clause.voice != Voice::kPassive || !clause.agent.empty()) return false;
  static const char* const kStates[] = {
      "pleased", "worried", "surprised", "excited", "interested",
      "complicated", "satisfied", "tired", "scared", "shocked", "determined", "prepared", "related",
      "married", "dedicated", "gone", "frustrated", "delighted", "impressed", "amazed", "confused",
      "exhausted", "devastated", "thrilled", "annoyed", "upset", "embarrassed", "puzzled"};
  std::string word = sentence.tokens[clause.head].norm;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // "uncrowded", "unharmed": no verb "uncrowd" (but "unveiled" is one).
  const Token& head = sentence.tokens[clause.head];
  if (word.size() > 4 && word.rfind("un", 0) == 0 && word.substr(word.size() - 2) == "ed" &&
      (head.lemma.empty() || head.lemma == word)) {
    return true;
  }
  for (const char* state : kStates) {
    if (word == state) return true;
  }
  return false;
}

// For a clause headed by "be" with a nominal or adjectival predicate, the
// predicate: Universal Dependencies makes it the head and "be" its copula.
int CopulaPredicate(const Clause& clause, const Sentence& sentence,
                    const std::vector<int>& np_at) {
  const auto& tokens = sentence.tokens;
  if (tokens[clause.head].lemma != "be" || clause.voice == Voice::kPassive) return -1;
  uint32_t t = clause.predicate.last;
  // Adverbs and an opening quote: 'is "the main issue"'.
  while (t < tokens.size() && (tokens[t].tag.rfind("RB", 0) == 0 || tokens[t].tag == "``")) ++t;
  // "We are here", "Construction was underway at the mosque": a place
  // adverb is the predicate.
  if (t > clause.predicate.last) {
    const std::string& adverb = tokens[t - 1].norm;
    if (adverb == "here" || adverb == "there" || adverb == "underway" || adverb == "abroad" ||
        adverb == "away" || adverb == "home" || adverb == "ahead" || adverb == "alone") {
      if (t >= tokens.size() || np_at[t] < 0) return static_cast<int>(t - 1);
    }
  }
  if (t >= tokens.size()) return -1;
  // "was both an artist and", "was such a personality", "is as strong as".
  const std::string& word = tokens[t].norm;
  if ((word == "both" || word == "either" || word == "neither" || word == "such" || word == "as") &&
      t + 1 < tokens.size() && (np_at[t + 1] >= 0 || tokens[t + 1].tag.rfind("JJ", 0) == 0)) {
    ++t;
  }
  if (np_at[t] >= 0) return np_at[t];
  // "The turnout was the highest in ...": a superlative with no noun.
  if (tokens[t].tag == "DT" && t + 1 < tokens.size() && tokens[t + 1].tag.rfind("JJ", 0) == 0) ++t;
  if (tokens[t].tag.rfind("JJ", 0) == 0) {
    while (t + 1 < tokens.size() && tokens[t + 1].tag.rfind("JJ", 0) == 0) ++t;
    return static_cast<int>(t);
  }
  // "We are in contact with", "migrants may be at sea": a prepositional
  // predicate, headed by its noun.
  if (tokens[t].tag == "IN" && t + 1 < tokens.size() && np_at[t + 1] >= 0) return np_at[t + 1];
  return -1;
}

}  // namespace

std::vector<Dependency> ToDependencies(const Sentence& sentence, const SentenceAnalysis& analysis) {
  const size_t n = sentence.tokens.size();
  std::vector<Dependency> deps(n);
  std::vector<bool> set(n, false);
  auto attach = [&](uint32_t dependent, uint32_t head, const char* relation) {
    if (dependent >= n || dependent == head || set[dependent]) return;
    deps[dependent] = {static_cast<int>(head) + 1, relation};
    set[dependent] = true;
  };

  // The root: the first clause whose subject is its own, else the first.
  int root = -1;
  for (size_t c = 0; c < analysis.clauses.size(); ++c) {
    if (!analysis.clauses[c].subject.empty()) {
      root = static_cast<int>(analysis.clauses[c].head);
      break;
    }
  }
  if (root < 0 && !analysis.clauses.empty()) root = static_cast<int>(analysis.clauses[0].head);
  if (root < 0 && !analysis.noun_phrases.empty()) root = static_cast<int>(analysis.noun_phrases[0].last - 1);
  if (root < 0) root = 0;
  deps[root] = {0, "root"};
  const int first_root = root;
  const bool headline = IsHeadline(sentence);
  set[root] = true;

  // np_at[t]: the head of the noun phrase starting at token t, or -1.
  std::vector<int> np_at(n, -1);
  for (const TokenSpan& np : analysis.noun_phrases) np_at[np.first] = static_cast<int>(NounPhraseHead(np, sentence));

  // Core arguments first: a phrase that is one clause's subject and another
  // clause's prepositional phrase keeps the subject relation.
  std::vector<int> argument_head;  // per clause; -1 for copular clauses
  for (const Clause& clause : analysis.clauses) {
    const bool passive = clause.voice == Voice::kPassive && !IsAdjectivalPassive(clause, sentence);
    uint32_t head = clause.head;
    int predicate = CopulaPredicate(clause, sentence, np_at);
    const bool expletive = !clause.subject.empty() && sentence.tokens[clause.subject.first].tag == "EX";
    if (predicate >= 0 && !expletive) {
      // "The theme was water security": security heads, "was" is its copula.
      if (static_cast<int>(head) == root) {
        deps[head] = {predicate + 1, "cop"};
        deps[predicate] = {0, "root"};
        set[predicate] = true;
        root = predicate;
      } else {
        attach(head, static_cast<uint32_t>(predicate), "cop");
      }
      head = static_cast<uint32_t>(predicate);
    }
    // A relative pronoun is the subject of its clause ("the team, which won").
    uint32_t before = clause.predicate.first;
    if (before > 0 && (sentence.tokens[before - 1].tag == "WDT" || sentence.tokens[before - 1].tag == "WP")) {
      attach(before - 1, head, passive ? "nsubj:pass" : "nsubj");
    } else if (expletive && !clause.object.empty()) {
      // "There were teams": the noun after "be" is the subject.
      attach(clause.subject.first, head, "expl");
      attach(SpanHead(clause.object, analysis.noun_phrases, sentence), head, "nsubj");
    } else if (!clause.subject.empty() && !IsControlled(clause, analysis, sentence, headline && static_cast<int>(clause.head) == first_root)) {
      attach(SpanHead(clause.subject, analysis.noun_phrases, sentence), head,
             passive ? "nsubj:pass" : "nsubj");
    }
    argument_head.push_back(predicate < 0 ? static_cast<int>(head) : -1);
  }
  // Objects after every subject: "said the fisherman noticed" makes
  // "fisherman" the subject of "noticed", not the object of "said".
  // A passive keeps a second object ("were denied visas"); a time phrase
  // after the verb is no object ("was arrested Monday").
  for (size_t c = 0; c < analysis.clauses.size(); ++c) {
    const Clause& clause = analysis.clauses[c];
    if (argument_head[c] < 0) continue;
    if (!clause.object.empty()) {
      uint32_t object = SpanHead(clause.object, analysis.noun_phrases, sentence);
      if (clause.voice != Voice::kPassive || !IsTimeWord(sentence.tokens[object].norm)) {
        attach(object, argument_head[c], "obj");
      }
    }
    // "which the Church describes as", "a penalty which the referee
    // awarded": a relative pronoun before the clause's own subject is its
    // object.
    if (!clause.subject.empty() && clause.voice != Voice::kPassive && clause.subject.first > 0 &&
        clause.subject.last <= clause.predicate.first) {
      const Token& pronoun = sentence.tokens[clause.subject.first - 1];
      if ((pronoun.tag == "WDT" || pronoun.tag == "WP") && pronoun.norm != "what" && pronoun.norm != "What") {
        attach(clause.subject.first - 1, argument_head[c], "obj");
      }
    }
  }
  // A prepositional phrase that several clauses list belongs to the nearest
  // verb before it ("one of the nations covered by the ban": "by the ban"
  // goes with "covered", not "is"), so later clauses claim theirs first.
  for (size_t c = analysis.clauses.size(); c-- > 0;) {
    const Clause& clause = analysis.clauses[c];
    for (const Oblique& oblique : clause.obliques) {
      if (oblique.preposition < clause.head) continue;
      uint32_t np_head = SpanHead(oblique.phrase, analysis.noun_phrases, sentence);
      bool agent = oblique.phrase == clause.agent && !clause.agent.empty();
      attach(np_head, clause.head, agent ? "obl:agent" : "obl");
      attach(oblique.preposition, np_head, "case");
    }
  }
  for (const Clause& clause : analysis.clauses) {
    const uint32_t head = clause.head;
    const bool passive = clause.voice == Voice::kPassive;
    const bool adjectival = IsAdjectivalPassive(clause, sentence);
    for (uint32_t t = clause.predicate.first; t < head; ++t) {
      const Token& token = sentence.tokens[t];
      if (token.norm == "not" || token.norm == "n't" || token.norm == "never") {
        attach(t, head, "advmod");
      } else if (token.tag.rfind("VB", 0) == 0 || token.tag == "MD") {
        const bool be = token.lemma == "be";
        attach(t, head, be && adjectival ? "cop" : be && passive ? "aux:pass" : "aux");
      } else {
        attach(t, head, "advmod");
      }
    }
    for (uint32_t particle : clause.particles) attach(particle, head, "compound:prt");
    if (static_cast<int>(head) != root) attach(head, root, "dep");
  }
  for (const TokenSpan& np : analysis.noun_phrases) {
    uint32_t np_head = NounPhraseHead(np, sentence);
    for (uint32_t t = np.first; t < np.last; ++t) {
      if (t == np_head) continue;
      const std::string& tag = sentence.tokens[t].tag;
      const char* relation = tag == "DT" || tag == "PDT" ? "det"
                             : tag == "PRP$"            ? "nmod:poss"
                             : tag == "POS"             ? "case"
                             : tag == "CD"              ? "nummod"
                             : IsNoun(tag)              ? "compound"
                                                        : "amod";
      attach(t, np_head, relation);
    }
  }
  for (size_t t = 0; t < n; ++t) attach(static_cast<uint32_t>(t), root, "dep");
  return deps;
}

}  // namespace dyad::syntax
