#pragma once
// The search arena: the learner picks what to tune and several strategies search at once, in
// lock-step, so that *where* each one looks and *why* can be compared trial by trial.
//
// This header: ArenaState (plain data) and what arena.cpp owns: the page layout, the one race loop
// (time-sliced into frames like the lab's training) and the hook commands. Each other concern has
// its header beside its source: arena_setup.h (the set-up, its JSON and panel), arena_views.h (the
// live views), arena_analysis.h (the views that explain a race), arena_tradeoff.h (each strategy's
// Pareto front and hypervolume), arena_summary.h (the generated
// summary, pure), arena_resume.h (the race in the saved session).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/settings.h"
#include "tune/bayes.h"
#include "tune/runner.h"
#include "tune/scheduler.h"
#include "tune/trial_pool.h"
#include "ui/arena/arena_setup.h"
#include "ui/hook.h"

namespace tunelab::ui {

struct AppState;

// Per trial number, its stretches of training [start, end) in ticks of a racer's epoch clock (below).
using EpochTimeline = std::map<int, std::vector<std::pair<int, int>>>;

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
    // Its trials out (arena_pool.h; up to the set-up's at_once): each trained in a background worker
    // (`ticket` the pool's, `worker` -1 while queued) or, with none, in turns in the frames (`work`,
    // ticket -1), with the epochs trained so far. An ended one keeps its `work` until it is told:
    // in rounds, once its whole batch has ended, in the trials' numbers' order.
    struct OutTrial {
        int ticket = -1, number = -1, worker = -1, epochs = 0;
        std::optional<tune::TrialWork> work;
        bool ended = false;
        // In the frames, on the racer's epoch clock: the tick in which it trains its next new epoch,
        // and the tick of its first (-1: none yet).
        int tick = 0, first_tick = -1;
        std::pair<int, int> stretch() const { return {first_tick >= 0 ? first_tick : tick, tick}; }  // its ticks so far
    };
    std::vector<OutTrial> out;
    // The epoch clock of the trials trained in turns in the frames (arena_pool.cpp): in each tick
    // every trial running trains one new epoch, as at_once workers of equal speed would, whatever the
    // frames' timing. `tick`: the latest tick begun (-1: none). Per trial, its stretches [start, end)
    // in ticks, one per span of its study's timeline; a trial that trained elsewhere (a worker, or
    // before a reload) has fewer.
    int tick = -1;
    EpochTimeline ticked;
    int batch = 0;  // in rounds: trials still to ask for its current batch
    // As workers come free: its sampler answered "wait for a running trial" (synchronous Hyperband at
    // a rung's end), so it is not asked again until one is told — asking would spend each frame's
    // first step on nothing while the trials it waits for need that step to train.
    bool waits = false;
    std::map<int, std::string> failures;  // why trials failed in a worker, by trial number
};

enum class ArenaView { progress, landscape, bayes, trials, hyperband, timeline, analysis, tradeoffs };

// The progress plot's x axis: trials; epochs trained (the cost Hyperband saves: at equal trials its
// first bracket may never finish, at equal epochs the comparison is fair); or wall-clock seconds
// since the race began (what training several trials at once saves).
enum class ProgressAxis { trials, epochs, seconds };

}  // namespace tunelab::ui

namespace tunelab {
// Their names in the hook (arena.view {tab}) and in the tabs' control names (arena.view.progress).
template <>
inline constexpr std::array<std::string_view, 8> enum_names<ui::ArenaView> = {
    "progress", "landscape", "bayes", "trials", "hyperband", "timeline", "analysis", "tradeoffs"};
// The hook's view.progress_x and the combo's control values (arena.progress_x).
template <>
inline constexpr std::array<std::string_view, 3> enum_names<ui::ProgressAxis> = {"trials", "epochs", "seconds"};
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
    tune::PaceCredit round_credit{1};
    bool round_begun = false;
    tune::FrameClock frame_clock;
    double racing_seconds = 0;
    std::string error;             // why the last start failed, if it did
    double frame_budget_ms = 6.0;  // CPU time per frame the race may use (set by the app each frame)
    double last_slice_ms = 0;

    ArenaView view = ArenaView::progress;
    bool view_requested = false;  // the hook chose `view`: select its tab on the next frame
    int dim_x = 0, dim_y = 1;  // the two hyperparameters the 2-D views show
    ProgressAxis progress_x = ProgressAxis::trials;
    int bayes_racer = -1;      // which BO racer the BO views show (-1: the first)
    BayesViewCache bayes_cache;
    bool bayes_with_noise = false;  // the BO views' σ: of a new evaluation (noise included), else of the function
    int table_racer = 0;       // the trial table's racer
    std::vector<ImportanceCache> importance;  // per strategy, for the analysis view
    std::optional<LandscapeGrid> landscape;    // computed (or computing) true landscape, if asked for
    int landscape_k = 8;                       // grid points per continuous axis the button asks for

    // Background workers for the network objective's trials (arena_pool.h). The platform sets
    // make_pool and cores (threads natively, Web Workers in the page); without make_pool (no Web
    // Workers, tests under node) the race trains in the frames. `workers` is the learner's pool size
    // (0: trains in the frames), not part of the set-up: it changes how fast, never which trials.
    std::function<std::unique_ptr<tune::TrialPool>(int workers)> make_pool;
    int cores = 1;
    int workers = 0;
    std::unique_ptr<tune::TrialPool> pool;
    std::optional<tune::WorkerFault> next_fault;  // the test hook's: the next trial handed out has it
    std::optional<std::pair<int, int>> last_failure;  // racer and trial number of the latest failure in a worker

    // The warm start's sources (arena_warm.h): why the last reuse or study file was refused, and the
    // platform's file requests, as for the lab's CSV (web: the browser's file picker; desktop: a path).
    std::string warm_error;
    bool warm_picker_requested = false;
    std::string warm_path;
    bool warm_path_requested = false;
};

void draw_arena(AppState& app);
// The test hook's "arena.*" commands (listed in arena.cpp).
std::span<const hook::Command> arena_commands();

// The race (arena.cpp).
bool start_race(AppState& app);  // builds the racers from the setup; false (and arena.error) if refused
// What start_race builds, shared with a restored race (arena_resume.cpp) so both race alike: the
// objective of each repeat. The lab's network trains every trial of repeat r from seed + r (common
// random numbers: within a repeat, every strategy sees one landscape, smooth in the settings, and
// the repeats show how much the seed moves it). Throws std::invalid_argument when it cannot be
// built (no lab data).
std::vector<std::shared_ptr<const tune::Objective>> make_race_objectives(const ArenaSetup& setup,
                                                                         const std::optional<PreparedData>& lab_data,
                                                                         const TrainConfig& lab_run);
// A strategy's sampler as the race builds it from the set-up (above one trial at once, BO and TPE
// count the running trials in).
std::unique_ptr<tune::Sampler> make_race_sampler(const std::string& strategy, const ArenaSetup& setup, int max_epochs);
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
// A racer's evaluation was told: its count, and its point on the progress log.
void count_told(Racer& racer);
// The cost `racer`'s next step of a kind (0: a sampler's, 1: a training step) is expected to have, to
// decide whether it fits in a frame's slice. Before its first, the dearest of its `peers`' (the race's
// racers): taken as free, every racer's first step (the first sends the data set to the workers) ran
// in one frame.
double expected_step_ms(const std::vector<Racer>& peers, const Racer& racer, int kind);
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

}  // namespace tunelab::ui
