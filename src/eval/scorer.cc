// Gold-record scoring. Coded and expected events are compared as multisets
// of (source, target, code) strings, so two identical expected events need
// two coded ones; the same comparison runs with codes cut to their root and
// actors cut to their country.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <simdjson.h>

#include "dyad/document.h"
#include "dyad/eval.h"
#include "dyad/event.h"

namespace dyad {
namespace {

std::string NormaliseTarget(std::string_view target) {
  return target == "---" || target == "null" ? "" : std::string(target);
}

std::string Key(std::string_view source, std::string_view target, std::string_view code,
                EvalLevel level) {
  auto country = [](std::string_view code) { return std::string(code.substr(0, 3)); };
  switch (level) {
    case EvalLevel::kCode:
      return fmt::format("{} {} {}", source, target.empty() ? "-" : target, code);
    case EvalLevel::kRoot:
      return fmt::format("{} {} {}", source, target.empty() ? "-" : target, code.substr(0, 2));
    case EvalLevel::kCountryRoot:
      return fmt::format("{} {} {}", country(source), target.empty() ? "-" : country(target),
                         code.substr(0, 2));
  }
  return "";
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

void CountActors(const std::vector<Actor>& found, const GoldRecord& record, ActorCoverage& coverage) {
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
      (is_source ? coverage.sources_found : coverage.targets_found) += known(*code, 6);
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
    bool disabled = false;
    if (doc["disabled"].get_bool().get(disabled) == simdjson::SUCCESS) record.disabled = disabled;
    simdjson::dom::array expected;
    if (doc["expected"].get_array().get(expected) == simdjson::SUCCESS) {
      for (simdjson::dom::element e : expected) {
        GoldEvent event;
        std::string_view value;
        if (e["source"].get_string().get(value) == simdjson::SUCCESS) event.source = value;
        if (e["target"].get_string().get(value) == simdjson::SUCCESS) event.target = NormaliseTarget(value);
        if (e["code"].get_string().get(value) == simdjson::SUCCESS) event.code = value;
        if (e["modality"].get_string().get(value) == simdjson::SUCCESS) event.modality = std::string(value);
        if (e["date"].get_string().get(value) == simdjson::SUCCESS) event.date = std::string(value);
        if (e["location"].is_null()) {
          event.location = "";
        } else if (e["location"].get_string().get(value) == simdjson::SUCCESS) {
          event.location = std::string(value);
        }
        record.expected.push_back(std::move(event));
      }
    }
    if (record.id.empty() || record.text.empty()) {
      file.problems.push_back({"bad-record", where, "a gold record needs id and text", true});
      continue;
    }
    file.records.push_back(std::move(record));
  }
  return file;
}

EvalReport Evaluate(const Coder& coder, const std::vector<GoldRecord>& records) {
  EvalReport report;
  for (const GoldRecord& record : records) {
    if (record.disabled) continue;
    ++report.records;
    Document document{record.id, record.date, "", record.text, "", "gold"};
    DocumentResult coded = coder.Code(document);
    RecordResult result;
    result.record = &record;
    for (EvalLevel level : {EvalLevel::kCode, EvalLevel::kRoot, EvalLevel::kCountryRoot}) {
      std::vector<std::string> want, got;
      for (const GoldEvent& e : record.expected) want.push_back(Key(e.source, e.target, e.code, level));
      for (const Event& e : coded.events) {
        got.push_back(Key(e.source.code, e.target ? e.target->code : "", e.cameo, level));
      }
      Counts& counts = report.totals[level];
      counts.expected += want.size();
      counts.coded += got.size();
      bool listing = level == EvalLevel::kCode;
      counts.matched += Intersect(want, got, listing ? &result.missed : nullptr,
                                  listing ? &result.extra : nullptr);
      if (level == EvalLevel::kRoot) {
        // Root keys end in the two root digits: score each root on its own.
        std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> roots;
        for (const auto& k : want) roots[k.substr(k.size() - 2)].first.push_back(k);
        for (const auto& k : got) roots[k.substr(k.size() - 2)].second.push_back(k);
        for (auto& [root, sides] : roots) {
          Counts& c = report.by_root[root];
          c.expected += sides.first.size();
          c.coded += sides.second.size();
          c.matched += Intersect(sides.first, sides.second, nullptr, nullptr);
        }
      }
    }
    for (const Event& e : coded.events) {
      std::string key = Key(e.source.code, e.target ? e.target->code : "", e.cameo, EvalLevel::kCode);
      result.coded.push_back(fmt::format("{} [{}]", key, ModalityName(e.modality)));
      for (const GoldEvent& g : record.expected) {
        if (Key(g.source, g.target, g.code, EvalLevel::kCode) != key) continue;
        if (g.modality && *g.modality != ModalityName(e.modality)) {
          result.wrong_modality.push_back(
              fmt::format("{}: expected {}, coded {}", key, *g.modality, ModalityName(e.modality)));
        }
        std::string place = e.location ? e.location->name : "";
        if (g.location && *g.location != place) {
          result.wrong_location.push_back(
              fmt::format("{}: expected '{}', coded '{}'", key, *g.location, place));
        }
        if (g.date && *g.date != e.date) {
          result.wrong_date.push_back(fmt::format("{}: expected {}, coded {} ({})", key, *g.date, e.date,
                                                  e.date_text.empty() ? "publication" : e.date_text));
        }
      }
    }
    CountActors(coder.FindActors(document), record, report.actors);
    report.results.push_back(std::move(result));
  }
  return report;
}

std::string FormatEvalReport(const EvalReport& report, bool list_errors) {
  std::ostringstream out;
  out << fmt::format("records scored: {}\n", report.records);
  out << fmt::format("{:<22} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "level", "expected",
                     "coded", "matched", "found", "extra", "P", "R", "F1");
  const std::pair<EvalLevel, const char*> levels[] = {{EvalLevel::kCode, "source,target,code"},
                                                      {EvalLevel::kRoot, "source,target,root"},
                                                      {EvalLevel::kCountryRoot, "countries,root"}};
  for (auto [level, name] : levels) {
    auto it = report.totals.find(level);
    if (it == report.totals.end()) continue;
    const Counts& c = it->second;
    double extra = c.expected ? double(c.coded - c.matched) / c.expected : 0;
    out << fmt::format("{:<22} {:>8} {:>8} {:>8} {:>6.1f}% {:>6.1f}% {:>7.3f} {:>7.3f} {:>7.3f}\n", name,
                       c.expected, c.coded, c.matched, 100 * c.Recall(), 100 * extra, c.Precision(),
                       c.Recall(), c.F1());
  }
  const ActorCoverage& a = report.actors;
  auto pct = [](size_t x, size_t n) { return n ? 100.0 * x / n : 0.0; };
  out << fmt::format("\nactors recognised in the sentence (country+role): sources {:.1f}% ({}/{}), "
                     "targets {:.1f}% ({}/{}); countries only {:.1f}% ({}/{})\n",
                     pct(a.sources_found, a.sources), a.sources_found, a.sources,
                     pct(a.targets_found, a.targets), a.targets_found, a.targets,
                     pct(a.countries_found, a.countries), a.countries_found, a.countries);
  out << "\nper root (source,target,root):\n";
  for (const auto& [root, c] : report.by_root) {
    out << fmt::format("  {}  expected {:>4}  coded {:>4}  matched {:>4}  P {:.2f}  R {:.2f}  F1 {:.2f}\n",
                       root, c.expected, c.coded, c.matched, c.Precision(), c.Recall(), c.F1());
  }
  if (!list_errors) return out.str();
  out << "\nerrors:\n";
  for (const RecordResult& r : report.results) {
    if (r.missed.empty() && r.extra.empty() && r.wrong_modality.empty() && r.wrong_date.empty() &&
        r.wrong_location.empty())
      continue;
    out << fmt::format("[{}] {}\n", r.record->id, r.record->text);
    for (const auto& m : r.missed) out << "   missed: " << m << '\n';
    for (const auto& e : r.extra) out << "   extra:  " << e << '\n';
    for (const auto& w : r.wrong_modality) out << "   modality: " << w << '\n';
    for (const auto& w : r.wrong_date) out << "   date: " << w << '\n';
    for (const auto& w : r.wrong_location) out << "   location: " << w << '\n';
  }
  return out.str();
}

}  // namespace dyad
