// Races of the search arena run natively, as the app's frame loop and its buttons run them: the
// pace, the counters the learner reads, and what the default lab race can tell apart over its seeds.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <thread>

#include "ui/app.h"
#include "ui/arena/arena_views.h"

using namespace tunelab;
using namespace tunelab::ui;

namespace {
json::Value call(AppState& app, json::Value request) { return handle_command(app, request); }

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const StrategyResult& result_of(const std::vector<StrategyResult>& results, const std::string& label) {
    for (const StrategyResult& r : results)
        if (r.label == label) return r;
    FAIL("no result for " << label);
    return results.front();
}
}  // namespace

TEST_CASE("arena: a paced race begins a round only when its time has come, and races the same trials as a fast one") {
    AppState app;
    call(app, json::Object{{"cmd", "set_language"}, {"language", "en"}});
    CHECK(app.arena.setup.pace == ArenaSetup::kDefaultPace);  // a learner can watch the default race
    // Only the paces the combo offers: another is refused with its field, and nothing changes.
    const json::Value refused = call(app, json::Object{{"cmd", "arena.set"}, {"pace", 3}, {"trials", 8}});
    REQUIRE(refused.find("issues"));
    CHECK(refused.find("issues")->as_array()[0].find("field")->as_string() == "pace");
    CHECK(app.arena.setup.trials == 30);
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "branin"}, {"strategies", json::Array{"random", "bo_ei"}},
                                   {"trials", 8}, {"repeats", 1}, {"pace", 2}})
                .find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    const auto start = std::chrono::steady_clock::now();
    // Branin evaluates in microseconds: unpaced, the whole race would end in the first frame.
    while (seconds_since(start) < 0.3) advance_race(app.arena);
    CHECK(app.arena.round == 1);  // the first round at once, the second only after half a second
    while (app.arena.round < 3 && seconds_since(start) < 10) advance_race(app.arena);
    CHECK(app.arena.round == 3);
    CHECK(seconds_since(start) >= 1.0);  // rounds 2 and 3 waited half a second each

    AppState fast;
    REQUIRE(call(fast, json::Object{{"cmd", "arena.set"}, {"objective", "branin"}, {"strategies", json::Array{"random", "bo_ei"}},
                                    {"trials", 8}, {"repeats", 1}, {"pace", 0}})
                .find("ok"));
    REQUIRE(call(fast, json::Object{{"cmd", "arena.start"}}).find("ok"));
    // "Fastest" waits for no clock: only each frame's work budget bounds it (how many frames that
    // takes depends on the machine, so it is not counted here).
    for (int frame = 0; frame < 2000 && !race_finished(fast.arena); ++frame) advance_race(fast.arena);
    CHECK(race_finished(fast.arena));
    for (size_t i = 0; i < app.arena.racers.size(); ++i)
        for (int n = 0; n < 3; ++n)
            CHECK(app.arena.racers[i].runner->study().trial(n).params == fast.arena.racers[i].runner->study().trial(n).params);
}

TEST_CASE("arena: the summary and the progress log count finished trials, not the one still training") {
    AppState app;
    call(app, json::Object{{"cmd", "set_language"}, {"language", "en"}});
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"}, {"data", json::Object{{"kind", "moons"}, {"size", 120}}}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "lab"}, {"strategies", json::Array{"random"}},
                                   {"trials", 4}, {"epochs", 3}, {"repeats", 1}, {"pace", 0}})
                .find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.round"}}).find("racers"));
    REQUIRE(call(app, json::Object{{"cmd", "arena.resume"}}).find("ok"));
    const Racer& racer = app.arena.racers.front();
    while (racer.runner->running() < 0 || racer.runner->study().trial(racer.runner->running()).intermediate.empty()) {
        app.arena.frame_budget_ms = 0;  // one step a frame
        advance_race(app.arena);
    }
    REQUIRE(racer.runner->study().trials().size() == 2);  // trial 1 is training
    const std::vector<StrategyResult> results = strategy_results(app.arena, app.tr);
    CHECK(results.front().best_so_far.size() == 1);
    CHECK(race_summary(app.arena, app.tr).find("in 1 trials") != std::string::npos);
    // The log against training cost holds one point per finished evaluation: 3 epochs in all so far.
    CHECK(racer.epochs_log == std::vector<double>{3});
    CHECK(racer.best_log.front() == *racer.runner->study().trial(0).value);
}

TEST_CASE("arena: Hyperband's first bracket size is what its sampler starts with") {
    ArenaSetup setup;
    setup.objective = "lab";
    setup.strategies = {"random", "hyperband"};
    setup.epochs = 27;  // η = 3: 27 configurations for 1 epoch, 9 for 3, 3 for 9, 1 for 27
    CHECK(hyperband_bracket_size(setup) == 27);
    setup.epochs = 9;
    CHECK(hyperband_bracket_size(setup) == 9);
    setup.strategies = {"random"};
    CHECK(hyperband_bracket_size(setup) == 0);
    setup.strategies = {"hyperband"};
    setup.objective = "branin";  // one evaluation a trial: nothing to stop early
    CHECK(hyperband_bracket_size(setup) == 0);
}

// The default lab race (the lab's default network and data; the arena's default set-up with the lab
// objective): each repeat trains every trial from its own seed, so within a seed all strategies face
// one landscape and are compared seed by seed (a paired t-test over the seeds). The race must show
// the learner a difference the seeds support, and the summary say so and why.
TEST_CASE("arena: the default lab race tells BO from random search seed by seed, and its summary says why") {
    AppState app;
    call(app, json::Object{{"cmd", "set_language"}, {"language", "en"}});
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "lab"}}).find("ok"));
    const ArenaSetup& setup = app.arena.setup;
    REQUIRE(setup.repeats == ArenaSetup::kDefaultRepeats);
    REQUIRE(call(app, json::Object{{"cmd", "arena.start"}}).find("ok"));
    while (!call(app, json::Object{{"cmd", "arena.round"}}).find("error")) {}
    const std::vector<StrategyResult> results = strategy_results(app.arena, app.tr);
    const StrategyResult& bo = result_of(results, "BO (EI)");
    const StrategyResult& random = result_of(results, "Random");
    const Comparison c = compare(bo, random, tune::Direction::minimize);
    const std::string summary = race_summary(app.arena, app.tr);
    for (const StrategyResult& r : results) {
        std::string finals;
        for (double v : r.finals) finals += " " + std::to_string(v);
        MESSAGE(r.label << ": best validation loss per seed" << finals << "; later trials in the best quarter " << r.good_share);
    }
    MESSAGE("BO (EI) better than Random on " << c.wins << " of " << c.seeds << " seeds, by " << c.gap << " ± " << c.margin << " (95%)");
    MESSAGE(summary);
    // 5 of 5 seeds here (by 0.03 to 0.20); one seed may flip with the kernels' rounding (the SIMD
    // paths sum in another order), the paired test's verdict should not.
    CHECK(c.wins >= c.seeds - 1);
    CHECK(c.separated);
    CHECK(summary.find("BO (EI) ended better than Random on ") != std::string::npos);
    CHECK(summary.find("a real difference") != std::string::npos);
    CHECK(summary.find("Why:") != std::string::npos);
}

TEST_CASE("arena: the gradient-based racer adapts each trial's learning rate, on the same epochs as random search") {
    AppState app;
    REQUIRE(call(app, json::Object{{"cmd", "lab.set"},
                                   {"data", json::Object{{"kind", "moons"}, {"size", 200}}},
                                   {"train", json::parse(R"({"model":{"hidden":[{"units":16,"activation":"tanh"}]},"optimizer":{"kind":"sgd"},"lr":{"lr":0.03}})").value}})
                .find("ok"));
    // A test function has no learning rate: refused with the reason.
    const json::Value refused =
        call(app, json::Object{{"cmd", "arena.set"}, {"objective", "branin"}, {"strategies", json::Array{"random", "gradient"}}});
    REQUIRE(refused.find("issues"));
    CHECK(refused.find("issues")->as_array()[0].find("message")->as_string().find("lab's network") != std::string::npos);
    // Starting rates 30 to 300 times too small: fixed, they crawl; adapted, they learn.
    REQUIRE(call(app, json::Object{{"cmd", "arena.set"}, {"objective", "lab"}, {"strategies", json::Array{"random", "gradient"}},
                                   {"trials", 3}, {"epochs", 8}, {"repeats", 1}, {"pace", 0}, {"metric", "val_accuracy"}})
                .find("ok"));
    for (TunedParam& p : app.arena.setup.params) {
        p.tuned = p.name == "lr";
        if (p.tuned) p = {p.name, true, 1e-4, 1e-3, true};
    }
    REQUIRE(start_race(app));
    for (int frame = 0; frame < 100000 && !race_finished(app.arena); ++frame) advance_race(app.arena);
    REQUIRE(race_finished(app.arena));
    const Racer& random = app.arena.racers[0];
    const Racer& gradient = app.arena.racers[1];
    REQUIRE(gradient.strategy == "gradient");
    CHECK(epochs_trained(gradient.runner->study()) == epochs_trained(random.runner->study()));  // equal training cost
    const double random_error = *random.runner->study().best()->value, gradient_error = *gradient.runner->study().best()->value;
    MESSAGE("best validation error: random ", random_error, ", gradient-based ", gradient_error);
    CHECK(random_error > 0.25);
    CHECK(gradient_error < 0.15);
    // A gradient-based trial loaded into the lab trains with its rate adapting, as it raced.
    REQUIRE(load_trial(app, 1, 0).empty());
    CHECK(app.lab.runs[0].config.optimizer.hypergradient);
}

TEST_CASE("arena: a racer's first step is expected to cost what the dearest racer's did, not nothing") {
    std::vector<Racer> racers(3);
    CHECK(expected_step_ms(racers, racers[1], 0) == 0);  // nothing measured: the slice's first step runs anyway
    racers[0].step_cost[0].record(9.0);  // the first racer sent the data set to the workers
    racers[2].step_cost[0].record(0.5);
    CHECK(expected_step_ms(racers, racers[1], 0) == 9.0);  // so the second waits for a frame with room
    CHECK(expected_step_ms(racers, racers[1], 1) == 0);    // a training step is another kind
    racers[1].step_cost[0].record(0.3);
    CHECK(expected_step_ms(racers, racers[1], 0) == doctest::Approx(0.3));  // once measured, its own
    CHECK(expected_step_ms({}, racers[1], 0) == doctest::Approx(0.3));
}
