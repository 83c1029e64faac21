// CAMEO event codes and the PLOVER translation, loaded from the project's
// TSV tables (data/ontology/). Immutable after Load; thread-safe to share.
#ifndef DYAD_ONTOLOGY_H_
#define DYAD_ONTOLOGY_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"

namespace dyad {

struct CameoCode {
  std::string code;  // "010", "0256", "19"
  std::string name;
  std::optional<double> goldstein;
  int quad_class = 0;          // 1-4
  int quad_class_phoenix = 0;  // 0-4
};

class Ontology {
 public:
  // Reads cameo_codes.tsv and cameo_to_plover.tsv from `dir`. Throws
  // std::runtime_error with file and line on a malformed table.
  static Ontology Load(const std::filesystem::path& dir);

  // Returns the code's entry, or nullptr if `code` is not a CAMEO code.
  const CameoCode* Find(std::string_view code) const;
  // Returns the PLOVER event for a CAMEO code (falling back to its base and
  // root code); event is empty for codes PLOVER leaves out (01, 02).
  Plover ToPlover(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, Plover> plover_;
};

}  // namespace dyad

#endif  // DYAD_ONTOLOGY_H_
