#include "tune/runner.h"

#include <chrono>

namespace tunelab::tune {

namespace {
constexpr uint64_t kObjectivePurpose = 21;
}

StudyRunner::StudyRunner(Study study, std::unique_ptr<Sampler> sampler, std::shared_ptr<const Objective> objective,
                         int budget)
    : study_(std::move(study)), sampler_(std::move(sampler)), objective_(std::move(objective)), budget_(budget) {}

uint64_t StudyRunner::trial_seed(const Study& study, int number) {
    return study.rng_for(number, kObjectivePurpose).next_u64();
}

RunEvent StudyRunner::step() {
    if (finished_) return RunEvent::Finished;
    if (running_ < 0) {
        if (study_.next_number() >= budget_ && paused_.empty()) {  // nothing left to promote either
            finished_ = true;
            return RunEvent::Finished;
        }
        auto begin = std::chrono::steady_clock::now();
        Proposal proposal = sampler_->ask(study_);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        if (proposal.resume < 0 && study_.next_number() >= budget_) {
            finished_ = true;
            return RunEvent::Finished;
        }
        Trial& trial = study_.start(proposal);
        trial.sampler_seconds += seconds;
        running_ = trial.number;
        if (auto paused = paused_.find(running_); paused != paused_.end()) {
            evaluation_ = std::move(paused->second);
            paused_.erase(paused);
        } else {
            // A new trial, or a promoted one from a loaded study whose training state is gone:
            // replaying its epochs with its own seed rebuilds that state exactly.
            evaluation_ = objective_->start(trial.params, trial_seed(study_, running_));
            for (size_t epoch = 0; epoch < trial.intermediate.size(); ++epoch) evaluation_->step();
        }
        return RunEvent::Asked;
    }
    StepResult result = evaluation_->step();
    study_.report(running_, result.value);
    study_.add_cost(running_, result.cost);
    const Trial& trial = study_.trial(running_);
    const int epochs = int(trial.intermediate.size());
    if (result.failed || result.diverged) {
        study_.tell(running_, result.failed ? TrialStatus::Failed : TrialStatus::Diverged);
    } else if (epochs >= objective_->trial_epochs(trial.params)) {
        study_.tell(running_, TrialStatus::Complete, result.value);
    } else if (trial.budget > 0 && epochs >= trial.budget) {
        study_.tell(running_, TrialStatus::Pruned, result.value);
        paused_[running_] = std::move(evaluation_);
    } else {
        return RunEvent::Stepped;
    }
    evaluation_.reset();
    told_ = running_;
    running_ = -1;
    return RunEvent::Told;
}

RunEvent StudyRunner::run_trial() {
    RunEvent event;
    do event = step();
    while (event != RunEvent::Told && event != RunEvent::Finished);
    return event;
}

void StudyRunner::run() {
    while (step() != RunEvent::Finished) {
    }
}

}  // namespace tunelab::tune
