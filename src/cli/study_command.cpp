#include <cstdio>

#include "cli/commands.h"

namespace tunelab::cli {

// Placeholder until the study command lands with its core; refuses rather than pretending.
int run_study(const std::vector<std::string>&) {
    std::fputs("tunelab-cli study: not available in this build yet\n", stderr);
    return 2;
}

}  // namespace tunelab::cli
