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

void TrialWork::train() {
    try {
        for (;;) {
            results.push_back(evaluation->step());
            if (ending(results.back(), int(results.size()), full_epochs, budget)) return;
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

RunEvent StudyRunner::step() {
    if (finished_) return RunEvent::finished;
    if (running_ < 0) {
        if (study_.next_number() >= budget_ && !promotable()) {  // nothing left to promote either
            finished_ = true;
            return RunEvent::finished;
        }
        Stopwatch watch;
        const bool prepared = sampler_->prepare(study_);
        preparing_seconds_ += watch.elapsed_seconds();
        if (prepared) return RunEvent::prepared;
        watch.restart();
        Proposal proposal = sampler_->ask(study_);
        const double seconds = watch.elapsed_seconds() + std::exchange(preparing_seconds_, 0.0);
        if (proposal.resume < 0 && study_.next_number() >= budget_) {
            finished_ = true;
            return RunEvent::finished;
        }
        Trial& trial = study_.start(proposal);
        trial.sampler_seconds += seconds;
        running_ = trial.number;
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

std::optional<TrialWork> StudyRunner::start_trial() {
    if (running_ >= 0) throw std::logic_error("start_trial: a trial is running step by step");
    if (study_.next_number() >= budget_) return std::nullopt;
    Stopwatch watch;
    while (sampler_->prepare(study_)) {
    }
    Proposal proposal = sampler_->ask(study_);
    if (proposal.resume >= 0)
        throw std::invalid_argument(sampler_->name() + " continues paused trials: it runs one trial at a time");
    Trial& trial = study_.start(proposal);
    trial.sampler_seconds += watch.elapsed_seconds();
    TrialWork work;
    work.number = trial.number;
    work.evaluation = fresh_evaluation(trial);
    work.full_epochs = objective_->trial_epochs(trial.params);
    work.budget = trial.budget;
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
