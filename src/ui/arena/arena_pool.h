#pragma once
// The race with background workers (tune/trial_pool.h: threads natively, Web Workers in the page):
// the network objective's trials train in the pool while the frames only ask the samplers, tell
// the studies and draw. Each strategy asks its trials one at a time, as in the race in the frames,
// so a seed gives the same trials whichever worker trains them; the set-up's `parallel` mode
// decides only when the next trials are handed out (in rounds, or as workers come free).
#include <span>

#include "core/json.h"
#include "ui/arena/arena.h"
#include "ui/hook.h"

namespace tunelab::ui {

// This race's trials go to workers: a pool can be made, its size is at least 1, and the race
// trains the lab's network (a test function's evaluation costs less than a message to a worker).
bool race_in_workers(const ArenaState& arena);
int trials_in_workers(const ArenaState& arena);  // handed to the pool and not yet told
// One frame: hears the pool (progress, trials to tell), then, while racing, hands out the next
// trials, asking the samplers within `budget_ms`. A paused race still tells the trials in flight.
void advance_in_workers(ArenaState& arena, double budget_ms);
// A new or discarded race: the trials handed out end unheard, the queued ones never start.
void forget_workers(ArenaState& arena);
// The trials out with workers come back to train in the frames, from their seeds (one more round
// stepped by the learner or the hook, the pool switched off): the same trials, computed here.
void recall_workers(ArenaState& arena);
// The pool size the platform offers by default (cores − 1), with the platform's pool maker.
void offer_workers(ArenaState& arena, int cores, std::function<std::unique_ptr<tune::TrialPool>(int)> make_pool);

// The pool size, each busy worker's trial and the latest failure (race controls).
void draw_workers(AppState& app);
// {available, cores, count, in_flight, busy: [{worker, racer, strategy, repeat, number, epochs}],
//  failures: [{racer, number, reason}], trials_per_worker: {"0": trainings, …}} (a Hyperband or
//  ASHA trial trains once per rung; from the trials' timelines)
json::Value workers_json(const ArenaState& arena);
// arena.workers {count?, fault?}: sets the pool size (0: the frames; trials out with workers come
// back), arms a fault for the next trial handed out ("trial_throws" | "worker_dies"), answers
// workers_json.
json::Value arena_workers_command(AppState& app, const hook::Request& request);

}  // namespace tunelab::ui
