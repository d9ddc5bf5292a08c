#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/settings_json.h"
#include "tune/export_python.h"
#include "tune/mlp_objective.h"
#include "tune/strategy.h"
#include "tune/tunable.h"
#include "ui/app.h"
#include "ui/i18n.h"

using namespace tunelab;
using namespace tunelab::ui;

// tune/tunable.h and tune/strategy.h are the one home of what the lab's network can tune and what a
// race can run; the objective, the arena's set-up, its racers and the Python export all read them.

TEST_CASE("tunable table: the arena's set-up offers exactly the table's arena rows, over their default ranges") {
    const ArenaSetup setup;
    std::vector<const tune::TunableSetting*> offered;
    for (const tune::TunableSetting& t : tune::tunable_settings())
        if (t.in_arena) offered.push_back(&t);
    REQUIRE(setup.params.size() == offered.size());
    for (size_t i = 0; i < offered.size(); ++i) {
        CAPTURE(offered[i]->name);
        CHECK(setup.params[i].name == offered[i]->name);
        CHECK(setup.params[i].log == offered[i]->log);
        if (offered[i]->kind != tune::ParamKind::categorical) {
            CHECK(setup.params[i].low == offered[i]->low);
            CHECK(setup.params[i].high == offered[i]->high);
        }
        // The panel's label is translated.
        CHECK(chinese_for(offered[i]->label) != nullptr);
    }
    // A set-up naming a setting outside the table is refused, naming the table's settings.
    ArenaSetup edited;
    const std::vector<Issue> issues = arena_setup_from_json(edited, json::parse(R"({"params":{"nope":{"tuned":true}}})").value);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].message.find(tune::tunable_names(true)) != std::string::npos);
}

TEST_CASE("tunable table: every setting tuned by the arena becomes the table's parameter and changes the trial's settings") {
    PreparedData data = *prepare_data(DataConfig{}).data;
    for (const tune::TunableSetting& t : tune::tunable_settings()) {
        if (!t.in_arena) continue;
        CAPTURE(t.name);
        ArenaSetup setup;
        setup.objective = kNetworkObjective;
        for (TunedParam& p : setup.params) p.tuned = p.name == t.name;
        setup.epochs = 10;
        auto objective = make_race_objectives(setup, data, TrainConfig{}).front();
        const tune::Space space = objective->space();
        REQUIRE(space.size() == 1);
        const tune::Param& p = space.params()[0];
        CHECK(p.name == t.name);
        CHECK(p.kind == t.kind);
        CHECK(p.choices == t.choices);
        // Applied through the table's row, one end of the range (or of the choices) or the other
        // gives the trial settings other than the lab's.
        const auto* mlp = dynamic_cast<const tune::MlpObjective*>(objective.get());
        REQUIRE(mlp);
        TrainConfig base;
        base.epochs = setup.epochs;
        base.patience = 0;
        base.seed = 3;
        const bool categorical = t.kind == tune::ParamKind::categorical;
        bool changed = false;
        for (double value : {categorical ? 0.0 : p.low, categorical ? double(t.choices.size() - 1) : p.high})
            changed = changed || to_json(mlp->config_for({value}, 3)) != to_json(base);
        CHECK(changed);
    }
}

TEST_CASE("tunable table: the Python export applies every setting the table has, by its target") {
    tune::PythonSearch search = tune::default_python_search(TrainConfig{});
    const std::string script = tune::export_python(DataConfig{}, TrainConfig{}, &search);
    for (const tune::TunableSetting& t : tune::tunable_settings()) {
        CAPTURE(t.name);
        if (t.target == tune::TunableTarget::epochs) continue;  // its own line, bounded by the search's epochs
        CHECK(script.find("\"" + std::string(t.name) + "\"") != std::string::npos);
    }
}

TEST_CASE("strategy table: the set-up, its labels and tooltips, the racers and the export read the same rows") {
    std::vector<std::string> names;
    for (const tune::Strategy& s : tune::strategies()) {
        CAPTURE(s.name);
        names.push_back(s.name);
        CHECK(chinese_for(s.label) != nullptr);
        CHECK(chinese_for(s.help) != nullptr);
        CHECK(tune::python_sampler(s.name) == (s.multi_objective ? std::string(s.name) : std::string(s.sampler)));
        std::unique_ptr<tune::Sampler> sampler = tune::make_strategy_sampler(s.name, tune::SamplerOptions{});
        CHECK(sampler->name() == s.sampler);
        if (auto* bayes = dynamic_cast<tune::BayesSampler*>(sampler.get())) {
            REQUIRE(s.acquisition);
            CHECK(bayes->options().acquisition.kind == *s.acquisition);
        }
    }
    CHECK(names == arena_strategy_names());
    Translator tr;
    tr.language = Language::english;
    CHECK(std::string(arena_strategy_label("bo_ucb", tr)) == "BO (UCB)");
    CHECK_THROWS_AS(tune::make_strategy_sampler("annealing", tune::SamplerOptions{}), std::invalid_argument);
}
