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
    while (!train_epoch(progress)) {
    }
}

bool TrialWork::train_epoch(const std::function<void(int)>& progress) {
    try {
        if (!evaluation) evaluation = objective->start(params, seed);
        bool ended = false;
        if (replay && replayed < trained) {
            evaluation->step();
            ++replayed;
        } else {
            results.push_back(evaluation->step());
            ended = ending(results.back(), trained + int(results.size()), full_epochs, budget).has_value();
        }
        if (progress) progress(epochs());
        return ended;
    } catch (const std::exception& e) {  // out of memory, or a bug: this trial fails, the study goes on
        error = e.what();
        return true;
    }
}

StudyRunner::StudyRunner(Study study, std::unique_ptr<Sampler> sampler, std::shared_ptr<const Objective> objective,
                         int budget)
    : study_(std::move(study)), sampler_(std::move(sampler)), objective_(std::move(objective)), budget_(budget) {
    for (const Trial& t : study_.trials())
        for (const TrialSpan& span : t.spans) clock_start_ = std::max(clock_start_, span.end);
    for (const Trial& t : study_.trials())
        if (t.status == TrialStatus::running) resumed_.push_back(t.number);
    if (!resumed_.empty()) start_resumed();
}

void StudyRunner::start_resumed(bool with_evaluation) {
    running_ = resumed_.front();
    resumed_.pop_front();
    study_.span_start(running_, seconds());
    if (with_evaluation) restart_evaluation();
}

std::unique_ptr<Evaluation> StudyRunner::take_paused(int number) {
    auto found = paused_.find(number);
    if (found == paused_.end()) return nullptr;
    std::unique_ptr<Evaluation> paused = std::move(found->second);
    paused_.erase(found);
    return paused;
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
    work.evaluation = std::move(evaluation);
    work.objective = objective_;
    work.params = trial.params;
    work.seed = trial_seed(study_, trial.number);
    ++handed_out_;
    return work;
}

RunEvent StudyRunner::step() {
    if (finished_) return RunEvent::finished;
    if (handed_out_ > 0) throw std::logic_error("step: trials of this runner are out with workers");
    if (running_ < 0 && !resumed_.empty()) {  // a loaded study's next running trial starts again
        start_resumed();
        return RunEvent::asked;
    }
    if (running_ < 0) {
        if (study_.next_number() >= budget_ && !promotable()) {  // nothing left to promote either
            finished_ = true;
            return RunEvent::finished;
        }
        if (prepare_next()) return RunEvent::prepared;
        Stopwatch watch;
        Proposal proposal = sampler_->ask(study_);
        const double asking = watch.elapsed_seconds() + std::exchange(preparing_seconds_, 0.0);
        if (proposal.wait) throw std::logic_error(sampler_->name() + " waits while no trial is running");
        if (proposal.resume < 0 && study_.next_number() >= budget_) {
            finished_ = true;
            return RunEvent::finished;
        }
        Trial& trial = study_.start(proposal);
        trial.sampler_seconds += asking;
        running_ = trial.number;
        study_.span_start(running_, seconds());
        evaluation_ = take_paused(running_);
        if (!evaluation_) restart_evaluation();  // a new trial, or a promoted one from a loaded study
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
    study_.span_end(running_, seconds(), -1);
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
    if (running_ >= 0 || !resumed_.empty()) {  // a loaded study's (or a stepped runner's) running trials go first
        if (running_ < 0) start_resumed(false);  // handed out: the work trains its own evaluation, from the seed
        evaluation_.reset();
        replay_ = 0;
        return work_for(study_.trial(std::exchange(running_, -1)), nullptr);
    }
    const auto spent = [&] {
        if (handed_out_ == 0) finished_ = true;  // nothing out, nothing more to ask
        return std::nullopt;
    };
    if (study_.next_number() >= budget_ && !promotable()) return spent();
    while (prepare_next()) {
    }
    Stopwatch watch;
    Proposal proposal = sampler_->ask(study_);
    if (proposal.wait) return std::nullopt;
    if (proposal.resume < 0 && study_.next_number() >= budget_) return spent();
    Trial& trial = study_.start(proposal);
    trial.sampler_seconds += watch.elapsed_seconds() + std::exchange(preparing_seconds_, 0.0);
    study_.span_start(trial.number, seconds());
    return work_for(trial, take_paused(trial.number));
}

void StudyRunner::take_back(int number) {
    if (handed_out_ != 1 || running_ >= 0 || study_.trial(number).status != TrialStatus::running)
        throw std::logic_error("take_back: only a runner's one trial out with a worker comes back");
    --handed_out_;
    running_ = number;
    restart_evaluation();
}

TrialWork StudyRunner::rework(int number) {
    if (handed_out_ == 0 || study_.trial(number).status != TrialStatus::running)
        throw std::logic_error("rework: trial " + std::to_string(number) + " is not out with a worker");
    TrialWork work = work_for(study_.trial(number), nullptr);
    --handed_out_;  // work_for counted it again
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
    study_.span_end(work.number, work.ended_at >= 0 ? work.ended_at : seconds(), work.worker);
    --handed_out_;
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
