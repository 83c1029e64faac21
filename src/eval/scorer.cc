// Gold-record scoring. Coded and expected events are compared as multisets
// of (source, target, code) strings, so two identical expected events need
// two coded ones; the same comparison runs with codes cut to their root and
// actors cut to their country. PLOVER gold files run the same comparison on
// PLOVER event types instead of CAMEO codes: only the code each side
// contributes differs (Compared), the scoring is shared.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "dyad/document.h"
#include "dyad/eval.h"
#include "dyad/event.h"
#include "util/strings.h"

namespace dyad {
namespace {

std::string NormaliseTarget(std::string_view target) {
  return target == "---" || target == "null" ? "" : std::string(target);
}

// TABARI's command "DEFAULT: SOURCE [A] PRIOR TARGET [B] AFTER" (either
// part may be missing) or "DEFAULT: OFF", one of a record's options in
// the order TABARI read them.
void ReadTabariDefault(std::string_view option, PeerOptions& peer) {
  option = util::Trim(option);
  if (!option.starts_with("DEFAULT:")) return;
  peer.default_source.clear();
  peer.default_target.clear();
  peer.default_source_prior = peer.default_target_after = false;
  std::string* code = nullptr;  // the side the words now describe
  for (std::string_view word : util::Split(option.substr(8), ' ')) {
    if (word == "SOURCE") {
      code = &peer.default_source;
    } else if (word == "TARGET") {
      code = &peer.default_target;
    } else if (word.size() > 2 && word.front() == '[' && word.back() == ']' && code) {
      *code = std::string(word.substr(1, word.size() - 2));
    } else if (word == "PRIOR") {
      peer.default_source_prior = true;
    } else if (word == "AFTER") {
      peer.default_target_after = true;
    }
  }
}

// One side of a comparison, with the code in the scheme being scored.
struct Triple {
  std::string source;
  std::string target;  // "" for none
  std::string code;
};

bool AllDigits(std::string_view code) {
  return !code.empty() &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A CAMEO code's PLOVER type. PLOVER has no type for CAMEO 01 and 02; those
// keep their code in parentheses, so they never match a PLOVER type but still
// show, and count, as coded events (extras).
std::string PloverKeyCode(const Plover& plover, std::string_view cameo) {
  return plover.event.empty() ? fmt::format("({})", cameo) : plover.event;
}

Triple Compared(const Event& e, GoldScheme scheme) {
  // The coder fills e.plover from the ontology (cameo_to_plover.tsv).
  return {e.source.code, e.target ? e.target->code : "",
          scheme == GoldScheme::kPlover ? PloverKeyCode(e.plover, e.cameo) : e.cameo};
}

Triple Compared(const GoldEvent& e, const EvalOptions& options) {
  if (options.scheme == GoldScheme::kCameo) return {e.source, e.target, e.code};
  if (AllDigits(e.code) && options.ontology) {
    return {e.source, e.target, PloverKeyCode(options.ontology->ToPlover(e.code), e.code)};
  }
  return {e.source, e.target, PloverTypeName(e.code)};
}

std::vector<EvalLevel> LevelsOf(GoldScheme scheme) {
  if (scheme == GoldScheme::kPlover) return {EvalLevel::kPloverType, EvalLevel::kCountryPloverType};
  return {EvalLevel::kCode, EvalLevel::kRoot, EvalLevel::kCountryRoot};
}

// The level the per-type table is computed at.
EvalLevel TypeLevel(GoldScheme scheme) {
  return scheme == GoldScheme::kPlover ? EvalLevel::kPloverType : EvalLevel::kRoot;
}

std::string TypeOf(const Triple& t, GoldScheme scheme) {
  if (scheme == GoldScheme::kCameo) return t.code.substr(0, 2);
  return t.code.starts_with('(') ? "(none)" : t.code;
}

std::string Key(const Triple& t, EvalLevel level) {
  bool countries = level == EvalLevel::kCountryRoot || level == EvalLevel::kCountryPloverType;
  bool root = level == EvalLevel::kRoot || level == EvalLevel::kCountryRoot;
  auto actor = [&](const std::string& code) { return countries ? code.substr(0, 3) : code; };
  return fmt::format("{} {} {}", actor(t.source), t.target.empty() ? "-" : actor(t.target),
                     root ? t.code.substr(0, 2) : t.code);
}

// Size of the multiset intersection; fills `only_a` / `only_b`.
size_t Intersect(std::vector<std::string> a, std::vector<std::string> b,
                 std::vector<std::string>* only_a, std::vector<std::string>* only_b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  size_t matched = 0, i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      if (only_a) only_a->push_back(a[i]);
      ++i;
    } else if (i == a.size() || b[j] < a[i]) {
      if (only_b) only_b->push_back(b[j]);
      ++j;
    } else {
      ++matched, ++i, ++j;
    }
  }
  return matched;
}

void CountActors(const std::vector<Actor>& found, const GoldRecord& record,
                 ActorCoverage& coverage, RecordResult& result) {
  auto known = [&](const std::string& code, size_t length) {
    std::string want = code.substr(0, length);
    return std::any_of(found.begin(), found.end(),
                       [&](const Actor& a) { return a.code.substr(0, length) == want; });
  };
  for (const GoldEvent& e : record.expected) {
    for (const std::string* code : {&e.source, &e.target}) {
      if (code->size() < 3 || code->starts_with("---")) continue;
      bool is_source = code == &e.source;
      (is_source ? coverage.sources : coverage.targets)++;
      const bool role_found = known(*code, 6);
      (is_source ? coverage.sources_found : coverage.targets_found) += role_found;
      if (!role_found) {
        std::string codes;
        for (const Actor& a : found) codes += (codes.empty() ? "" : " ") + a.code;
        result.actors_missed.push_back(fmt::format("{} (found: {})", *code, codes));
      }
      ++coverage.countries;
      coverage.countries_found += known(*code, 3);
    }
  }
}

}  // namespace

GoldFile ReadGoldFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open gold file " + path.string());
  GoldFile file;
  simdjson::dom::parser parser;
  std::string line;
  int number = 0;
  // Whether a record carries the options of a peer suite's driver
  // ("config"), and the records that set require_dyad, by index.
  bool peer_options = false;
  std::vector<std::optional<bool>> require_dyad_set;  // per record
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = fmt::format("{}:{}", path.string(), number);
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc) != simdjson::SUCCESS || !doc.is_object()) {
      file.problems.push_back({"broken-json", where, "not a JSON object", true});
      continue;
    }
    GoldRecord record;
    auto text_of = [&](const char* key) -> std::string {
      std::string_view value;
      return doc[key].get_string().get(value) == simdjson::SUCCESS ? std::string(value) : "";
    };
    record.id = text_of("id");
    record.date = text_of("date");
    record.text = text_of("text");
    record.outcome = text_of("expected_outcome");
    std::optional<bool> require_dyad;
    bool disabled = false;
    if (doc["disabled"].get_bool().get(disabled) == simdjson::SUCCESS) record.disabled = disabled;
    simdjson::dom::object config;
    if (doc["config"].get_object().get(config) == simdjson::SUCCESS) {
      peer_options = true;
      std::string_view value;
      if (config["require_dyad"].get_string().get(value) == simdjson::SUCCESS) {
        require_dyad = util::AsciiLower(value) != "false";
      }
      int length = 0;
      if (config["new_actor_length"].get_string().get(value) == simdjson::SUCCESS &&
          std::from_chars(value.data(), value.data() + value.size(), length).ec == std::errc()) {
        record.peer.new_actor_length = length;
      }
      simdjson::dom::array options;
      if (config["options"].get_array().get(options) == simdjson::SUCCESS) {
        for (simdjson::dom::element option : options) {
          if (option.get_string().get(value) == simdjson::SUCCESS) {
            ReadTabariDefault(value, record.peer);
          }
        }
      }
    }
    simdjson::dom::array expected;
    if (doc["expected"].get_array().get(expected) == simdjson::SUCCESS) {
      for (simdjson::dom::element e : expected) {
        GoldEvent event;
        std::string_view value;
        if (e["source"].get_string().get(value) == simdjson::SUCCESS) event.source = value;
        if (e["target"].get_string().get(value) == simdjson::SUCCESS) {
          event.target = NormaliseTarget(value);
        }
        if (e["code"].get_string().get(value) == simdjson::SUCCESS) event.code = value;
        if (e["modality"].get_string().get(value) == simdjson::SUCCESS) {
          event.modality = std::string(value);
        }
        if (e["date"].get_string().get(value) == simdjson::SUCCESS) event.date = std::string(value);
        if (e["location"].is_null()) {
          event.location = "";
        } else if (e["location"].get_string().get(value) == simdjson::SUCCESS) {
          event.location = std::string(value);
        }
        if (e["location_country"].get_string().get(value) == simdjson::SUCCESS) {
          event.location_country = std::string(value);
        }
        record.expected.push_back(std::move(event));
      }
    }
    if (record.id.empty() || record.text.empty()) {
      file.problems.push_back({"bad-record", where, "a gold record needs id and text", true});
      continue;
    }
    file.records.push_back(std::move(record));
    require_dyad_set.push_back(require_dyad);
  }
  // In a peer suite, records that do not set require_dyad keep the peer
  // drivers' default: on (validation/README.md).
  for (size_t i = 0; i < file.records.size() && peer_options; ++i) {
    file.records[i].require_dyad = require_dyad_set[i].value_or(true);
  }
  return file;
}

GoldScheme DetectGoldScheme(const std::vector<GoldRecord>& records) {
  bool any = false;
  for (const GoldRecord& record : records) {
    for (const GoldEvent& e : record.expected) {
      if (e.code.empty() || e.code == "---") continue;
      bool name = std::all_of(e.code.begin(), e.code.end(),
                              [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
      if (!name) return GoldScheme::kCameo;
      any = true;
    }
  }
  return any ? GoldScheme::kPlover : GoldScheme::kCameo;
}

std::string PloverTypeName(std::string_view name) {
  // PLOVER 0.8 renamed two 0.5 types and folded FIGHT into ASSAULT and
  // INVESTIGATE into ACCUSE, as the ontology's CAMEO table does (19x, 09x).
  static const std::pair<std::string_view, std::string_view> kRenamed[] = {
      {"DEMAND", "REQUEST"},
      {"DISAPPROVE", "ACCUSE"},
      {"FIGHT", "ASSAULT"},
      {"INVESTIGATE", "ACCUSE"}};
  for (auto [old_name, new_name] : kRenamed) {
    if (name == old_name) return std::string(new_name);
  }
  return std::string(name);
}

EvalReport Evaluate(const Coder& coder, const std::vector<GoldRecord>& records,
                    const EvalOptions& options) {
  EvalReport report;
  report.scheme = options.scheme;
  const std::vector<EvalLevel> levels = LevelsOf(options.scheme);
  for (const GoldRecord& record : records) {
    if (record.disabled) continue;
    ++report.records;
    Document document{record.id, record.date, "", record.text, "", "gold"};
    DocumentResult coded = coder.Code(document, record.peer);
    if (record.require_dyad) {
      std::erase_if(coded.events, [](const Event& e) { return !e.target; });
    }
    RecordResult result;
    result.record = &record;
    std::vector<Triple> wanted, got;
    for (const GoldEvent& e : record.expected) wanted.push_back(Compared(e, options));
    for (const Event& e : coded.events) got.push_back(Compared(e, options.scheme));
    for (EvalLevel level : levels) {
      std::vector<std::string> want_keys, got_keys;
      for (const Triple& t : wanted) want_keys.push_back(Key(t, level));
      for (const Triple& t : got) got_keys.push_back(Key(t, level));
      Counts& counts = report.totals[level];
      counts.expected += want_keys.size();
      counts.coded += got_keys.size();
      // Misses and extras are listed at the finest level only.
      bool listing = level == levels.front();
      counts.matched += Intersect(want_keys, got_keys, listing ? &result.missed : nullptr,
                                  listing ? &result.extra : nullptr);
      if (level == TypeLevel(options.scheme)) {
        // Score each root (CAMEO) or type (PLOVER) on its own.
        std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> types;
        for (size_t i = 0; i < wanted.size(); ++i) {
          types[TypeOf(wanted[i], options.scheme)].first.push_back(want_keys[i]);
        }
        for (size_t i = 0; i < got.size(); ++i) {
          types[TypeOf(got[i], options.scheme)].second.push_back(got_keys[i]);
        }
        for (auto& [type, sides] : types) {
          Counts& c = report.by_type[type];
          c.expected += sides.first.size();
          c.coded += sides.second.size();
          c.matched += Intersect(sides.first, sides.second, nullptr, nullptr);
        }
      }
    }
    for (size_t i = 0; i < coded.events.size(); ++i) {
      const Event& e = coded.events[i];
      std::string key = Key(got[i], levels.front());
      result.coded.push_back(fmt::format("{} [{}]", key, ModalityName(e.modality)));
      for (size_t j = 0; j < record.expected.size(); ++j) {
        const GoldEvent& g = record.expected[j];
        if (Key(wanted[j], levels.front()) != key) continue;
        if (g.modality && *g.modality != ModalityName(e.modality)) {
          result.wrong_modality.push_back(
              fmt::format("{}: expected {}, coded {}", key, *g.modality, ModalityName(e.modality)));
        }
        std::string place = e.location ? e.location->name : "";
        if (g.location && *g.location != place) {
          result.wrong_location.push_back(
              fmt::format("{}: expected '{}', coded '{}'", key, *g.location, place));
        }
        const std::string country = e.location ? e.location->country : "";
        if (g.location_country && *g.location_country != country) {
          result.wrong_location.push_back(
              fmt::format("{}: expected a place in {}, coded '{}' in {}", key, *g.location_country, place, country));
        }
        if (g.date && *g.date != e.date) {
          result.wrong_date.push_back(
              fmt::format("{}: expected {}, coded {} ({})", key, *g.date, e.date,
                          e.date_text.empty() ? "publication" : e.date_text));
        }
      }
    }
    CountActors(coder.FindActors(document), record, report.actors, result);
    report.results.push_back(std::move(result));
  }
  return report;
}

std::string FormatEvalReport(const EvalReport& report, bool list_errors) {
  std::ostringstream out;
  bool plover = report.scheme == GoldScheme::kPlover;
  out << fmt::format("records scored: {}\n", report.records);
  if (plover) {
    out << "scored on PLOVER event type: gold 0.5 names as 0.8, CAMEO codes via "
           "cameo_to_plover.tsv (01/02 have none)\n";
  }
  out << fmt::format("{:<22} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "level",
                     "expected", "coded", "matched", "found", "extra", "P", "R", "F1");
  const std::pair<EvalLevel, const char*> levels[] = {
      {EvalLevel::kCode, "source,target,code"},
      {EvalLevel::kRoot, "source,target,root"},
      {EvalLevel::kCountryRoot, "countries,root"},
      {EvalLevel::kPloverType, "source,target,type"},
      {EvalLevel::kCountryPloverType, "countries,type"}};
  for (auto [level, name] : levels) {
    auto it = report.totals.find(level);
    if (it == report.totals.end()) continue;
    const Counts& c = it->second;
    double extra = c.expected ? double(c.coded - c.matched) / c.expected : 0;
    out << fmt::format("{:<22} {:>8} {:>8} {:>8} {:>6.1f}% {:>6.1f}% {:>7.3f} {:>7.3f} {:>7.3f}\n",
                       name, c.expected, c.coded, c.matched, 100 * c.Recall(), 100 * extra,
                       c.Precision(), c.Recall(), c.F1());
  }
  const ActorCoverage& a = report.actors;
  auto pct = [](size_t x, size_t n) { return n ? 100.0 * x / n : 0.0; };
  out << fmt::format(
      "\nactors recognised in the sentence (country+role): sources {:.1f}% ({}/{}), "
      "targets {:.1f}% ({}/{}); countries only {:.1f}% ({}/{})\n",
      pct(a.sources_found, a.sources), a.sources_found, a.sources, pct(a.targets_found, a.targets),
      a.targets_found, a.targets, pct(a.countries_found, a.countries), a.countries_found,
      a.countries);
  out << (plover ? "\nper type (source,target,type):\n" : "\nper root (source,target,root):\n");
  for (const auto& [type, c] : report.by_type) {
    out << fmt::format(
        "  {:<{}}  expected {:>4}  coded {:>4}  matched {:>4}  P {:.2f}  R {:.2f}  F1 {:.2f}\n",
        type, plover ? 10 : 2, c.expected, c.coded, c.matched, c.Precision(), c.Recall(), c.F1());
  }
  if (!list_errors) return out.str();
  out << "\nerrors:\n";
  for (const RecordResult& r : report.results) {
    if (r.missed.empty() && r.extra.empty() && r.wrong_modality.empty() && r.wrong_date.empty() &&
        r.wrong_location.empty() && r.actors_missed.empty())
      continue;
    out << fmt::format("[{}] {}\n", r.record->id, r.record->text);
    for (const auto& m : r.missed) out << "   missed: " << m << '\n';
    for (const auto& e : r.extra) out << "   extra:  " << e << '\n';
    for (const auto& w : r.wrong_modality) out << "   modality: " << w << '\n';
    for (const auto& w : r.wrong_date) out << "   date: " << w << '\n';
    for (const auto& w : r.wrong_location) out << "   location: " << w << '\n';
    for (const auto& a : r.actors_missed) out << "   actor not recognised: " << a << '\n';
  }
  return out.str();
}

}  // namespace dyad
