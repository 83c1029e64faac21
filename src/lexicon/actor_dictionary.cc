#include "lexicon/actor_dictionary.h"

#include <algorithm>

#include <fmt/format.h>

#include "lexicon/peer_dictionaries.h"
#include "lexicon/source_lines.h"
#include "text/segmenter.h"
#include "util/date.h"
#include "util/strings.h"

namespace dyad::lexicon {
namespace {

bool IsCode(std::string_view s) {
  if (s.size() < 3 || s.size() % 3 != 0) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "the US-led coalition", "Saudi-led forces": a body a country leads is
// coded as the country's (news coding's convention), so match keys drop
// "-led", in text and dictionary phrases alike ("Iranian-backed" stays
// whole: backing is not leading).
std::string_view WithoutLed(std::string_view word) {
  if (word.size() > 4 && word.ends_with("-led")) word.remove_suffix(4);
  return word;
}

// ASCII letters and digits in words separated by single spaces ("Ilham
// Aliyev", "G20"): the tokenizer splits such a phrase at its spaces and
// nowhere else, and changes none of its words. Most dictionary names are
// such phrases, and TokenizePhrase splits them itself: running the
// tokenizer on every name was a third of the actor dictionary's load.
bool IsPlainWords(std::string_view phrase) {
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (phrase.empty() || !alnum(phrase.front()) || !alnum(phrase.back())) return false;
  for (size_t i = 1; i < phrase.size(); ++i) {
    if (!alnum(phrase[i]) && (phrase[i] != ' ' || phrase[i - 1] == ' ')) return false;
  }
  return true;
}

// An ASCII word folded as util::FoldForMatch folds it (ASCII capitals
// lower-cased, nothing else changed): its key's hash (KeyHash) and whether
// the word is in capitals (util::IsAllCaps).
struct AsciiKey {
  size_t hash;
  bool caps;
};
// What FoldAscii needs to know of each byte: its folded form and its kind
// (a bit each for capital, small letter and non-ASCII byte). Two table
// reads a byte instead of the range tests: the loop runs for every byte of
// every token, and the tests cost about twice as many instructions.
struct ByteTables {
  static constexpr uint8_t kCapital = 1, kSmall = 2, kNonAscii = 4;
  unsigned char folded[256];
  uint8_t kind[256];
  constexpr ByteTables() : folded(), kind() {
    for (int c = 0; c < 256; ++c) {
      const bool capital = c >= 'A' && c <= 'Z';
      folded[c] = static_cast<unsigned char>(capital ? c + ('a' - 'A') : c);
      kind[c] = capital ? kCapital : (c >= 'a' && c <= 'z') ? kSmall : c >= 0x80 ? kNonAscii : 0;
    }
  }
};
constexpr ByteTables kBytes;

// Folds an ASCII word into `key` (room for its size), hashing the key and
// testing for capitals in the same pass; nullopt, with `key` left
// unspecified, when the word has other bytes. Nearly every token is ASCII,
// and folding, hashing and the capitals test were each a separate walk over
// every token of every sentence.
std::optional<AsciiKey> FoldAscii(std::string_view word, char* key) {
  uint8_t kinds = 0;  // every byte's kind or-ed
  uint64_t hash = kKeyHashStart;
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    const unsigned char folded = kBytes.folded[c];
    kinds |= kBytes.kind[c];
    key[i] = static_cast<char>(folded);
    hash = KeyHashStep(hash, folded);
  }
  if (kinds & ByteTables::kNonAscii) return std::nullopt;
  return AsciiKey{KeyHashEnd(hash), (kinds & (ByteTables::kCapital | ByteTables::kSmall)) == ByteTables::kCapital};
}

}  // namespace

std::vector<PhraseIndex::PhraseToken> TokenizePhrase(std::string_view phrase) {
  std::vector<PhraseIndex::PhraseToken> tokens;
  // Exact-case words keep their capitals: they are matched as written.
  auto add = [&tokens](std::string_view word) {
    word = WithoutLed(word);
    const bool exact = NeedsExactCase(word);
    tokens.push_back({exact ? std::string(word) : util::FoldForMatch(word), exact});
  };
  if (IsPlainWords(phrase)) {
    for (size_t start = 0; start < phrase.size();) {
      size_t end = std::min(phrase.find(' ', start), phrase.size());
      add(phrase.substr(start, end - start));
      start = end + 1;
    }
    return tokens;
  }
  for (const Sentence& sentence : text::Segment(phrase, 0, phrase.size())) {
    for (const Token& token : sentence.tokens) add(token.norm);
  }
  return tokens;
}

void MatchKeys::ForTokens(const std::vector<Token>& tokens, bool use_lemmas, MatchKeys& keys) {
  size_t chars = 0;
  for (const Token& token : tokens) chars += token.norm.size();
  keys.folded.Clear(chars);  // the words' keys fit: folding ASCII keeps the size
  keys.folded.reserve(tokens.size());
  keys.caps.clear();
  keys.caps.reserve(tokens.size());
  keys.hashes.clear();
  keys.hashes.reserve(tokens.size());
  keys.own.clear();
  std::string other;  // a key folded by util::FoldForMatch, before it is added
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    const std::string_view word = WithoutLed(token.norm);
    std::optional<AsciiKey> ascii;
    if (!use_lemmas || token.lemma.empty()) ascii = FoldAscii(word, keys.folded.Room(word.size()));
    if (ascii) {
      keys.folded.Add(word.size());
    } else {
      util::FoldForMatch(use_lemmas && !token.lemma.empty() ? WithoutLed(token.lemma) : word, other);
      keys.folded.Add(other);
      ascii = AsciiKey{PhraseIndex::KeyHash(other), util::IsAllCaps(word)};
    }
    keys.caps.push_back(ascii->caps);
    keys.hashes.push_back(ascii->hash);
  }
}

void MatchKeys::LemmasFor(const std::vector<Token>& tokens, const MatchKeys& word_keys, MatchKeys& keys) {
  // Copied whole, then the tokens whose lemma differs get a key of their
  // own: one copy of each vector costs less than building them key by key.
  keys = word_keys;  // capitals are always the norm's
  keys.own.assign(tokens.size(), 0);
  std::string other;  // a key folded by util::FoldForMatch, before it is set
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    // A lemma equal to the word's folded key ("the" of "The") folds to it
    // too: folding is idempotent.
    if (token.lemma.empty() || util::SameText(token.lemma, token.norm) ||
        util::SameText(token.lemma, word_keys.folded[t])) {
      continue;
    }
    keys.own[t] = 1;
    if (auto ascii = FoldAscii(token.lemma, keys.folded.Room(token.lemma.size()))) {
      keys.folded.Set(t, token.lemma.size());
      keys.hashes[t] = ascii->hash;
    } else {
      util::FoldForMatch(token.lemma, other);
      keys.folded.Set(t, other);
      keys.hashes[t] = PhraseIndex::KeyHash(other);
    }
  }
}

ActorDictionary ActorDictionary::Load(const std::vector<std::filesystem::path>& files, bool strict) {
  ActorDictionary dictionary;
  for (const auto& file : files) {
    // Read once, for the format and for the dyad reader.
    std::optional<SourceFile> source;
    try {
      source.emplace(file);
    } catch (const std::runtime_error& e) {
      dictionary.issues_.push_back({DictionaryIssue::Severity::kError, file.string(), 0, e.what()});
      continue;
    }
    DictionaryFormat format = DetectFormatOfText(source->text());
    if (format == DictionaryFormat::kDyad) {
      dictionary.ParseFile(file, *source);
    } else {
      PeerDictionaryReader::ReadActors(file, format, dictionary);
    }
  }
  if (strict) ThrowOnErrors(dictionary.issues_);
  return dictionary;
}

int ActorDictionary::AddEntry(ActorEntry entry, const std::vector<Phrase>& phrases,
                              DictionaryIssue::Severity duplicate) {
  int index = static_cast<int>(entries_.size());
  entries_.push_back(std::move(entry));
  for (const Phrase& phrase : phrases) {
    int previous = index_.Add(phrase.tokens, index);
    if (previous >= 0 && previous != index) {
      const ActorEntry& other = entries_[previous];
      issues_.push_back({duplicate, entries_[index].file, phrase.line,
                         fmt::format("phrase '{}' is already defined at {}:{}", phrase.text,
                                     other.file, other.line)});
    }
  }
  return index;
}

int ActorDictionary::AddSharedPhrase(const Phrase& phrase, int person) {
  std::string key;
  for (const auto& token : phrase.tokens) key += token.key + ' ';
  auto [it, added] = shared_.try_emplace(key, static_cast<int>(entries_.size()));
  if (added) {
    ActorEntry group;
    group.name = phrase.text;
    group.file = entries_[person].file;
    group.line = phrase.line;
    group.person = true;
    entries_.push_back(std::move(group));
    if (index_.Add(phrase.tokens, it->second) != -1) return -1;
  }
  entries_[it->second].shared_by.push_back(person);
  return it->second;
}

void ActorDictionary::ParseFile(const std::filesystem::path& path, const SourceFile& source) {
  const std::string file = path.string();
  const std::vector<SourceLine>& lines = source.lines();
  auto error = [&](int line, std::string message) {
    issues_.push_back({DictionaryIssue::Severity::kError, file, line, std::move(message)});
  };
  int current = -1;
  for (const SourceLine& line : lines) {
    if (!line.indented) {
      ActorEntry entry;
      entry.file = file;
      entry.line = line.number;
      std::string_view text = line.text;
      size_t arrow = text.find("=>");
      std::string_view phrases = text.substr(0, arrow);
      if (arrow != std::string_view::npos) {
        std::string_view code = util::Trim(text.substr(arrow + 2));
        if (!IsCode(code)) {
          error(line.number, fmt::format("'{}' is not an actor code", code));
          current = -1;
          continue;
        }
        entry.roles.push_back({std::string(code), INT_MIN, INT_MAX, false});
      }
      entry.name = std::string(util::Trim(util::Split(phrases, '|').front()));
      std::vector<Phrase> list;
      std::vector<Phrase> shared;
      for (std::string_view phrase : util::Split(phrases, '|')) {
        const bool is_shared = phrase.starts_with('~');
        if (is_shared) phrase.remove_prefix(1);
        if (phrase.empty()) {
          error(line.number, "empty phrase");
          continue;
        }
        (is_shared ? shared : list).push_back({std::string(phrase), TokenizePhrase(phrase), line.number});
      }
      if (!shared.empty() && entry.name.starts_with('~')) {
        error(line.number, "the first phrase names the entry and cannot be shared ('~')");
      }
      current = AddEntry(std::move(entry), list, DictionaryIssue::Severity::kError);
      for (const Phrase& phrase : shared) {
        if (AddSharedPhrase(phrase, current) < 0) {
          error(line.number, fmt::format("shared phrase '~{}' is also an unshared phrase of another entry",
                                         phrase.text));
        }
      }
      continue;
    }
    if (current < 0) {
      error(line.number, "indented line outside an entry");
      continue;
    }
    ActorEntry& entry = entries_[current];
    std::vector<std::string_view> words;
    for (std::string_view w : util::Split(line.text, ' ')) {
      if (!w.empty()) words.push_back(w);
    }
    if (words[0] == "test") {
      auto date = words.size() == 3 ? util::ParseIsoDate(words[1]) : std::nullopt;
      if (!date || !IsCode(words[2])) {
        error(line.number, "expected 'test YYYY-MM-DD CODE'");
        continue;
      }
      entry.tests.push_back({*date, std::string(words[2]), line.number});
      continue;
    }
    if (!IsCode(words[0]) || words.size() > 2) {
      error(line.number, fmt::format("expected 'CODE [FROM..TO]', got '{}'", line.text));
      continue;
    }
    ActorRole role{std::string(words[0]), INT_MIN, INT_MAX, false};
    if (words.size() == 2) {
      std::string_view range = words[1];
      size_t dots = range.find("..");
      std::optional<int> from, to;
      bool ok = dots != std::string_view::npos;
      if (ok && dots > 0) ok = (from = util::ParsePartialDate(range.substr(0, dots), false)).has_value();
      if (ok && dots + 2 < range.size())
        ok = (to = util::ParsePartialDate(range.substr(dots + 2), true)).has_value();
      if (!ok) {
        error(line.number, fmt::format("bad date range '{}' (want FROM..TO, ISO dates)", range));
        continue;
      }
      role.from = from.value_or(INT_MIN);
      role.to = to.value_or(INT_MAX);
      role.dated = true;
      if (role.from > role.to) {
        error(line.number, fmt::format("date range '{}' ends before it starts", range));
        continue;
      }
      for (const ActorRole& other : entry.roles) {
        if (other.dated && other.code != role.code && other.from <= role.to && role.from <= other.to) {
          error(line.number, fmt::format("role {} overlaps role {} of the same entry", role.code,
                                         other.code));
        }
      }
      entry.person = true;
    }
    entry.roles.push_back(std::move(role));
  }
  for (const ActorEntry& entry : entries_) {
    if (entry.file == file && entry.roles.empty() && entry.shared_by.empty()) {
      error(entry.line, fmt::format("entry '{}' has no code", entry.name));
    }
  }
}

std::vector<ActorMatch> ActorDictionary::FindAll(const MatchKeys& keys) const {
  std::vector<ActorMatch> matches;
  for (size_t i = 0; i < keys.folded.size();) {
    auto match = index_.LongestAt(keys.folded, keys.caps, i, keys.hashes);
    if (match.length == 0) {
      ++i;
      continue;
    }
    // Room for a sentence's usual few at the first: growing one by one
    // reallocated at the second and third match of half the sentences.
    if (matches.empty()) matches.reserve(kUsualMatches);
    matches.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + match.length), match.value});
    i += match.length;
  }
  return matches;
}

std::optional<std::string> ActorDictionary::Resolve(int entry_index, std::optional<int> date) const {
  const ActorEntry& entry = entries_[entry_index];
  if (!entry.shared_by.empty()) {
    // "Bush" in 1991 and in 2003 names a different president; "Castro"
    // in 2010 is ambiguous only if both brothers held different roles.
    std::optional<std::string> code;
    for (int person : entry.shared_by) {
      for (const ActorRole& role : entries_[person].roles) {
        if (!date || !role.dated || role.from > *date || *date > role.to || role.code.empty()) continue;
        if (code && *code != role.code) return std::nullopt;
        code = role.code;
      }
    }
    return code;
  }
  // An empty code is an actor named on purpose but not coded.
  auto coded = [](const std::string& code) {
    return code.empty() ? std::nullopt : std::optional<std::string>(code);
  };
  const ActorRole* undated = nullptr;
  const ActorRole* latest_before = nullptr;
  const ActorRole* latest_national_before = nullptr;  // not an IGO/NGO/IMG/MNC role
  const ActorRole* latest = nullptr;
  for (const ActorRole& role : entry.roles) {
    if (!role.dated) {
      undated = &role;
      continue;
    }
    if (!latest || role.from > latest->from) latest = &role;
    if (!date) continue;
    if (role.from <= *date && *date <= role.to) return coded(role.code);
    if (role.to >= *date) continue;
    if (!latest_before || role.to > latest_before->to) latest_before = &role;
    bool national = !role.code.starts_with("IGO") && !role.code.starts_with("NGO") &&
                    !role.code.starts_with("IMG") && !role.code.starts_with("MNC");
    if (national && (!latest_national_before || role.to > latest_national_before->to)) {
      latest_national_before = &role;
    }
  }
  if (undated) return coded(undated->code);
  if (!date) return latest ? coded(latest->code) : std::nullopt;
  // A former office holder is an elite of the country they served, even
  // when their last post was international (a minister turned IMF head).
  const ActorRole* former = latest_national_before ? latest_national_before : latest_before;
  if (former && entry.elite_after_roles && !former->code.empty()) return former->code.substr(0, 3) + "ELI";
  return std::nullopt;
}

std::optional<std::string> ActorDictionary::Lookup(std::string_view phrase,
                                                   std::optional<int> date) const {
  std::vector<Token> tokens;
  for (const Sentence& s : text::Segment(phrase, 0, phrase.size()))
    tokens.insert(tokens.end(), s.tokens.begin(), s.tokens.end());
  MatchKeys keys = MatchKeys::ForTokens(tokens, false);
  auto match = index_.LongestAt(keys.folded, keys.caps, 0);
  if (match.length == 0 || match.length != keys.folded.size()) return std::nullopt;
  return Resolve(match.value, date);
}

}  // namespace dyad::lexicon
