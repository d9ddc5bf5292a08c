#include <doctest/doctest.h>

#include "test_objectives.h"
#include "tune/pareto.h"
#include "tune/runner.h"

using namespace tunelab::tune;

namespace {

SamplerOptions options_for(int budget, int epochs) {
    SamplerOptions options;
    options.budget = budget;
    options.max_epochs = epochs;
    return options;
}

}  // namespace

TEST_CASE("Study: a saved study, loaded, asks the same next trial") {
    auto branin_objective = make_objective("branin");
    auto curve = std::make_shared<testing::CurveObjective>(9);
    for (const char* sampler : {"grid", "random", "sobol", "bayes", "tpe", "hyperband"}) {
        std::shared_ptr<const Objective> objective = std::string(sampler) == "hyperband" ? curve : branin_objective;
        SamplerOptions options = options_for(20, objective->max_epochs());
        StudyRunner first(Study(objective->space(), Direction::Minimize, 7), make_sampler(sampler, options), objective, 14);
        first.run();
        std::string saved = first.study().to_json().dump();
        tunelab::json::ParseResult parsed = tunelab::json::parse(saved);
        REQUIRE(parsed.ok());
        Study loaded = Study::from_json(parsed.value);
        CHECK(loaded.to_json().dump() == saved);

        // Continuing both to 20 trials, in one go and after the reload, gives the same trials.
        StudyRunner straight(Study(objective->space(), Direction::Minimize, 7), make_sampler(sampler, options), objective, 20);
        straight.run();
        StudyRunner resumed(std::move(loaded), make_sampler(sampler, options), objective, 20);
        resumed.run();
        INFO(sampler);
        CHECK(resumed.study().to_json() == straight.study().to_json());
    }
}

TEST_CASE("Study: maximize flips the ranking; best-so-far, CSV and failures") {
    Study study(Space({Param::real("x", 0, 1), Param::categorical("act", {"relu", "tanh"})}), Direction::Maximize);
    const double values[] = {0.2, 0.9, 0.5};
    for (double v : values) study.tell(study.start(Proposal({v, 1})).number, TrialStatus::Complete, v);
    study.tell(study.start(Proposal({0.1, 0})).number, TrialStatus::Diverged);
    CHECK(study.best()->number == 1);
    CHECK(study.best_so_far() == std::vector<double>{0.2, 0.9, 0.9, 0.9});
    std::string csv = study.to_csv();
    CHECK(csv.rfind("number,status,value,x,act,epochs,seconds,flops,rung\n", 0) == 0);
    CHECK(csv.find("1,complete,0.9,0.9,tanh,") != std::string::npos);
    CHECK(csv.find("3,diverged,,0.1,relu,") != std::string::npos);
}

TEST_CASE("Pareto: the front keeps the trials no other beats on both loss and cost") {
    Study study(Space({Param::real("x", 0, 1)}));
    const double loss[] = {0.5, 0.3, 0.4, 0.1, 0.35};
    const double flops[] = {1, 2, 3, 4, 2};
    for (int i = 0; i < 5; ++i) {
        int n = study.start(Proposal({0.5})).number;
        study.add_cost(n, {0, flops[i]});
        study.tell(n, TrialStatus::Complete, loss[i]);
    }
    CHECK(pareto_front(study) == std::vector<int>{0, 1, 3});
}
