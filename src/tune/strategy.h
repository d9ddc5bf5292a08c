#pragma once
// The strategies a learner can race, one row each: the one table that the arena's set-up (names,
// labels, tooltips, checks), its racers (which sampler, which acquisition) and the Python export
// (which Optuna sampler) read. A new strategy is one row in strategy.cpp (and the translation of its
// label and help in the UI's string table).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/settings.h"
#include "tune/acquisition.h"
#include "tune/sampler.h"

namespace tunelab::tune {

struct Strategy {
    const char* name;     // as the set-up, saved races and links name it: "bo_ei"
    const char* label;    // English, the UI translates it: "BO (EI)"
    const char* help;     // English tooltip: how it chooses, in a learner's words
    const char* sampler;  // make_sampler's name: "bayes"
    std::optional<AcquisitionKind> acquisition;  // BO's acquisition function
    // Searches the score and the training cost (FLOPs) together: its study has both objectives.
    bool multi_objective = false;
    // Gradient-based: the sampler picks each trial's starting point and the trial's learning rate then
    // follows its own gradient while it trains (hypergradient descent; the lab's network only).
    bool hypergradient = false;
    // Warm-started: its studies start from the trials of an earlier study on the same space as prior
    // observations (Study::warm_start_from), so it races against its cold twin, the strategy named
    // `cold`, on the same budget.
    const char* cold = nullptr;
};

// In the order the set-up lists them.
const std::vector<Strategy>& strategies();
// nullptr when `name` is not a strategy.
const Strategy* find_strategy(std::string_view name);
// The strategy's sampler with `options` (its own acquisition kind, if any, replacing the options').
// Throws std::invalid_argument for an unknown strategy.
std::unique_ptr<Sampler> make_strategy_sampler(std::string_view name, SamplerOptions options);
// The training settings the strategy's trials start from on the lab's network, given the lab's run: the
// gradient-based one's adapt their learning rate (what its racers train and the Python export reproduces).
TrainConfig strategy_training(std::string_view name, TrainConfig run);
// The objectives of a study the strategy runs: value and FLOPs for a multi-objective strategy.
std::vector<Measure> strategy_objectives(std::string_view name);

}  // namespace tunelab::tune
