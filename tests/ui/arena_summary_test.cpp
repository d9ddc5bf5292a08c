#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "ui/arena/arena.h"

using namespace tunelab;
using namespace tunelab::ui;

TEST_CASE("arena: trials to reach a target count from 1 and say never with -1") {
    const std::vector<double> curve = {NAN, 5, 3, 3, 1};
    CHECK(trials_to_reach(curve, 3, tune::Direction::Minimize) == 3);
    CHECK(trials_to_reach(curve, 0.5, tune::Direction::Minimize) == -1);
    CHECK(trials_to_reach({0.2, 0.6, 0.9}, 0.5, tune::Direction::Maximize) == 2);
}

TEST_CASE("arena: the summary ranks strategies by trials to the target and states grid's few values") {
    Translator tr;
    tr.language = Language::english;
    std::vector<StrategyResult> results = {
        {"Grid", {10, 10, 6, 6, 6, 6}, 3},
        {"Random", {9, 4, 4, 2, 2, 2}, 6},
        {"BO (EI)", {9, 3, 1.05, 1, 1, 1}, -1},
    };
    // Best 1, median first trial 9: the target is 1 + min(10% of 1, 5% of 8) = 1.1.
    CHECK(summary_target(results, tune::Direction::Minimize) == doctest::Approx(1.1));
    const std::string text = summary_text(results, tune::Direction::Minimize, "lr", tr);
    CHECK(text == "Target: close to the best value found (1.1). BO (EI) reached it in 3 trials. "
                  "Grid did not reach it in 6 trials. Random did not reach it in 6 trials. "
                  "Grid tried 3 different values of lr in 6 trials. Random tried 6 different values of lr in 6 trials.");
    tr.language = Language::chinese;
    CHECK(summary_text(results, tune::Direction::Minimize, "lr", tr).find("用 3 次试验达到") != std::string::npos);
    CHECK(summary_text({{"Grid", {NAN}, -1}}, tune::Direction::Minimize, "lr", tr) == "还没有完成的试验。");
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
