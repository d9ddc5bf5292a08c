#pragma once
// "Export as Python": a ready-to-run PyTorch + Optuna script with the lab's data set, network,
// loss, optimizer, schedules, regularization and seed, and an Optuna study over the same search
// space with the matching sampler. It is how a learner takes what TuneLab taught them to real
// training at scale, so the script is plain, commented and uses each library's ordinary API.
//
// The script reproduces the *recipe*, not the bytes: NumPy's and PyTorch's random streams differ
// from TuneLab's, so the same seed gives statistically equal but not identical runs.
#include <string>

#include "core/settings.h"
#include "tune/mlp_objective.h"
#include "tune/space.h"
#include "tune/study.h"

namespace tunelab::tune {

// The study the script runs, as TuneLab's MlpObjective runs it: the space (MlpObjective's
// tunable_settings()), the sampler ("grid", "random", "sobol", "halton", "bayes", "tpe",
// "hyperband"), the budget, the epochs each trial trains (a tuned "epochs" at most these; no early
// stopping) and the score (validation loss minimized, or validation accuracy maximized).
struct PythonSearch {
    Space space;
    std::string sampler = "tpe";
    int trials = 30;
    int epochs = 20;
    MlpScore score = MlpScore::validation_loss;
    // A warm start's earlier trials (Study::warm_start): the script adds the complete ones to a new
    // study as finished trials, as Optuna warm-starts (Study.add_trials), before its own.
    std::vector<Trial> earlier = {};  // (= {}: aggregate initializers may leave it out)
};

// The Optuna counterpart of an arena strategy ("bo_ei" and the other acquisitions: "bayes").
std::string python_sampler(const std::string& strategy);
// What the export reproduces when no race ran on the lab's network: the MLP objective's default
// space around the lab's run, TPE, 30 trials of the run's epochs.
PythonSearch default_python_search(const TrainConfig& run);

// `search` may be null: the script then only trains the given settings once. `csv_name` is the
// file a CSV data set is read from (the learner's own file).
std::string export_python(const DataConfig& data, const TrainConfig& train, const PythonSearch* search,
                          const std::string& csv_name = "data.csv");

}  // namespace tunelab::tune
