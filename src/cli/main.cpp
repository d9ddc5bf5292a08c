#include <cstdio>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/commands.h"

namespace {

const char* kUsage =
    "usage: tunelab-cli <command> [options]\n"
    "commands:\n"
    "  train   train one network and print its per-epoch record (train --help)\n"
    "  study   run a hyperparameter search (study --help)\n"
    "  export  a PyTorch + Optuna script, CSV or JSON from a saved study or session (export --help)\n"
    "  -h, --help     this help\n"
    "  --version      the version\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "train") return tunelab::cli::run_train(args);
    if (command == "study") return tunelab::cli::run_study(args);
    if (command == "export") return tunelab::cli::run_export(args);
    if (tunelab::cli::is_help(command)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == "--version") {
        std::printf("tunelab-cli %s\n", tunelab::cli::version());
        return 0;
    }
    std::fprintf(stderr, "tunelab-cli: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
}
