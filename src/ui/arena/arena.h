#pragma once
// The search arena: the learner picks what to tune and several strategies search at once, in
// lock-step, so that *where* each one looks and *why* can be compared trial by trial.
//
// ArenaState is plain data. arena.cpp owns the page layout, the one race loop (time-sliced into
// frames like the lab's training) and the hook commands; arena_setup.cpp the set-up panel and its
// JSON; arena_views.cpp the live views (progress, landscape, BO model, trial table);
// arena_analysis.cpp the views that explain a race (Hyperband's brackets, parameter importance,
// parallel coordinates, the Pareto front); arena_summary.cpp the pure helpers behind the generated
// summary and the trials-to-target table (tested in tests/ui/arena_summary_test.cpp).
#include <imgui.h>

#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/json.h"
#include "core/settings.h"
#include "tune/bayes.h"
#include "tune/runner.h"
#include "tune/scheduler.h"
#include "ui/hook.h"
#include "ui/i18n.h"
#include "ui/widgets/plot.h"

namespace tunelab::ui {

struct AppState;

// One hyperparameter of the lab's network the learner may tune, with its range.
struct TunedParam {
    std::string name;  // a tune::TunableSetting offered to the arena
    bool tuned = false;
    double low = 0, high = 1;
    bool log = false;
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

    static constexpr int kDefaultRepeats = 5;
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

json::Value arena_setup_to_json(const ArenaSetup& setup);
// Partial update: fields present replace the current ones. Anything malformed or out of range is
// refused with its field path ("params.lr.low", "strategies[2]") and then nothing changes.
std::vector<Issue> arena_setup_from_json(ArenaSetup& setup, const json::Value& document);
// Range and consistency checks on a whole setup (the panel shows them next to the fields).
std::vector<Issue> validate(const ArenaSetup& setup);

// One strategy on one seed.
struct Racer {
    std::string strategy;
    int repeat = 0;
    std::unique_ptr<tune::StudyRunner> runner;
    int told = 0;          // evaluations finished (Hyperband counts each rung)
    tune::PeakCost step_cost[2];  // expected cost of its next sampler step and training step
    // After each evaluation it finished: the epochs it had trained in all and its best value so far
    // (the progress plot against training cost; Hyperband's promotions make trial order no clock).
    std::vector<double> epochs_log, best_log;
};

enum class ArenaView { progress, landscape, bayes, trials, hyperband, analysis };

}  // namespace tunelab::ui

namespace tunelab {
// Their names in the hook (arena.view {tab}) and in the tabs' control names (arena.view.progress).
template <>
inline constexpr std::array<std::string_view, 6> enum_names<ui::ArenaView> = {"progress", "landscape", "bayes",
                                                                              "trials",   "hyperband", "analysis"};
}  // namespace tunelab

namespace tunelab::ui {

// The BO views' model output, recomputed only when the study, the slice or ξ/κ change.
struct BayesViewCache {
    int racer = -1, trials = -1, dim_x = -1, dim_y = -1;
    double xi = -1, kappa = -1;
    std::optional<tune::SliceView> slice;
    std::optional<tune::CurveView> curve;
};

// A race restored from the saved session while it was still running (the page was reloaded or
// closed mid-race): the banner offers to resume it.
struct Interruption {
    int round = 0;
    int restored_trials = 0;  // finished trials, over all racers
};

// Parameter importance of one strategy's trials (all its seeds pooled), refitted only when more
// trials have finished: a GP fit takes a few milliseconds.
struct ImportanceCache {
    std::string strategy;
    int trials = -1;               // complete (and diverged) trials it was computed from
    std::vector<double> shares;    // per parameter; empty while there are too few trials
};

// The true landscape of the lab objective over the two parameters the 2-D views show, computed when
// the learner asks: the race's own objective restricted to those two (every other setting at the
// lab's value) trained at each point of a grid, as a grid-sampler study (in order) run by the one
// StudyRunner, stepped from the race's frame budget. It belongs to the race and the two parameters.
struct LandscapeGrid {
    std::shared_ptr<const tune::Objective> race;  // the race objective it slices
    int dim_x = -1, dim_y = -1;                   // in the race's space
    int cols = 0, rows = 0;                       // grid points along x and y (trial n: column n % cols)
    Racer racer;                                  // the grid study (strategy "grid")
};

struct ArenaState {
    ArenaSetup setup;
    ArenaSetup raced;           // the set-up of the current race (the panel may already edit the next)
    // The lab's data and network the race tunes (lab objective), as they were at its start: a
    // restored race rebuilds its objective from these, whatever the lab has become since.
    DataConfig raced_data;
    TrainConfig raced_run;
    std::optional<Interruption> interrupted;
    std::vector<Issue> issues;  // validate(setup), shown next to the fields
    bool setup_open = true;     // the set-up column can be collapsed to give the views room

    std::shared_ptr<const tune::Objective> objective;  // of the current race
    std::vector<Racer> racers;                          // strategy-major: strategies × repeats
    bool racing = false;
    int round = 0;                 // rounds completed: every racer has finished this many evaluations
    // Pacing (setup.pace): rounds that may begin (up to one banked), whether the current round has
    // begun, and the clock the credit accrues by. Racing time is wall time spent racing, for the ETA.
    double round_credit = 1;
    bool round_begun = false;
    double last_tick_s = -1;
    double racing_seconds = 0;
    std::string error;             // why the last start failed, if it did
    double frame_budget_ms = 6.0;  // CPU time per frame the race may use (set by the app each frame)
    double last_slice_ms = 0;

    ArenaView view = ArenaView::progress;
    bool view_requested = false;  // the hook chose `view`: select its tab on the next frame
    int dim_x = 0, dim_y = 1;  // the two hyperparameters the 2-D views show
    // The progress plot's x axis: trials, or epochs trained (the cost Hyperband saves: at equal
    // trials its first bracket may never finish, at equal epochs the comparison is fair).
    bool progress_by_epochs = false;
    int bayes_racer = -1;      // which BO racer the BO views show (-1: the first)
    BayesViewCache bayes_cache;
    int table_racer = 0;       // the trial table's racer
    std::vector<ImportanceCache> importance;  // per strategy, for the analysis view
    std::optional<LandscapeGrid> landscape;    // computed (or computing) true landscape, if asked for
    int landscape_k = 8;                       // grid points per continuous axis the button asks for
};

void draw_arena(AppState& app);
// The test hook's "arena.*" commands (listed in arena.cpp).
std::span<const hook::Command> arena_commands();

// ---- arena.cpp
bool start_race(AppState& app);  // builds the racers from the setup; false (and arena.error) if refused
// What start_race builds, shared with a restored race (arena_resume.cpp) so both race alike: the
// objective of each repeat. The lab's network trains every trial of repeat r from seed + r (common
// random numbers: within a repeat, every strategy sees one landscape, smooth in the settings, and
// the repeats show how much the seed moves it). Throws std::invalid_argument when it cannot be
// built (no lab data).
std::vector<std::shared_ptr<const tune::Objective>> make_race_objectives(const ArenaSetup& setup,
                                                                         const std::optional<PreparedData>& lab_data,
                                                                         const TrainConfig& lab_run);
Racer make_racer(const ArenaSetup& setup, const std::string& strategy, int repeat, tune::Study study,
                 std::shared_ptr<const tune::Objective> objective);
// Shows `racers` as the arena's race (paused, at round 0), its views reset to their defaults.
void show_race(ArenaState& arena, const ArenaSetup& raced, std::shared_ptr<const tune::Objective> objective,
               std::vector<Racer> racers);
void resume_race(ArenaState& arena);  // racing again unless finished; an interruption's offer is taken
bool advance_round(ArenaState& arena);  // exactly one more round (or to the end); false when finished
// Races for about arena.frame_budget_ms (the app calls it once a frame, after drawing and rendering).
void advance_race(ArenaState& arena);
bool race_finished(const ArenaState& arena);
// Configurations Hyperband's first bracket starts with in this set-up (0 without Hyperband or
// without epochs to stop early at): with fewer trials per strategy it never finishes a bracket.
int hyperband_bracket_size(const ArenaSetup& setup);
int epochs_trained(const tune::Study& study);  // over all its trials: a race's training cost
// The true landscape (lab objective): grid points along one axis of the race's space for k per
// continuous axis (a categorical: its choices; an integer: at most its count).
int landscape_points(const tune::Space& space, int dim, int k);
// Starts computing it over arena.dim_x × arena.dim_y; the reason it is refused (English, a tr key), or "".
std::string start_landscape(ArenaState& arena, int k);
// Drops a landscape that no longer belongs to the race and the shown parameters.
void forget_stale_landscape(ArenaState& arena);
// Row-major values (row = y point, column = x point), NaN where not (yet) trained or diverged.
std::vector<double> landscape_values(const LandscapeGrid& grid);
int landscape_done(const LandscapeGrid& grid);  // grid points trained
// Trains that trial's settings in the lab (lab objective only): run A gets them, the lab is shown.
// The reason it is refused ("no such trial"), or "".
std::string load_trial(AppState& app, int racer, int number);

// ---- arena_resume.cpp: the race in the saved session, and the offer to resume it after a reload
// {setup, lab?, racers: [{strategy, repeat, study}]} (each study's tune::Study::to_json), or null.
json::Value race_to_json(const ArenaState& arena);
// Rebuilds a saved race, paused; an unfinished one raises the offer (arena.interrupted). All or
// nothing: a malformed or inconsistent race is refused with one Issue per problem, nothing changes.
std::vector<Issue> restore_race(AppState& app, const json::Value& race);
void draw_resume_banner(AppState& app);
void discard_race(ArenaState& arena);  // no race any more (the set-up stays)
json::Value interruption_json(const ArenaState& arena);  // {round, restored_trials} or null

// ---- arena_setup.cpp
void draw_setup_panel(AppState& app);
const char* arena_strategy_label(const std::string& strategy, const Translator& tr);  // "BO (EI)"
// The acquisition's ξ and κ sliders, in the set-up panel and beside the BO view's maps (where moving
// them redraws the acquisition at once), named prefix + "xi" / "kappa"; `width` 0: the panel's item
// width, else each slider that wide, side by side.
void draw_acquisition_sliders(ArenaSetup& s, const Translator& tr, const std::string& prefix, float width = 0);

// ---- arena_views.cpp
// `own_scroll`: the tall views scroll inside their tab (beside the set-up); on a phone they are part
// of the one scrolling column (a scroll area inside another traps a finger's swipe).
void draw_arena_views(AppState& app, ImVec2 size, bool own_scroll = true);
std::string race_summary(const ArenaState& arena, const Translator& tr);  // summary_text of the race

// ---- arena_summary.cpp: the generated summary, from plain numbers (tested without a race)
struct StrategyResult {
    std::string label;                // "BO (EI)"
    std::vector<double> best_so_far;  // per finished trial (mean over seeds when repeated)
    int distinct_values = -1;         // distinct values it tried of the first tuned parameter
    std::vector<double> finals;       // each seed's best value so far (NaN: nothing finished), in seed order
    // A model-based strategy (BO, TPE): how many spread-out trials it starts with before modelling
    // (0: not model-based), and the share of its later trials that landed among the best quarter of
    // all the race's trials on the same seed (NaN when unknown): why such a strategy wins.
    int model_start = 0;
    double good_share = NAN;
};
// One strategy against another over the seeds, paired seed by seed: within a seed every strategy
// faces the same landscape (the same data, split and starting weights: common random numbers), so
// the seed's own luck cancels in the difference. `gap`, the mean over seeds of how much better `a`
// ended than `b`; `margin`, the half-width of that mean's 95% confidence interval (Student's t on the
// per-seed differences: a paired t-test); `wins`, the seeds on which `a` ended better, of `seeds`.
// `a` is told apart from `b` when the gap exceeds its margin (the interval lies above zero). NaN
// gap and margin with fewer than two seeds.
struct Comparison {
    double gap = NAN, margin = NAN;
    int wins = 0, seeds = 0;
    bool separated = false;
};
Comparison compare(const StrategyResult& a, const StrategyResult& b, tune::Direction direction);
// Trials (1-based) until best_so_far first reaches `target`, or -1 if it never does.
int trials_to_reach(const std::vector<double>& best_so_far, double target, tune::Direction direction);
// The value every strategy is measured against: the best anyone found, give or take 10% of it or 5% of
// the way to the median first trial (whichever is smaller), so "reached" means "got close to the best".
double summary_target(const std::vector<StrategyResult>& results, tune::Direction direction);
// "BO (EI) reached 0.41 in 14 trials, random in 41, grid never (30 trials). …", then whether the
// best strategy is told apart from the others over the seeds, and why a model-based winner won.
std::string summary_text(const std::vector<StrategyResult>& results, tune::Direction direction,
                         const std::string& first_param, const Translator& tr);

// ---- arena_views.cpp: pieces the analysis views share
std::vector<const Racer*> racers_of(const ArenaState& arena, const std::string& strategy);
// A parameter's extent and axis as the views show it: log axis for log parameters, a categorical's
// choices at 0, 1, … (`names` keeps the choice names alive while the plot is drawn).
plot::Range param_range(const tune::Space& space, int dim);
void set_param_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names);
// The same for a 2-D map of points, with a margin so points on the range's edge are drawn whole.
void set_map_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names);
// The colour scale of scores (the low 70% of the values, so the best region is not washed out).
plot::Range score_scale(std::vector<double> values);
std::vector<ImU32> score_colors(const std::vector<double>& values, plot::Range scale);
// Boxes for small multiples: as many per row as fit at `min_width`.
float tile_width(int count, float min_width);
void next_tile(int index, float width);
const char* status_label(tune::TrialStatus status, const Translator& tr);  // "pruned" → 剪枝（提前停止）
// What the race's values are: "validation loss", "validation error (1 − accuracy)" or "objective".
const char* score_label(const ArenaState& arena, const Translator& tr);
// The race's values stay positive and span decades (the network's losses, Branin's): a log axis reads best.
bool log_scores(const ArenaState& arena);
// Each raced strategy's best-so-far (mean over seeds), the numbers behind the summary.
std::vector<StrategyResult> strategy_results(const ArenaState& arena, const Translator& tr);

// ---- arena_analysis.cpp
void draw_hyperband_view(const ArenaState& arena, const Translator& tr);
void draw_analysis_view(ArenaState& arena, const Translator& tr);
// Importance of each parameter from a GP fitted to the studies' complete trials (pooled), or empty
// when there are fewer than `importance_min_trials`.
std::vector<double> pooled_importance(const std::vector<const tune::Study*>& studies);
int importance_min_trials(const tune::Space& space);
// Every complete trial of every racer on cost (FLOPs) and value; `front` marks the Pareto front.
struct CostPoint {
    int racer = 0, number = 0;
    double flops = 0, value = 0;
    bool front = false;
};
std::vector<CostPoint> cost_points(const ArenaState& arena);
// The hook's arena.analysis: {importance: [{strategy, trials, shares: {param: share}}], pareto: […]}.
json::Value analysis_json(ArenaState& arena);

}  // namespace tunelab::ui
