#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "ui/arena/arena_setup.h"
#include "ui/arena/arena_summary.h"

using namespace tunelab;
using namespace tunelab::ui;

TEST_CASE("arena: trials to reach a target count from 1 and say never with -1") {
    const std::vector<double> curve = {NAN, 5, 3, 3, 1};
    CHECK(trials_to_reach(curve, 3, tune::Direction::minimize) == 3);
    CHECK(trials_to_reach(curve, 0.5, tune::Direction::minimize) == -1);
    CHECK(trials_to_reach({0.2, 0.6, 0.9}, 0.5, tune::Direction::maximize) == 2);
}

TEST_CASE("arena: the summary ranks strategies by trials to the target and states grid's few values") {
    Translator tr;
    tr.language = Language::english;
    std::vector<StrategyResult> results(3);
    results[0].label = "Grid", results[0].best_so_far = {10, 10, 6, 6, 6, 6}, results[0].distinct_values = 3;
    results[1].label = "Random", results[1].best_so_far = {9, 4, 4, 2, 2, 2}, results[1].distinct_values = 6;
    results[2].label = "BO (EI)", results[2].best_so_far = {9, 3, 1.05, 1, 1, 1};
    // Best 1, median first trial 9: the target is 1 + min(10% of 1, 5% of 8) = 1.1.
    CHECK(summary_target(results, tune::Direction::minimize) == doctest::Approx(1.1));
    const std::string text = summary_text(results, tune::Direction::minimize, "lr", tr);
    CHECK(text == "Target: close to the best value found (1.1). BO (EI) reached it in 3 trials. "
                  "Grid did not reach it in 6 trials. Random did not reach it in 6 trials.\n"  // a paragraph per finding
                  "Grid tried 3 different values of lr in 6 trials. Random tried 6 different values of lr in 6 trials.");
    tr.language = Language::chinese;
    CHECK(summary_text(results, tune::Direction::minimize, "lr", tr).find("用 3 次试验达到") != std::string::npos);
    StrategyResult nothing;
    nothing.best_so_far = {NAN};
    CHECK(summary_text({nothing}, tune::Direction::minimize, "lr", tr) == "还没有完成的试验。");
}

TEST_CASE("arena: the summary tells strategies apart only when the gap exceeds its spread over the seeds") {
    Translator tr;
    tr.language = Language::english;
    auto result = [](const char* label, std::vector<double> finals, int model_start = 0, double good_share = NAN) {
        StrategyResult r;
        r.label = label;
        r.best_so_far = {finals.front()};
        r.finals = std::move(finals);
        r.model_start = model_start;
        r.good_share = good_share;
        return r;
    };
    // Seed by seed BO beats Random by 0.10, 0.12, 0.08: mean 0.10, standard deviation 0.02, standard
    // error 0.02/√3; 95% margin on 2 degrees of freedom 4.303 × 0.01155 = 0.0497 < 0.10: apart.
    const StrategyResult bo = result("BO (EI)", {0.30, 0.40, 0.50}, 5, 0.6);
    const StrategyResult random = result("Random", {0.40, 0.52, 0.58}, 0, 0.2);
    const Comparison apart = compare(bo, random, tune::Direction::minimize);
    CHECK(apart.gap == doctest::Approx(0.10));
    CHECK(apart.margin == doctest::Approx(4.303 * 0.02 / std::sqrt(3.0)));
    CHECK(apart.wins == 3);
    CHECK(apart.seeds == 3);
    CHECK(apart.separated);
    // Better on every seed is not enough when the differences vary: 0.13, 0.20, 0.03 (the default lab
    // race's BO against Random over three seeds) have mean 0.12 and margin 0.21.
    const Comparison swept = compare(result("BO", {0.34, 0.37, 0.50}), result("Random", {0.47, 0.57, 0.53}), tune::Direction::minimize);
    CHECK(swept.wins == 3);
    CHECK_FALSE(swept.separated);
    // Maximizing: higher is better, and the gap is counted the same way.
    const Comparison up = compare(result("A", {0.9, 0.8, 0.85}), result("B", {0.8, 0.7, 0.76}), tune::Direction::maximize);
    CHECK(up.gap == doctest::Approx(0.0967).epsilon(0.01));
    CHECK(up.separated);
    // Grid: better than BO on one seed, worse on two: gap 0.0167.
    const StrategyResult grid = result("Grid", {0.25, 0.45, 0.55});
    const Comparison unclear = compare(bo, grid, tune::Direction::minimize);
    CHECK(unclear.wins == 2);
    CHECK_FALSE(unclear.separated);
    CHECK(std::isnan(compare(result("A", {1}), result("B", {2}), tune::Direction::minimize).gap));  // one seed

    std::string text = summary_text({random, bo}, tune::Direction::minimize, "", tr);
    CHECK(text.find("\nSeed by seed, BO (EI) ended better than Random on 3 of 3 seeds, by 0.1 on average: a real difference (95% sure it "
                    "lies between 0.0503 and 0.15).") != std::string::npos);
    CHECK(text.find(" Why: after 5 spread-out first trials, BO (EI) models the score from the trials so far and tries where that model "
                    "expects improvement, so 60% of its later trials landed among the best quarter of all trials, against 20% for Random.") !=
          std::string::npos);
    text = summary_text({grid, random, bo}, tune::Direction::minimize, "", tr);
    CHECK(text.find(" BO (EI) ended better than Random on 3 of 3 seeds") != std::string::npos);
    CHECK(text.find("\nSeed by seed, BO (EI) ended better than Grid on 2 of 3 seeds, by 0.0167 on average, but over 3 seeds that gap is "
                    "only known to ±0.143: this race cannot tell them apart; repeat over more seeds.") != std::string::npos);
    text = summary_text({grid, bo}, tune::Direction::minimize, "", tr);
    CHECK(text.find("Why:") == std::string::npos);  // no explanation of a win the seeds do not support
    text = summary_text({result("BO (EI)", {0.3}), result("Random", {0.4})}, tune::Direction::minimize, "", tr);
    CHECK(text.find("With one seed this race cannot tell luck from a better strategy") != std::string::npos);
    tr.language = Language::chinese;
    CHECK(summary_text({grid, random, bo}, tune::Direction::minimize, "", tr).find("分不出它们的高下") != std::string::npos);
}

TEST_CASE("arena: the set-up round-trips through JSON and refuses malformed fields with their paths") {
    ArenaSetup setup;
    setup.objective = "lab";
    setup.strategies = {"random", "bo_ucb"};
    setup.params[3].tuned = true;
    ArenaSetup copy;
    CHECK(arena_setup_from_json(copy, arena_setup_to_json(setup)).empty());
    CHECK(arena_setup_to_json(copy) == arena_setup_to_json(setup));

    const json::Value before = arena_setup_to_json(copy);
    json::Value bad = json::Object{{"trials", 2.5}, {"strategies", json::Array{"grid", "simulated_annealing"}},
                                   {"params", json::Object{{"lr", json::Object{{"low", 0.0}}}, {"momentum", json::Object{}}}},
                                   {"colour", "red"}};
    std::vector<Issue> issues = arena_setup_from_json(copy, bad);
    std::vector<std::string> fields;
    for (const Issue& i : issues) fields.push_back(i.field);
    CHECK(fields == std::vector<std::string>{"colour", "params.momentum", "trials"});
    CHECK(arena_setup_to_json(copy) == before);
    // Well-formed but inconsistent: checked as a whole, still with the field's path.
    issues = arena_setup_from_json(copy, json::Object{{"params", json::Object{{"lr", json::Object{{"low", 0.5}, {"high", 0.1}}}}},
                                                      {"strategies", json::Array{"grid", "grid"}}});
    fields.clear();
    for (const Issue& i : issues) fields.push_back(i.field);
    CHECK(fields == std::vector<std::string>{"params.lr.high", "strategies[1]"});
    CHECK(arena_setup_to_json(copy) == before);
}
