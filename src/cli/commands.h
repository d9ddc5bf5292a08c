#pragma once
// Each tunelab-cli subcommand: takes the arguments after its name, returns the process exit code
// (0 success, 2 bad arguments).
#include <string>
#include <vector>

namespace tunelab::cli {

int run_train(const std::vector<std::string>& args);
int run_study(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);

// Everything the command does before its work: arguments parsed, files read, data prepared,
// settings, objective and sampler checked, with the same refusals and exit codes; nothing is
// trained, searched or written. What the CLI's fuzzing harness runs (tests/fuzz).
int check_train(const std::vector<std::string>& args);
int check_study(const std::vector<std::string>& args);

}  // namespace tunelab::cli
