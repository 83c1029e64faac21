// Test helper: files written to a fresh temporary folder, removed at exit.
#ifndef DYAD_TESTS_SUPPORT_TEMP_FILE_H_
#define DYAD_TESTS_SUPPORT_TEMP_FILE_H_

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace dyad::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("dyad-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to `name` (folders created) and returns its path.
  std::filesystem::path Write(const std::string& name, std::string_view content) const {
    auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace dyad::testing

#endif  // DYAD_TESTS_SUPPORT_TEMP_FILE_H_
