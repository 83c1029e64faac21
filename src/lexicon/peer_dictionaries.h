// Compatibility readers for the actor and agent dictionaries of PETRARCH and
// TABARI, so that users can bring those files, alone or next to dyad's own.
// ActorDictionary::Load and AgentDictionary::Load detect the format of each
// file and call these readers for files that are not dyad's.
//
// What the peer syntax maps to:
//   RIVERLAND_REPUBLIC [RVL]     phrase (words joined by '_' or blanks), code
//   +RIVERLANDER                 synonym of the entry above
//       [RVLGOV 020101-051231]   dated code (tab-indented): YYMMDD or
//       [RVLELI <011231]         YYYYMMDD, "<" until, ">" from, "A-B"
//       [RVLREB >060101]         between; limits included; two-digit years
//                                below 30 are 20YY. The first dated code
//                                that covers a date wins; the undated code
//                                applies outside them (none: not coded).
//   [---]                        an actor that is named but not coded
//   [LWA/LWB]                    a compound actor, kept whole (the peer
//                                coder gives one event per member)
//   MARSH_COUNCIL [NGO~]         agent before the country: "NGO" + the
//                                country's code (sector kept as "NGO~")
//   FERRYMAN {FERRYMEN} [~TRN]   agent: the country word's code + "TRN";
//                                {plural}, {} for none; PETRARCH files get
//                                regular plurals (+S, +ES, Y->IES) unless
//                                the phrase ends with '_'
//   !CREW! = HAND, HANDS         substitution set for agent phrases
//   comments: '#' and ';' outside [...], and <!-- ... --> (may span lines)
#ifndef DYAD_LEXICON_PEER_DICTIONARIES_H_
#define DYAD_LEXICON_PEER_DICTIONARIES_H_

#include <filesystem>
#include <string_view>

namespace dyad::lexicon {

class ActorDictionary;
class AgentDictionary;

enum class DictionaryFormat { kDyad, kPetrarch, kTabari };

// The format of a dictionary file, judged from its syntax: dyad's files have
// "=>" or "SECTOR:" lines and '|' between phrases; peer files have [CODE]
// blocks and '+' synonyms. Among peer files, ';' comments and TABARI's
// <NOUN> sections mean TABARI; <!-- --> comments, '#' after a code block,
// {plural} forms and !SUBSTITUTION! sets mean PETRARCH. Files without any
// clue (empty, unreadable) are dyad's, whose reader reports them.
DictionaryFormat DetectFormat(const std::filesystem::path& file);
// The same for a file's text already read.
DictionaryFormat DetectFormatOfText(std::string_view content);

std::string_view FormatName(DictionaryFormat format);  // "dyad", "PETRARCH", "TABARI"

// One line of a peer file without its comments: markup comments opened by
// `comment_open` and closed by "-->" (they may span lines: `in_comment`
// carries over from one line to the next), ';' and, with `hash_comments`,
// '#' outside a [...] code (inside, '#' is TABARI's discard code "###").
// Shared by the actor, agent and verb readers.
std::string StripPeerComments(std::string_view raw, std::string_view comment_open, bool hash_comments,
                              bool& in_comment);

class PeerDictionaryReader {
 public:
  // Adds the entries of a PETRARCH or TABARI actor file to `into`; problems
  // go to into.issues() with file and line.
  static void ReadActors(const std::filesystem::path& file, DictionaryFormat format,
                         ActorDictionary& into);
  // Adds the agents of a PETRARCH or TABARI agent file to `into`.
  static void ReadAgents(const std::filesystem::path& file, DictionaryFormat format,
                         AgentDictionary& into);
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_PEER_DICTIONARIES_H_
