#include "lexicon/peer_dictionaries.h"

#include <algorithm>
#include <climits>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "util/date.h"
#include "util/strings.h"

namespace dyad::lexicon {
namespace fs = std::filesystem;
namespace {

using Severity = DictionaryIssue::Severity;

// Collects a file's problems into a dictionary's issue list.
struct Reporter {
  std::vector<DictionaryIssue>& issues;
  std::string file;
  void Error(int line, std::string message) {
    issues.push_back({Severity::kError, file, line, std::move(message)});
  }
  void Warning(int line, std::string message) {
    issues.push_back({Severity::kWarning, file, line, std::move(message)});
  }
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool ReadLine(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

// TABARI's word-list sections (<NOUN> ... </NOUN>, <ADJECTIVE> ...) feed its
// own parser, not the actor list.
bool IsSectionTag(std::string_view text) {
  if (text.size() < 3 || text.front() != '<' || text.back() != '>') return false;
  return std::all_of(text.begin() + 1, text.end() - 1, IsUpper);
}

// dyad's agent lines: "MIL: force | troop".
bool IsDyadSectorLine(std::string_view text) {
  if (text.size() < 4 || !std::all_of(text.begin(), text.begin() + 3, IsUpper)) return false;
  std::string_view rest = util::Trim(text.substr(3));
  return !rest.empty() && rest.front() == ':';
}

// dyad's indented role and self-test lines: "AZEGOV 2003-10-31..", "test ...".
bool IsDyadRoleLine(std::string_view text) {
  if (text.starts_with("test ")) return true;
  size_t space = text.find(' ');
  std::string_view code = text.substr(0, space);
  if (code.size() < 3 || !std::all_of(code.begin(), code.end(), IsUpper)) return false;
  return space == std::string_view::npos || text.find("..") != std::string_view::npos;
}

// A file's meaningful lines with peer comments removed.
struct PeerLine {
  int number = 0;
  bool indented = false;
  std::string text;
};

std::vector<PeerLine> ReadPeerLines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read dictionary file " + path.string());
  std::vector<PeerLine> lines;
  std::string raw, section;
  bool in_comment = false;
  int number = 0;
  while (ReadLine(in, raw)) {
    ++number;
    // "<!" rather than "<!--": the peers' own actor files also write "<! --".
    std::string text = StripPeerComments(raw, "<!", true, in_comment);
    std::string_view trimmed = util::Trim(text);
    if (trimmed.empty()) continue;
    if (!section.empty()) {
      if (trimmed == "</" + section + ">") section.clear();
      continue;
    }
    if (IsSectionTag(trimmed)) {
      section = std::string(trimmed.substr(1, trimmed.size() - 2));
      continue;
    }
    if (trimmed.starts_with("~~")) break;  // TABARI's end-of-dictionary marker
    lines.push_back({number, IsBlank(raw[0]), std::string(trimmed)});
  }
  return lines;
}

// A peer phrase as text: '_' and blanks both separate words. (TABARI's
// trailing '_' or '=', "whole word, not a stem", changes nothing: dyad
// always matches whole words.)
std::string PhraseText(std::string_view raw) {
  std::string text;
  for (char c : raw) {
    if (c == '=') continue;
    if (c == '_' || IsBlank(c)) {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += c;
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Checks a phrase and tokenises it; nullopt (reported) if it is unusable.
std::optional<std::vector<PhraseIndex::PhraseToken>> PhraseTokens(const std::string& text,
                                                                  Reporter& report, int line) {
  size_t bad = text.find_first_of("!{}[]<>~=+|*$%^@");
  if (bad != std::string::npos) {
    report.Error(line, fmt::format("unexpected '{}' in phrase '{}'", text[bad], text));
    return std::nullopt;
  }
  auto tokens = TokenizePhrase(text);
  if (tokens.empty()) {
    report.Error(line, "empty phrase");
    return std::nullopt;
  }
  // Peer files write every phrase in capitals, so capitals say nothing about
  // how the words appear in text. Only a lone short word keeps dyad's
  // capitals-only rule, because it is usually an acronym ("UN", "PLO") that
  // must not match a common word ("us"); inside a longer phrase the other
  // words already make the match safe ("GROUP OF 77", "AL GORE").
  if (tokens.size() > 1) {
    for (auto& token : tokens) {
      if (!token.exact_case) continue;
      token.key = util::FoldForMatch(token.key);
      token.exact_case = false;
    }
  }
  return tokens;
}

// The phrase as it may also be written in text with '_' joining some of its
// words ("Port_Landing", "Prince_of_Port_Landing"): the peers' parsers read
// such a name as its words, while dyad's tokenizer keeps each '_' as a token
// of its own. One variant per run of two or more adjacent words joined,
// each word pair of the run with a "_" token between them.
std::vector<std::vector<PhraseIndex::PhraseToken>> UnderscoreVariants(
    const std::vector<PhraseIndex::PhraseToken>& tokens) {
  constexpr size_t kMaxWords = 8;  // bounds the variants (n(n-1)/2)
  std::vector<std::vector<PhraseIndex::PhraseToken>> variants;
  if (tokens.size() < 2 || tokens.size() > kMaxWords) return variants;
  for (size_t first = 0; first + 1 < tokens.size(); ++first) {
    for (size_t last = first + 1; last < tokens.size(); ++last) {
      std::vector<PhraseIndex::PhraseToken> variant;
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > first && i <= last) variant.push_back({"_", false});
        variant.push_back(tokens[i]);
      }
      variants.push_back(std::move(variant));
    }
  }
  return variants;
}

// A peer code; "" is an actor that is named but not coded. nullopt (reported)
// if `text` is not a code.
std::optional<std::string> ParseCode(std::string_view text, DictionaryFormat format,
                                     Reporter& report, int line) {
  if (text == "---") return std::string();
  // PETRARCH reads "###" and "+++" as plain codes (its actor files use them
  // as such; its validation suites expect them as actors).
  if ((text == "###" || text == "+++") && format == DictionaryFormat::kPetrarch) {
    return std::string(text);
  }
  if (text == "###" || text == "+++") {
    // TABARI's "discard the sentence" and "complex sentence" markers: dyad
    // keeps discards in discards.txt, and an uncoded actor is the nearest
    // safe reading.
    report.Warning(line, fmt::format("code '{}' (TABARI {} marker) is not supported: read as an "
                                     "actor that is not coded",
                                     text, text == "###" ? "discard" : "complex"));
    return std::string();
  }
  if (text.find('/') != std::string_view::npos) {
    // A compound actor ("LWA/LWB": a region that is two actors): kept
    // whole; the peer coder (coder/peer_events.h) codes one event per
    // member where the peer does.
    std::string code;
    for (std::string_view part : util::Split(text, '/')) {
      auto member = part.find('/') == std::string_view::npos && !part.empty() && part != "---"
                        ? ParseCode(part, format, report, line)
                        : std::nullopt;
      if (!member || member->empty()) {
        report.Error(line, fmt::format("'{}' is not a compound actor code (CODE/CODE/...)", text));
        return std::nullopt;
      }
      code += (code.empty() ? "" : "/") + *member;
    }
    return code;
  }
  std::string code;
  bool letter = false, lower = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (!IsUpper(c) && !IsDigit(c)) {
      report.Error(line, fmt::format("'{}' is not an actor code", text));
      return std::nullopt;
    }
    letter |= IsUpper(c);
    code += c;
  }
  if (!letter) {
    report.Error(line, fmt::format("'{}' is not an actor code", text));
    return std::nullopt;
  }
  if (lower) report.Warning(line, fmt::format("code '{}' is read as '{}'", text, code));
  if (code.size() % 3 != 0) {
    report.Warning(line, fmt::format("code '{}' is not made of three-letter parts", code));
  }
  return code;
}

// YYMMDD or YYYYMMDD. Two-digit years pivot as in TABARI: below 30 is 20YY.
std::optional<int> ParseDate(std::string_view text) {
  text = util::Trim(text);
  if ((text.size() != 6 && text.size() != 8) || !std::all_of(text.begin(), text.end(), IsDigit))
    return std::nullopt;
  auto number = [&](size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  size_t year_digits = text.size() - 4;
  int year = number(0, year_digits);
  if (year_digits == 2) year += year < 30 ? 2000 : 1900;
  return util::DaysFromCivil(year, number(year_digits, 2), number(year_digits + 2, 2));
}

// The date restriction after a code: "<DATE" (until), ">DATE" (from) or
// "DATE-DATE"; limits are included. Returns an error message, or "".
std::string ParseRestriction(std::string_view text, ActorRole& role) {
  const std::string bad = fmt::format(
      "bad date restriction '{}' (want <DATE, >DATE or DATE-DATE, dates YYMMDD or YYYYMMDD)", text);
  std::optional<int> from, to;
  if (text.front() == '<') {
    if (!(to = ParseDate(text.substr(1)))) return bad;
  } else if (text.front() == '>') {
    if (!(from = ParseDate(text.substr(1)))) return bad;
  } else {
    size_t dash = text.find('-');
    if (dash == std::string_view::npos) return bad;
    from = ParseDate(text.substr(0, dash));
    to = ParseDate(text.substr(dash + 1));
    if (!from || !to) return bad;
    if (*from > *to) return fmt::format("date restriction '{}' ends before it starts", text);
  }
  role.from = from.value_or(INT_MIN);
  role.to = to.value_or(INT_MAX);
  role.dated = true;
  return "";
}

// The [...] blocks of an actor line: codes, each with an optional date
// restriction ("[USAGOV 991201-010114] [---]").
void ParseCodeBlocks(std::string_view text, DictionaryFormat format, std::vector<ActorRole>& roles,
                     Reporter& report, int line) {
  size_t i = 0;
  while (true) {
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (i == text.size()) return;
    if (text[i] != '[') {
      report.Error(line, fmt::format("unexpected text '{}' after a code block", text.substr(i)));
      return;
    }
    size_t close = text.find(']', i);
    if (close == std::string_view::npos) {
      report.Error(line, "'[' without ']'");
      return;
    }
    std::string_view block = util::Trim(text.substr(i + 1, close - i - 1));
    i = close + 1;
    if (block.empty()) {
      report.Error(line, "empty code block '[]'");
      continue;
    }
    size_t end = block.find_first_of(" \t<>");
    auto code = ParseCode(block.substr(0, end), format, report, line);
    if (!code) continue;
    ActorRole role{*code, INT_MIN, INT_MAX, false};
    if (end != std::string_view::npos) {
      std::string message = ParseRestriction(util::Trim(block.substr(end)), role);
      if (!message.empty()) {
        report.Error(line, message);
        continue;
      }
    }
    roles.push_back(std::move(role));
  }
}

// PETRARCH's regular plural of an agent phrase's last word; "" when the word
// already looks plural.
std::string RegularPlural(std::string_view phrase) {
  std::string upper;
  for (char c : phrase) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  bool lower = !phrase.empty() && phrase.back() >= 'a' && phrase.back() <= 'z';
  auto suffix = [&](std::string_view s) { return lower ? util::AsciiLower(s) : std::string(s); };
  auto ends = [&](std::string_view s) { return upper.ends_with(s); };
  if (ends("SS") || ends("X") || ends("Z") || ends("CH") || ends("SH"))
    return std::string(phrase) + suffix("ES");
  if (ends("S")) return "";
  if (ends("Y") && upper.size() > 1 &&
      std::string_view("AEIOU").find(upper[upper.size() - 2]) == std::string_view::npos) {
    return std::string(phrase.substr(0, phrase.size() - 1)) + suffix("IES");
  }
  return std::string(phrase) + suffix("S");
}

using Substitutions = std::map<std::string, std::vector<std::string>, std::less<>>;

// Replaces !NAME! markers with every word of their set ("CONGRESS!PERSON!"
// -> CONGRESSMAN, CONGRESSMEN, ...). Empty (reported) on an unknown marker.
std::vector<std::string> Substitute(const std::string& phrase, const Substitutions& sets,
                                    Reporter& report, int line, int depth = 0) {
  size_t open = phrase.find('!');
  if (open == std::string::npos) return {phrase};
  size_t close = phrase.find('!', open + 1);
  if (close == std::string::npos || depth > 8) {
    report.Error(line, fmt::format("unpaired '!' in '{}'", phrase));
    return {};
  }
  std::string_view marker = std::string_view(phrase).substr(open, close - open + 1);
  auto set = sets.find(marker);
  if (set == sets.end()) {
    report.Error(line, fmt::format("substitution set {} is not defined above", marker));
    return {};
  }
  std::vector<std::string> forms;
  for (const std::string& word : set->second) {
    auto more = Substitute(phrase.substr(0, open) + word + phrase.substr(close + 1), sets, report,
                           line, depth + 1);
    forms.insert(forms.end(), more.begin(), more.end());
  }
  return forms;
}

}  // namespace

std::string_view FormatName(DictionaryFormat format) {
  switch (format) {
    case DictionaryFormat::kDyad:
      return "dyad";
    case DictionaryFormat::kPetrarch:
      return "PETRARCH";
    case DictionaryFormat::kTabari:
      return "TABARI";
  }
  return "?";
}

DictionaryFormat DetectFormat(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return DictionaryFormat::kDyad;
  std::ostringstream whole;
  whole << in.rdbuf();
  return DetectFormatOfText(std::move(whole).str());
}

DictionaryFormat DetectFormatOfText(std::string_view content) {
  // Votes for each format; a line can vote for "some peer format" (brackets,
  // synonyms) and for PETRARCH or TABARI in particular.
  int dyad = 0, peer = 0, petrarch = 0, tabari = 0;
  while (!content.empty()) {
    // Lines as ReadLine gives them: split at '\n', without a final '\r'.
    const size_t newline = content.find('\n');
    std::string_view raw = content.substr(0, newline);
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view text = util::Trim(raw);
    if (text.empty()) continue;
    if (text.starts_with("<!")) {
      ++petrarch;
      continue;
    }
    if (text.front() == ';' || text.starts_with("~~") || IsSectionTag(text)) {
      ++tabari;
      continue;
    }
    if (text.front() == '#') continue;  // a comment in every format
    size_t open = text.find('[');
    size_t close = open == std::string_view::npos ? open : text.rfind(']');
    bool has_block = close != std::string_view::npos && close > open;
    if (has_block) {
      ++peer;
      std::string_view after = util::Trim(text.substr(close + 1));
      if (after.starts_with(';')) ++tabari;
      if (after.starts_with('#')) ++petrarch;
      // Only PETRARCH reads four-digit years.
      std::string_view block = text.substr(open, close - open);
      size_t run = 0;
      for (char c : block) {
        run = IsDigit(c) ? run + 1 : 0;
        if (run == 8) ++petrarch;
      }
      size_t brace = text.find('{');
      if (brace != std::string_view::npos && brace < open) ++petrarch;
    }
    if (text.front() == '+') ++peer;
    if (text.front() == '!' && text.find('=') != std::string_view::npos) ++petrarch;
    if (text.find("=>") != std::string_view::npos || IsDyadSectorLine(text)) ++dyad;
    if (!has_block && text.find('|') != std::string_view::npos) ++dyad;
    if (!has_block && IsBlank(raw[0]) && IsDyadRoleLine(text)) ++dyad;
  }
  int peer_votes = peer + petrarch + tabari;
  if (peer_votes == 0 || dyad >= peer_votes) return DictionaryFormat::kDyad;
  return tabari > petrarch ? DictionaryFormat::kTabari : DictionaryFormat::kPetrarch;
}

void PeerDictionaryReader::ReadActors(const fs::path& path, DictionaryFormat format,
                                      ActorDictionary& into) {
  // PETRARCH's and TABARI's actor files share their syntax; TABARI's stems
  // (a word without '_' also matching longer words) are read as whole words.
  Reporter report{into.issues_, path.string()};
  std::vector<PeerLine> lines;
  try {
    lines = ReadPeerLines(path);
  } catch (const std::runtime_error& e) {
    report.Error(0, e.what());
    return;
  }
  ActorEntry entry;
  std::vector<ActorDictionary::Phrase> phrases;
  bool open = false;
  auto add_phrase = [&](std::string_view raw, int line) {
    std::string text = PhraseText(raw);
    if (auto tokens = PhraseTokens(text, report, line)) {
      auto variants = UnderscoreVariants(*tokens);
      phrases.push_back({text, std::move(*tokens), line});
      for (auto& variant : variants) phrases.push_back({text, std::move(variant), line});
    }
  };
  auto finish_entry = [&] {
    if (!open) return;
    open = false;
    if (phrases.empty()) return;  // its phrases were reported
    std::vector<ActorRole> roles;
    bool has_default = false;
    for (ActorRole& role : entry.roles) {
      if (!role.dated && has_default) {
        report.Warning(entry.line, fmt::format("entry '{}' has more than one undated code: the "
                                               "first one is used",
                                               entry.name));
        continue;
      }
      has_default |= !role.dated;
      entry.person |= role.dated;
      roles.push_back(std::move(role));
    }
    entry.roles = std::move(roles);
    if (entry.roles.empty()) {
      report.Warning(entry.line, fmt::format("entry '{}' has no code: read as an actor that is "
                                             "not coded",
                                             entry.name));
    }
    into.AddEntry(std::move(entry), phrases, Severity::kWarning);
    phrases.clear();
  };

  for (const PeerLine& line : lines) {
    std::string_view text = line.text;
    size_t bracket = text.find('[');
    std::string_view head = util::Trim(text.substr(0, bracket));
    std::string_view blocks = bracket == std::string_view::npos ? "" : text.substr(bracket);
    if (head.starts_with('+')) {
      if (!open) {
        report.Error(line.number, "synonym '+...' before any entry");
        continue;
      }
      add_phrase(head.substr(1), line.number);
    } else if (head.empty()) {
      if (!open) {
        report.Error(line.number, "code block before any entry");
        continue;
      }
    } else if (line.indented) {
      report.Error(
          line.number,
          fmt::format("expected a code block '[CODE]' or a synonym '+PHRASE', got '{}'", text));
      continue;
    } else {
      finish_entry();
      open = true;
      entry = ActorEntry();
      entry.name = PhraseText(head);
      entry.file = report.file;
      entry.line = line.number;
      entry.elite_after_roles = false;  // outside its dates a peer entry is not coded
      add_phrase(head, line.number);
    }
    ParseCodeBlocks(blocks, format, entry.roles, report, line.number);
  }
  finish_entry();
}

void PeerDictionaryReader::ReadAgents(const fs::path& path, DictionaryFormat format,
                                      AgentDictionary& into) {
  Reporter report{into.issues_, path.string()};
  std::vector<PeerLine> lines;
  try {
    lines = ReadPeerLines(path);
  } catch (const std::runtime_error& e) {
    report.Error(0, e.what());
    return;
  }
  Substitutions sets;
  for (const PeerLine& line : lines) {
    std::string_view text = line.text;
    // "!NAME! = WORD, WORD, ..." defines a set; "!NAME!_OF_X [~GOV]" uses one.
    size_t marker_end = text.front() == '!' ? text.find('!', 1) : std::string_view::npos;
    if (marker_end != std::string_view::npos &&
        util::Trim(text.substr(marker_end + 1)).starts_with('=')) {
      size_t close = marker_end;
      size_t equals = text.find('=', close);
      std::vector<std::string> words;
      for (std::string_view word : util::Split(text.substr(equals + 1), ',')) {
        if (!word.empty()) words.emplace_back(word);
      }
      if (words.empty()) {
        report.Error(line.number, "expected '!NAME! = WORD, WORD, ...'");
        continue;
      }
      sets[std::string(text.substr(0, close + 1))] = std::move(words);
      continue;
    }
    size_t bracket = text.find('[');
    size_t brace = text.find('{');
    std::string_view head = util::Trim(text.substr(0, std::min(bracket, brace)));
    if (bracket == std::string_view::npos) {
      report.Error(line.number, fmt::format("expected an agent code '[~CODE]' after '{}'", text));
      continue;
    }
    if (head.empty()) {
      report.Error(line.number, "agent code without a phrase");
      continue;
    }
    // {PLURAL, PLURAL}: irregular plurals; {} none.
    std::optional<std::vector<std::string>> plurals;
    if (brace < bracket) {
      size_t close = text.find('}', brace);
      if (close == std::string_view::npos || close > bracket ||
          !util::Trim(text.substr(close + 1, bracket - close - 1)).empty()) {
        report.Error(line.number, "expected '{PLURAL}' before the agent code");
        continue;
      }
      plurals.emplace();
      for (std::string_view plural : util::Split(text.substr(brace + 1, close - brace - 1), ',')) {
        if (!plural.empty()) plurals->emplace_back(plural);
      }
    }
    size_t close = text.find(']', bracket);
    if (close == std::string_view::npos || !util::Trim(text.substr(close + 1)).empty()) {
      report.Error(line.number, "expected one agent code '[~CODE]' at the end of the line");
      continue;
    }
    std::string_view code = util::Trim(text.substr(bracket + 1, close - bracket - 1));
    // "~GOV" follows the country's code; "NGO~" goes before it (NGO + GBR
    // -> NGOGBR). Such a sector keeps its '~': the peer coder
    // (coder/peer_events.cc) moves it before the country.
    const bool before_country = code.ends_with('~');
    if (!before_country && !code.starts_with('~')) {
      report.Error(line.number, fmt::format("agent code '{}' has no '~'", code));
      continue;
    }
    auto sector =
        ParseCode(util::Trim(before_country ? code.substr(0, code.size() - 1) : code.substr(1)),
                  format, report, line.number);
    if (!sector) continue;
    if (before_country && !sector->empty()) *sector += '~';
    if (sector->empty()) {
      report.Error(line.number, fmt::format("agent code '{}' names no sector", code));
      continue;
    }

    std::vector<std::string> forms = Substitute(std::string(head), sets, report, line.number);
    if (plurals) {
      for (const std::string& plural : *plurals) {
        auto more = Substitute(plural, sets, report, line.number);
        forms.insert(forms.end(), more.begin(), more.end());
      }
    } else if (format == DictionaryFormat::kPetrarch && head.find('!') == std::string_view::npos &&
               !head.ends_with('_')) {
      // Substitution sets list their own plurals, and a final '_' asks for
      // none; TABARI generates none (its stems covered them).
      std::string plural = RegularPlural(head);
      if (!plural.empty()) forms.push_back(std::move(plural));
    }
    for (const std::string& form : forms) {
      std::string phrase = PhraseText(form);
      if (auto tokens = PhraseTokens(phrase, report, line.number)) {
        into.AddAgent(*sector, phrase, *tokens, report.file, line.number, Severity::kWarning);
        for (const auto& variant : UnderscoreVariants(*tokens)) {
          into.AddAgent(*sector, phrase, variant, report.file, line.number, Severity::kWarning);
        }
      }
    }
  }
}

std::string StripPeerComments(std::string_view raw, std::string_view comment_open, bool hash_comments,
                              bool& in_comment) {
  std::string text;
  bool in_code = false;
  for (size_t i = 0; i < raw.size();) {
    if (in_comment) {
      size_t end = raw.find("-->", i);
      if (end == std::string_view::npos) break;
      in_comment = false;
      i = end + 3;
      continue;
    }
    if (raw.compare(i, comment_open.size(), comment_open) == 0) {
      in_comment = true;
      i += comment_open.size();
      continue;
    }
    char c = raw[i];
    if (c == '[') in_code = true;
    if (c == ']') in_code = false;
    if (!in_code && (c == ';' || (c == '#' && hash_comments))) break;
    text += c;
    ++i;
  }
  return text;
}

}  // namespace dyad::lexicon
