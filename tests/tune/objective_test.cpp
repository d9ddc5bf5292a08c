#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tune/benchmark_functions.h"
#include "tune/objective.h"
#include "tune/runner.h"

using namespace tunelab::tune;

TEST_CASE("Test functions: the value at the published minimizer is the published minimum") {
    std::vector<std::string> names = {"branin", "hartmann6", "rosenbrock", "forrester"};
    for (const TestFunction& fn : benchmark_suite()) names.push_back(fn.name);
    for (const std::string& name : names) {
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

TEST_CASE("Benchmark suite: 2 to 10 dimensions, every optimum inside the box, objectives by name") {
    size_t smallest = 99, largest = 0;
    for (const TestFunction& fn : benchmark_suite()) {
        INFO(fn.name);
        Space space(fn.params);
        smallest = std::min(smallest, space.size()), largest = std::max(largest, space.size());
        REQUIRE(fn.argmin.size() == space.size());
        for (size_t i = 0; i < space.size(); ++i) {
            double u = space.encode(i, fn.argmin[i]);
            CHECK(u > 0.01);
            CHECK(u < 0.99);
        }
        CHECK(make_objective(fn.name)->known_optimum() == fn.optimum);
    }
    CHECK(smallest == 2);
    CHECK(largest == 10);
    // Rosenbrock on its wide box is the heavy-tailed member: values over six orders of magnitude.
    TestFunction wide = *test_function("rosenbrock4wide");
    CHECK(wide.f({10, -5, 10, -5}) > 1e6 * (wide.f({1.1, 1.2, 1.4, 2}) - wide.optimum));
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
    options.acquisition.kind = AcquisitionKind::hedge;
    auto run = [&] {
        StudyRunner runner(Study(objective->space(), Direction::minimize, 3), make_sampler("bayes", options), objective, 25);
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
