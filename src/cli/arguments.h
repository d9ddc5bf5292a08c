#pragma once
// Conventions every tunelab-cli command shares: -h / --help, and "--name=value" as a spelling of
// "--name value".
#include <string>
#include <vector>

namespace tunelab::cli {

inline bool is_help(const std::string& arg) { return arg == "-h" || arg == "--help"; }

// "--trials=20" becomes "--trials", "20"; every other argument is kept as it is.
std::vector<std::string> split_inline_values(const std::vector<std::string>& args);

// The version printed by `tunelab-cli --version` (the project's, from CMakeLists.txt).
const char* version();

}  // namespace tunelab::cli
