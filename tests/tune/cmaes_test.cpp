#include <doctest/doctest.h>

#include <cmath>

#include "tune/cmaes.h"
#include "tune/objective.h"
#include "tune/runner.h"

using namespace tunelab::tune;

namespace {

// Σ a^{i/(d−1)} (xᵢ − cᵢ)² on [0, 1]^d, centred off the box's middle: a sphere for a = 1, an
// ellipsoid whose axes' scales span a factor √a otherwise. f* = 0.
std::shared_ptr<const Objective> ellipsoid(int dims, double conditioning) {
    std::vector<Param> box;
    for (int i = 0; i < dims; ++i) box.push_back(Param::real("x" + std::to_string(i + 1), 0, 1));
    auto centre = [](size_t i) { return 0.3 + 0.4 * double(i % 3) / 2; };
    auto f = [=](const std::vector<double>& x) {
        double sum = 0;
        for (size_t i = 0; i < x.size(); ++i)
            sum += std::pow(conditioning, dims > 1 ? double(i) / (dims - 1) : 0.0) * (x[i] - centre(i)) * (x[i] - centre(i));
        return sum;
    };
    std::vector<double> argmin;
    for (int i = 0; i < dims; ++i) argmin.push_back(centre(size_t(i)));
    return std::make_shared<TestObjective>(TestFunction{"ellipsoid", box, 0.0, argmin, f});
}

Study run(std::shared_ptr<const Objective> objective, CmaEsOptions options, int trials, uint64_t seed) {
    StudyRunner runner(Study(objective->space(), Direction::minimize, seed), std::make_unique<CmaEsSampler>(options),
                       objective, trials);
    runner.run();
    return runner.study();
}

}  // namespace

TEST_CASE("CMA-ES: converges on a sphere and on an ill-conditioned ellipsoid, full and separable") {
    for (bool separable : {false, true}) {
        CmaEsOptions options;
        options.separable = separable;
        INFO("separable " << separable);
        CHECK(*run(ellipsoid(4, 1), options, 400, 1).best()->value < 1e-6);
        // Axes scaled over a factor 100: C must learn them, else σ would follow the narrowest one.
        Study study = run(ellipsoid(5, 1e4), options, 900, 2);
        CHECK(*study.best()->value < 1e-6);
        // The learned covariance stretches along the flat axis (x1) against the steep one (x5).
        CmaEsState s = CmaEsSampler(options).state(study);
        CHECK(s.cov(0, 0) > 20 * s.cov(4, 4));
    }
}

TEST_CASE("CMA-ES: generations of λ = 4 + ⌊3 ln d⌋ trials, starting at the box's centre with σ = 1/6") {
    auto objective = ellipsoid(6, 1);
    CmaEsSampler sampler;
    Study fresh(objective->space());
    CmaEsState s = sampler.state(fresh);
    CHECK(s.population == 4 + int(std::floor(3 * std::log(6.0))));
    CHECK(s.mean.isApproxToConstant(0.5));
    CHECK(s.sigma == doctest::Approx(1.0 / 6));
    Study study = run(objective, {}, 2 * s.population + 3, 5);
    s = sampler.state(study);
    CHECK(s.generation == 2);  // the third generation is not complete: its trials are not used yet
    CHECK(s.first_trial == 2 * s.population);
    // Every trial keeps the unit point it was drawn at, inside the box.
    for (const Trial& t : study.trials()) {
        REQUIRE(t.sampler_state.size() == 6);
        CHECK(study.space().encode(t.params)[0] == doctest::Approx(t.sampler_state[0]));
        for (double u : t.sampler_state) CHECK((u >= 0 && u <= 1));
    }
}

TEST_CASE("CMA-ES: deterministic per seed, and a study reloaded from JSON asks the same next point") {
    auto objective = make_objective("hartmann6");
    Study a = run(objective, {}, 30, 7), b = run(objective, {}, 30, 7), c = run(objective, {}, 30, 8);
    CHECK(a.to_json() == b.to_json());
    CHECK(a.trial(29).params != c.trial(29).params);
    Study loaded = Study::from_json(a.to_json());
    CHECK(CmaEsSampler().ask(loaded).params == CmaEsSampler().ask(a).params);
}

TEST_CASE("CMA-ES with IPOP restarts: a collapsed run starts again with twice the population") {
    CmaEsOptions options;
    options.restarts = true;
    Study study = run(ellipsoid(2, 1), options, 600, 3);
    CmaEsState s = CmaEsSampler(options).state(study);
    CHECK(s.restarts >= 1);
    CHECK(s.population == (4 + int(std::floor(3 * std::log(2.0)))) << s.restarts);
    CHECK(*study.best()->value < 1e-10);
}

TEST_CASE("CMA-ES: the k-σ ellipse of two coordinates lies at Mahalanobis distance k from the mean") {
    Study study = run(ellipsoid(3, 100), {}, 60, 4);
    const CmaEsState s = CmaEsSampler().state(study);
    Eigen::Matrix2d block;
    block << s.cov(0, 0), s.cov(0, 2), s.cov(2, 0), s.cov(2, 2);
    const Eigen::Matrix2d inverse = (s.sigma * s.sigma * block).inverse();
    const auto ring = s.ellipse(0, 2, 2.0, 33);
    REQUIRE(ring.size() == 33);
    CHECK(ring.front()[0] == doctest::Approx(ring.back()[0]));  // closed
    for (const auto& p : ring) {
        const Eigen::Vector2d d(p[0] - s.mean(0), p[1] - s.mean(2));
        CHECK(std::sqrt(d.dot(inverse * d)) == doctest::Approx(2.0).epsilon(1e-9));
    }
}
