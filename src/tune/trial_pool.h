#pragma once
// A pool of background workers that train trials while the thread that draws only asks and tells:
// threads natively (ThreadTrialPool), Web Workers in the page (app/web_trial_pool). The race hands
// each trial's work to the pool and collects it, trained, a few frames later; samplers and studies
// never leave the race's thread, and a trial's numbers are the same whichever worker trains it.
//
// What crosses to a Web Worker is JSON: the objective once per worker (objective_to_json), then one
// message per trial (trial_job_to_json) and its results back (trial_results_to_json). A worker's
// side of those messages is `WorkerSide`, the same code natively and in the worker's wasm module.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "tune/runner.h"

namespace tunelab::tune {

// A failure the test hook asks a worker to have while it trains a trial: the trial throws (the
// worker lives on), or the worker itself dies (as on running out of memory) and is replaced.
enum class WorkerFault { none, trial_throws, worker_dies };

// What a pool reports: a trial's progress (epochs trained so far) or its end (`finished` holds the
// work with its results, or with `error` set when the trial or its worker failed).
struct PoolUpdate {
    int ticket = -1;
    int worker = -1;  // 0, 1, …: the worker that trains it (a replacement takes a new number)
    int epochs = 0;
    std::optional<TrialWork> finished;
};

class TrialPool {
public:
    virtual ~TrialPool() = default;
    // Queues the trial; the ticket names it in the updates. Trials start in the order submitted.
    virtual int submit(TrialWork work, WorkerFault fault = WorkerFault::none) = 0;
    // What happened since the last poll; never waits.
    virtual std::vector<PoolUpdate> poll() = 0;
    // Grows or shrinks the pool; a worker over the new size leaves once its trial is done.
    virtual void resize(int workers) = 0;
    virtual int size() const = 0;
    // Forgets every queued trial that has not started (a new race); running ones end unheard.
    virtual void drop_queued() = 0;
};

// The pool's size when the learner has not chosen one: every core but the one that draws the page.
int default_pool_size(int cores);

// Native: `workers` threads. Tickets are handed out in order from 0.
std::unique_ptr<TrialPool> make_thread_pool(int workers);

// ----------------------------------------------------------------------- messages to a Web Worker

// The objective a Web Worker builds its trials' evaluations from. Only the network objective
// travels (a test function's evaluation costs less than a message): std::invalid_argument else.
json::Value objective_to_json(const Objective& objective);
std::shared_ptr<const Objective> objective_from_json(const json::Value& value);  // throws std::invalid_argument

// One trial's work without its objective (sent once per worker) or paused training (a worker trains
// the epochs the trial had trained again), and its results on the way back.
json::Value trial_job_to_json(const TrialWork& work, WorkerFault fault);
json::Value trial_results_to_json(const TrialWork& work);
// Fills `work` (as submitted) with the results and error a worker sent; throws std::invalid_argument.
void read_trial_results(TrialWork& work, const json::Value& value);

// A worker's side of the messages: {"objective": key, "spec": {…}} keeps an objective,
// {"objective": key, "forget": true} lets it go; {"train": {…}, "objective": key, "ticket": n}
// trains a trial and answers {"ticket", "results", "error"}.
// `progress(ticket, epochs)` hears each epoch. A fault "worker_dies" ends the program (abort).
class WorkerSide {
public:
    json::Value handle(const json::Value& message, const std::function<void(int ticket, int epochs)>& progress);

private:
    std::map<std::string, std::shared_ptr<const Objective>> objectives_;
};

}  // namespace tunelab::tune

namespace tunelab {
template <>
inline constexpr std::array<std::string_view, 3> enum_names<tune::WorkerFault> = {"none", "trial_throws", "worker_dies"};
}  // namespace tunelab
