// Whole-file reading for the loaders of dictionaries, lexicons and tables.
#ifndef DYAD_UTIL_FILE_H_
#define DYAD_UTIL_FILE_H_

#include <filesystem>
#include <string>

namespace dyad::util {

// Returns the file's bytes. Throws std::runtime_error("cannot read PATH")
// when it cannot be opened or read.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace dyad::util

#endif  // DYAD_UTIL_FILE_H_
