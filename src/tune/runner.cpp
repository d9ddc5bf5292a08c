#include "tune/runner.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/stopwatch.h"

namespace tunelab::tune {

namespace {
constexpr uint64_t kObjectivePurpose = 21;

// How an epoch's result ends a trial that has now trained `epochs` of `full_epochs` (at most
// `budget` when Hyperband set one), or nothing when it trains on.
std::optional<TrialStatus> ending(const StepResult& result, int epochs, int full_epochs, int budget) {
    if (result.failed) return TrialStatus::failed;
    if (result.diverged) return TrialStatus::diverged;
    if (epochs >= full_epochs) return TrialStatus::complete;
    if (budget > 0 && epochs >= budget) return TrialStatus::pruned;
    return std::nullopt;
}
}  // namespace

void TrialWork::train(const std::function<void(int)>& progress) {
    try {
        std::unique_ptr<Evaluation> evaluation = objective->start(params, seed);
        for (int epoch = 0; epoch < replay; ++epoch) {
            evaluation->step();
            if (progress) progress(epoch + 1);
        }
        for (;;) {
            results.push_back(evaluation->step());
            if (progress) progress(replay + int(results.size()));
            if (ending(results.back(), replay + int(results.size()), full_epochs, budget)) return;
        }
    } catch (const std::exception& e) {  // out of memory, or a bug: this trial fails, the study goes on
        error = e.what();
    }
}

StudyRunner::StudyRunner(Study study, std::unique_ptr<Sampler> sampler, std::shared_ptr<const Objective> objective,
                         int budget)
    : study_(std::move(study)), sampler_(std::move(sampler)), objective_(std::move(objective)), budget_(budget) {
    for (const Trial& t : study_.trials()) {
        if (t.status != TrialStatus::running) continue;
        if (running_ >= 0)
            throw std::invalid_argument("trials " + std::to_string(running_) + " and " + std::to_string(t.number) +
                                        " are both running; a study runs one trial at a time");
        running_ = t.number;
    }
    if (running_ >= 0) restart_evaluation();
}

void StudyRunner::restart_evaluation() {
    const Trial& trial = study_.trial(running_);
    evaluation_ = fresh_evaluation(trial);
    replay_ = int(trial.intermediate.size());
}

std::unique_ptr<Evaluation> StudyRunner::fresh_evaluation(const Trial& trial) const {
    return objective_->start(trial.params, trial_seed(study_, trial.number));
}

bool StudyRunner::promotable() const {
    return std::any_of(study_.trials().begin(), study_.trials().end(),
                       [](const Trial& t) { return t.status == TrialStatus::pruned; });
}

int StudyRunner::evaluations_told(const Study& study) {
    int told = 0;
    for (const Trial& t : study.trials()) told += std::max(t.rung, 0) + (t.status == TrialStatus::running ? 0 : 1);
    return told;
}

uint64_t StudyRunner::trial_seed(const Study& study, int number) {
    return study.rng_for(number, kObjectivePurpose).next_u64();
}

bool StudyRunner::exhausted() {
    if (study_.next_number() >= budget_ && !promotable()) finished_ = true;  // nothing left to promote either
    return finished_;
}

bool StudyRunner::ask_next(bool handing_out) {
    Stopwatch watch;
    Proposal proposal = sampler_->ask(study_);
    const double seconds = watch.elapsed_seconds() + std::exchange(preparing_seconds_, 0.0);
    if (handing_out && proposal.resume >= 0 &&
        std::any_of(study_.trials().begin(), study_.trials().end(), [](const Trial& t) { return t.status == TrialStatus::running; }))
        throw std::invalid_argument(sampler_->name() + " continues paused trials: it runs one trial at a time");
    if (proposal.resume < 0 && study_.next_number() >= budget_) {
        finished_ = true;
        return false;
    }
    Trial& trial = study_.start(proposal);
    trial.sampler_seconds += seconds;
    running_ = trial.number;
    return true;
}

RunEvent StudyRunner::step() {
    if (finished_) return RunEvent::finished;
    if (running_ < 0) {
        if (exhausted()) return RunEvent::finished;
        if (prepare_next()) return RunEvent::prepared;
        if (!ask_next(false)) return RunEvent::finished;
        if (auto paused = paused_.find(running_); paused != paused_.end()) {
            evaluation_ = std::move(paused->second);
            paused_.erase(paused);
        } else {
            restart_evaluation();  // a new trial, or a promoted one from a loaded study
        }
        return RunEvent::asked;
    }
    if (replay_ > 0) {  // one replayed epoch per step, so that a frame's budget still holds
        evaluation_->step();
        --replay_;
        return RunEvent::stepped;
    }
    StepResult result = evaluation_->step();
    study_.report(running_, result.value);
    study_.add_cost(running_, result.cost);
    const Trial& trial = study_.trial(running_);
    const std::optional<TrialStatus> end =
        ending(result, int(trial.intermediate.size()), objective_->trial_epochs(trial.params), trial.budget);
    if (!end) return RunEvent::stepped;
    study_.tell(running_, *end, result.value);
    if (end == TrialStatus::pruned) paused_[running_] = std::move(evaluation_);
    evaluation_.reset();
    told_ = running_;
    running_ = -1;
    return RunEvent::told;
}

bool StudyRunner::prepare_next() {
    if (running_ >= 0 || finished_) return false;
    Stopwatch watch;
    const bool more = sampler_->prepare(study_);
    preparing_seconds_ += watch.elapsed_seconds();
    return more;
}

std::optional<TrialWork> StudyRunner::start_trial() {
    if (finished_) return std::nullopt;
    if (running_ < 0) {
        if (exhausted()) return std::nullopt;
        while (prepare_next()) {
        }
        if (!ask_next(true)) return std::nullopt;
        paused_.erase(running_);  // a promoted trial: its worker trains it again from its seed
    }
    // The running trial (just asked, or restored mid-trial) leaves the runner for a worker.
    const Trial& trial = study_.trial(std::exchange(running_, -1));
    evaluation_.reset();
    replay_ = 0;
    TrialWork work;
    work.number = trial.number;
    work.objective = objective_;
    work.params = trial.params;
    work.seed = trial_seed(study_, trial.number);
    work.full_epochs = objective_->trial_epochs(trial.params);
    work.budget = trial.budget;
    work.replay = int(trial.intermediate.size());
    return work;
}

void StudyRunner::finish_trial(TrialWork work) {
    for (const StepResult& result : work.results) {
        study_.report(work.number, result.value);
        study_.add_cost(work.number, result.cost);
    }
    const Trial& trial = study_.trial(work.number);
    std::optional<TrialStatus> end;
    if (!work.results.empty())
        end = ending(work.results.back(), int(trial.intermediate.size()), work.full_epochs, work.budget);
    if (!work.error.empty() || !end) end = TrialStatus::failed;
    study_.tell(work.number, *end, work.results.empty() ? std::nullopt : std::optional(work.results.back().value));
    told_ = work.number;
}

RunEvent StudyRunner::run_trial() {
    RunEvent event;
    do event = step();
    while (event != RunEvent::told && event != RunEvent::finished);
    return event;
}

void StudyRunner::run() {
    while (step() != RunEvent::finished) {
    }
}

}  // namespace tunelab::tune
