#pragma once
// Several trials at once: the race with background workers (tune/trial_pool.h: threads natively,
// Web Workers in the page), where the network objective's trials train in the pool while the frames
// only ask the samplers, tell the studies and draw; and a race with several trials per strategy at
// once (the set-up's at_once), trained in workers or, with none, in turns in the frames. Each
// strategy's one StudyRunner hands out its trials (start_trial) and is told their results
// (finish_trial). The set-up's `parallel` mode decides when the next trials are handed out: in
// rounds (a strategy's batch of at_once trials is asked together, each seeing the ones before it
// pending, and told in their numbers' order: a seed gives the same trials whatever the timing) or
// as workers come free (a strategy asks its next trial as soon as one ends).
#include <map>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/json.h"
#include "ui/arena/arena.h"
#include "ui/hook.h"

namespace tunelab::ui {

// This race's trials go to workers: a pool can be made, its size is at least 1, and the race
// trains the lab's network (a test function's evaluation costs less than a message to a worker).
bool race_in_workers(const ArenaState& arena);
// This race runs here rather than by the one-trial-at-a-time loop of arena.cpp: in workers, or
// with several trials per strategy at once.
bool race_at_once(const ArenaState& arena);
int trials_in_workers(const ArenaState& arena);  // handed to the pool and not yet back
// One frame: hears the pool (progress, trials to tell), trains the trials kept in the frames an
// epoch at a time in turns and, while racing, hands out the next trials, asking the samplers within
// `budget_ms`. A paused race still tells the trials in flight. `one_round`: exactly one more round,
// here in the frames (the learner's "Step one round"; recall_workers first), whatever the budget.
void advance_at_once(ArenaState& arena, double budget_ms, bool one_round = false);
// A racer's trials on its epoch clock (trained in turns in the frames: arena.h, Racer::tick): per
// trial, its stretches, one per span of its study's timeline, the one training now up to the current
// tick; nothing if a trial trained elsewhere (a worker, or before a reload).
std::optional<EpochTimeline> epoch_timeline(const Racer& racer);
// The share of its at_once places a racer kept busy on its epoch clock (`timeline`) while it still had
// new configurations to start: the ticks its trials trained over at_once × the ticks from its first
// trial's start to its last new configuration's (after that only promotions and the last trials are
// left, for any strategy). NaN before a second start. Workers of equal speed, simulated: the same
// figure on any machine.
double busy_share(const EpochTimeline& timeline, int at_once);
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
