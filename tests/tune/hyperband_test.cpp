#include <doctest/doctest.h>

#include <algorithm>

#include "test_objectives.h"
#include "tune/hyperband.h"
#include "tune/runner.h"

using namespace tunelab::tune;

TEST_CASE("Hyperband: rung sizes follow n_i = ⌊n η^-i⌋, r_i = R η^(i-s) (Li et al. 2018, R = 81, η = 3)") {
    // The paper's Table 1.
    const HyperbandOptions options{81, 3};
    CHECK(max_bracket(options) == 4);
    const std::vector<std::vector<std::pair<int, int>>> table = {
        {{5, 81}},
        {{8, 27}, {2, 81}},
        {{15, 9}, {5, 27}, {1, 81}},
        {{34, 3}, {11, 9}, {3, 27}, {1, 81}},
        {{81, 1}, {27, 3}, {9, 9}, {3, 27}, {1, 81}},
    };
    for (int s = 0; s <= 4; ++s) {
        std::vector<Rung> rungs = bracket_rungs(s, options);
        REQUIRE(rungs.size() == table[size_t(s)].size());
        for (size_t i = 0; i < rungs.size(); ++i) {
            CHECK(rungs[i].configs == table[size_t(s)][i].first);
            CHECK(rungs[i].epochs == table[size_t(s)][i].second);
        }
    }
}

TEST_CASE("Hyperband: each rung trains its quota, promotes the best and reports who stopped where") {
    auto objective = std::make_shared<testing::CurveObjective>(9);
    SamplerOptions options;
    options.max_epochs = 9;
    options.eta = 3;
    const int trials = 9 + 5 + 3;  // the three brackets of R = 9, η = 3: 9→3→1, 5→1 (n0 = ⌈3·3/2⌉), 3
    StudyRunner runner(Study(objective->space()), make_sampler("hyperband", options), objective, trials);
    runner.run();
    const Study& study = runner.study();
    std::vector<BracketView> views = brackets(study, HyperbandOptions{9, 3});
    REQUIRE(views.size() == 3);
    for (const BracketView& view : views)
        for (size_t i = 0; i < view.rungs.size(); ++i) {
            CHECK(int(view.trials[i].size()) == view.rungs[i].configs);
            for (int number : view.trials[i]) CHECK(int(study.trial(number).intermediate.size()) >= view.rungs[i].epochs);
        }
    // In bracket 0 the survivors of rung 0 are its three best (the curve keeps rankings).
    std::vector<int> first = views[0].trials[0];
    std::sort(first.begin(), first.end(), [&](int a, int b) {
        return study.trial(a).intermediate[0] < study.trial(b).intermediate[0];
    });
    std::vector<int> promoted = views[0].trials[1];
    std::sort(promoted.begin(), promoted.end());
    std::vector<int> best3(first.begin(), first.begin() + 3);
    std::sort(best3.begin(), best3.end());
    CHECK(promoted == best3);
    // Stopped trials are pruned at their rung; only full-length ones complete.
    for (const Trial& t : study.trials())
        CHECK((t.status == TrialStatus::complete) == (int(t.intermediate.size()) == 9));
}

TEST_CASE("Runner: one step is one ask, one epoch or one tell") {
    auto objective = std::make_shared<testing::CurveObjective>(3);
    StudyRunner runner(Study(objective->space()), make_sampler("random", {}), objective, 2);
    std::vector<RunEvent> events;
    for (RunEvent e = RunEvent::asked; e != RunEvent::finished;) events.push_back(e = runner.step());
    const std::vector<RunEvent> expected = {RunEvent::asked, RunEvent::stepped, RunEvent::stepped, RunEvent::told,
                                            RunEvent::asked, RunEvent::stepped, RunEvent::stepped, RunEvent::told,
                                            RunEvent::finished};
    CHECK(events == expected);
    CHECK(runner.study().trial(1).intermediate.size() == 3);
    CHECK(runner.study().trial(1).cost.flops == doctest::Approx(3e6));
}

TEST_CASE("BOHB: Hyperband takes its configurations from the GP once a budget has enough results") {
    auto objective = std::make_shared<testing::CurveObjective>(9);
    SamplerOptions options;
    options.max_epochs = 9;
    options.hyperband_source = "bayes";
    StudyRunner runner(Study(objective->space()), make_sampler("hyperband", options), objective, 30);
    runner.run();
    int from_model = 0;
    for (const Trial& t : runner.study().trials()) from_model += t.source == "ei";
    CHECK(from_model > 0);
    CHECK(runner.study().trial(0).source == "init");
    CHECK(*runner.study().best()->value < 0.15);  // the curve's floor is 1/9 ≈ 0.11 at the optimum
}
