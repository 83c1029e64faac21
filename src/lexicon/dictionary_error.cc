#include "lexicon/dictionary_error.h"

#include <fmt/format.h>

namespace dyad::lexicon {
namespace {

std::string Describe(const std::vector<DictionaryIssue>& issues) {
  std::string text;
  int shown = 0;
  for (const auto& issue : issues) {
    if (issue.severity != DictionaryIssue::Severity::kError) continue;
    if (++shown > 20) {
      text += "\n(more errors: run 'dyad dict check')";
      break;
    }
    if (!text.empty()) text += '\n';
    text += issue.ToString();
  }
  return text;
}

}  // namespace

std::string DictionaryIssue::ToString() const {
  return fmt::format("{}:{}: {}: {}", file, line,
                     severity == Severity::kError ? "error" : "warning", message);
}

DictionaryError::DictionaryError(const std::vector<DictionaryIssue>& issues)
    : std::runtime_error(Describe(issues)) {}

void ThrowOnErrors(const std::vector<DictionaryIssue>& issues) {
  for (const auto& issue : issues) {
    if (issue.severity == DictionaryIssue::Severity::kError) throw DictionaryError(issues);
  }
}

}  // namespace dyad::lexicon
