// Scoring against gold records (the format of ../shared/validation/*.jsonl
// and tests/golden/: {id, date, text, expected:[{source,target,code}],
// expected_outcome, disabled?}). Used by `dyad eval` and the golden tests.
// Gold codes are CAMEO codes or PLOVER event types (docs/formats/gold.md).
#ifndef DYAD_EVAL_H_
#define DYAD_EVAL_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder.h"
#include "dyad/diagnostic.h"
#include "dyad/ontology.h"

namespace dyad {

struct GoldEvent {
  std::string source;
  std::string target;  // "" or "---" for none
  std::string code;
  // Golden records may pin these: modality, date (ISO), location (the
  // place name, or "" for none) and its country (ISO alpha-3: Prague in
  // Czechia, not Oklahoma).
  std::optional<std::string> modality;
  std::optional<std::string> date;
  std::optional<std::string> location;
  std::optional<std::string> location_country;
};

struct GoldRecord {
  std::string id;
  std::string date;
  std::string text;
  std::vector<GoldEvent> expected;
  std::string outcome;  // "events", "no_events", ...
  bool disabled = false;
  // The peer drivers' require_dyad option (the record's "config"): coded
  // events without a target are not scored. Peer suites leave it on unless
  // a record turns it off; records without peer options leave it off.
  bool require_dyad = false;
  // The other driver options dyad honours (config.new_actor_length).
  PeerOptions peer;
};

struct GoldFile {
  std::vector<GoldRecord> records;
  std::vector<Diagnostic> problems;  // broken lines, skipped
};

// Reads a gold JSONL file. Throws std::runtime_error if it cannot be opened.
GoldFile ReadGoldFile(const std::filesystem::path& path);

// What the gold `code`s are: CAMEO codes ("0311") or PLOVER event type names
// ("REQUEST", or the 0.5 names of the PLOVER gold standard records).
enum class GoldScheme { kCameo, kPlover };

// kPlover when the records have at least one expected code and every code is
// an upper-case name (A-Z, _); "" and "---" are left out. A single CAMEO
// digit code makes the file CAMEO.
GoldScheme DetectGoldScheme(const std::vector<GoldRecord>& records);

// A PLOVER event type under its 0.8 name: the 0.5 names used by the PLOVER
// gold standard records become DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
// FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE; other names are returned as given.
std::string PloverTypeName(std::string_view name);

// What to compare. CAMEO gold: the full triple, the CAMEO root, or actor
// countries (first three letters) with the root. PLOVER gold: source, target
// and PLOVER type, or actor countries with the type.
enum class EvalLevel { kCode, kRoot, kCountryRoot, kPloverType, kCountryPloverType };

struct EvalOptions {
  GoldScheme scheme = GoldScheme::kCameo;
  // PLOVER scoring translates CAMEO gold codes (all digits) with this table,
  // so that any gold file can be scored on PLOVER type; without it they are
  // compared as given and cannot match.
  const Ontology* ontology = nullptr;
};

struct Counts {
  size_t expected = 0;
  size_t coded = 0;
  size_t matched = 0;
  double Precision() const { return coded ? double(matched) / coded : 0; }
  double Recall() const { return expected ? double(matched) / expected : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct RecordResult {
  const GoldRecord* record = nullptr;
  std::vector<std::string> coded;   // "SRC TGT CODE [modality]"
  std::vector<std::string> missed;  // expected, not coded (at the finest level)
  std::vector<std::string> extra;   // coded, not expected
  std::vector<std::string> wrong_modality;
  std::vector<std::string> wrong_date;
  std::vector<std::string> wrong_location;
  // Gold actor codes no actor in the sentence has (country and first role),
  // with the codes the coder did find: "USAGOV (found: USA IGOUNO)".
  std::vector<std::string> actors_missed;
};

// How many gold actor codes the coder recognises somewhere in the sentence,
// comparing country and first role ("AZEMIL" matches "AZEMILREB"; "AZE"
// matches "AZE"). Gold codes without a country ("---REB") are left out.
struct ActorCoverage {
  size_t sources = 0, sources_found = 0;
  size_t targets = 0, targets_found = 0;
  size_t countries = 0, countries_found = 0;  // source and target countries
};

struct EvalReport {
  GoldScheme scheme = GoldScheme::kCameo;
  size_t records = 0;  // scored (enabled) records
  ActorCoverage actors;
  std::map<EvalLevel, Counts> totals;  // the levels of the scheme
  // CAMEO: at root level, by expected/coded root. PLOVER: at type level, by
  // type; coded events PLOVER leaves out (CAMEO 01, 02) are row "(none)".
  std::map<std::string, Counts> by_type;
  std::vector<RecordResult> results;
};

// Codes every enabled record and scores it at every level of the scheme.
EvalReport Evaluate(const Coder& coder, const std::vector<GoldRecord>& records,
                    const EvalOptions& options = {});

// The printed report: totals per level, per-root (CAMEO) or per-type (PLOVER)
// table, and (when `list_errors`) every miss and extra with its sentence.
std::string FormatEvalReport(const EvalReport& report, bool list_errors);

}  // namespace dyad

#endif  // DYAD_EVAL_H_
