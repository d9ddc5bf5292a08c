#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "test_objectives.h"
#include "tune/parego.h"
#include "tune/pareto.h"
#include "tune/runner.h"
#include "tune/strategy.h"

using namespace tunelab::tune;

namespace {

// The volume dominated by integer points in [0, 6)^3 against the reference (6, 6, 6), counted unit
// cube by unit cube: a cube is dominated when some point lies at or below its lower corner.
double counted_volume(const std::vector<ObjectivePoint>& points) {
    int count = 0;
    for (int a = 0; a < 6; ++a)
        for (int b = 0; b < 6; ++b)
            for (int c = 0; c < 6; ++c)
                for (const ObjectivePoint& p : points)
                    if (p[0] <= a && p[1] <= b && p[2] <= c) {
                        ++count;
                        break;
                    }
    return count;
}

Study run_study(const std::string& sampler, uint64_t seed, int trials) {
    auto objective = std::make_shared<testing::TradeOffObjective>();
    SamplerOptions options;
    options.budget = trials;
    StudyRunner runner(Study(objective->space(), Direction::minimize, seed, {Measure::value, Measure::flops}),
                       make_sampler(sampler, options), objective, trials);
    runner.run();
    return runner.study();
}

}  // namespace

TEST_CASE("Pareto: non-dominated ranks peel the fronts one after another") {
    const std::vector<ObjectivePoint> points = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {4, 4}, {2, 2}, {6, 6}, {3, 5}};
    // {2,2} twice: equal points do not dominate each other. {3,5} is dominated by {1,5}, {2,2} and {3,3}.
    CHECK(nondominated_ranks(points) == std::vector<int>{0, 0, 0, 1, 2, 0, 3, 2});
}

TEST_CASE("Pareto: the exact hypervolume in 2 and 3 objectives") {
    CHECK(hypervolume({{1, 3}, {2, 2}, {3, 1}}, {4, 4}) == doctest::Approx(6));
    CHECK(hypervolume({{1, 3}, {2, 2}, {3, 1}, {3, 3}, {5, 0}}, {4, 4}) == doctest::Approx(6));  // dominated, outside
    CHECK(hypervolume({}, {1, 1}) == 0);
    CHECK_THROWS_AS(hypervolume({{1, 2, 3}}, {4, 4}), std::invalid_argument);
    tunelab::Rng rng(5);
    for (int round = 0; round < 20; ++round) {
        std::vector<ObjectivePoint> points;
        for (int i = 0; i < 8; ++i) points.push_back({double(rng.below(6)), double(rng.below(6)), double(rng.below(6))});
        CHECK(hypervolume(points, {6, 6, 6}) == doctest::Approx(counted_volume(points)));
    }
}

TEST_CASE("Pareto: a two-objective study saves its objectives and loads them back") {
    Study study(Space({Param::real("x", 0, 1)}), Direction::maximize, 3, {Measure::value, Measure::flops});
    CHECK(study.directions() == std::vector<Direction>{Direction::maximize, Direction::minimize});
    const double values[] = {0.9, 0.8, 0.95}, flops[] = {100, 10, 1000};
    for (int i = 0; i < 3; ++i) {
        const int n = study.start(Proposal({0.5})).number;
        study.add_cost(n, {0, flops[i]});
        study.tell(n, TrialStatus::complete, values[i]);
    }
    CHECK(pareto_front(study) == std::vector<int>{1, 0, 2});  // maximized accuracy: all three trade off
    const Study loaded = Study::from_json(study.to_json());
    CHECK(loaded.objectives() == study.objectives());
    CHECK(loaded.to_json() == study.to_json());
    CHECK(Study(Space({Param::real("x", 0, 1)})).to_json().find("objectives") == nullptr);  // single: saved as before

    tunelab::json::Value bad = study.to_json();
    bad["objectives"] = tunelab::json::Array{"value", "robustness"};
    CHECK_THROWS_WITH_AS(Study::from_json(bad), doctest::Contains("unknown objective 'robustness' (value, flops)"),
                         std::invalid_argument);
    bad["objectives"] = tunelab::json::Array{"flops"};
    CHECK_THROWS_AS(Study::from_json(bad), std::invalid_argument);
}

TEST_CASE("Pareto: the hypervolume share of a study over its box") {
    testing::TradeOffObjective objective;
    const std::optional<TradeOffBox> box = trade_off_box(objective, {Measure::value, Measure::flops});
    REQUIRE(box);
    CHECK(box->nadir[0] == 1);
    CHECK(box->nadir[1] == doctest::Approx(6));
    CHECK(box->ideal[1] == doctest::Approx(3));
    Study study(objective.space(), Direction::minimize, 1, {Measure::value, Measure::flops});
    const int n = study.start(Proposal({0.5, 0.5})).number;
    study.add_cost(n, {0, 1e3});  // the cheapest cost (log 3 → 0) at error 0.5
    study.tell(n, TrialStatus::complete, 0.5);
    // Scaled to (0.5, 0) against the reference (1.1, 1.1): 0.6 × 1.1 of 1.1².
    CHECK(hypervolume_share(study, *box) == doctest::Approx(0.6 / 1.1));
    CHECK(hypervolume_curve(study, *box) == std::vector<double>{hypervolume_share(study, *box)});
    CHECK(hypervolume_share(study, *box, 0) == 0);
    // A test function has no cost, so there is no box to measure a trade-off in.
    CHECK_FALSE(trade_off_box(*make_objective("branin"), {Measure::value, Measure::flops}));
}

TEST_CASE("ParEGO: weights from Knowles' lattice, one per proposal, and a refusal for one objective") {
    Study study(Space({Param::real("x", 0, 1)}), Direction::minimize, 9, {Measure::value, Measure::flops});
    std::set<double> seen;
    for (int i = 0; i < 40; ++i) {
        const std::vector<double> w = ParEgoSampler::weights(study);
        REQUIRE(w.size() == 2);
        CHECK(w[0] + w[1] == doctest::Approx(1));
        CHECK(std::abs(w[0] * 10 - std::round(w[0] * 10)) < 1e-9);
        seen.insert(w[0]);
        study.tell(study.start(Proposal({0.5})).number, TrialStatus::failed);
    }
    CHECK(seen.size() >= 8);  // fresh weights each proposal, not one fixed blend
    ParEgoSampler sampler({});
    CHECK_THROWS_WITH_AS(sampler.ask(Study(Space({Param::real("x", 0, 1)}))), doctest::Contains("this study has one"),
                         std::invalid_argument);
}

TEST_CASE("ParEGO: scalarization scales each objective over the trials' range and takes the augmented Chebyshev value") {
    Study study(Space({Param::real("x", 0, 1)}), Direction::minimize, 1, {Measure::value, Measure::flops});
    const double errors[] = {0.1, 0.5, 0.3}, flops[] = {1e6, 1e3, 1e4};  // log10: 6, 3, 4
    for (int i = 0; i < 3; ++i) {
        const int n = study.start(Proposal({0.5})).number;
        study.add_cost(n, {0, flops[i]});
        study.tell(n, TrialStatus::complete, errors[i]);
    }
    const Study s = ParEgoSampler::scalarized(study, {0.25, 0.75}, 0.05);
    CHECK_FALSE(s.multi_objective());
    // Trial 2: error (0.3 − 0.1)/0.4 = 0.5, cost (4 − 3)/3 = 1/3: max(0.125, 0.25) + 0.05 × 0.375.
    CHECK(*s.trial(2).value == doctest::Approx(0.25 + 0.05 * 0.375));
    CHECK(*s.trial(0).value == doctest::Approx(0.75 + 0.05 * 0.75));  // the costliest, weighted ¾
    CHECK(*s.trial(1).value == doctest::Approx(0.25 + 0.05 * 0.25));  // the worst error, weighted ¼
}

TEST_CASE("ParEGO: finds a wider front than random search on a trade-off, the same per seed") {
    // A property of the method, not of one lucky seed: over 4 seeds of 30 trials, ParEGO's hypervolume
    // beats random search's on most and on average, and a seed gives the same trials twice.
    const auto box = trade_off_box(testing::TradeOffObjective(), {Measure::value, Measure::flops});
    REQUIRE(box);
    double parego_sum = 0, random_sum = 0;
    int wins = 0;
    for (uint64_t seed = 1; seed <= 4; ++seed) {
        const Study parego = run_study("parego", seed, 30), random = run_study("random", seed, 30);
        const double hp = hypervolume_share(parego, *box), hr = hypervolume_share(random, *box);
        INFO("seed " << seed << ": ParEGO " << hp << ", random " << hr);
        parego_sum += hp, random_sum += hr, wins += hp > hr;
        int modelled = 0;
        for (const Trial& t : parego.trials()) modelled += t.source == "parego";
        CHECK(modelled >= 20);
        if (seed == 1) CHECK(run_study("parego", seed, 30).to_json() == parego.to_json());
    }
    CHECK(wins >= 3);
    CHECK(parego_sum > random_sum);
}

TEST_CASE("MOTPE: TPE on a study of two objectives samples where the Pareto set lies, whatever the cost") {
    // The trade-off's Pareto set is y = 0.3 for every x (test_objectives.h). MOTPE's good trials are the
    // best fronts, which span x, so its model's proposals crowd around y = 0.3 across the cost range;
    // random search's lie anywhere. Over 4 seeds, and a seed gives the same trials twice.
    auto distance = [](const Study& study, const char* source) {
        double sum = 0;
        int n = 0;
        for (const Trial& t : study.trials())
            if (!source || t.source == source) sum += std::abs(t.params[1] - 0.3), ++n;
        return sum / n;
    };
    for (uint64_t seed = 1; seed <= 4; ++seed) {
        const Study motpe = run_study("tpe", seed, 40), random = run_study("random", seed, 40);
        std::vector<double> costs;
        for (const Trial& t : motpe.trials())
            if (t.source == "tpe") costs.push_back(t.params[0]);
        INFO("seed " << seed);
        CHECK(distance(motpe, "tpe") < 0.5 * distance(random, nullptr));
        // Along the whole front, not at one end: its proposals reach both the cheap and the accurate third.
        CHECK(*std::min_element(costs.begin(), costs.end()) < 1.0 / 3);
        CHECK(*std::max_element(costs.begin(), costs.end()) > 2.0 / 3);
        if (seed == 1) CHECK(run_study("tpe", seed, 40).to_json() == motpe.to_json());
    }
}

TEST_CASE("Strategy: ParEGO and MOTPE race with two objectives, the others with one") {
    CHECK(strategy_objectives("parego") == std::vector<Measure>{Measure::value, Measure::flops});
    CHECK(strategy_objectives("motpe") == std::vector<Measure>{Measure::value, Measure::flops});
    CHECK(strategy_objectives("bo_ei") == std::vector<Measure>{Measure::value});
    CHECK(make_strategy_sampler("parego", {})->name() == "parego");
}
