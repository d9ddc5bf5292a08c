#include <doctest/doctest.h>

#include <vector>

#include "core/random.h"
#include "ui/arena/arena_analysis.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {

// A study of `n` random trials of a function of x only: y cannot matter.
tune::Study study_of_x_only(uint64_t seed, int n) {
    tune::Study study(tune::Space({tune::Param::real("x", 0, 1), tune::Param::real("y", 0, 1)}), tune::Direction::minimize, seed);
    Rng rng(seed);
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(), y = rng.uniform();
        const int number = study.start(tune::Proposal({x, y})).number;
        study.tell(number, tune::TrialStatus::complete, 10 * (x - 0.3) * (x - 0.3));
    }
    return study;
}

}  // namespace

TEST_CASE("arena: importance pools a strategy's seeds and ranks the parameter that does not matter last") {
    const tune::Study a = study_of_x_only(1, 4), b = study_of_x_only(2, 4);
    // 4 trials of one seed are too few for a model of two parameters; the two seeds pooled are enough.
    CHECK(importance_min_trials(a.space()) > 4);
    CHECK(pooled_importance({&a}).empty());
    const std::vector<double> shares = pooled_importance({&a, &b});
    REQUIRE(shares.size() == 2);
    CHECK(shares[0] > 0.5);
    CHECK(shares[1] < 0.1 * shares[0]);
    CHECK(shares[0] + shares[1] == doctest::Approx(1));  // shares of the importance: 100 % in all
}
