#include "coder/intent.h"

#include <array>
#include <utility>

namespace dyad::coder {
namespace {

// Longest prefix wins: each row maps the acts whose code starts with the
// prefix. Cooperative acts map to 03 (intent), hostile ones to 13 (threat).
constexpr std::array<std::pair<std::string_view, std::string_view>, 33> kIntent = {{
    {"04", "036"},   {"045", "039"},  {"05", "032"},   {"057", "030"},  {"06", "031"},
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"07", "033"},
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"08", "035"},
    {"081", "0351"}, {"082", "0352"}, {"083", "034"},  {"084", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"087", "0356"}, {"14", "133"},   {"16", "131"},   {"161", "1313"},
    {"162", "1311"}, {"163", "1312"}, {"17", "137"},   {"172", "132"},  {"18", "1383"},
    {"19", "1384"},  {"191", "1381"}, {"192", "1382"},
}};

// What refusing a cooperative act is (12 REJECT).
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kRefusal = {{
    {"04", "125"},  {"045", "126"}, {"05", "120"},  {"057", "127"},  {"06", "121"},
    {"061", "1211"}, {"062", "1212"}, {"07", "121"}, {"08", "124"},  {"084", "1243"},
    {"085", "1244"},
}};

template <size_t N>
std::optional<std::string> Lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                                  std::string_view act) {
  std::string_view best_prefix, best_code;
  for (const auto& [prefix, code] : table) {
    if (act.starts_with(prefix) && prefix.size() > best_prefix.size()) {
      best_prefix = prefix;
      best_code = code;
    }
  }
  if (best_code.empty()) return std::nullopt;
  return std::string(best_code);
}

}  // namespace

std::optional<std::string> IntentCode(std::string_view act, bool refused) {
  if (act.starts_with("20")) return refused ? std::nullopt : std::optional<std::string>("1385");
  return refused ? Lookup(kRefusal, act) : Lookup(kIntent, act);
}

std::string RequestCode(std::string_view act, bool demand) {
  const std::string_view root = demand ? "10" : "02";
  // "must be ready to mediate": the act may itself be an intention.
  std::optional<std::string> intent = act.starts_with("03") ? std::string(act) : IntentCode(act, false);
  if (!intent || !intent->starts_with("03")) return std::string(root) + "0";
  // Intent to mediate or to accept mediation (039, 038): 02 and 10 have one
  // code for both, 028 and 108.
  if (*intent == "039" || *intent == "038") return std::string(root) + "8";
  return std::string(root) + intent->substr(2);
}

bool IsIntentGovernor(std::string_view lemma) {
  static constexpr std::array<std::string_view, 14> kGovernors = {
      "plan", "intend", "aim",    "prepare", "vow",   "pledge", "promise",
      "agree", "decide", "offer", "commit", "willing", "ready", "want"};
  for (std::string_view governor : kGovernors) {
    if (lemma == governor) return true;
  }
  return false;
}

bool IsAimGovernor(std::string_view lemma) { return lemma == "seek" || lemma == "hope"; }

}  // namespace dyad::coder
