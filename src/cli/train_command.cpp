#include <cstdio>

#include "cli/commands.h"

namespace tunelab::cli {

// Placeholder until the train command lands with its core; refuses rather than pretending.
int run_train(const std::vector<std::string>&) {
    std::fputs("tunelab-cli train: not available in this build yet\n", stderr);
    return 2;
}

}  // namespace tunelab::cli
