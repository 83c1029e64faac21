#include "tag/lexicon.h"

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "util/file.h"

namespace dyad::tag {

Lexicon Lexicon::Load(const std::filesystem::path& tsv) {
  Lexicon lexicon;
  lexicon.text_ = std::make_unique<std::string>(util::ReadFile(tsv));
  std::string_view text = *lexicon.text_;
  lexicon.entries_.Reserve(text.size() / 12);
  std::unordered_map<std::string_view, LexEntry> tag_lists;
  std::vector<std::string_view> present_only;  // lower-case -s words listed only as VBZ
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto fail = [&](const std::string& what) {
      throw std::runtime_error(tsv.string() + ":" +
                               std::to_string(line_number) + ": " + what);
    };
    size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos)
      fail("expected word<TAB>tags");
    std::string_view word = line.substr(0, tab);
    std::string_view tags = line.substr(tab + 1);
    // The 112,000 lines have a few hundred distinct tag lists ("NN|VB"):
    // each is parsed once.
    auto [parsed, fresh] = tag_lists.try_emplace(tags);
    auto add = [&](const LexEntry& entry) {
      if (entry.mask == Bit(Pos::kVBZ) && word.size() > 3 && word.back() == 's' &&
          word[0] >= 'a' && word[0] <= 'z') {
        present_only.push_back(word);
      }
      lexicon.entries_.Emplace(word, entry);
    };
    if (!fresh) {
      add(parsed->second);
      continue;
    }
    LexEntry& entry = parsed->second;
    while (!tags.empty()) {
      size_t bar = tags.find('|');
      std::string_view name = tags.substr(0, bar);
      tags.remove_prefix(bar == std::string_view::npos ? tags.size() : bar + 1);
      std::optional<Pos> pos = ParsePos(name);
      if (!pos) fail("unknown tag '" + std::string(name) + "'");
      if (entry.first == Pos::kNone) entry.first = *pos;
      entry.mask |= Bit(*pos);
    }
    if (entry.first == Pos::kNone) fail("no tags");
    // When a word's most frequent tag is a closed class, the table's rarer
    // open-class tags for it ("the" VBD, "he" VB) are noise from automatic
    // tagging and are dropped.
    if (Has(kClosedClassMask, entry.first)) {
      entry.mask &= kClosedClassMask | Bit(Pos::kRB) | Bit(Pos::kRP);
    }
    add(entry);
  }
  lexicon.AddPluralNouns(present_only);
  lexicon.AddBuiltins();
  return lexicon;
}

// The table lists some -s forms only as verbs although their stem is first
// a noun ("blockades": "blockade" NN|VB), since its source never saw them
// as plurals; they may be plural nouns too ("reimposed blockades").
void Lexicon::AddPluralNouns(const std::vector<std::string_view>& present_only) {
  for (std::string_view word : present_only) {
    const LexEntry* stem = Find(word.substr(0, word.size() - 1));
    if ((stem == nullptr || stem->first != Pos::kNN) && word.ends_with("es")) {
      stem = Find(word.substr(0, word.size() - 2));
    }
    if (stem != nullptr && stem->first == Pos::kNN) {
      LexEntry entry = *Find(word);
      entry.mask |= Bit(Pos::kNNS);
      entries_.Set(word, entry);
    }
  }
}

// Function words whose behaviour the contextual rules depend on get a fixed
// tag set and a word class, for the lower-case and sentence-initial spelling;
// clitics the table lacks ('re, 've, 'll) are added.
void Lexicon::AddBuiltins() {
  auto set = [this](std::string_view word, WordClass word_class, Pos first,
                    std::initializer_list<Pos> others = {}) {
    LexEntry entry;
    entry.first = first;
    entry.mask = Bit(first);
    for (Pos pos : others) entry.mask |= Bit(pos);
    entry.word_class = word_class;
    entries_.Set(word, entry);
  };
  auto both = [&](std::string_view lower, std::string_view upper,
                  WordClass word_class, Pos first,
                  std::initializer_list<Pos> others = {}) {
    set(lower, word_class, first, others);
    set(upper, word_class, first, others);
  };
  using enum Pos;
  using W = WordClass;
  both("be", "Be", W::kBe, kVB);
  both("is", "Is", W::kBe, kVBZ);
  both("am", "Am", W::kBe, kVBP);
  both("are", "Are", W::kBe, kVBP);
  both("was", "Was", W::kBe, kVBD);
  both("were", "Were", W::kBe, kVBD);
  both("been", "Been", W::kBe, kVBN);
  both("being", "Being", W::kBe, kVBG);
  set("'re", W::kBe, kVBP);
  set("'m", W::kBe, kVBP);
  both("have", "Have", W::kHave, kVBP, {kVB});
  both("has", "Has", W::kHave, kVBZ);
  both("had", "Had", W::kHave, kVBD, {kVBN});
  both("having", "Having", W::kHave, kVBG);
  set("'ve", W::kHave, kVBP, {kVB});
  set("'d", W::kHave, kMD, {kVBD});
  set("'ll", W::kOther, kMD);
  both("do", "Do", W::kDo, kVBP, {kVB});
  both("does", "Does", W::kDo, kVBZ);
  both("did", "Did", W::kDo, kVBD);
  both("get", "Get", W::kGet, kVB, {kVBP});
  both("gets", "Gets", W::kGet, kVBZ);
  both("got", "Got", W::kGet, kVBD, {kVBN});
  both("gotten", "Gotten", W::kGet, kVBN);
  both("getting", "Getting", W::kGet, kVBG);
  both("by", "By", W::kBy, kIN, {kRB, kRP});
  both("that", "That", W::kThat, kIN, {kDT, kWDT, kRB});
  for (auto [lower, upper] : {std::pair{"i", "I"},
                              {"you", "You"},
                              {"he", "He"},
                              {"she", "She"},
                              {"it", "It"},
                              {"we", "We"},
                              {"they", "They"}}) {
    both(lower, upper, W::kSubjectPronoun, kPRP);
  }
  set("I", W::kSubjectPronoun, kPRP);
  for (auto [lower, upper] : {std::pair{"because", "Because"},
                              {"if", "If"},
                              {"while", "While"},
                              {"although", "Although"},
                              {"though", "Though"},
                              {"whether", "Whether"},
                              {"unless", "Unless"},
                              {"since", "Since"}}) {
    both(lower, upper, W::kSubordinator, kIN);
  }
  for (auto [lower, upper] : {std::pair{"after", "After"},
                              {"before", "Before"},
                              {"until", "Until"},
                              {"till", "Till"},
                              {"once", "Once"}}) {
    const LexEntry* entry = Find(lower);
    LexEntry copy = entry != nullptr ? *entry : LexEntry{Bit(kIN), kIN};
    copy.word_class = W::kTimeConjunction;
    entries_.Set(lower, copy);
    const LexEntry* upper_entry = Find(upper);
    LexEntry upper_copy = upper_entry != nullptr ? *upper_entry : copy;
    upper_copy.word_class = W::kTimeConjunction;
    entries_.Set(upper, upper_copy);
  }
  // "first" is an adverb too: "she first visited Kabul".
  for (std::string_view word : {"first", "First"}) {
    if (const LexEntry* entry = Find(word)) {
      LexEntry copy = *entry;
      copy.mask |= Bit(kRB);
      entries_.Set(word, copy);
    }
  }
  both("there", "There", W::kThere, kEX, {kRB});
  both("her", "Her", W::kHer, kPRPS, {kPRP});
  set("'s", W::kPossessiveS, kPOS, {kVBZ});
  set("'", W::kPossessiveS, kCloseQuote, {kPOS, kOpenQuote});
  set("\"", W::kOther, kOpenQuote, {kCloseQuote});
  set("``", W::kOther, kOpenQuote);
  set("''", W::kOther, kCloseQuote);
  set("--", W::kOther, kColon);
  set("-", W::kOther, kColon);
  set("US", W::kOther, kNNP);
  set("U.S.", W::kOther, kNNP);
  set("n't", W::kOther, kRB);
  set("not", W::kOther, kRB);
  both("a", "A", W::kOther, kDT);
  both("an", "An", W::kOther, kDT);
  both("the", "The", W::kOther, kDT);
  both("to", "To", W::kTo, kTO, {kIN});
}

}  // namespace dyad::tag
