#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "tune/mlp_objective.h"
#include "tune/runner.h"

using namespace tunelab::tune;

TEST_CASE("MLP objective: trials train epoch by epoch and report loss and cost") {
    auto objective = make_objective("mlp:moons");
    CHECK(objective->max_epochs() == 20);
    SamplerOptions options;
    options.max_epochs = objective->max_epochs();
    StudyRunner runner(Study(objective->space(), Direction::minimize, 2), make_sampler("random", options), objective, 3);
    runner.run();
    for (const Trial& t : runner.study().trials()) {
        if (t.status == TrialStatus::diverged) continue;
        CHECK(t.status == TrialStatus::complete);
        CHECK(t.intermediate.size() == 20);
        CHECK(std::isfinite(*t.value));
        CHECK(*t.value == t.intermediate.back());
        CHECK(t.cost.flops > 0);
    }
}

TEST_CASE("MLP objective: the space's parameters become training settings") {
    Space space({Param::categorical("optimizer", {"sgd", "adam"}), Param::real("beta1", 0.5, 0.99).only_when("optimizer", {"adam"}),
                 Param::integer("units", 2, 32), Param::integer("layers", 1, 3), Param::real("lr", 1e-3, 1, true)});
    MlpObjective objective(tunelab::DatasetKind::circle, MlpScore::validation_error, 5, space);
    tunelab::TrainConfig c = objective.config_for({1, 0.7, 12, 2, 0.05}, 9);
    CHECK(c.optimizer.kind == tunelab::OptimizerKind::adam);
    CHECK(c.optimizer.beta1 == 0.7);
    CHECK(c.model.hidden.size() == 2);
    CHECK(c.model.hidden[1].units == 12);
    CHECK(c.lr.lr == 0.05);
    CHECK(c.seed == 9);
    CHECK_THROWS_WITH_AS(MlpObjective(tunelab::DatasetKind::circle, MlpScore::validation_loss, 5,
                                      Space({Param::real("temperature", 0, 1)})),
                         doctest::Contains("'temperature'"), std::invalid_argument);
    CHECK_THROWS_AS(make_objective("mlp:imagenet"), std::invalid_argument);
}

TEST_CASE("MLP objective: a tuned epochs parameter sets how long each trial trains, and so its cost") {
    // Proposes the listed epochs in turn, so the test chooses the trials.
    struct Listed : Sampler {
        std::vector<double> epochs;
        size_t next = 0;
        std::string name() const override { return "listed"; }
        Proposal ask(const Study&) override { return Proposal({epochs.at(next++)}); }
    };
    auto sampler = std::make_unique<Listed>();
    sampler->epochs = {2, 6};
    auto objective = std::make_shared<MlpObjective>(tunelab::DatasetKind::moons, MlpScore::validation_loss, 6,
                                                    Space({Param::integer("epochs", 1, 6)}));
    CHECK(objective->trial_epochs({2}) == 2);
    CHECK(objective->config_for({2}, 1).epochs == 2);
    StudyRunner runner(Study(objective->space(), Direction::minimize, 3), std::move(sampler), objective, 2);
    runner.run();
    REQUIRE(runner.study().trials().size() == 2);
    const Trial& short_trial = runner.study().trial(0);
    const Trial& long_trial = runner.study().trial(1);
    CHECK(short_trial.status == TrialStatus::complete);
    CHECK(long_trial.status == TrialStatus::complete);
    CHECK(short_trial.intermediate.size() == 2);
    CHECK(long_trial.intermediate.size() == 6);
    CHECK(short_trial.cost.flops > 0);
    CHECK(short_trial.cost.flops < long_trial.cost.flops);
}
