#pragma once
// A study records trials; it never chooses them (that is a sampler's job, see sampler.h). It knows
// the space, the direction (minimize or maximize), its objectives and the seed, and is saved and loaded as JSON so
// that a loaded study asks exactly the trial the saved one would have asked next.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/json.h"
#include "core/random.h"
#include "tune/space.h"

namespace tunelab::tune {

enum class Direction { minimize, maximize };

enum class TrialStatus {
    running,   // asked, not yet told
    complete,  // finished with a value
    pruned,    // stopped early (Hyperband rung); its value is the last intermediate value
    failed,    // the objective could not evaluate it
    diverged,  // training blew up (NaN or exploding loss)
};

// What one objective of a study measures. The first is always the trial's value (what the objective
// scores and a sampler is told, in the study's direction); more objectives are costs every trial
// records anyway, always minimized. A study of several objectives is searched for its Pareto front
// (pareto.h); single-objective samplers go on optimizing its value alone.
enum class Measure {
    value,  // the objective's score: validation error or loss, a test function's value
    flops,  // the training cost the trainer counted
};

}  // namespace tunelab::tune

namespace tunelab {
// As a saved study (Study::to_json) and the CLI's tables spell them.
template <>
inline constexpr std::array<std::string_view, 2> enum_names<tune::Direction> = {"minimize", "maximize"};
template <>
inline constexpr std::array<std::string_view, 5> enum_names<tune::TrialStatus> = {"running", "complete", "pruned", "failed",
                                                                                 "diverged"};
template <>
inline constexpr std::array<std::string_view, 2> enum_names<tune::Measure> = {"value", "flops"};
}  // namespace tunelab

namespace tunelab::tune {

// One stretch of a trial's training, for the arena's timeline: a Hyperband or ASHA trial trains once
// per rung it reaches. Wall-clock seconds on its runner's clock, which a loaded study's runner
// carries on from the latest saved span. Saved with a race or --save (Study::to_json(true)), so the
// timeline of a reloaded race still shows the earlier trials; left out where two runs are compared.
struct TrialSpan {
    int worker = -1;   // the worker that trained it; -1 when trials run one at a time
    double start = 0;
    double end = -1;   // -1 while it trains
};

// What a trial cost: wall time of the objective, and floating-point operations the trainer counted.
struct Cost {
    double seconds = 0;
    double flops = 0;
};

struct Trial {
    int number = 0;
    Values params;
    TrialStatus status = TrialStatus::running;
    std::optional<double> value;       // complete or pruned
    std::vector<double> intermediate;  // one value per epoch
    Cost cost;
    int budget = 0;   // epochs the sampler asked for (0: the objective's full length)
    int bracket = -1; // Hyperband: bracket (in the order the sampler ran them) and the last rung
    int rung = -1;    // the trial reached; -1 outside Hyperband
    std::string source;  // what proposed it: "random", "grid", "init", "ei", "pi", "ucb", "tpe", ...
    // What the sampler noted when proposing it, saved with the study so that a loaded study goes
    // on exactly (BO: the GP hyperparameters it fitted, where the next fit starts).
    std::vector<double> sampler_state;
    double sampler_seconds = 0;  // time the sampler took to propose it (never saved: it varies)
    std::vector<TrialSpan> spans;  // when and where it trained (saved only with its timings: it varies)

    bool finished() const { return status == TrialStatus::complete || status == TrialStatus::pruned; }
};

// A proposal from a sampler: new parameters, or (Hyperband) more epochs for a paused trial.
struct Proposal {
    Proposal(Values values = {}) : params(std::move(values)) {}
    Values params;
    int budget = 0;       // epochs to train (0: all)
    int bracket = -1;
    int rung = -1;
    int resume = -1;      // number of an earlier pruned trial to continue, or -1 for a new trial
    // Nothing can start until a running trial ends: synchronous Hyperband promotes only when a
    // whole rung is in. Never asked of a sampler when no trial is running.
    bool wait = false;
    std::string source;   // see Trial::source
    std::vector<double> sampler_state;  // see Trial::sampler_state
};

// A trial's spans as [worker, start, end] triples (`study --json --timings` and a saved study).
json::Value spans_to_json(const std::vector<TrialSpan>& spans);

class Study {
public:
    // `objectives`: {value} or {value, flops}; anything else throws std::invalid_argument.
    Study(Space space, Direction direction = Direction::minimize, uint64_t seed = 1,
          std::vector<Measure> objectives = {Measure::value});

    const Space& space() const { return space_; }
    Direction direction() const { return direction_; }  // of the value
    const std::vector<Measure>& objectives() const { return objectives_; }
    bool multi_objective() const { return objectives_.size() > 1; }
    // One per objective, as Optuna's `directions`: the value's, then minimize for each cost.
    std::vector<Direction> directions() const;
    uint64_t seed() const { return seed_; }
    const std::vector<Trial>& trials() const { return trials_; }
    const Trial& trial(int number) const { return trials_.at(size_t(number)); }
    int next_number() const { return next_number_; }

    // Records a proposal as a Running trial (or puts a resumed one back to Running); returns it.
    Trial& start(const Proposal& proposal);
    void report(int number, double intermediate_value);  // one epoch's value
    void add_cost(int number, Cost cost);
    void tell(int number, TrialStatus status, std::optional<double> value = std::nullopt);
    // The timeline (Trial::spans): a trial starts training, or ends, `seconds` after its runner began.
    void span_start(int number, double seconds);
    void span_end(int number, double seconds, int worker);

    // Minimizing view of a value: samplers always minimize `loss(value)`.
    double loss(double value) const { return direction_ == Direction::maximize ? -value : value; }
    bool better(double a, double b) const { return loss(a) < loss(b); }
    const Trial* best() const;  // best complete trial, or nullptr
    // best_so_far()[k]: best value among trials 0..k that finished (NaN before the first).
    std::vector<double> best_so_far() const;

    // Each trial's own random stream, derived from the study's seed and the trial's number only,
    // so that what a sampler draws for trial k never depends on how trials 0..k-1 were drawn.
    Rng rng_for(int number, uint64_t purpose = 0) const;

    // The same study (space, seed, next number) with other trials: BOHB fits its model on the
    // trials of one budget, seen as if they had completed there. With `value_direction`, a
    // single-objective study in that direction: ParEGO's view of its trials with scalarized values.
    Study with_trials(std::vector<Trial> trials, std::optional<Direction> value_direction = std::nullopt) const;

    // Warm-starting (meta-learning): the finished trials of an earlier study on the same space (another
    // data set, or a smaller version of this one) become prior observations of BO and TPE
    // (observations(): pooled with this study's own, unweighted, as Optuna's study.add_trials
    // does), so a model-based sampler starts from what the earlier study learned instead of from a
    // random design. They are not this study's trials: not numbered, not its best, not its budget.
    // Throws std::invalid_argument, saying why, when the earlier study's space or direction differs
    // or it has several objectives.
    void warm_start_from(const Study& earlier);
    const std::vector<Trial>& warm_start() const { return warm_start_; }

    // `timings`: each trial's spans too, as spans_to_json writes them (a saved race, --save). A span
    // still open (the trial was training) is left out: that training is lost, and a loaded study's
    // runner trains the trial again from its seed in a new span.
    json::Value to_json(bool timings = false) const;
    // Reads the spans when they are there, and refuses a bad one with the reason.
    static Study from_json(const json::Value& value);  // throws std::invalid_argument
    // One row per trial: number, status, value, each parameter, epochs, seconds, flops, rung.
    std::string to_csv() const;
    // to_csv() under a "# <strategy> (seed S)" line: one block of a race's trials file.
    std::string to_csv_block(const std::string& strategy) const;

private:
    Space space_;
    Direction direction_;
    std::vector<Measure> objectives_;
    uint64_t seed_;
    std::vector<Trial> trials_;
    std::vector<Trial> warm_start_;  // the earlier study's finished trials
    int next_number_ = 0;
};

json::Value space_to_json(const Space& space);
Space space_from_json(const json::Value& value);  // throws std::invalid_argument
// Parameters as {"name": number or choice name}, inactive ones left out.
json::Value params_to_json(const Space& space, const Values& values);

}  // namespace tunelab::tune
