#pragma once
// Each tunelab-cli subcommand: takes the arguments after its name, returns the process exit code
// (0 success, 2 bad arguments).
#include <string>
#include <vector>

namespace tunelab::cli {

int run_train(const std::vector<std::string>& args);
int run_study(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);

}  // namespace tunelab::cli
