#pragma once
// The one study runner, shared by the CLI, the benchmark and the UI. It advances a study one small
// step at a time — ask a trial, train the running trial one epoch, or tell its result — so the UI
// can race several studies in lock-step, a bounded amount of work per frame.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/stopwatch.h"
#include "tune/objective.h"
#include "tune/sampler.h"

namespace tunelab::tune {

enum class RunEvent {
    prepared,  // the sampler did part of the next proposal's work (Sampler::prepare)
    asked,     // a trial started (new, or a paused one promoted by Hyperband)
    stepped,   // the running trial trained one more epoch and goes on
    told,      // the running trial ended: complete, pruned at a rung, failed or diverged
    finished,  // the budget is spent: nothing more to do
};

// One trial trained away from its runner (on a worker thread, or in a Web Worker from its JSON,
// tune/trial_pool.h): start_trial() hands it out, train() runs it to its end without touching the
// study, finish_trial() records what it gave. A new trial's evaluation starts in train(), on the
// worker, from the objective, the parameters and the trial's seed: the same numbers wherever it runs.
struct TrialWork {
    int number = -1;
    std::shared_ptr<const Objective> objective;
    Values params;
    uint64_t seed = 0;
    // A promoted trial's paused training, carried on (none: train() starts one from the seed).
    std::unique_ptr<Evaluation> evaluation;
    int full_epochs = 1;  // the objective's trial_epochs for its parameters
    int budget = 0;       // epochs the sampler asked for (0: all)
    int trained = 0;      // epochs the trial had trained before (a promotion, or a reloaded trial)
    bool replay = false;  // evaluation starts from scratch: it trains those epochs again, unreported
    int worker = -1;      // which worker trained it, for the timeline (set by whoever runs it)
    // When its training ended on the runner's clock (seconds()), if it is told later (in rounds, a
    // batch is told at once): the timeline shows when the worker came free. -1: when told.
    double ended_at = -1;
    std::vector<StepResult> results;  // one per new epoch trained
    std::string error;    // what the evaluation threw; the trial fails with it
    int replayed = 0;     // of the `trained` epochs replay trains again, those done

    // `progress` hears the epochs the trial has trained so far (replayed ones too) after each one.
    void train(const std::function<void(int epochs)>& progress = {});
    // One epoch (replayed or new) of train(): true once the trial has ended (or failed, `error` set).
    // A race in the frames trains several trials of one study in turns, an epoch at a time.
    bool train_epoch(const std::function<void(int epochs)>& progress = {});
    int epochs() const { return (replay ? replayed : trained) + int(results.size()); }  // trained so far
};

class StudyRunner {
public:
    // `budget`: how many new trials to run (Hyperband's promotions continue existing ones).
    // A study saved mid-trial (a page reloaded mid-race) goes on with its running trials, trained
    // again from their seeds: step() runs them one after another, start_trial() hands them out first.
    StudyRunner(Study study, std::unique_ptr<Sampler> sampler, std::shared_ptr<const Objective> objective, int budget);

    RunEvent step();
    // Steps until the running trial is told (or the budget is spent): one whole trial.
    RunEvent run_trial();
    void run();  // to the end

    // Several trials at once (run_parallel, the arena's worker pool): start_trial() asks the sampler
    // for a trial while others may still be running (it sees them as running in the study) and
    // returns its work — a new trial or a promoted one — or nothing: the budget is spent (with no
    // trial out: finished()), or the sampler waits for a running trial (synchronous Hyperband at a
    // rung's end). finish_trial() records the work's results and tells the trial. Both on the
    // runner's own thread. A runner stepped so far (a race in the frames) may go on handing out
    // its trials, its running one first (trained again from its seed); step() is refused while
    // trials are out.
    std::optional<TrialWork> start_trial();
    void finish_trial(TrialWork work);
    // A trial handed out comes back to be trained here, step by step from its seed (the worker's
    // result, if any, is to be ignored): the race's "one more round" in the frames. At most one trial
    // of the runner may be out then; std::logic_error otherwise.
    void take_back(int number);
    // The work of a trial handed out, again from its seed (replaying the epochs the study holds): it
    // stays handed out, to be trained here while the worker's result is ignored. Unlike take_back,
    // for any number of trials out; std::logic_error if `number` is not running.
    TrialWork rework(int number);
    // One part of the next proposal's preparation (Sampler::prepare), so that a frame can stop
    // between parts before start_trial(); false once there is nothing left to prepare.
    bool prepare_next();
    bool finished() const { return finished_; }

    const Study& study() const { return study_; }
    Sampler& sampler() { return *sampler_; }
    const Objective& objective() const { return *objective_; }
    int budget() const { return budget_; }
    int running() const { return running_; }  // number of the running trial, or -1
    // Its clock, which the trials' spans count by: from where a loaded study's latest span ended.
    double seconds() const { return clock_start_ + clock_.elapsed_seconds(); }
    int last_told() const { return told_; }    // number of the trial told last, or -1

    // The seed a trial's evaluation gets: a function of the study's seed and the trial's number.
    static uint64_t trial_seed(const Study& study, int number);
    // How many times a runner has told trials of this study: once per trial, and once per rung for a
    // Hyperband trial. A race restored from a saved study counts its rounds by it.
    static int evaluations_told(const Study& study);

private:
    // A fresh evaluation of the running trial from its own seed, which will replay (train again
    // without reporting) the epochs the study already holds: after a reload, or a Hyperband
    // promotion whose paused training is gone, the result equals the uninterrupted run's.
    void restart_evaluation();
    // A trial's evaluation from the start, with its own seed.
    std::unique_ptr<Evaluation> fresh_evaluation(const Trial& trial) const;
    bool promotable() const;  // a pruned trial Hyperband may still continue
    // The work for a trial that (re)starts now: from its paused or restarted training, or (none)
    // from a fresh one that first trains again the epochs the study holds.
    TrialWork work_for(const Trial& trial, std::unique_ptr<Evaluation> evaluation);
    // The next of a loaded study's running trials becomes the running one, its evaluation built here
    // unless it is handed out (the work builds its own).
    void start_resumed(bool with_evaluation = true);
    std::unique_ptr<Evaluation> take_paused(int number);  // its training paused at a rung, or none

    Study study_;
    std::unique_ptr<Sampler> sampler_;
    std::shared_ptr<const Objective> objective_;
    int budget_;
    bool finished_ = false;
    int running_ = -1, told_ = -1;
    int handed_out_ = 0;          // trials start_trial() handed out and finish_trial() has not told
    std::deque<int> resumed_;     // running trials of a loaded study still to be started again
    Stopwatch clock_;             // the trials' spans count from here
    double clock_start_ = 0;      // plus this: the loaded study's latest span end
    double preparing_seconds_ = 0;  // the sampler's prepare() time for the coming proposal
    std::unique_ptr<Evaluation> evaluation_;
    int replay_ = 0;  // epochs evaluation_ must train again before its results are new
    std::map<int, std::unique_ptr<Evaluation>> paused_;  // stopped at a rung; may be promoted
};

}  // namespace tunelab::tune
