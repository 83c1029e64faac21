#include "lexicon/peer_verbs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "util/strings.h"

namespace dyad::lexicon {
namespace fs = std::filesystem;
namespace {

using Severity = DictionaryIssue::Severity;
using Token = PeerVerbReader::Token;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A meaningful line of a peer verb file, comments removed.
struct Line {
  int number = 0;
  std::string text;
};

// Removes PETRARCH's '#' and <!-- --> comments and TABARI's ';' comments
// ('#' inside [...] belongs to the code "###"), and TABARI's <TIME>
// section, which holds time-shift phrases rather than verbs.
std::vector<Line> ReadLines(const fs::path& path, DictionaryFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read dictionary file " + path.string());
  std::vector<Line> lines;
  std::string raw;
  bool in_comment = false, in_time = false;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    std::string text = StripPeerComments(raw, "<!--", format == DictionaryFormat::kPetrarch, in_comment);
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::string_view trimmed = util::Trim(text);
    if (trimmed.empty()) continue;
    if (trimmed.starts_with("~~")) break;  // TABARI's end of dictionary
    if (trimmed == "<TIME>") in_time = true;
    if (in_time) {
      if (trimmed == "</TIME>") in_time = false;
      continue;
    }
    if (trimmed.front() == '<' && trimmed.back() == '>') continue;  // <SYNSETS>, </SYNSETS>
    lines.push_back({number, std::string(trimmed)});
  }
  return lines;
}

// "BROKE" -> "broke"; TABARI words are stems unless they end in '_'
// ("CONTRIBUT" -> "contribut*"); "NEAT~" is a stem in every format.
std::string WordKey(std::string_view word, bool stems) {
  bool exact = word.ends_with('_');
  while (!word.empty() && word.back() == '_') word.remove_suffix(1);
  bool stem = word.ends_with('~');
  if (stem) word.remove_suffix(1);
  std::string key = util::FoldForMatch(word);
  if (key.empty()) return key;
  if (stem || (stems && !exact)) key += '*';
  return key;
}

// The last [...] block of a line and the text before it.
struct Coded {
  std::string_view head;
  std::string_view code;  // without brackets; empty when the line has none
  bool has_code = false;
};

Coded SplitCode(std::string_view text) {
  size_t open = text.rfind('[');
  size_t close = open == std::string_view::npos ? open : text.find(']', open);
  if (close == std::string_view::npos) return {text, "", false};
  return {util::Trim(text.substr(0, open)), util::Trim(text.substr(open + 1, close - open - 1)),
          true};
}

// A value of PETRARCH-2's internal coding ontology: hexadecimal numbers
// added and subtracted ("-0xFFFF+0x2040+0x300"); '#' starts a comment.
std::optional<long> OntologyValue(std::string_view text) {
  text = util::Trim(text.substr(0, text.find('#')));
  if (text.empty()) return std::nullopt;
  long total = 0;
  size_t i = 0;
  while (i < text.size()) {
    long sign = 1;
    if (text[i] == '+' || text[i] == '-') {
      sign = text[i] == '-' ? -1 : 1;
      ++i;
    }
    if (text.compare(i, 2, "0x") != 0 && text.compare(i, 2, "0X") != 0) return std::nullopt;
    i += 2;
    size_t start = i;
    long number = 0;
    for (; i < text.size() && std::isxdigit(static_cast<unsigned char>(text[i])); ++i) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      number = number * 16 + (IsDigit(c) ? c - '0' : c - 'a' + 10);
    }
    if (i == start) return std::nullopt;
    total += sign * number;
  }
  return total;
}

}  // namespace

DictionaryFormat DetectVerbFormat(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return DictionaryFormat::kDyad;
  std::string text;
  std::string raw;
  for (int lines = 0; lines < kVerbFormatLines && std::getline(in, raw); ++lines) {
    text += raw;
    text += '\n';
  }
  return DetectVerbFormatOfText(text);
}

DictionaryFormat DetectVerbFormatOfText(std::string_view text) {
  int dyad = 0, petrarch = 0, tabari = 0;
  // The first kVerbFormatLines lines, split as std::getline does.
  for (int lines = 0; lines < kVerbFormatLines && !text.empty(); ++lines) {
    const size_t newline = text.find('\n');
    std::string_view line = util::Trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.empty()) continue;
    if (line.starts_with("---") || line.starts_with("<!--")) {
      ++petrarch;
    } else if (line.front() == ';' || line.starts_with("~~") || line == "<SYNSETS>" ||
               line.find(" ;") != std::string_view::npos) {
      ++tabari;
    } else if (line.front() == '-' && line.find('*') != std::string_view::npos &&
               line.find('[') != std::string_view::npos) {
      ++petrarch;  // a pattern; TABARI's too, but TABARI's files have other clues
    } else if (IsDigit(line.front()) && line.find(':') != std::string_view::npos &&
               line.find("0x") != std::string_view::npos) {
      ++petrarch;  // PETRARCH-2 internal coding ontology
    } else if (IsDigit(line.front()) || line.find(" = ") != std::string_view::npos ||
               line.starts_with("sentence:") || line.starts_with("document:")) {
      ++dyad;
    } else if (line.front() == '+' && line.find('[') == std::string_view::npos) {
      ++petrarch;  // a discard phrase or synset member
    }
  }
  if (petrarch + tabari <= dyad) return DictionaryFormat::kDyad;
  return tabari > 0 ? DictionaryFormat::kTabari : DictionaryFormat::kPetrarch;
}

PeerVerbReader::PeerVerbReader(VerbDictionary& into,
                               std::function<bool(std::string_view)> known_code)
    : into_(into), known_code_(std::move(known_code)) {}

namespace {

// Splits pattern or verb text into tokens: blanks separate words that may
// have others between them, '_' joins words that must be adjacent.
// UD-PETRARCH's {noun phrase} and (prepositional phrase) groups group
// words, which keep their order; in a noun phrase the word before the head
// (its last word) stands right before it, as "economic relations" are not
// "economic trade relations", while other modifiers may come between the
// rest ("new global economic relations"). TABARI's { A | B } is a choice.
std::vector<Token> Tokenize(std::string_view text, bool stems, std::string& error) {
  std::vector<Token> tokens;
  std::string chunk;
  bool joined = false;  // the next token is joined to the previous by '_'
  size_t noun_phrase = std::string_view::npos;  // where an open '{' group starts
  auto flush = [&](bool next_joined) {
    if (!chunk.empty()) {
      Token token;
      token.adjacent = joined;
      token.in_noun_phrase = noun_phrase != std::string_view::npos;
      std::string_view c = chunk;
      if (c == "*") {
        token.kind = Token::Kind::kVerb;
      } else if (c == "$") {
        token.kind = Token::Kind::kSource;
      } else if (c == "+") {
        token.kind = Token::Kind::kTarget;
      } else if (c == "^") {
        token.kind = Token::Kind::kSkip;
      } else if (c == "%") {
        token.kind = Token::Kind::kCompound;
      } else if (c.front() == '&') {
        token.kind = Token::Kind::kSynset;
        token.text = std::string(c.substr(1));
      } else {
        token.text = WordKey(c, stems);
      }
      if (token.kind != Token::Kind::kWord || !token.text.empty())
        tokens.push_back(std::move(token));
      chunk.clear();
    }
    joined = next_joined;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{' && text.find('|', i) < text.find('}', i)) {
      size_t close = text.find('}', i);
      flush(joined);
      Token token;
      token.kind = Token::Kind::kChoice;
      token.adjacent = joined;
      for (std::string_view choice : util::Split(text.substr(i + 1, close - i - 1), '|')) {
        // A choice is a phrase: its words joined by blanks or '_'.
        std::string phrase;
        std::string word;
        auto end_word = [&] {
          if (word.empty()) return;
          std::string key = WordKey(word, stems);
          if (!key.empty()) phrase += (phrase.empty() ? "" : " ") + key;
          word.clear();
        };
        for (char d : choice) {
          if (d == ' ') {
            end_word();
          } else if (d == '_') {
            word += '_';
            end_word();
          } else {
            word += d;
          }
        }
        end_word();
        if (!phrase.empty()) token.choices.push_back(phrase);
      }
      if (token.choices.empty()) {
        error = "empty alternatives '{ | }'";
        return {};
      }
      tokens.push_back(std::move(token));
      i = close;
      joined = i + 1 < text.size() && text[i + 1] == '_';
      if (joined) ++i;
      continue;
    }
    if (c == '{' || c == '}' || c == '(' || c == ')' || c == ' ') {
      flush(false);
      if (c == '{') noun_phrase = tokens.size();
      if (c == '}' && noun_phrase != std::string_view::npos) {
        auto word = [](const Token& t) {
          return t.kind == Token::Kind::kWord || t.kind == Token::Kind::kSynset;
        };
        if (tokens.size() >= noun_phrase + 2 && word(tokens.back()) && word(tokens.end()[-2]))
          tokens.back().adjacent = tokens.back().head = true;
        noun_phrase = std::string_view::npos;
      }
    } else if (c == '_') {
      // "IN_*": IN right before the verb; "RESOLUTION_ *": an exact word.
      bool joiner =
          i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != ')' && text[i + 1] != '}';
      if (joiner) {
        flush(true);
      } else {
        chunk += '_';
        flush(false);
      }
    } else {
      chunk += c;
    }
  }
  flush(false);
  return tokens;
}

}  // namespace

void PeerVerbReader::Read(const fs::path& path, DictionaryFormat format) {
  into_.peer_ = true;
  into_.verbs_anywhere_ |= format == DictionaryFormat::kTabari;
  const std::string file = path.string();
  auto error = [&](int line, std::string message) {
    into_.issues_.push_back({Severity::kError, file, line, std::move(message)});
  };
  auto warning = [&](int line, std::string message) {
    into_.issues_.push_back({Severity::kWarning, file, line, std::move(message)});
  };
  std::vector<Line> lines;
  try {
    lines = ReadLines(path, format);
  } catch (const std::runtime_error& e) {
    return error(0, e.what());
  }
  const bool stems = format == DictionaryFormat::kTabari;
  std::string synset;  // the synset whose '+' members follow
  // TABARI has no block headers: every verb line opens its own block.
  auto new_block = [&](std::string code) {
    blocks_.push_back(Block{format, std::move(code), {}, {}});
  };
  for (const Line& line : lines) {
    std::string_view text = line.text;
    // PETRARCH-2's internal coding ontology: "010:0x1000#name".
    if (IsDigit(text.front()) && text.find(":") != std::string_view::npos &&
        text.find("0x") != std::string_view::npos) {
      size_t colon = text.find(':');
      std::string code(text.substr(0, colon));
      auto value = OntologyValue(text.substr(colon + 1));
      if (!value) {
        error(line.number, fmt::format("expected 'CODE:VALUE' with a value such as 0x1000 or "
                                       "-0xFFFF+0x0070, got '{}'",
                                       text));
        continue;
      }
      ontology_[code] = std::to_string(*value);
      if (!into_.code_values_.count(code)) into_.code_values_[code] = *value;
      into_.value_codes_.try_emplace(*value, code);
      continue;
    }
    if (text.front() == '&') {
      std::string_view name = util::Trim(text.substr(1));
      if (name.empty() || name.find_first_of(" [") != std::string_view::npos) {
        error(line.number, fmt::format("expected a synset name '&NAME', got '{}'", text));
        synset.clear();
        continue;
      }
      while (name.ends_with('_')) name.remove_suffix(1);
      synset = std::string(name);
      if (synsets_.count(synset)) {
        // UD-PETRARCH's file defines &PREPOSIT1 twice, identically.
        warning(line.number, fmt::format("synset &{} is defined again: members are added", synset));
      }
      synsets_[synset];
      continue;
    }
    if (text.front() == '+' && !synset.empty()) {
      std::string_view member = util::Trim(text.substr(1));
      std::string phrase;
      std::string err;
      for (const Token& token : Tokenize(member, stems, err)) {
        if (token.kind == Token::Kind::kSynset) {
          phrase += (phrase.empty() ? "&" : " &") + token.text;
        } else if (token.kind == Token::Kind::kWord) {
          phrase += (phrase.empty() ? "" : " ") + token.text;
        } else {
          err = fmt::format("unexpected '{}' in synset member", member);
        }
      }
      if (!err.empty() || phrase.empty()) {
        warning(line.number,
                (err.empty() ? std::string("empty synset member") : err) + ": left out");
        continue;
      }
      synsets_[synset].push_back(phrase);
      continue;
    }
    synset.clear();
    if (text.starts_with("---")) {
      // --- NAME [code] ---
      std::string_view header = util::Trim(text.substr(3));
      if (header.ends_with("---") && !header.ends_with("[---")) header.remove_suffix(3);
      Coded coded = SplitCode(util::Trim(header));
      new_block(coded.has_code ? std::string(coded.code) : "");
      continue;
    }
    bool pattern_line = text.front() == '-' || text.front() == '*';
    if (text.front() == '*') {
      warning(line.number, "pattern without its leading '-': read as a pattern");
    }
    if (pattern_line) {
      if (blocks_.empty() || blocks_.back().verbs.empty()) {
        error(line.number, "pattern before any verb");
        continue;
      }
      Coded coded = SplitCode(text.front() == '-' ? text.substr(1) : text);
      if (!coded.has_code) {
        error(line.number, fmt::format("pattern '{}' has no code '[CODE]'", text));
        continue;
      }
      std::string err;
      RawPattern pattern;
      pattern.tokens = Tokenize(coded.head, stems, err);
      if (!err.empty()) {
        error(line.number, err);
        continue;
      }
      int verbs = static_cast<int>(
          std::count_if(pattern.tokens.begin(), pattern.tokens.end(),
                        [](const Token& t) { return t.kind == Token::Kind::kVerb; }));
      if (verbs != 1) {
        error(line.number,
              fmt::format("pattern '{}' needs exactly one '*' (the verb)", coded.head));
        continue;
      }
      std::string_view code = coded.code;
      size_t colon = code.find(':');
      pattern.code = std::string(util::Trim(code.substr(0, colon)));
      if (colon != std::string_view::npos)
        pattern.reverse_code = std::string(util::Trim(code.substr(colon + 1)));
      if (pattern.code.empty()) {
        error(line.number, "empty code '[]'");
        continue;
      }
      pattern.file = file;
      pattern.line = line.number;
      blocks_.back().patterns.push_back(std::move(pattern));
      continue;
    }
    if (text.front() == '{') {
      // TABARI: irregular forms on the line after their verb.
      if (blocks_.empty() || blocks_.back().verbs.empty() || text.back() != '}') {
        error(line.number, "forms '{...}' without a verb before them");
        continue;
      }
      std::string err;
      for (const Token& token : Tokenize(text.substr(1, text.size() - 2), stems, err)) {
        if (token.kind == Token::Kind::kWord) {
          std::string form = token.text;
          if (form.ends_with('*')) form.pop_back();
          blocks_.back().verbs.back().forms.push_back(form);
        }
      }
      continue;
    }
    // A verb: WORDS [{FORMS}] [[code]].
    Coded coded = SplitCode(text);
    std::string_view words = coded.head;
    std::string_view forms;
    size_t brace = words.find('{');
    if (brace != std::string_view::npos) {
      size_t close = words.find('}', brace);
      if (close == std::string_view::npos) {
        error(line.number, "'{' without '}'");
        continue;
      }
      forms = words.substr(brace + 1, close - brace - 1);
      words = util::Trim(words.substr(0, brace));
    }
    if (!coded.has_code && text.find('[') != std::string_view::npos) {
      error(line.number, "'[' without ']'");
      continue;
    }
    std::string verb_text(words);
    // '+' marks the verb of a multi-word verb; TABARI writes "BAN=" too.
    std::erase(verb_text, '=');
    bool marked = verb_text.find('+') != std::string::npos;
    for (char& c : verb_text) {
      if (c == '+') c = '*';
    }
    std::string err;
    Verb verb;
    verb.tokens = Tokenize(verb_text, stems, err);
    if (!err.empty() || verb.tokens.empty()) {
      error(line.number, err.empty() ? "empty verb" : err);
      continue;
    }
    // "*TAP" is one chunk: split the marker from its word.
    std::vector<Token> split;
    for (Token& token : verb.tokens) {
      if (token.kind == Token::Kind::kWord && token.text.starts_with('*') && marked) {
        Token star;
        star.kind = Token::Kind::kVerb;
        star.adjacent = token.adjacent;
        token.text.erase(0, 1);
        token.adjacent = true;
        split.push_back(star);
      }
      split.push_back(std::move(token));
    }
    verb.tokens = std::move(split);
    if (!marked) {
      Token star;
      star.kind = Token::Kind::kVerb;
      verb.tokens.insert(verb.tokens.begin(), star);
      if (verb.tokens.size() > 1) verb.tokens[1].adjacent = true;  // the first word is the verb
    }
    bool bad = std::any_of(verb.tokens.begin(), verb.tokens.end(), [](const Token& t) {
      return t.kind != Token::Kind::kWord && t.kind != Token::Kind::kVerb;
    });
    if (bad) {
      error(line.number, fmt::format("unexpected slot in verb '{}'", words));
      continue;
    }
    // The verb word itself is the one right after the marker.
    auto star = std::find_if(verb.tokens.begin(), verb.tokens.end(),
                             [](const Token& t) { return t.kind == Token::Kind::kVerb; });
    if (star + 1 == verb.tokens.end() || (star + 1)->kind != Token::Kind::kWord) {
      error(line.number, fmt::format("no verb word in '{}'", words));
      continue;
    }
    if (!forms.empty()) {
      std::string form_text(forms);
      for (std::string_view form : util::Split(form_text, ' ')) {
        if (form.empty()) continue;
        // "+BREAKS_DOWN": the verb form is the marked word.
        std::string f(form);
        size_t plus = f.find('+');
        if (plus != std::string::npos) f = f.substr(plus + 1);
        f = f.substr(0, f.find('_') == 0 ? std::string::npos : f.find('_'));
        std::string key = WordKey(f, false);
        if (!key.empty()) verb.forms.push_back(key);
      }
    }
    verb.code = coded.has_code ? std::string(coded.code) : "";
    verb.file = file;
    verb.line = line.number;
    if (format == DictionaryFormat::kTabari || blocks_.empty()) new_block("");
    blocks_.back().verbs.push_back(std::move(verb));
  }
}

std::vector<std::string> PeerVerbReader::Expand(const std::string& name, const std::string& file,
                                                int line, int depth) {
  auto it = synsets_.find(name);
  if (it == synsets_.end() || depth > 8) {
    into_.issues_.push_back(
        {Severity::kWarning, file, line,
         fmt::format("synset &{} is not defined: the pattern is left out", name)});
    return {};
  }
  std::vector<std::string> phrases;
  for (const std::string& member : it->second) {
    // A member is words and &SYNSETs; expand each synset in place.
    std::vector<std::string> partial = {""};
    for (std::string_view word : util::Split(member, ' ')) {
      std::vector<std::string> options;
      if (word.starts_with('&')) {
        options = Expand(std::string(word.substr(1)), file, line, depth + 1);
      } else {
        options = {std::string(word)};
      }
      std::vector<std::string> next;
      for (const std::string& p : partial) {
        for (const std::string& o : options) next.push_back(p.empty() ? o : p + " " + o);
      }
      partial = std::move(next);
    }
    phrases.insert(phrases.end(), partial.begin(), partial.end());
  }
  return phrases;
}

void PeerVerbReader::AddPattern(const Verb& verb, const RawPattern* raw,
                                const std::string& default_code, DictionaryFormat format) {
  // The pattern's tokens with the verb's own (multi-word verbs) in place of '*'.
  std::vector<Token> tokens;
  if (raw) {
    for (const Token& token : raw->tokens) {
      if (token.kind != Token::Kind::kVerb) {
        tokens.push_back(token);
        continue;
      }
      for (size_t i = 0; i < verb.tokens.size(); ++i) {
        Token t = verb.tokens[i];
        if (i == 0) t.adjacent = token.adjacent;
        tokens.push_back(t);
      }
    }
  } else {
    tokens = verb.tokens;
  }
  const std::string& file = raw ? raw->file : verb.file;
  const int line = raw ? raw->line : verb.line;
  VerbPattern pattern;
  pattern.code = raw ? raw->code : default_code;
  pattern.reverse_code = raw ? raw->reverse_code : "";
  if (!raw) {
    size_t colon = pattern.code.find(':');
    if (colon != std::string::npos) {
      pattern.reverse_code = pattern.code.substr(colon + 1);
      pattern.code = pattern.code.substr(0, colon);
    }
  }
  // TABARI flags a code with a final '?' or '!' ("[023?]", "[031!]"); the
  // event is coded with the plain code.
  for (std::string* code : {&pattern.code, &pattern.reverse_code}) {
    while (code->size() > 1 && (code->back() == '?' || code->back() == '!')) code->pop_back();
  }
  // "###" (discard) and "+++" (too complex) end coding as "---" does.
  if (pattern.code == "###" || pattern.code == "+++") pattern.code = "---";
  auto star = std::find_if(tokens.begin(), tokens.end(),
                           [](const Token& t) { return t.kind == Token::Kind::kVerb; });
  const size_t verb_at = static_cast<size_t>(star - tokens.begin());
  pattern.head = star + 1 != tokens.end() ? (star + 1)->text : "";
  pattern.head_is_stem = pattern.head.ends_with('*');
  if (pattern.head_is_stem) pattern.head.pop_back();
  pattern.verb_forms = verb.forms;
  // Elements: before the verb nearest first, after it in order. A token's
  // `adjacent` says it is joined to the token on its left; before the verb
  // the element on the verb's side is the one on the right.
  auto element_of = [&](const Token& token, const Token& joined,
                        bool after_verb) -> std::optional<PatternElement> {
    PatternElement element;
    element.adjacent = joined.adjacent;
    element.coordinated = joined.head;
    element.noun_phrase = token.in_noun_phrase;
    switch (token.kind) {
      case Token::Kind::kSource:
        element.source = true;
        break;
      case Token::Kind::kTarget:
        element.target = true;
        break;
      case Token::Kind::kSkip:
        element.skip = true;
        break;
      case Token::Kind::kCompound:
        // Before the verb, a compound subject whose members act on one
        // another ("% * MET"). After it, PETRARCH reads a compound target,
        // each member a target ("agrees * WITH %"), TABARI a compound whose
        // members act on one another ("exchanged prisoners * WITH %").
        if (after_verb && format != DictionaryFormat::kTabari) {
          element.target = true;
        } else {
          pattern.compound = true;
          element.source = true;
        }
        break;
      case Token::Kind::kSynset:
        element.words = Expand(token.text, file, line, 0);
        if (element.words.empty()) return std::nullopt;
        break;
      case Token::Kind::kChoice:
        for (const std::string& choice : token.choices) {
          if (choice.find('&') == std::string::npos) {
            element.words.push_back(choice);
            continue;
          }
          // "{ &TIETYPES | CLOSER }": a synset among the choices.
          for (std::string_view word : util::Split(choice, ' ')) {
            if (word.starts_with('&')) {
              auto more = Expand(std::string(word.substr(1)), file, line, 0);
              element.words.insert(element.words.end(), more.begin(), more.end());
            }
          }
        }
        break;
      default:
        element.words = {token.text};
    }
    return element;
  };
  for (size_t i = verb_at; i-- > 0;) {
    auto element = element_of(tokens[i], tokens[i + 1], false);
    if (!element) return;
    pattern.before.push_back(std::move(*element));
  }
  for (size_t i = verb_at + 2; i < tokens.size(); ++i) {
    auto element = element_of(tokens[i], tokens[i], true);
    if (!element) return;
    pattern.elements.push_back(std::move(*element));
  }
  for (const std::string* code : {&pattern.code, &pattern.reverse_code}) {
    if (code->empty() || *code == "---") continue;
    bool known = known_code_(*code) || ontology_.count(*code);
    if (!known) {
      into_.issues_.push_back(
          {Severity::kWarning, file, line,
           fmt::format("code '{}' is not a CAMEO event code: coded as written", *code)});
    }
  }
  pattern.specificity = static_cast<int>(pattern.before.size() + pattern.elements.size());
  pattern.id = fmt::format("{}:{}", fs::path(file).filename().string(), line);
  into_.patterns_.push_back(std::move(pattern));
}

void PeerVerbReader::Finish() {
  for (const Block& block : blocks_) {
    for (const Verb& verb : block.verbs) {
      const std::string& code = verb.code.empty() ? block.code : verb.code;
      // A verb's default code, when nothing more specific matches; "---"
      // and no code mean that the verb alone codes nothing.
      if (!code.empty() && code != "---") AddPattern(verb, nullptr, code, block.format);
      for (const RawPattern& pattern : block.patterns)
        AddPattern(verb, &pattern, code, block.format);
    }
  }
  blocks_.clear();
}

void ReadPeerDiscards(const fs::path& path, DiscardList& into) {
  const std::string file = path.string();
  std::vector<Line> lines;
  try {
    lines = ReadLines(path, DictionaryFormat::kPetrarch);
  } catch (const std::runtime_error& e) {
    into.issues_.push_back({Severity::kError, file, 0, e.what()});
    return;
  }
  for (const Line& line : lines) {
    std::string_view text = line.text;
    bool story = text.front() == '+';
    if (story) text = util::Trim(text.substr(1));
    std::string phrase;
    for (char c : text) phrase += c == '_' ? ' ' : c;
    if (phrase.find_first_of("[]{}") != std::string::npos) {
      into.issues_.push_back({Severity::kError, file, line.number,
                              fmt::format("expected a discard phrase, got '{}'", line.text)});
      continue;
    }
    auto tokens = TokenizePhrase(phrase);
    if (tokens.empty()) {
      into.issues_.push_back({Severity::kError, file, line.number, "empty phrase"});
      continue;
    }
    // Peer files write phrases in capitals, which say nothing about the text.
    for (auto& token : tokens) {
      token.key = util::FoldForMatch(token.key);
      token.exact_case = false;
    }
    int value = static_cast<int>(into.scopes_.size());
    if (into.index_.Add(tokens, value) >= 0) continue;
    into.scopes_.push_back(story ? DiscardList::Scope::kDocument : DiscardList::Scope::kSentence);
    into.descriptions_.push_back(
        fmt::format("{}:{} '{}'", path.filename().string(), line.number, util::Trim(phrase)));
  }
}

}  // namespace dyad::lexicon
