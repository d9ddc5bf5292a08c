// Every seed of each fuzzing target's corpus and every reproducer of a crash fuzzing once found
// (tests/fuzz/{corpus,regressions}/<target>/) runs through its target in the ordinary test suite:
// a fixed crash stays fixed in every native build, not only under the sanitizers.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "targets.h"

using tunelab::fuzz::Target;

namespace {

int replay(const Target& target, const std::filesystem::path& dir) {
    int files = 0;
    if (!std::filesystem::is_directory(dir)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        INFO(entry.path().string());
        target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());  // aborts if a rule breaks
        ++files;
    }
    return files;
}

}  // namespace

TEST_CASE("fuzz: every target's seeds and past crash reproducers run cleanly") {
    const std::filesystem::path root = TUNELAB_FUZZ_DIR;
    for (const Target& target : tunelab::fuzz::targets()) {
        INFO(target.name);
        CHECK(replay(target, root / "corpus" / target.name) > 0);  // each target has seeds
        replay(target, root / "regressions" / target.name);
    }
}
