#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tune/objective.h"
#include "tune/runner.h"

using namespace tunelab::tune;

TEST_CASE("Test functions: the value at the published minimizer is the published minimum") {
    for (const char* name : {"branin", "hartmann6", "rosenbrock", "forrester"}) {
        TestFunction fn = *test_function(name);
        INFO(name);
        CHECK(fn.f(fn.argmin) == doctest::Approx(fn.optimum).epsilon(1e-6));
        // ... and no point of a coarse random sample does better.
        tunelab::Rng rng(1);
        Space space(fn.params);
        for (int i = 0; i < 2000; ++i) {
            std::vector<double> u(space.size());
            for (double& x : u) x = rng.uniform();
            CHECK(fn.f(space.decode(u)) >= fn.optimum - 1e-9);
        }
    }
    CHECK_FALSE(test_function("himmelblau"));
}

TEST_CASE("Test functions: the true landscape on a grid is the function at the cell centres") {
    TestObjective objective(branin());
    std::vector<double> grid = objective.true_slice(0, 1, {0, 0}, 30);
    REQUIRE(grid.size() == 900);
    // Cell (ix, iy) = (3, 20): x1 = −5 + 15·3.5/30, x2 = 15·20.5/30.
    CHECK(grid[20 * 30 + 3] == doctest::Approx(branin().f({-5 + 15 * 3.5 / 30, 15 * 20.5 / 30})));
    CHECK(*std::min_element(grid.begin(), grid.end()) < 0.397887 + 0.5);
}

TEST_CASE("Test functions: noise is per trial, reproducible, and centred on the true value") {
    TestObjective noisy(branin(), 1.0);
    double sum = 0;
    for (uint64_t seed = 0; seed < 400; ++seed) sum += noisy.start({3, 2}, seed)->step().value;
    CHECK(sum / 400 == doctest::Approx(branin().f({3, 2})).epsilon(0.05));
    CHECK(noisy.start({3, 2}, 7)->step().value == noisy.start({3, 2}, 7)->step().value);
    CHECK(noisy.start({3, 2}, 7)->step().value != noisy.start({3, 2}, 8)->step().value);
}

TEST_CASE("Bayesian optimization with a hedge: members take turns, reproducibly") {
    auto objective = make_objective("branin");
    SamplerOptions options;
    options.acquisition.kind = AcquisitionKind::Hedge;
    auto run = [&] {
        StudyRunner runner(Study(objective->space(), Direction::Minimize, 3), make_sampler("bayes", options), objective, 25);
        runner.run();
        return runner.study();
    };
    Study a = run(), b = run();
    CHECK(a.to_json() == b.to_json());
    std::set<std::string> sources;
    for (const Trial& t : a.trials()) sources.insert(t.source);
    CHECK(sources.count("init") == 1);
    CHECK(sources.size() >= 3);  // init and at least two members chosen
    CHECK(*a.best()->value < 1.0);
}
