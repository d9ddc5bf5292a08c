#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

void print_usage() {
    std::fputs(
        "usage: tunelab-cli <command> [options]\n"
        "commands:\n"
        "  train   train one network and print its per-epoch record (train --help)\n"
        "  study   run a hyperparameter search (study --help)\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage();
        return 2;
    }
    std::string command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "train") return tunelab::cli::run_train(args);
    if (command == "study") return tunelab::cli::run_study(args);
    if (command == "--help" || command == "-h") {
        print_usage();
        return 0;
    }
    std::fprintf(stderr, "tunelab-cli: unknown command '%s'\n", command.c_str());
    print_usage();
    return 2;
}
