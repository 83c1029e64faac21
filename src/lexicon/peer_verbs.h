// Compatibility readers for the verb dictionaries of PETRARCH-1, UD-PETRARCH
// (2.x) and TABARI, and for PETRARCH discard files. VerbDictionary::Load and
// DiscardList::Load detect each file's format and call these readers for
// files that are not dyad's. docs/formats/peer-verbs.md lists what of the
// peer syntax is supported and how it maps onto dyad's pattern model.
//
// In short:
//   --- NAME [code] ---            PETRARCH block header: the default code of
//                                  the verbs listed under it
//   VERB {FORMS} [code]            a verb (own code optional); '+' marks the
//   WIRE_+TAP, +BREAK_DOWN         verb in a multi-word verb
//   - WORDS * WORDS [code]         a pattern: '*' the verb, '$' source, '+'
//                                  target, '^' a skipped noun phrase, '%' a
//                                  compound actor, &SYNSET, '_' adjacent words
//   [042:043]                      code there and back (target -> source)
//   [---]                          a pattern that codes nothing
//   UD-PETRARCH {NOUN PHRASE} and (PREP PHRASE) groups; TABARI stems (a word
//   without a final '_' matches any word it begins), { A | B } alternatives,
//   <SYNSETS> and ';' comments; NEAT~ marks a stem in every format.
#ifndef DYAD_LEXICON_PEER_VERBS_H_
#define DYAD_LEXICON_PEER_VERBS_H_

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/peer_dictionaries.h"
#include "lexicon/verb_dictionary.h"

namespace dyad::lexicon {

// The format of a verb or discard file, judged from its syntax: "--- NAME
// [code] ---" headers and "- ... * ... [code]" patterns are PETRARCH's;
// ';' comments, <SYNSETS> and "~~FINISH" TABARI's; "010:0x1000" lines
// PETRARCH-2's internal coding ontology (read as PETRARCH); "+PHRASE" lines
// without codes a PETRARCH discard file. Anything else is dyad's.
DictionaryFormat DetectVerbFormat(const std::filesystem::path& file);
// The same for a file's text already read (its first kVerbFormatLines lines
// decide).
DictionaryFormat DetectVerbFormatOfText(std::string_view text);
inline constexpr int kVerbFormatLines = 2000;

// Reads peer verb files into a VerbDictionary (used by VerbDictionary::Load).
class PeerVerbReader {
 public:
  PeerVerbReader(VerbDictionary& into, std::function<bool(std::string_view)> known_code);
  // Reads one file; problems go to the dictionary's issues with file and line.
  void Read(const std::filesystem::path& file, DictionaryFormat format);
  // Expands synsets (they may be defined after their use) and adds the
  // patterns to the dictionary.
  void Finish();

  // One word or slot of a pattern as written, before synsets are expanded.
  struct Token {
    enum class Kind { kWord, kVerb, kSource, kTarget, kSkip, kCompound, kSynset, kChoice };
    Kind kind = Kind::kWord;
    std::string text;                  // word (folded; '*' at the end: a stem) or synset name
    std::vector<std::string> choices;  // kChoice: TABARI { A | B } alternatives
    bool adjacent = false;             // joined by '_' to the token before it
    // The head of a UD-PETRARCH {noun phrase}: adjacent to the modifier
    // before it, or with a coordinated one between ("death and injury toll").
    bool head = false;
    bool in_noun_phrase = false;  // a word of a UD-PETRARCH {noun phrase}
  };
  struct RawPattern {
    std::vector<Token> tokens;
    std::string code, reverse_code;
    std::string file;
    int line = 0;
  };

 private:
  struct Verb {
    std::vector<Token> tokens;  // the verb and its companion words, '*' for the verb
    std::vector<std::string> forms;
    std::string code;  // own code, or "" for the block's
    std::string file;
    int line = 0;
  };
  struct Block {
    DictionaryFormat format = DictionaryFormat::kPetrarch;
    std::string code;  // default code of the block's verbs
    std::vector<Verb> verbs;
    std::vector<RawPattern> patterns;
  };

  void AddPattern(const Verb& verb, const RawPattern* pattern, const std::string& default_code,
                  DictionaryFormat format);
  std::vector<std::string> Expand(const std::string& name, const std::string& file, int line,
                                  int depth);

  VerbDictionary& into_;
  std::function<bool(std::string_view)> known_code_;
  std::map<std::string, std::vector<std::string>> synsets_;  // members: words or "&NAME"
  std::map<std::string, std::string> ontology_;              // PETRARCH-2 code -> internal value
  std::vector<Block> blocks_;
};

// Reads a PETRARCH discard file ("+PHRASE": discard the whole story,
// "PHRASE": the sentence) into `into`.
void ReadPeerDiscards(const std::filesystem::path& file, DiscardList& into);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_PEER_VERBS_H_
