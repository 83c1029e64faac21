// The one place where the stages meet (design.md §1): Coder::Load gathers the
// loaded resources, Coder::Code runs text -> tag -> syntax -> coder on one
// document, and RunCoding drives readers, a thread pool and sinks.
#include "dyad/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "coder/actor_resolver.h"
#include "coder/event_builder.h"
#include "coder/peer_events.h"
#include "dyad/coder.h"
#include "dyad/ontology.h"
#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/peer_dictionaries.h"
#include "lexicon/source_lines.h"
#include "lexicon/verb_dictionary.h"
#include "place/gazetteer.h"
#include "place/toponyms.h"
#include "syntax/clause_finder.h"
#include "syntax/dependencies.h"
#include "tag/tagger.h"
#include "text/segmenter.h"
#include "time/date_resolver.h"
#include "util/date.h"
#include "util/scratch.h"
#include "util/strings.h"

namespace dyad {

namespace fs = std::filesystem;

fs::path ResourceDir() {
  if (const char* home = std::getenv("DYAD_HOME"); home && *home) return home;
  return DYAD_SOURCE_DIR;
}

namespace {

fs::path LexiconPath() {
  if (const char* dir = std::getenv("DYAD_DATA_DIR"); dir && *dir) return fs::path(dir) / "en-lexicon.tsv";
  return tag::DefaultLexiconPath();
}

std::vector<fs::path> FilesUnder(const fs::path& path) {
  return fs::exists(path) ? lexicon::ListDictionaryFiles(path) : std::vector<fs::path>{};
}

// The dictionary files of each kind the coder loads.
struct DictionaryFiles {
  std::vector<fs::path> actors, agents, verbs, discards;
};

DictionaryFiles BuiltInDictionaries(const fs::path& dict) {
  return {FilesUnder(dict / "actors"), FilesUnder(dict / "agents.txt"), FilesUnder(dict / "verbs"),
          FilesUnder(dict / "discards.txt")};
}

// Files the user gave with --dictionaries (dyad, PETRARCH or TABARI files,
// or folders of them) replace the built-in files of their kind; the kind
// comes from the file name, as the peers name them (PETR.Validate.actors.txt,
// TABARI.Demo.verbs, Validate.agents). Throws std::runtime_error for a file
// whose kind cannot be told or that dyad cannot read.
DictionaryFiles UserDictionaries(const std::vector<fs::path>& paths, DictionaryFiles files) {
  DictionaryFiles given;
  for (const fs::path& path : paths) {
    if (!fs::exists(path)) throw std::runtime_error("no such dictionary: " + path.string());
    std::vector<fs::path> found;
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::directory_iterator(path))
        if (entry.is_regular_file()) found.push_back(entry.path());
      std::sort(found.begin(), found.end());
    } else {
      found.push_back(path);
    }
    for (const fs::path& file : found) {
      std::string name = file.filename().string();
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      bool options = name.ends_with(".options") || name.ends_with(".project") || name.ends_with(".md");
      if (options) continue;  // peer option files: not dictionaries
      if (name.find("actor") != std::string::npos) {
        given.actors.push_back(file);
      } else if (name.find("agent") != std::string::npos) {
        given.agents.push_back(file);
      } else if (name.find("verb") != std::string::npos || name.find("ontology") != std::string::npos) {
        // PETRARCH-2's internal coding ontology belongs to its verb file.
        given.verbs.push_back(file);
      } else if (name.find("discard") != std::string::npos) {
        given.discards.push_back(file);
      } else {
        throw std::runtime_error(file.string() +
                                 ": cannot tell what kind of dictionary this is (its name should contain "
                                 "actors, agents, verbs or discards)");
      }
    }
  }
  for (auto [mine, theirs] : {std::pair{&files.actors, &given.actors}, {&files.agents, &given.agents},
                              {&files.verbs, &given.verbs}, {&files.discards, &given.discards}}) {
    if (!theirs->empty()) *mine = std::move(*theirs);
  }
  return files;
}

}  // namespace

namespace {

// In a sentence about a sport or a game ("contest:" discards), acts of
// force and contest (15, 17-20) are the game's: "Chelsea beat
// Arsenal", "clashes at the World Cup final". Other acts stand.
void DropContestEvents(coder::SentenceEvents& coded, const std::string& discard) {
  coded.EraseEventsIf([&](const Event& event, size_t) {
    const std::string_view root = std::string_view(event.cameo).substr(0, 2);
    if (root != "15" && root != "17" && root != "18" && root != "19" && root != "20") return false;
    if (!discard.empty()) coded.explanation.push_back(fmt::format("  event {} discarded by {}", event.cameo, discard));
    return true;
  });
}

// An actor named by its role alone ("civilians", "gunmen"): the coder
// leaves its country to the place where the event happened.
bool IsRoleOnly(const Actor& actor) { return actor.country.empty() && actor.code == actor.sector; }

void PlaceIn(Actor& actor, const std::string& country) {
  actor.country = country;
  actor.code = country + actor.code;
}

// "The opposition called for Mugabe's ouster", "protesters demanded the
// resignation of Prime Minister Imran Khan": people named by their role
// alone who, with no place named, stand against a state's government or
// forces from within are of that state. The opposition always is; others
// when they protest (14) or demand a change of leader or policy (104,
// 024), which people ask of their own government: citizens, militants,
// workers, students, farmers, clergy, rebels, rights groups (not the
// press or business, whose role words rarely carry such acts).
std::string CountryOpposed(const Event& event) {
  static constexpr std::array<std::string_view, 9> kPeopleSectors = {
      "CVL", "RAD", "LAB", "EDU", "AGR", "REL", "REB", "SEP", "HRI"};
  if (!event.target || event.target->country.size() != 3 ||
      !coder::ActorResolver::IsStateSector(event.target->sector)) {
    return "";
  }
  const std::string_view code = event.cameo;
  const bool opposes =
      code.starts_with("14") || code.starts_with("104") || code.starts_with("024");
  const bool of_the_state =
      event.source.sector == "OPP" ||
      (opposes && util::IsOneOf(event.source.sector, kPeopleSectors));
  return of_the_state ? event.target->country : "";
}

// "Snowden attacked the Obama administration", "Trump battles Congress",
// "he fired back at Democrats": force words (190 fight, 193 fire) between
// a country's politicians, officials, parties, press or companies are a
// quarrel in words, coded as criticism (111). Not when the doer is the
// police, the courts or the military, whose raids are real.
bool IsQuarrelInWords(const Event& event) {
  static constexpr std::array<std::string_view, 10> kCivilSectors = {
      "GOV", "LEG", "PTY", "OPP", "ELI", "MED", "HRI", "NGO", "BUS", "EDU"};
  return (event.cameo == "190" || event.cameo == "193") && event.target &&
         event.target->country == event.source.country &&
         util::IsOneOf(event.source.sector, kCivilSectors) &&
         util::IsOneOf(event.target->sector, kCivilSectors);
}

// "imposed a curfew in Cizre", "tanks shelled targets in Jericho": an act
// of coercion or violence (17-20) that names no one it was aimed at is
// aimed at the place where it happened. Done there by a foreigner, at the
// country; done by its own state or people, coercion and assault (17, 18:
// a curfew, a massacre) are aimed at its people, while fighting at home
// (19, 20: "captured villages in the north") is aimed at someone the
// place does not tell.
std::optional<Actor> PlaceTarget(const Event& event, const std::string& country, uint32_t begin, uint32_t end,
                                 const std::string& text) {
  const std::string_view root = std::string_view(event.cameo).substr(0, 2);
  if (root != "17" && root != "18" && root != "19" && root != "20") return std::nullopt;
  Actor target;
  target.country = country;
  if (event.source.country == country) {
    if (root != "17" && root != "18") return std::nullopt;
    target.sector = "CVL";
  }
  target.code = country + target.sector;
  target.begin = begin;
  target.end = end;
  target.text = text.substr(begin, end - begin);
  return target;
}

// The clause each token belongs to: the innermost clause whose extent
// contains it (the first of equal size), or -1. A dependent clause starts
// at its verb: its subject ("accused Chile on Monday of spying") stands in
// the clause it depends on. One pass over the clauses' extents, instead of
// a scan of every clause per mention (quadratic in a run-on sentence).
std::vector<int> InnermostClauses(const SentenceAnalysis& analysis, size_t tokens) {
  std::vector<int> best(tokens, -1);
  std::vector<uint32_t> best_size(tokens, UINT32_MAX);
  for (size_t c = 0; c < analysis.clauses.size(); ++c) {
    const Clause& clause = analysis.clauses[c];
    const uint32_t begin = clause.governor >= 0 ? clause.predicate.first : clause.extent.first;
    const uint32_t end = std::min<uint32_t>(clause.extent.last, static_cast<uint32_t>(tokens));
    for (uint32_t t = begin; t < end; ++t) {
      if (clause.extent.last - begin < best_size[t]) best[t] = static_cast<int>(c), best_size[t] = clause.extent.last - begin;
    }
  }
  return best;
}

// The date expressions or place names (any type with token span
// first/last) of a sentence, grouped by the innermost clause of each:
// computed once per sentence, so that a long sentence with many events
// and mentions stays linear in its events.
template <typename Mention>
std::vector<std::vector<const Mention*>> MentionsByClause(const std::vector<Mention>& mentions,
                                                          const SentenceAnalysis& analysis,
                                                          const std::vector<int>& innermost) {
  std::vector<std::vector<const Mention*>> by_clause(analysis.clauses.size());
  for (const Mention& mention : mentions) {
    const int clause = innermost[mention.first];
    if (clause >= 0) by_clause[clause].push_back(&mention);
  }
  return by_clause;
}

// The mention that belongs to a clause: the one nearest its verb among
// those whose innermost clause it is; failing that, the same for the
// clause it depends on ("Israel was accused yesterday of selling arms":
// the selling is dated by the accusation's "yesterday"). Mentions in other
// clauses, including clauses nested in this one ("expressed support by
// retweeting a video of strikes in X"), are not taken.
template <typename Mention>
const Mention* MentionOfClause(int clause_index, const SentenceAnalysis& analysis,
                               const std::vector<std::vector<const Mention*>>& by_clause) {
  if (by_clause.empty()) return nullptr;  // no mentions in the sentence
  for (int guard = 0; clause_index >= 0 && guard < 8; ++guard) {
    const Clause& clause = analysis.clauses[clause_index];
    const Mention* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const Mention* mention : by_clause[clause_index]) {
      uint32_t distance = mention->first > clause.head ? mention->first - clause.head : clause.head - mention->first;
      if (distance < best_distance) best = mention, best_distance = distance;
    }
    if (best) return best;
    clause_index = clause.governor;
  }
  return nullptr;
}

}  // namespace

struct Coder::Impl {
  Ontology ontology;
  place::Gazetteer gazetteer;
  tag::Tagger tagger;
  lexicon::ActorDictionary actors;
  lexicon::AgentDictionary agents;
  lexicon::VerbDictionary verbs;
  lexicon::DiscardList discards;
  bool explain = false;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;
Coder::~Coder() = default;

Coder Coder::Load(const CoderOptions& options) {
  const fs::path root = options.resource_dir.empty() ? ResourceDir() : options.resource_dir;
  const fs::path dict = root / "dict";
  // The gazetteer and the tagger do not depend on the dictionaries: they
  // load on their own threads while this one reads the ontology and the
  // dictionaries (startup is about 40 % gazetteer, 40 % verbs, 15 %
  // tagger). The loaders share no state. An exception on either thread
  // comes out of get(); a future's destructor waits for its thread.
  auto gazetteer_loaded = std::async(std::launch::async, [&root] {
    return place::Gazetteer::Load(place::Gazetteer::DefaultSnapshotPath(),
                                  root / "data" / "places" / "aliases.tsv");
  });
  auto tagger_loaded = std::async(std::launch::async, [] {
    return tag::Tagger::Load(LexiconPath(), tag::DefaultWordNetDir());
  });
  auto ontology = Ontology::Load(root / "data" / "ontology");
  DictionaryFiles files = BuiltInDictionaries(dict);
  if (!options.dictionaries.empty()) files = UserDictionaries(options.dictionaries, std::move(files));
  // The actor, agent and discard lists need neither the ontology nor the
  // verbs: with three cores or more they load on a thread of their own, so
  // that this one is left with the ontology and the verb patterns, the
  // longest load. On two cores the three threads above keep both busy,
  // and the lists load here after the verbs.
  struct Lists {
    lexicon::ActorDictionary actors;
    lexicon::AgentDictionary agents;
    lexicon::DiscardList discards;
  };
  const auto lists_launch =
      std::thread::hardware_concurrency() > 2 ? std::launch::async : std::launch::deferred;
  auto lists_loaded = std::async(lists_launch, [&files] {
    return Lists{lexicon::ActorDictionary::Load(files.actors),
                 lexicon::AgentDictionary::Load(files.agents),
                 lexicon::DiscardList::Load(files.discards)};
  });
  auto known_code = [&ontology](std::string_view code) { return ontology.Find(code) != nullptr; };
  auto verbs = lexicon::VerbDictionary::Load(files.verbs, known_code);
  Lists lists = lists_loaded.get();
  auto impl = std::make_unique<Impl>(Impl{
      std::move(ontology), gazetteer_loaded.get(), tagger_loaded.get(), std::move(lists.actors),
      std::move(lists.agents), std::move(verbs), std::move(lists.discards), options.explain});
  return Coder(std::move(impl));
}

namespace {

// What the stages read of a document: its text with invalid UTF-8 repaired
// (offsets unchanged), the dateline, and the sentences from after the
// dateline to before trailing boilerplate.
struct Body {
  std::string text;
  size_t repaired = 0;
  std::optional<text::Dateline> dateline;
  std::vector<Sentence> sentences;
};

Body ReadBody(const Document& document) {
  Body body;
  body.text = document.text;
  body.repaired = text::RepairUtf8(body.text);
  body.dateline = text::FindDateline(body.text);
  const size_t end = text::BodyEnd(body.text);
  if (!body.dateline) {
    body.sentences = text::Segment(body.text, 0, end);
  } else {
    // A headline before the dateline is text too; the dateline itself is not.
    body.sentences = text::Segment(body.text, 0, body.dateline->begin);
    std::vector<Sentence> report =
        text::Segment(body.text, body.dateline->end, end, static_cast<int>(body.sentences.size()));
    body.sentences.insert(body.sentences.end(), std::make_move_iterator(report.begin()),
                          std::make_move_iterator(report.end()));
  }
  text::DropCaptionLines(body.text, body.sentences);
  return body;
}

}  // namespace

DocumentResult Coder::Code(const Document& document) const { return Code(document, PeerOptions{}); }

DocumentResult Coder::Code(const Document& document, const PeerOptions& peer) const {
  DocumentResult result;
  Body body = ReadBody(document);
  const std::string& text = body.text;
  if (body.repaired > 0) {
    result.diagnostics.push_back({"invalid-utf8", document.id,
                                  fmt::format("{} invalid UTF-8 bytes replaced by '?'", body.repaired), false});
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.diagnostics.push_back({"empty-document", document.id, "the document has no text", true});
    return result;
  }
  std::optional<int> date = util::ParseIsoDate(document.date);
  // A dateline ("BAKU, Oct 5 (Reuters) -") is not text to code; its date is
  // the day of the report, for events the text does not date otherwise.
  std::optional<time::DateMention> dateline_date;
  std::string dateline_text;
  if (body.dateline && date && !body.dateline->date_text.empty()) {
    dateline_date = time::ResolveDatelineDate(body.dateline->date_text, *date);
    dateline_text = body.dateline->date_text;
  }
  result.sentences = std::move(body.sentences);

  // A document-level discard phrase (sports, entertainment) silences it all.
  // Each sentence's word keys and discard hit are kept for coding below:
  // they depend only on the tokens' norms, which tagging leaves alone.
  // Both lists are this worker's, kept from document to document, and
  // the keys are filled in place; the resolver copies a sentence's keys
  // into its own buffers, so no key buffer is allocated once both have
  // grown.
  auto& word_keys = util::ThreadScratch<std::vector<lexicon::MatchKeys>>();
  auto& discard_hits = util::ThreadScratch<std::vector<std::optional<lexicon::DiscardList::Hit>>>();
  if (word_keys.size() < result.sentences.size()) word_keys.resize(result.sentences.size());
  discard_hits.clear();
  for (size_t s = 0; s < result.sentences.size(); ++s) {
    const Sentence& sentence = result.sentences[s];
    lexicon::MatchKeys::ForTokens(sentence.tokens, false, word_keys[s]);
    const auto& hit = discard_hits.emplace_back(impl_->discards.Find(word_keys[s]));
    if (hit && hit->scope == lexicon::DiscardList::Scope::kDocument) {
      if (impl_->explain) {
        result.explanations.push_back(
            {sentence.index, {"document discarded by " + impl_->discards.Describe(hit->entry)}});
      }
      return result;
    }
  }

  coder::ActorResolver resolver(impl_->actors, impl_->agents, text, date, impl_->verbs.peer());
  std::vector<std::string> document_countries;  // of the places named so far
  for (size_t s = 0; s < result.sentences.size(); ++s) {
    Sentence& sentence = result.sentences[s];
    impl_->tagger.Tag(sentence);
    SentenceAnalysis analysis = syntax::Analyze(sentence);
    resolver.BeginSentence(sentence, word_keys[s]);
    const auto& discard = discard_hits[s];
    if (discard && discard->scope == lexicon::DiscardList::Scope::kSentence) {
      if (impl_->explain) {
        result.explanations.push_back(
            {sentence.index, {"sentence discarded by " + impl_->discards.Describe(discard->entry)}});
      }
      resolver.EndSentence();
      continue;
    }
    // PETRARCH and TABARI verb files mean what the peers made them mean.
    auto coded = impl_->verbs.peer()
                     ? coder::BuildPeerEvents(sentence, analysis, resolver, impl_->verbs, text, peer, impl_->explain)
                     : coder::BuildEvents(sentence, analysis, resolver, impl_->verbs, text, impl_->explain);
    resolver.EndSentence();
    if (discard && discard->scope == lexicon::DiscardList::Scope::kContest) {
      DropContestEvents(coded, impl_->explain ? impl_->discards.Describe(discard->entry) : "");
    }
    // A view: copied only into the events (most sentences have none).
    const std::string_view sentence_text =
        std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
    // Dates and places are given to events; a sentence without events
    // still names places for the document's countries (below).
    const bool has_events = !coded.events.empty();
    const std::vector<time::DateMention> dates =
        date && has_events ? time::FindDates(sentence, *date) : std::vector<time::DateMention>{};
    const std::vector<place::PlaceMention> places = place::FindToponyms(sentence, impl_->gazetteer);
    std::vector<std::vector<const time::DateMention*>> dates_by_clause;
    std::vector<std::vector<const place::PlaceMention*>> places_by_clause;
    if (has_events && (!dates.empty() || !places.empty())) {
      const std::vector<int> innermost = InnermostClauses(analysis, sentence.tokens.size());
      dates_by_clause = MentionsByClause(dates, analysis, innermost);
      places_by_clause = MentionsByClause(places, analysis, innermost);
    }
    for (size_t i = 0; i < coded.events.size(); ++i) {
      Event& event = coded.events[i];
      event.doc_id = document.id;
      event.sentence_index = sentence.index;
      event.date = date ? util::IsoFromDays(*date) : "";
      event.date_source = "publication";
      if (const auto* mention = MentionOfClause(coded.clauses[i], analysis, dates_by_clause)) {
        const auto& tokens = sentence.tokens;
        event.date = time::IsoDay(*mention);
        event.date_source = "text";
        event.date_text = text.substr(tokens[mention->first].begin,
                                      tokens[mention->last - 1].end - tokens[mention->first].begin);
        event.date_granularity = std::string(time::GranularityName(mention->granularity));
      } else if (dateline_date) {
        event.date = time::IsoDay(*dateline_date);
        event.date_source = "text";
        event.date_text = dateline_text;
        event.date_granularity = std::string(time::GranularityName(dateline_date->granularity));
      }
      const place::PlaceMention* mention = MentionOfClause(coded.clauses[i], analysis, places_by_clause);
      if (mention) {
        // The event's own actors first, then the places named so far.
        std::vector<std::string> context{event.source.country};
        if (event.target) context.push_back(event.target->country);
        context.insert(context.end(), document_countries.begin(), document_countries.end());
        if (const place::Place* where = place::Disambiguate(*mention, context)) {
          event.location = place::ToLocation(*where);
        }
      }
      // Actors the coder could name only by their role are of the place
      // where the event happened. Victims ("killed ten civilians") with no
      // place are no one the data can name. An attacker no one names ("a
      // roadside bomb killed") with no place leaves the event without a
      // source, and so does an attack on a country as a whole ("militants
      // fired rockets at Israel"): that comes as often from across its
      // border.
      const std::string place_country =
          event.location && event.location->country.size() == 3 ? event.location->country : "";
      if (event.target && IsRoleOnly(*event.target)) {
        if (place_country.empty()) {
          event.target.reset();
        } else {
          PlaceIn(*event.target, place_country);
        }
      }
      if (IsRoleOnly(event.source)) {
        const bool violence = event.cameo >= std::string_view("18");
        const std::string home = place_country.empty() ? CountryOpposed(event) : place_country;
        if (home.empty() || (violence && event.target && event.target->sector.empty())) {
          if (impl_->explain) {
            coded.explanation.push_back(fmt::format("  event {} dropped: '{}' names no one, and no place says whose",
                                                    event.cameo, event.source.text));
          }
          continue;
        }
        PlaceIn(event.source, home);
        // No one acts on their own country as a whole (as in the coder).
        if (event.target && event.target->code == event.source.country) event.target.reset();
      }
      if (IsQuarrelInWords(event)) {
        if (impl_->explain) {
          coded.explanation.push_back(fmt::format("  event {} {} -> {}: force words between politicians are criticism (111)",
                                                  event.cameo, event.source.code, event.target->code));
        }
        event.cameo = "111";
      }
      if (!event.target && !place_country.empty()) {
        event.target = PlaceTarget(event, place_country, sentence.tokens[mention->first].begin,
                                   sentence.tokens[mention->last - 1].end, text);
        if (event.target && impl_->explain) {
          coded.explanation.push_back(fmt::format("  event {} names no target: aimed at '{}', where it happened ({})",
                                                  event.cameo, event.target->text, event.target->code));
        }
      }
      event.sentence_text = sentence_text;
      if (const CameoCode* code = impl_->ontology.Find(event.cameo)) {
        event.quad_class = code->quad_class;
        event.goldstein = code->goldstein;
      }
      event.plover = impl_->ontology.ToPlover(event.cameo);
      if (const auto* type = impl_->verbs.PloverTypeOf(event.pattern); type && type->code == event.cameo) {
        event.plover.event = type->event;
        event.plover.mode = type->mode;
      }
      result.events.push_back(std::move(event));
    }
    for (const place::PlaceMention& mention : places) {
      if (const place::Place* where = place::Disambiguate(mention, document_countries)) {
        if (!where->country.empty()) document_countries.push_back(where->country);
      }
    }
    if (impl_->explain) {
      if (coded.explanation.empty()) coded.explanation.push_back("no verb or event noun");
      result.explanations.push_back({sentence.index, std::move(coded.explanation)});
    }
  }
  return result;
}

std::vector<AnalyzedSentence> Coder::Analyze(const Document& document) const {
  std::vector<AnalyzedSentence> out;
  for (Sentence& sentence : ReadBody(document).sentences) out.push_back(AnalyzeSentence(std::move(sentence)));
  return out;
}

std::vector<Actor> Coder::FindActors(const Document& document) const {
  std::vector<Actor> actors;
  Body body = ReadBody(document);
  coder::ActorResolver resolver(impl_->actors, impl_->agents, body.text, util::ParseIsoDate(document.date),
                                impl_->verbs.peer());
  for (Sentence& sentence : body.sentences) {
    const AnalyzedSentence a = AnalyzeSentence(std::move(sentence));
    resolver.BeginSentence(a.sentence);
    for (const TokenSpan& np : a.analysis.noun_phrases) {
      for (Actor& actor : resolver.ResolveAll(np, a.analysis.noun_phrases)) actors.push_back(std::move(actor));
    }
    resolver.EndSentence();
  }
  return actors;
}

AnalyzedSentence Coder::AnalyzeTokens(const std::vector<std::string>& words) const {
  Sentence sentence;
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    Token token;
    token.begin = static_cast<uint32_t>(text.size());
    text += word;
    token.end = static_cast<uint32_t>(text.size());
    // The tokenizer's own normal form when it reads the word as one token.
    auto pieces = text::Segment(word, 0, word.size());
    bool single = pieces.size() == 1 && pieces[0].tokens.size() == 1;
    token.norm = single ? pieces[0].tokens[0].norm : word;
    sentence.tokens.push_back(std::move(token));
  }
  sentence.end = static_cast<uint32_t>(text.size());
  return AnalyzeSentence(std::move(sentence));
}

AnalyzedSentence Coder::AnalyzeSentence(Sentence sentence) const {
  impl_->tagger.Tag(sentence);
  SentenceAnalysis analysis = syntax::Analyze(sentence);
  std::vector<Dependency> dependencies = syntax::ToDependencies(sentence, analysis);
  return {std::move(sentence), std::move(analysis), std::move(dependencies)};
}

namespace {

// Writes diagnostics as they happen, the first kShown of each kind in full:
// a batch of thousands of undated documents must not bury other problems.
// The summary counts them all.
class DiagnosticLog {
 public:
  explicit DiagnosticLog(std::ostream& out) : out_(out) {}
  void Write(const Diagnostic& d) {
    size_t seen = ++seen_[d.kind];
    if (seen <= kShown) {
      out_ << fmt::format("{}: {}: {}{}\n", d.where, d.kind, d.message, d.skipped ? " (skipped)" : "");
    }
    if (seen == kShown) out_ << fmt::format("(further {} problems are only counted in the summary)\n", d.kind);
  }

 private:
  static constexpr size_t kShown = 20;
  std::ostream& out_;
  std::map<std::string, size_t> seen_;
};

void Count(RunSummary& summary, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) ++summary.problems[d.kind];
}

// A document one of whose problems made the coder skip it.
bool Skipped(const DocumentResult& result) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& d) { return d.skipped; });
}


// Coding with several threads is a window of documents in input order: the
// calling thread reads documents into the back of the window and writes
// finished ones from its front, while `threads` workers take the oldest
// uncoded document. Reading and writing thus overlap with coding instead
// of running between batches, the workers never wait for each other (no
// barrier), and they share one mutex that is held only to take a document
// or to mark one done (a few hundred nanoseconds per document of ~2 ms).
// The window's length bounds memory whatever the input size. The workers
// also render each document's text for the sinks that can (EventSink::
// Render), so that the calling thread, which competes with them for the
// cores, only reads and writes.
class CodingWindow {
 public:
  CodingWindow(const Coder& coder, int threads, size_t capacity, const std::vector<EventSink*>& sinks)
      : coder_(coder), capacity_(std::max<size_t>(capacity, 2 * static_cast<size_t>(threads))), sinks_(sinks) {
    for (int t = 0; t < threads; ++t) workers_.emplace_back([this] { Work(); });
  }
  CodingWindow(const CodingWindow&) = delete;
  CodingWindow& operator=(const CodingWindow&) = delete;
  // Stops the workers; documents not yet written are dropped (the run is
  // failing: a sink threw).
  ~CodingWindow() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  // Adds a document; first writes (with `write`) the finished documents at
  // the front, and waits for the front one while the window is full.
  template <typename Write>
  void Push(Document document, Write&& write) {
    WriteFinished(write, /*wait_while_full=*/true);
    {
      std::lock_guard lock(mutex_);
      slots_.emplace_back().document = std::move(document);
    }
    work_ready_.notify_one();
  }

  // Writes every remaining document, in order.
  template <typename Write>
  void Finish(Write&& write) {
    {
      std::lock_guard lock(mutex_);
      reading_done_ = true;
    }
    work_ready_.notify_all();
    WriteFinished(write, /*wait_while_full=*/false);
  }

 private:
  struct Slot {
    Document document;
    DocumentResult result;
    std::vector<std::string> rendered;  // per sink, when it can render
    std::exception_ptr error;
    bool done = false;
  };

  // Writes the front documents that are done; waits for the front one while
  // the window is full (`wait_while_full`) or, at the end, until it is empty.
  template <typename Write>
  void WriteFinished(Write& write, bool wait_while_full) {
    std::unique_lock lock(mutex_);
    for (;;) {
      bool must_wait = wait_while_full ? slots_.size() >= capacity_ : !slots_.empty();
      if (slots_.empty() || (!slots_.front().done && !must_wait)) return;
      slot_done_.wait(lock, [&] { return slots_.front().done; });
      // Deque references stay valid across push_back and pop_front, so the
      // workers' slots are untouched by taking the front one out.
      Slot slot = std::move(slots_.front());
      slots_.pop_front();
      ++front_;
      lock.unlock();
      if (slot.error) std::rethrow_exception(slot.error);
      write(slot.document, slot.result, &slot.rendered);
      lock.lock();
    }
  }

  void Work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(
          lock, [&] { return stopping_ || next_ < front_ + slots_.size() || reading_done_; });
      if (stopping_ || next_ == front_ + slots_.size()) return;  // nothing left to code
      Slot& slot = slots_[next_++ - front_];
      lock.unlock();
      DocumentResult result;
      std::vector<std::string> rendered(sinks_.size());
      std::exception_ptr error;
      try {
        result = coder_.Code(slot.document);
        if (!Skipped(result)) {
          for (size_t i = 0; i < sinks_.size(); ++i) {
            if (sinks_[i]->CanRender()) rendered[i] = sinks_[i]->Render(slot.document, result);
          }
        }
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      slot.result = std::move(result);
      slot.rendered = std::move(rendered);
      slot.error = error;
      slot.done = true;
      slot_done_.notify_one();
    }
  }

  const Coder& coder_;
  const size_t capacity_;
  const std::vector<EventSink*>& sinks_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a document to code, or the end
  std::condition_variable slot_done_;   // a document coded
  std::deque<Slot> slots_;              // input order; slots_[k] is document front_ + k
  size_t front_ = 0;                    // sequence number of slots_.front()
  size_t next_ = 0;                     // sequence number of the next document to code
  bool reading_done_ = false;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

RunSummary RunCoding(const Coder& coder, const RunOptions& options,
                     const std::vector<EventSink*>& sinks, std::ostream& log, std::ostream* explain) {
  auto started = std::chrono::steady_clock::now();
  RunSummary summary;
  DiagnosticLog diagnostics(log);
  const int threads = std::max(1, options.threads);

  // `rendered`: each sink's text for the document when a worker made it.
  auto write = [&](const Document& document, const DocumentResult& result,
                   const std::vector<std::string>* rendered = nullptr) {
    for (const Diagnostic& d : result.diagnostics) diagnostics.Write(d);
    Count(summary, result.diagnostics);
    if (Skipped(result)) {
      ++summary.skipped;
      return;
    }
    ++summary.documents;
    summary.sentences += result.sentences.size();
    summary.events += result.events.size();
    for (size_t i = 0; i < sinks.size(); ++i) {
      if (rendered && sinks[i]->CanRender()) {
        sinks[i]->WriteRendered((*rendered)[i]);
      } else {
        sinks[i]->Write(document, result);
      }
    }
    if (explain) {
      for (const auto& e : result.explanations) {
        *explain << fmt::format("[{} sentence {}]\n", document.id, e.sentence_index);
        for (const auto& line : e.lines) *explain << "  " << line << '\n';
      }
    }
  };

  // One thread codes each document as it is read; more use a window.
  std::optional<CodingWindow> window;
  if (threads > 1) window.emplace(coder, threads, options.batch_size, sinks);
  for (const std::string& input : options.inputs) {
    std::unique_ptr<DocumentReader> reader;
    try {
      reader = DocumentReader::Open(input, options.reader);
    } catch (const std::exception& e) {
      Diagnostic d{"unreadable-input", input, e.what(), true};
      diagnostics.Write(d);
      ++summary.problems[d.kind];
      continue;
    }
    while (auto item = reader->Next()) {
      for (const Diagnostic& d : item->diagnostics) diagnostics.Write(d);
      Count(summary, item->diagnostics);
      if (!item->document) {
        ++summary.skipped;
        continue;
      }
      if (window) {
        window->Push(std::move(*item->document), write);
      } else {
        write(*item->document, coder.Code(*item->document));
      }
    }
  }
  if (window) window->Finish(write);
  for (EventSink* sink : sinks) sink->Finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

std::string FormatSummary(const RunSummary& s) {
  std::ostringstream out;
  out << fmt::format("documents: {} coded, {} skipped\n", s.documents, s.skipped);
  out << fmt::format("sentences: {}\nevents: {}\n", s.sentences, s.events);
  out << fmt::format("seconds: {:.3f} ({:.0f} sentences/s)\n", s.seconds,
                     s.seconds > 0 ? s.sentences / s.seconds : 0.0);
  for (const auto& [kind, count] : s.problems) out << fmt::format("problem {}: {}\n", kind, count);
  return out.str();
}

}  // namespace dyad
