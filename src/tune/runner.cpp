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
        for (int epoch = 0; replay && epoch < trained; ++epoch) evaluation->step();
        for (;;) {
            results.push_back(evaluation->step());
            if (ending(results.back(), trained + int(results.size()), full_epochs, budget)) return;
        }
    } catch (const std::exception& e) {  // out of memory, or a bug: this trial fails, the study goes on
        error = e.what();
    }
}

StudyRunner::StudyRunner(Study study, std::unique_ptr<Sampler> sampler, std::shared_ptr<const Objective> objective,
                         int budget)
    : study_(std::move(study)), sampler_(std::move(sampler)), objective_(std::move(objective)), budget_(budget) {
    for (const Trial& t : study_.trials())
        if (t.status == TrialStatus::running) resumed_.push_back(t.number);
    if (!resumed_.empty()) start_resumed();
}

void StudyRunner::start_resumed() {
    running_ = resumed_.front();
    resumed_.pop_front();
    study_.span_start(running_, clock_.elapsed_seconds());
    restart_evaluation();
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

TrialWork StudyRunner::work_for(const Trial& trial, std::unique_ptr<Evaluation> evaluation) {
    TrialWork work;
    work.number = trial.number;
    work.full_epochs = objective_->trial_epochs(trial.params);
    work.budget = trial.budget;
    work.trained = int(trial.intermediate.size());
    work.replay = !evaluation;
    work.evaluation = evaluation ? std::move(evaluation) : fresh_evaluation(trial);
    return work;
}

RunEvent StudyRunner::step() {
    if (finished_) return RunEvent::finished;
    stepped_ = true;
    if (running_ < 0 && !resumed_.empty()) {  // a loaded study's next running trial starts again
        start_resumed();
        return RunEvent::asked;
    }
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
        if (proposal.wait) throw std::logic_error(sampler_->name() + " waits while no trial is running");
        if (proposal.resume < 0 && study_.next_number() >= budget_) {
            finished_ = true;
            return RunEvent::finished;
        }
        Trial& trial = study_.start(proposal);
        trial.sampler_seconds += seconds;
        running_ = trial.number;
        study_.span_start(running_, clock_.elapsed_seconds());
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
    study_.span_end(running_, clock_.elapsed_seconds(), -1);
    if (end == TrialStatus::pruned) paused_[running_] = std::move(evaluation_);
    evaluation_.reset();
    told_ = running_;
    running_ = -1;
    return RunEvent::told;
}

std::optional<TrialWork> StudyRunner::start_trial() {
    if (stepped_) throw std::logic_error("start_trial: this runner runs its trials step by step");
    if (running_ >= 0 || !resumed_.empty()) {  // a loaded study's running trials go first
        if (running_ < 0) start_resumed();
        evaluation_.reset();  // the work trains its own, from the seed
        return work_for(study_.trial(std::exchange(running_, -1)), nullptr);
    }
    if (study_.next_number() >= budget_ && !promotable()) return std::nullopt;
    Stopwatch watch;
    while (sampler_->prepare(study_)) {
    }
    Proposal proposal = sampler_->ask(study_);
    if (proposal.wait || (proposal.resume < 0 && study_.next_number() >= budget_)) return std::nullopt;
    Trial& trial = study_.start(proposal);
    trial.sampler_seconds += watch.elapsed_seconds();
    study_.span_start(trial.number, clock_.elapsed_seconds());
    std::unique_ptr<Evaluation> paused;
    if (auto found = paused_.find(trial.number); found != paused_.end()) {
        paused = std::move(found->second);
        paused_.erase(found);
    }
    return work_for(trial, std::move(paused));
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
    study_.span_end(work.number, clock_.elapsed_seconds(), work.worker);
    if (end == TrialStatus::pruned) paused_[work.number] = std::move(work.evaluation);  // it may be promoted
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
