#include "lexicon/verb_dictionary.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <future>
#include <iterator>
#include <thread>

#include <fmt/format.h>

#include "lexicon/peer_dictionaries.h"
#include "lexicon/peer_verbs.h"
#include "lexicon/source_lines.h"
#include "util/strings.h"

namespace dyad::lexicon {
namespace {

const std::vector<int> kNoPatterns;

// Calls `f` with each piece of `text` between `separator`s, trimmed,
// skipping the empty ones: util::Split and a filter in one pass, without
// a vector (the verb files' 40,000 lines are parsed at every startup).
template <typename F>
void ForEachPiece(std::string_view text, char separator, F&& f) {
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = util::Trim(text.substr(start, end - start));
    if (!piece.empty()) f(piece);
    start = end + 1;
  }
}

// "verbs/19_fight.txt" from ".../dict/verbs/19_fight.txt".
std::string ShortName(const std::filesystem::path& path) {
  return (path.parent_path().filename() / path.filename()).string();
}

bool IsCameoShape(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// One verb file parsed on its own, so that files can be parsed on two
// threads. A synset definition depends on the files before it (the first
// definition of a name wins), so its line is kept and applied when the
// files are merged in order, at the same place among the file's issues:
// the result is that of parsing the files one after the other.
struct VerbDictionary::ParsedFile {
  DictionaryFormat format = DictionaryFormat::kDyad;
  VerbDictionary part;  // the file's patterns, issues and synset uses
  struct Definition {
    size_t issues_before;  // part.issues_ found before this line
    int number;
    std::string text;
  };
  std::vector<Definition> definitions;
};

VerbDictionary::ParsedFile VerbDictionary::ParseFile(
    const std::filesystem::path& path, const std::function<bool(std::string_view)>& known_code) {
  ParsedFile parsed;
  VerbDictionary& part = parsed.part;
  const std::string file = path.string();
  std::optional<SourceFile> source;
  try {
    source.emplace(path);
  } catch (const std::runtime_error& e) {
    part.issues_.push_back({DictionaryIssue::Severity::kError, file, 0, e.what()});
    return parsed;
  }
  // The format from the text read once (it was read twice).
  parsed.format = DetectVerbFormatOfText(source->text());
  if (parsed.format != DictionaryFormat::kDyad) return parsed;  // for the PeerVerbReader
  const std::vector<SourceLine>& lines = source->lines();
  const std::string short_name = ShortName(path) + ':';
  part.patterns_.reserve(lines.size());  // most lines are patterns
  std::vector<std::string_view> words;    // ParseLine's scratch
  // Consecutive lines mostly have the same code: one lookup for a run.
  std::string_view last_known_code;
  const std::function<bool(std::string_view)> known = [&](std::string_view code) {
    if (code == last_known_code) return true;
    if (!known_code(code)) return false;
    last_known_code = code;  // a view into the file's text, which outlives the loop
    return true;
  };
  for (const SourceLine& line : lines) {
    if (line.text.front() == '&') {
      parsed.definitions.push_back({part.issues_.size(), line.number, std::string(line.text)});
      continue;
    }
    size_t before = part.patterns_.size();
    std::optional<PloverType> plover;
    part.ParseLine(line.text, file, line.number, known, words, plover);
    if (part.patterns_.size() > before) {
      part.patterns_.back().id = short_name + std::to_string(line.number);
      if (plover) part.plover_types_.emplace(part.patterns_.back().id, std::move(*plover));
    }
  }
  return parsed;
}

void VerbDictionary::Merge(ParsedFile& parsed, const std::string& file) {
  std::vector<DictionaryIssue>& issues = parsed.part.issues_;
  size_t taken = 0;
  auto take_issues = [&](size_t to) {
    std::move(issues.begin() + taken, issues.begin() + to, std::back_inserter(issues_));
    taken = to;
  };
  for (const ParsedFile::Definition& definition : parsed.definitions) {
    take_issues(definition.issues_before);
    ParseSynset(definition.text, file, definition.number);
  }
  take_issues(issues.size());
  std::vector<VerbPattern>& patterns = parsed.part.patterns_;
  std::move(patterns.begin(), patterns.end(), std::back_inserter(patterns_));
  std::vector<SynsetUse>& uses = parsed.part.synset_uses_;
  std::move(uses.begin(), uses.end(), std::back_inserter(synset_uses_));
  plover_types_.merge(parsed.part.plover_types_);
}

VerbDictionary VerbDictionary::Load(const std::vector<std::filesystem::path>& files,
                                    const std::function<bool(std::string_view)>& known_code,
                                    bool strict) {
  // Parsing is most of the load, and the load is startup's longest path:
  // this thread and a helper take the next unparsed file in turn, then
  // this one merges the files in order. Only with three cores or more:
  // on two, the gazetteer's and the tagger's threads (Coder::Load) keep
  // both busy already, and a helper only adds work (docs/performance.md).
  std::vector<ParsedFile> parsed(files.size());
  std::atomic<size_t> next_file = 0;
  auto parse_files = [&] {
    for (size_t i; (i = next_file.fetch_add(1)) < files.size();) {
      parsed[i] = ParseFile(files[i], known_code);
    }
  };
  {
    std::future<void> helper;
    if (files.size() > 1 && std::thread::hardware_concurrency() > 2) {
      helper = std::async(std::launch::async, parse_files);
    }
    parse_files();
    if (helper.valid()) helper.get();
  }
  VerbDictionary dictionary;
  // Sized once, so that merged patterns are not moved again as it grows.
  size_t patterns = 0;
  for (const ParsedFile& file : parsed) patterns += file.part.patterns_.size();
  dictionary.patterns_.reserve(patterns);
  PeerVerbReader peer_reader(dictionary, known_code);
  bool dyad_files = false;
  for (size_t i = 0; i < files.size(); ++i) {
    if (parsed[i].format != DictionaryFormat::kDyad) {
      peer_reader.Read(files[i], parsed[i].format);
      continue;
    }
    dyad_files = true;
    dictionary.Merge(parsed[i], files[i].string());
  }
  parsed.clear();
  peer_reader.Finish();
  if (dictionary.peer_ && dyad_files) {
    // The two kinds of pattern mean different things (a peer pattern's
    // target defaults to the first actor after the verb): no mixing.
    dictionary.issues_.push_back({DictionaryIssue::Severity::kError, files.front().string(), 0,
                                  "dyad and PETRARCH/TABARI verb files cannot be loaded together"});
  }
  dictionary.Finish();
  if (strict) ThrowOnErrors(dictionary.issues_);
  return dictionary;
}

std::vector<std::string> VerbDictionary::ParseAlternatives(std::string_view word,
                                                           const std::string& file, int line) {
  std::vector<std::string> words;
  if (word.front() == '{') {
    if (word.back() != '}' || word.size() < 3) {
      issues_.push_back({DictionaryIssue::Severity::kError, file, line,
                         fmt::format("unclosed alternatives '{}'", word)});
      return words;
    }
    const std::string_view alternatives = word.substr(1, word.size() - 2);
    words.reserve(std::count(alternatives.begin(), alternatives.end(), '|') + 1);
    ForEachPiece(alternatives, '|', [&](std::string_view w) { words.push_back(util::FoldForMatch(w)); });
    return words;
  }
  // One word: moved into the vector (a braced list would copy it).
  words.reserve(1);
  if (word.front() == '&') {
    synset_uses_.push_back({std::string(word.substr(1)), file, line});
    words.emplace_back(word);  // expanded in Finish()
  } else {
    words.push_back(util::FoldForMatch(word));
  }
  return words;
}

void VerbDictionary::ParseSynset(std::string_view text, const std::string& file, int line) {
  auto error = [&](std::string message) {
    issues_.push_back({DictionaryIssue::Severity::kError, file, line, std::move(message)});
  };
  size_t eq = text.find('=');
  std::string_view name = util::Trim(text.substr(1, eq == std::string_view::npos ? 0 : eq - 1));
  if (eq == std::string_view::npos || name.empty()) return error("expected '&NAME = word | word'");
  auto& words = synsets_[std::string(name)];
  if (!words.empty()) return error(fmt::format("synset &{} is defined twice", name));
  ForEachPiece(text.substr(eq + 1), '|',
               [&](std::string_view w) { words.push_back(util::FoldForMatch(w)); });
  if (words.empty()) error(fmt::format("synset &{} is empty", name));
}

void VerbDictionary::ParseLine(std::string_view text, const std::string& file, int line,
                               const std::function<bool(std::string_view)>& known_code,
                               std::vector<std::string_view>& words, std::optional<PloverType>& plover) {
  auto error = [&](std::string message) {
    issues_.push_back({DictionaryIssue::Severity::kError, file, line, std::move(message)});
  };
  words.clear();
  ForEachPiece(text, ' ', [&](std::string_view w) { words.push_back(w); });
  if (words.size() < 2) return error("expected 'CODE verb ...' or 'CODE noun HEAD ...'");
  // "0831/RETREAT:resign": the code, then the PLOVER type (and mode) the
  // pattern's events take instead of the CAMEO→PLOVER table's.
  if (const size_t slash = words[0].find('/'); slash != std::string_view::npos) {
    std::string_view type = words[0].substr(slash + 1);
    words[0] = words[0].substr(0, slash);
    const size_t colon = type.find(':');
    PloverType own{std::string(words[0]), std::string(type.substr(0, colon)),
                   colon == std::string_view::npos ? "" : std::string(type.substr(colon + 1))};
    const bool upper = !own.event.empty() && std::all_of(own.event.begin(), own.event.end(),
                                                         [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool lower = std::all_of(own.mode.begin(), own.mode.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
    if (!upper || !lower) {
      return error(fmt::format(
          "'{}' is no PLOVER type: expected 'CODE/TYPE' or 'CODE/TYPE:mode' (RETREAT:resign)",
          type));
    }
    plover = std::move(own);
  }
  if (!IsCameoShape(words[0]) || !known_code(words[0])) {
    return error(fmt::format("'{}' is not a CAMEO event code", words[0]));
  }
  // Built in place, not moved in (40,000 patterns), and taken out again
  // if the line turns out to be wrong.
  VerbPattern& pattern = patterns_.emplace_back();
  auto fail = [&](std::string message) {
    patterns_.pop_back();
    error(std::move(message));
  };
  pattern.code = std::string(words[0]);
  size_t next = 1;
  if (words[1] == "noun") {
    pattern.noun = true;
    next = 2;
    if (words.size() < 3) return fail("noun pattern without a head noun");
    // Head words run until the target's preposition (the word before $T) or
    // a final "between".
    size_t head_end = words.size();
    if (words.back() == "$T") {
      if (words.size() < 5) return fail("noun pattern: '$T' needs a preposition before it");
      head_end = words.size() - 2;
      pattern.elements.push_back({false, {util::FoldForMatch(words[words.size() - 2])}, {}});
      pattern.elements.push_back({true, {}, {}});
    } else if (words.back() == "between") {
      head_end = words.size() - 1;
      pattern.reciprocal = true;
    }
    if (head_end <= next) return fail("noun pattern without a head noun");
    for (size_t i = next; i + 1 < head_end; ++i) {
      pattern.head_before.push_back(ParseAlternatives(words[i], file, line));
    }
    pattern.head = util::FoldForMatch(words[head_end - 1]);
    if (pattern.head.find_first_of("{&$") != std::string::npos) {
      return fail("the head noun must be a plain word");
    }
  } else {
    pattern.head = util::FoldForMatch(words[1]);
    if (pattern.head.find_first_of("{&$") != std::string::npos) {
      return fail("a verb pattern starts with the verb lemma");
    }
    pattern.elements.reserve(words.size() - 2);  // one per word after the verb
    for (size_t i = 2; i < words.size(); ++i) {
      if (words[i] == "$T") {
        if (std::any_of(pattern.elements.begin(), pattern.elements.end(),
                        [](const PatternElement& e) { return e.target; })) {
          return fail("more than one $T");
        }
        pattern.elements.push_back({true, {}, {}});
      } else {
        auto alternatives = ParseAlternatives(words[i], file, line);
        if (alternatives.empty()) return patterns_.pop_back();  // reported
        pattern.elements.push_back({false, std::move(alternatives), {}});
      }
    }
  }
  pattern.specificity = static_cast<int>(pattern.elements.size() + pattern.head_before.size());
}

void VerbDictionary::Finish() {
  for (const SynsetUse& use : synset_uses_) {
    if (!synsets_.count(use.name)) {
      issues_.push_back({DictionaryIssue::Severity::kError, use.file, use.line,
                         fmt::format("synset &{} is not defined", use.name)});
    }
  }
  // Pattern words get integer ids for matching. A synset's ids are
  // computed once: synsets are large and used by thousands of patterns.
  auto intern = [&](const std::string& w) {
    return word_ids_.try_emplace(w, static_cast<uint32_t>(word_ids_.size())).first->second;
  };
  std::unordered_map<const std::vector<std::string>*, std::vector<uint32_t>> synset_ids;
  // Replaces synset names in `words` by their members; returns the ids.
  auto expand = [&](std::vector<std::string>& words) {
    std::vector<uint32_t> ids;
    ids.reserve(words.size());
    // Most elements name no synset: their words stay as they are.
    auto names_synset = [](const std::string& w) { return w.front() == '&'; };
    if (std::none_of(words.begin(), words.end(), names_synset)) {
      for (const std::string& w : words) ids.push_back(intern(w));
      return ids;
    }
    std::vector<std::string> expanded;
    expanded.reserve(words.size());
    for (std::string& w : words) {
      if (w.front() != '&') {
        ids.push_back(intern(w));
        expanded.push_back(std::move(w));
        continue;
      }
      auto it = synsets_.find(w.substr(1));
      if (it == synsets_.end()) continue;
      const std::vector<std::string>& members = it->second;
      auto [cached, fresh] = synset_ids.try_emplace(&members);
      if (fresh) {
        for (const std::string& m : members) cached->second.push_back(intern(m));
      }
      expanded.insert(expanded.end(), members.begin(), members.end());
      ids.insert(ids.end(), cached->second.begin(), cached->second.end());
    }
    words = std::move(expanded);
    return ids;
  };
  for (size_t i = 0; i < patterns_.size(); ++i) {
    VerbPattern& pattern = patterns_[i];
    pattern.single_words_begin = static_cast<uint32_t>(single_word_ids_.size());
    for (auto& element : pattern.elements) {
      element.ids = expand(element.words);
      if (!element.target && element.ids.size() == 1) single_word_ids_.push_back(element.ids[0]);
    }
    pattern.single_words_end = static_cast<uint32_t>(single_word_ids_.size());
    for (auto& words : pattern.head_before) pattern.head_before_ids.push_back(expand(words));
    for (auto& element : pattern.before) element.ids = expand(element.words);
    if (pattern.head_is_stem) {
      by_stem_[pattern.head].push_back(static_cast<int>(i));
    } else {
      (pattern.noun ? by_noun_ : by_verb_)[pattern.head].push_back(static_cast<int>(i));
    }
    for (const std::string& form : pattern.verb_forms) by_form_[form].push_back(static_cast<int>(i));
  }
  // Most specific first; the stable sort keeps file order among equals.
  for (auto* table : {&by_verb_, &by_noun_, &by_form_, &by_stem_}) {
    for (auto& [head, indices] : *table) {
      std::stable_sort(indices.begin(), indices.end(), [&](int a, int b) {
        return patterns_[a].specificity > patterns_[b].specificity;
      });
    }
  }
  for (const auto& [head, indices] : by_verb_) {
    AnchorIndex& index = anchors_[head];
    index.always.assign((indices.size() + 63) / 64, 0);
    for (uint32_t p = 0; p < indices.size(); ++p) {
      const PatternElement* anchor = nullptr;
      for (const PatternElement& element : patterns_[indices[p]].elements) {
        if (!element.target && (!anchor || element.ids.size() < anchor->ids.size())) anchor = &element;
      }
      if (!anchor) {
        index.always[p / 64] |= uint64_t{1} << (p % 64);
        continue;
      }
      for (uint32_t id : anchor->ids) {
        auto& list = index.by_word[id];
        if (list.empty() || list.back() != p) list.push_back(p);  // an id listed twice
      }
    }
  }
  for (const auto& [word, id] : word_ids_) {
    const size_t bit = KeyHash(word) & (kWordFilterBits - 1);
    word_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

std::vector<uint32_t> VerbDictionary::VerbCandidates(PrehashedKey lemma,
                                                     const std::vector<uint32_t>& present) const {
  auto it = anchors_.find(lemma);
  if (it == anchors_.end()) return {};
  const AnchorIndex& index = it->second;
  // A bit per position, read out in order: the anchored lists of several
  // present words overlap (an anchor's alternatives), and concatenating
  // and sorting them cost more than the lookups.
  // Per-thread storage: a vector allocated and freed per clause cost more
  // than the rest of a typical call.
  thread_local std::vector<uint64_t> chosen;
  chosen = index.always;
  auto choose = [&](const std::vector<uint32_t>& list) {
    for (uint32_t p : list) chosen[p / 64] |= uint64_t{1} << (p % 64);
  };
  // From the shorter side: most verbs anchor few words, and a binary
  // search of the sentence's words costs less than a table lookup each.
  if (index.by_word.size() < present.size()) {
    for (const auto& [id, list] : index.by_word) {
      if (std::binary_search(present.begin(), present.end(), id)) choose(list);
    }
  } else {
    for (uint32_t id : present) {
      auto found = index.by_word.find(id);
      if (found != index.by_word.end()) choose(found->second);
    }
  }
  size_t count = 0;
  for (uint64_t bits : chosen) count += std::popcount(bits);
  std::vector<uint32_t> positions;
  positions.reserve(count);
  for (size_t w = 0; w < chosen.size(); ++w) {
    for (uint64_t bits = chosen[w]; bits != 0; bits &= bits - 1) {
      positions.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(bits)));
    }
  }
  return positions;
}

const std::vector<int>& VerbDictionary::ForVerb(PrehashedKey lemma) const {
  auto it = by_verb_.find(lemma);
  return it == by_verb_.end() ? kNoPatterns : it->second;
}

std::vector<int> VerbDictionary::ForPeerVerb(std::string_view word, std::string_view lemma) const {
  // The peers look verbs up by the word as written; dyad adds the lemma so
  // that regular forms need no listing, and TABARI's stems by prefix,
  // longest first.
  std::vector<int> found;
  auto add = [&](const auto& table, std::string_view key) {
    auto it = table.find(key);
    if (it == table.end()) return;
    for (int index : it->second) {
      if (std::find(found.begin(), found.end(), index) == found.end()) found.push_back(index);
    }
  };
  add(by_form_, word);
  add(by_verb_, word);
  // A misspelt "-es" form ("departes") is no form of the verb for the
  // PETRARCHs, whose dictionaries and parsers know only the regular ones
  // (TABARI's verbs are stems: "DEPART" matches it).
  const bool es_form = word.size() == lemma.size() + 2 && word.starts_with(lemma) &&
                       word.ends_with("es");
  const bool takes_es = lemma.ends_with('s') || lemma.ends_with('x') || lemma.ends_with('z') ||
                        lemma.ends_with("ch") || lemma.ends_with("sh") || lemma.ends_with('o');
  if (!es_form || takes_es || verbs_anywhere_) add(by_verb_, lemma);
  for (size_t length = word.size(); length >= 2; --length) add(by_stem_, word.substr(0, length));
  for (size_t length = lemma.size(); length >= 2; --length) add(by_stem_, lemma.substr(0, length));
  // Most specific first across all of them ("broken down a treaty": the
  // pattern of BREAK_DOWN before the bare BREAK of the form "broken").
  std::stable_sort(found.begin(), found.end(),
                   [&](int a, int b) { return patterns_[a].specificity > patterns_[b].specificity; });
  return found;
}

std::string VerbDictionary::NegatedCode(std::string_view code) const {
  auto it = code_values_.find(std::string(code));
  if (it == code_values_.end()) return "";
  constexpr long kNegation = 0xFFFF;
  long value = it->second;
  long negated = value > kNegation ? value - kNegation : value + kNegation;
  auto back = value_codes_.find(negated);
  return back == value_codes_.end() ? "" : back->second;
}

const std::vector<int>& VerbDictionary::ForNoun(PrehashedKey lemma) const {
  auto it = by_noun_.find(lemma);
  return it == by_noun_.end() ? kNoPatterns : it->second;
}

DiscardList DiscardList::Load(const std::vector<std::filesystem::path>& files, bool strict) {
  DiscardList list;
  for (const auto& path : files) {
    const std::string file = path.string();
    const SourceFile source(path);
    if (DetectVerbFormatOfText(source.text()) != DictionaryFormat::kDyad) {
      ReadPeerDiscards(path, list);
      continue;
    }
    for (const SourceLine& line : source.lines()) {
      size_t colon = line.text.find(':');
      std::string_view scope =
          colon == std::string::npos ? "" : util::Trim(std::string_view(line.text).substr(0, colon));
      if (scope != "sentence" && scope != "document" && scope != "contest") {
        list.issues_.push_back({DictionaryIssue::Severity::kError, file, line.number,
                                "expected 'sentence: PHRASE', 'contest: PHRASE' or 'document: PHRASE'"});
        continue;
      }
      std::string_view phrase = util::Trim(std::string_view(line.text).substr(colon + 1));
      auto tokens = TokenizePhrase(phrase);
      if (tokens.empty()) {
        list.issues_.push_back({DictionaryIssue::Severity::kError, file, line.number, "empty phrase"});
        continue;
      }
      int value = static_cast<int>(list.scopes_.size());
      if (list.index_.Add(tokens, value) >= 0) {
        list.issues_.push_back({DictionaryIssue::Severity::kWarning, file, line.number,
                                fmt::format("discard phrase '{}' is listed twice", phrase)});
        continue;
      }
      list.scopes_.push_back(scope == "sentence"  ? Scope::kSentence
                             : scope == "contest" ? Scope::kContest
                                                  : Scope::kDocument);
      list.descriptions_.push_back(fmt::format("{}:{} '{}'", ShortName(path), line.number, phrase));
    }
  }
  if (strict) ThrowOnErrors(list.issues_);
  return list;
}

std::optional<DiscardList::Hit> DiscardList::Find(const MatchKeys& word_keys) const {
  // A contest phrase discards the least: a sentence or document phrase
  // later in the sentence still wins.
  std::optional<Hit> contest;
  for (size_t i = 0; i < word_keys.folded.size(); ++i) {
    auto match = index_.LongestAt(word_keys.folded, word_keys.caps, i, word_keys.hashes);
    if (match.length == 0) continue;
    if (scopes_[match.value] != Scope::kContest) return Hit{scopes_[match.value], match.value};
    if (!contest) contest = Hit{Scope::kContest, match.value};
  }
  return contest;
}

}  // namespace dyad::lexicon
