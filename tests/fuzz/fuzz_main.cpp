// tunelab-fuzz: the libFuzzer binary of every target; TUNELAB_FUZZ_TARGET names the one to fuzz
// (TUNELAB_FUZZ_TARGET=list prints the names). Run by tools/fuzz-run.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "targets.h"

namespace {
const tunelab::fuzz::Target* g_target = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* name = std::getenv("TUNELAB_FUZZ_TARGET");
    if (name && std::string_view(name) == "list") {
        for (const auto& t : tunelab::fuzz::targets()) std::printf("%s\n", t.name);
        std::exit(0);
    }
    g_target = name ? tunelab::fuzz::find_target(name) : nullptr;
    if (!g_target) {
        std::fprintf(stderr, "tunelab-fuzz: set TUNELAB_FUZZ_TARGET to one of:");
        for (const auto& t : tunelab::fuzz::targets()) std::fprintf(stderr, " %s", t.name);
        std::fprintf(stderr, "\n");
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    g_target->run(data, size);
    return 0;
}
