// Scoring against gold records (the format of ../shared/validation/*.jsonl
// and tests/golden/: {id, date, text, expected:[{source,target,code}],
// expected_outcome, disabled?}). Used by `dyad eval` and the golden tests.
#ifndef DYAD_EVAL_H_
#define DYAD_EVAL_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/diagnostic.h"

namespace dyad {

struct GoldEvent {
  std::string source;
  std::string target;  // "" or "---" for none
  std::string code;
  // Golden records may pin these: modality, date (ISO) and location (the
  // place name, or "" for none).
  std::optional<std::string> modality;
  std::optional<std::string> date;
  std::optional<std::string> location;
};

struct GoldRecord {
  std::string id;
  std::string date;
  std::string text;
  std::vector<GoldEvent> expected;
  std::string outcome;  // "events", "no_events", ...
  bool disabled = false;
};

struct GoldFile {
  std::vector<GoldRecord> records;
  std::vector<Diagnostic> problems;  // broken lines, skipped
};

// Reads a gold JSONL file. Throws std::runtime_error if it cannot be opened.
GoldFile ReadGoldFile(const std::filesystem::path& path);

// What to compare: the full triple, the CAMEO root, or actor countries
// (first three letters) with the root.
enum class EvalLevel { kCode, kRoot, kCountryRoot };

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
  std::vector<std::string> coded;    // "SRC TGT CODE [modality]"
  std::vector<std::string> missed;   // expected, not coded (at kCode level)
  std::vector<std::string> extra;    // coded, not expected
  std::vector<std::string> wrong_modality;
  std::vector<std::string> wrong_date;
  std::vector<std::string> wrong_location;
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
  size_t records = 0;  // scored (enabled) records
  ActorCoverage actors;
  std::map<EvalLevel, Counts> totals;
  std::map<std::string, Counts> by_root;  // at root level, by expected/coded root
  std::vector<RecordResult> results;
};

// Codes every enabled record and scores it at every level.
EvalReport Evaluate(const Coder& coder, const std::vector<GoldRecord>& records);

// The printed report: totals per level, per-root table, and (when
// `list_errors`) every miss and extra with its sentence.
std::string FormatEvalReport(const EvalReport& report, bool list_errors);

}  // namespace dyad

#endif  // DYAD_EVAL_H_
