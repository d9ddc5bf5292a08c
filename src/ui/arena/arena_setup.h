#pragma once
// What defines a race (ArenaSetup), the names a set-up may use, its JSON (URLs, the saved session,
// the hook) and its checks; arena_setup.cpp also draws the set-up panel.
#include <string>
#include <vector>

#include "core/json.h"
#include "core/settings.h"
#include "tune/parallel.h"
#include "tune/study.h"
#include "ui/i18n.h"

namespace tunelab::ui {

// One hyperparameter of the lab's network the learner may tune, with its range.
struct TunedParam {
    std::string name;  // a tune::TunableSetting offered to the arena
    bool tuned = false;
    double low = 0, high = 1;
    bool log = false;
};

// The earlier trials the warm-started strategies (tune/strategy.h: BO (EI), warm; TPE, warm) start from,
// as prior observations (tune::Study::warm_start_from): the previous race of this session or a saved
// study file. Flat numbers, so that a link carries them as one readable list: one row per earlier
// trial, its parameters in `params`' order and then its value. A trial that diverged there counts at
// the worst value that study finished with, as BO and TPE count diverged trials (tune/sampler.cpp).
struct WarmStart {
    std::string source;               // "race" (this session's previous race) or the study file's name
    std::string score;                // what scored them, as race_score() names it: comparable values only
    std::vector<std::string> params;  // the space's parameter names, in order
    std::vector<double> points;       // rows of params.size() + 1 numbers

    bool empty() const { return points.empty(); }
    int trials() const { return int(points.size() / (params.size() + 1)); }
};

// Everything that defines a race; arena_setup_to_json / arena_setup_from_json carry it in URLs.
struct ArenaSetup {
    std::string objective = "branin";  // kNetworkObjective (the lab's network and data) or a test function
    std::vector<TunedParam> params;    // the lab objective's candidates (tune/tunable.h), in its order
    int trials = 30;                   // per strategy
    // Per trial (lab objective; Hyperband's full length). 20: in 10 epochs the lab's first network
    // has barely started on the spiral (validation loss ≈ 0.6 for any setting, nothing to find); in
    // 20 the settings matter, and BO ends better than random search on each of the default seeds.
    int epochs = 20;
    std::string metric = "val_loss";   // lab objective's score: "val_loss" or "val_accuracy" (as 1 − accuracy, minimized)
    int seed = 1;
    // The race is run with seeds seed, seed+1, …: one seed cannot tell luck from a better strategy.
    // Five by default: with three, even a strategy better on every seed is not told apart (a paired
    // t-test on 2 degrees of freedom needs its mean gap above 4.3 standard errors; BO against
    // Random in the default lab race is 2.5); with five, 2.8 suffice.
    int repeats = kDefaultRepeats;
    std::vector<std::string> strategies = {"grid", "random", "bo_ei"};
    double xi = 0.01, kappa = 2.0;     // acquisition settings of the BO strategies
    double noise = 0;                  // test functions: N(0, noise²) added to each evaluation
    // How fast the race is shown, in rounds per second (0: as fast as the frames allow). It changes
    // when trials happen, never which: a paced race gives the same trials as a fast one.
    double pace = kDefaultPace;
    // How a race whose trials train in background workers (arena_pool.h) hands them out: in rounds
    // (every strategy's next trial once the round is over) or as workers come free. Each strategy
    // still asks its trials one at a time, so both give the same trials; the rounds leave workers
    // waiting for a round's slowest trial.
    tune::ParallelMode parallel = tune::ParallelMode::batch_synchronous;
    // Trials each strategy (and seed) keeps running at once: in background workers when there are
    // any, else in turns in the frames. Above 1, BO and TPE propose with the running trials pending
    // (as `study --jobs`: sampler.h, SamplerOptions::constant_liar), so their simultaneous proposals spread out; in rounds a
    // seed still gives the same trials. 1: one after another, as a study run alone.
    int at_once = 1;
    WarmStart warm;  // what the warm-started strategies start from (empty: none can race)

    static constexpr int kDefaultRepeats = 5;
    // Four: the lesson's "four trials at once", and as many as a 4-core laptop's workers train.
    static constexpr int kMaxAtOnce = 4;
    // Four rounds a second: a 30-trial race on a test function lasts about 8 s, slow enough to watch
    // where each strategy looks (unpaced it ended two frames after Start).
    static constexpr double kDefaultPace = 4;

    ArenaSetup();
};

// The objective that trains the lab's network on the lab's data, as the set-up names it; the others
// are tune's test functions.
inline constexpr const char* kNetworkObjective = "lab";
bool is_network(const ArenaSetup& setup);

// Strategy names a setup may race, in the order the set-up panel lists them (tune/strategy.h).
const std::vector<std::string>& arena_strategy_names();
// Objectives: "lab" and the test functions.
const std::vector<std::string>& arena_objective_names();
// The paces a race can run at, in rounds per second (0: fastest), as the pace combo offers them.
const std::vector<double>& arena_paces();
// What the lab objective scores: "val_loss", "val_accuracy".
const std::vector<std::string>& arena_metric_names();

// The race's search space (the lab objective's tuned parameters, or the test function's); throws
// std::invalid_argument for an unknown objective or tunable.
tune::Space setup_space(const ArenaSetup& setup);
// What a race's values measure: the lab objective's metric, or the test function's name.
std::string race_score(const ArenaSetup& setup);
json::Value arena_setup_to_json(const ArenaSetup& setup);
// Partial update: fields present replace the current ones. Anything malformed or out of range is
// refused with its field path ("params.lr.low", "strategies[2]") and then nothing changes.
std::vector<Issue> arena_setup_from_json(ArenaSetup& setup, const json::Value& document);
// Range and consistency checks on a whole setup (the panel shows them next to the fields).
std::vector<Issue> validate(const ArenaSetup& setup);

struct AppState;
void draw_setup_panel(AppState& app);
const char* arena_strategy_label(const std::string& strategy, const Translator& tr);  // "BO (EI)"
// The acquisition's ξ and κ sliders, in the set-up panel and beside the BO view's maps (where moving
// them redraws the acquisition at once), named prefix + "xi" / "kappa"; `width` 0: the panel's item
// width, else each slider that wide, side by side.
void draw_acquisition_sliders(ArenaSetup& s, const Translator& tr, const std::string& prefix, float width = 0);

}  // namespace tunelab::ui
