#pragma once
// The fuzzing targets: one per parser of outside input. Each takes arbitrary bytes, hands them to
// the parser as a learner, a link or a file would, and checks what must hold for any input
// (accepted or refused with a reason, never both; what is accepted and saved reads back the same).
// A broken rule aborts, which libFuzzer reports as a crash. Built into one libFuzzer binary per
// target (tests/fuzz/CMakeLists.txt) and into the doctest suite, which replays the seed corpora and
// every reproducer of a past crash (tests/fuzz/regressions/<target>/).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tunelab::fuzz {

struct Target {
    const char* name;  // also the folder of its corpus and reproducers
    void (*run)(const uint8_t* data, size_t size);
};
const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

}  // namespace tunelab::fuzz
