// WordNet's morphy, specialised by Penn tag. For an inflected form the

// exception list (verb.exc: "sold sell") is consulted first; otherwise the
// detachment rules for the tag strip a suffix and, where the rule says so,
// append a replacement ("countries" -ies+y -> "country"), and the first
// candidate that WordNet's index lists for that part of speech wins.
//
// Two candidates can both be real verbs: "hoped" gives "hope" (ed -> e) and
// "hop" (ed -> ""), "singing" gives "singe" and "sing". English doubles a
// final consonant after a single short vowel before -ed/-ing ("hopped"), so
// when the bare stem ends consonant-vowel-consonant the stem+e reading is
// the one that produced an undoubled form; otherwise the bare stem wins.
//
// Most candidates are prefixes of the word itself and need no copy; the two
// rules that append letters (-ies -> y, -ing -> e) write into a stack buffer.
#include "tag/lemmatizer.h"

#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/file.h"

namespace dyad::tag {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// True for stems like "hop", "fin", "hat": consonant, one vowel, consonant.
bool EndsConsonantVowelConsonant(std::string_view stem) {
  if (stem.size() < 3) return false;
  char c1 = stem[stem.size() - 3];
  char v = stem[stem.size() - 2];
  char c2 = stem.back();
  return !IsVowel(c1) && IsVowel(v) && !IsVowel(c2) && c2 != 'w' && c2 != 'x' &&
         c2 != 'y';
}

// Writes `stem` + `ending` into `buffer` (kBufferSize bytes, enough for any
// word of at most kMaxWord bytes plus a short ending).
std::string_view Join(std::string_view stem, std::string_view ending,
                      char* buffer) {
  std::memcpy(buffer, stem.data(), stem.size());
  std::memcpy(buffer + stem.size(), ending.data(), ending.size());
  return {buffer, stem.size() + ending.size()};
}

std::string_view Drop(std::string_view s, size_t n) {
  return s.substr(0, s.size() - n);
}

// Lemmas of clitics and contracted auxiliaries, whatever their tag.
std::string_view CliticLemma(std::string_view lower, Pos tag) {
  if (lower == "'s") return tag == Pos::kVBZ ? "be" : "'s";
  if (lower == "'re" || lower == "'m") return "be";
  if (lower == "'ve") return "have";
  if (lower == "'ll" || lower == "wo") return "will";
  if (lower == "'d") return tag == Pos::kVBD ? "have" : "would";
  if (lower == "ca") return "can";
  if (lower == "n't") return "not";
  return {};
}

}  // namespace

std::string_view Lemmatizer::ReadOwned(const std::filesystem::path& path) {
  files_.push_back(std::make_unique<std::string>(util::ReadFile(path)));
  return *files_.back();
}

// index.* lines are "lemma pos synset_cnt ..."; the licence header lines
// start with a space. Multi-word lemmas (with '_') cannot match one token.
void Lemmatizer::LoadIndex(const std::filesystem::path& path, WordSet& words) {
  std::string_view text = ReadOwned(path);
  words.Reserve(text.size() / 40);
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty() || line[0] == ' ') continue;
    std::string_view lemma = line.substr(0, line.find(' '));
    if (lemma.find('_') != std::string_view::npos) continue;
    words.Insert(lemma);
  }
}

// *.exc lines are "form lemma [lemma ...]"; the first lemma is kept.
void Lemmatizer::LoadExceptions(const std::filesystem::path& path,
                                ExceptionMap& map) {
  std::string_view text = ReadOwned(path);
  map.Reserve(text.size() / 16);
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty()) continue;
    size_t space = line.find(' ');
    if (space == 0 || space == std::string_view::npos) {
      throw std::runtime_error(path.string() + ":" +
                               std::to_string(line_number) +
                               ": expected 'form lemma'");
    }
    std::string_view form = line.substr(0, space);
    std::string_view rest = line.substr(space + 1);
    std::string_view lemma = rest.substr(0, rest.find(' '));
    if (form.find('_') != std::string_view::npos) continue;
    map.Emplace(form, lemma);
  }
}

Lemmatizer Lemmatizer::Load(const std::filesystem::path& wordnet_dir) {
  Lemmatizer lemmatizer;
  lemmatizer.LoadIndex(wordnet_dir / "index.verb", lemmatizer.verbs_);
  lemmatizer.LoadIndex(wordnet_dir / "index.noun", lemmatizer.nouns_);
  lemmatizer.LoadIndex(wordnet_dir / "index.adj", lemmatizer.adjectives_);
  lemmatizer.LoadExceptions(wordnet_dir / "verb.exc",
                            lemmatizer.verb_exceptions_);
  lemmatizer.LoadExceptions(wordnet_dir / "noun.exc",
                            lemmatizer.noun_exceptions_);
  lemmatizer.LoadExceptions(wordnet_dir / "adj.exc",
                            lemmatizer.adjective_exceptions_);
  return lemmatizer;
}

std::string_view Lemmatizer::VerbLemma(std::string_view lower, Pos tag,
                                       char* buffer) const {
  if (const std::string_view* lemma = verb_exceptions_.Find(lower)) return *lemma;
  const bool base = tag == Pos::kVB || tag == Pos::kVBP;
  if (base && verbs_.Contains(lower)) return lower;

  auto third_person = [&]() -> std::string_view {
    if (!EndsWith(lower, "s")) return {};
    if (auto c = Drop(lower, 1); verbs_.Contains(c)) return c;
    if (EndsWith(lower, "ies")) {
      if (auto c = Join(Drop(lower, 3), "y", buffer); verbs_.Contains(c)) {
        return c;
      }
    }
    if (EndsWith(lower, "es")) {
      if (auto c = Drop(lower, 2); verbs_.Contains(c)) return c;
    }
    return {};
  };
  // Both the stem+e and the bare stem are candidates; see the file comment.
  auto choose = [&](std::string_view with_e, std::string_view bare) {
    bool e_ok = verbs_.Contains(with_e);
    bool bare_ok = verbs_.Contains(bare);
    if (e_ok && bare_ok) {
      return EndsConsonantVowelConsonant(bare) ? with_e : bare;
    }
    if (e_ok) return with_e;
    if (bare_ok) return bare;
    return std::string_view{};
  };
  auto past = [&]() -> std::string_view {
    if (!EndsWith(lower, "ed")) return {};
    return choose(Drop(lower, 1), Drop(lower, 2));
  };
  auto gerund = [&]() -> std::string_view {
    if (!EndsWith(lower, "ing") || lower.size() < 5) return {};
    std::string_view bare = Drop(lower, 3);
    return choose(Join(bare, "e", buffer), bare);
  };

  std::string_view found;
  switch (tag) {
    case Pos::kVBZ:
      found = third_person();
      break;
    case Pos::kVBD:
    case Pos::kVBN:
      found = past();
      break;
    case Pos::kVBG:
      found = gerund();
      break;
    default:
      break;
  }
  if (!found.empty()) return found;
  if (verbs_.Contains(lower)) return lower;
  if (found = third_person(); !found.empty()) return found;
  if (found = past(); !found.empty()) return found;
  return gerund();
}

std::string_view Lemmatizer::NounLemma(std::string_view lower, Pos tag,
                                       char* buffer) const {
  if (tag != Pos::kNNS && nouns_.Contains(lower)) return lower;
  if (const std::string_view* lemma = noun_exceptions_.Find(lower)) return *lemma;
  if (EndsWith(lower, "s")) {
    if (auto c = Drop(lower, 1); nouns_.Contains(c)) return c;
    static constexpr std::string_view kSuffixes[] = {"ses", "xes", "zes", "ches", "shes"};
    for (std::string_view suffix : kSuffixes) {
      if (EndsWith(lower, suffix)) {
        if (auto c = Drop(lower, 2); nouns_.Contains(c)) return c;
      }
    }
    if (EndsWith(lower, "ies")) {
      if (auto c = Join(Drop(lower, 3), "y", buffer); nouns_.Contains(c)) {
        return c;
      }
    }
  }
  if (EndsWith(lower, "men")) {
    if (auto c = Join(Drop(lower, 3), "man", buffer); nouns_.Contains(c)) {
      return c;
    }
  }
  if (nouns_.Contains(lower)) return lower;
  return {};
}

std::string_view Lemmatizer::AdjectiveLemma(std::string_view lower,
                                            char* /*buffer*/) const {
  if (const std::string_view* lemma = adjective_exceptions_.Find(lower)) {
    return *lemma;
  }
  if (EndsWith(lower, "er")) {
    if (auto c = Drop(lower, 2); adjectives_.Contains(c)) return c;
    if (auto c = Drop(lower, 1); adjectives_.Contains(c)) return c;
  }
  if (EndsWith(lower, "est")) {
    if (auto c = Drop(lower, 3); adjectives_.Contains(c)) return c;
    if (auto c = Drop(lower, 2); adjectives_.Contains(c)) return c;
  }
  return {};
}

std::string Lemmatizer::Lemma(std::string_view word, Pos tag) const {
  if (tag == Pos::kNNP || tag == Pos::kNNPS) return std::string(word);
  auto fold = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  if (word.size() > kMaxWord) {
    std::string lower(word);
    for (char& c : lower) c = fold(c);
    return lower;
  }
  char lower_buffer[kBufferSize];
  for (size_t i = 0; i < word.size(); ++i) lower_buffer[i] = fold(word[i]);
  const std::string_view lower(lower_buffer, word.size());
  if (std::string_view clitic = CliticLemma(lower, tag); !clitic.empty()) {
    return std::string(clitic);
  }
  char buffer[kBufferSize];
  std::string_view found;
  if (dyad::tag::IsVerb(tag)) {
    found = VerbLemma(lower, tag, buffer);
    if (found.empty()) {
      // British -is- spellings WordNet lacks: try the -iz- form.
      size_t is = lower.rfind("is");
      if (is != std::string_view::npos && is + 2 < lower.size() &&
          (lower[is + 2] == 'e' || lower.substr(is + 2, 3) == "ing")) {
        char variant[kBufferSize];
        std::memcpy(variant, lower.data(), lower.size());
        variant[is + 1] = 'z';
        found = VerbLemma({variant, lower.size()}, tag, buffer);
        if (!found.empty()) return std::string(found);
      }
    }
  } else if (tag == Pos::kNN || tag == Pos::kNNS) {
    found = NounLemma(lower, tag, buffer);
    if (found.empty() && tag == Pos::kNNS) {
      // Plurals WordNet does not know: undo the regular inflection.
      if (EndsWith(lower, "ies") && lower.size() > 4) {
        found = Join(Drop(lower, 3), "y", buffer);
      } else if (EndsWith(lower, "s") && !EndsWith(lower, "ss") &&
                 !EndsWith(lower, "us") && !EndsWith(lower, "is")) {
        found = Drop(lower, 1);
      }
    }
  } else if (tag == Pos::kJJR || tag == Pos::kJJS) {
    found = AdjectiveLemma(lower, buffer);
  }
  return std::string(found.empty() ? lower : found);
}

}  // namespace dyad::tag
