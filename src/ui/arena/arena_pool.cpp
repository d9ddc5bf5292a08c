// The race with background workers: hearing the pool, handing out trials, the pool's controls.
#include "ui/arena/arena_pool.h"

#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/limits.h"
#include "ui/app.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

// A racer's trial tell: its failure noted (the views and the hook say why), its study told.
void tell(ArenaState& arena, int index, Racer::OutTrial& out) {
    Racer& racer = arena.racers[size_t(index)];
    if (!out.work->error.empty()) {
        racer.failures[out.number] = out.work->error;
        arena.last_failure = {index, out.number};
    }
    if (out.ticket < 0) racer.ticked[out.number].push_back(out.stretch());  // trained in the frames
    racer.runner->finish_trial(std::move(*out.work));
    out.work.reset();
    racer.waits = false;
    count_told(racer);
}

void hear_pool(ArenaState& arena) {
    for (tune::PoolUpdate& update : arena.pool->poll()) {
        for (Racer& racer : arena.racers)
            for (Racer::OutTrial& out : racer.out) {
                if (out.ticket != update.ticket || out.ended) continue;  // none: a trial of a race since replaced
                out.worker = update.worker;
                out.epochs = update.epochs;
                if (!update.finished) continue;
                update.finished->worker = update.worker;  // for the timeline
                update.finished->ended_at = racer.runner->seconds();
                out.work = std::move(update.finished);
                out.ended = true;
            }
    }
}

// Tells the ended trials: as they end, or in rounds once a racer's whole batch has, in their
// numbers' order, so that its log and its next batch never depend on which worker was faster.
void tell_ended(ArenaState& arena, bool in_rounds) {
    for (size_t i = 0; i < arena.racers.size(); ++i) {
        std::vector<Racer::OutTrial>& out = arena.racers[i].out;
        std::sort(out.begin(), out.end(), [](const Racer::OutTrial& a, const Racer::OutTrial& b) { return a.number < b.number; });
        const bool batch_ended = arena.racers[i].batch == 0 && std::all_of(out.begin(), out.end(), [](const auto& o) { return o.ended; });
        for (Racer::OutTrial& o : out)
            if (o.ended && (batch_ended || !in_rounds)) tell(arena, int(i), o);
        std::erase_if(out, [](const Racer::OutTrial& o) { return o.ended && !o.work; });
    }
}

// The round is over when every racer still going has told one more evaluation than it counts.
void count_rounds(ArenaState& arena) {
    for (;;) {
        const bool behind = std::any_of(arena.racers.begin(), arena.racers.end(),
                                        [&](const Racer& r) { return !r.runner->finished() && r.told <= arena.round; });
        if (behind || race_finished(arena)) return;
        arena.round++;
        arena.round_begun = false;
    }
}

// Whether `racer` is still being handed its next trials: its trials in the frames train only once it
// is not, so that the ticks of the epoch clock never depend on where a frame's budget ran out.
bool filling(const ArenaState& arena, const Racer& racer, bool in_rounds) {
    if (in_rounds) return racer.batch > 0;
    return !racer.runner->finished() && !racer.waits && int(racer.out.size()) < arena.raced.at_once;
}

// Whether `racer` may be handed a trial now: as workers come free, whenever it has fewer than
// at_once out; in rounds (or paced, to be watched round by round), while it fills its batch, which
// begins once its last batch is told and the round it is in is over. Nothing of a batch is told
// before all of it is asked, so a loaded study's running trials are the start of one: the runner
// hands them out first, and the batch goes on as it would have.
bool may_hand_out(const ArenaState& arena, Racer& racer, bool in_rounds) {
    if (racer.runner->finished()) return false;
    if (in_rounds && racer.batch == 0 && racer.out.empty() && racer.told <= arena.round) racer.batch = arena.raced.at_once;
    return filling(arena, racer, in_rounds);
}

// One pass over the racers that may be handed a trial, fewest evaluations first so none falls
// behind while workers are few. A sampler's proposal is prepared in parts (a BO fit, then its
// maximization), each within the frame's budget. True if anything was done.
bool hand_out(ArenaState& arena, tune::FrameSlice& slice, bool in_rounds, bool to_workers, bool& out_of_time) {
    std::vector<Racer*> ready;
    for (Racer& racer : arena.racers)
        if (may_hand_out(arena, racer, in_rounds)) ready.push_back(&racer);
    std::stable_sort(ready.begin(), ready.end(), [](const Racer* a, const Racer* b) { return a->told < b->told; });
    bool done = false;
    for (Racer* racer : ready) {
        tune::PeakCost& cost = racer->step_cost[0];
        if (!slice.fits(expected_step_ms(arena.racers, *racer, 0))) {
            out_of_time = true;
            break;
        }
        cost.record(slice.run([&] {
            done = true;
            if (racer->runner->prepare_next()) return;
            std::optional<tune::TrialWork> work = racer->runner->start_trial();
            if (!work) {  // its budget is spent (finished), or Hyperband waits for a rung
                racer->batch = 0;
                racer->waits = !racer->out.empty();
                done = false;
                return;
            }
            Racer::OutTrial out;
            out.number = work->number;
            out.tick = racer->tick + 1;  // the next tick of its epoch clock, if it trains in the frames
            if (to_workers) {
                out.ticket = arena.pool->submit(std::move(*work), arena.next_fault.value_or(tune::WorkerFault::none));
                arena.next_fault.reset();
            } else {
                out.work = std::move(*work);
            }
            racer->out.push_back(std::move(out));
            racer->batch = std::max(racer->batch - 1, 0);
        }));
    }
    return done;
}

// One step of the racer's epoch clock in the frames: the next epoch of its trial (the lower number
// first) that has not trained in the current tick, or, once all have, the next tick. A trial handed
// out during a tick starts in the next: as at_once workers of equal speed would, which trial ends
// first never depends on where a frame's budget ran out. Replayed epochs (a trial restarted from its
// seed) take no tick, as if it resumed from a checkpoint. True if anything was done.
bool train_in_frames(const ArenaState& arena, Racer& racer, tune::FrameSlice& slice, bool in_rounds, bool& out_of_time) {
    if (filling(arena, racer, in_rounds)) return false;
    Racer::OutTrial* next = nullptr;
    bool running = false;
    for (Racer::OutTrial& o : racer.out) {
        if (!o.work || o.ended) continue;
        running = true;
        if (o.tick == racer.tick && (!next || o.number < next->number)) next = &o;
    }
    if (!running) return false;
    if (!next) {
        racer.tick++;
        return true;
    }
    tune::PeakCost& cost = racer.step_cost[1];
    if (!slice.fits(expected_step_ms(arena.racers, racer, 1))) {
        out_of_time = true;
        return false;
    }
    cost.record(slice.run([&] {
        tune::TrialWork& work = *next->work;
        const bool replayed = work.replay && work.replayed < work.trained;
        next->ended = work.train_epoch();
        next->epochs = work.epochs();
        if (!replayed || next->ended) {
            if (next->first_tick < 0) next->first_tick = racer.tick;
            next->tick = racer.tick + 1;
        }
        if (next->ended) work.ended_at = racer.runner->seconds();
    }));
    return true;
}

}  // namespace

bool race_in_workers(const ArenaState& arena) {
    return arena.make_pool && arena.workers > 0 && !arena.racers.empty() && is_network(arena.raced);
}

bool race_at_once(const ArenaState& arena) { return race_in_workers(arena) || (!arena.racers.empty() && arena.raced.at_once > 1); }

int trials_in_workers(const ArenaState& arena) {
    int count = 0;
    for (const Racer& racer : arena.racers)
        count += int(std::count_if(racer.out.begin(), racer.out.end(), [](const Racer::OutTrial& o) { return o.ticket >= 0 && !o.ended; }));
    return count;
}

void advance_at_once(ArenaState& arena, double budget_ms, bool one_round) {
    const bool to_workers = !one_round && race_in_workers(arena);
    if (to_workers && !arena.pool) arena.pool = arena.make_pool(arena.workers);
    if (arena.pool) hear_pool(arena);
    const bool paced = !one_round && arena.setup.pace > 0;
    const bool in_rounds = paced || arena.raced.parallel == tune::ParallelMode::batch_synchronous;
    const bool going = arena.racing || one_round;
    const int round = arena.round;
    tune::FrameSlice slice(budget_ms);
    bool out_of_time = false;
    while (!out_of_time) {
        tell_ended(arena, in_rounds);
        count_rounds(arena);
        if (!going || race_finished(arena) || (one_round && arena.round > round)) break;
        bool done = false;
        if (!paced || arena.round_begun || arena.round_credit.take_one()) {
            arena.round_begun = true;
            done = hand_out(arena, slice, in_rounds, to_workers, out_of_time);
        }
        for (Racer& racer : arena.racers)
            if (!out_of_time) done = train_in_frames(arena, racer, slice, in_rounds, out_of_time) || done;
        if (!done) break;
    }
    arena.last_slice_ms = slice.elapsed_ms();
    if (race_finished(arena)) arena.racing = false;
}

std::optional<EpochTimeline> epoch_timeline(const Racer& racer) {
    EpochTimeline timeline = racer.ticked;
    for (const Racer::OutTrial& o : racer.out)
        if (o.work && o.ticket < 0) timeline[o.number].push_back(o.stretch());
    for (const tune::Trial& t : racer.runner->study().trials()) {
        const auto found = timeline.find(t.number);
        if (t.spans.size() != (found == timeline.end() ? 0 : found->second.size())) return std::nullopt;
    }
    return timeline;
}

double busy_share(const EpochTimeline& timeline, int at_once) {
    int first = INT_MAX, last = INT_MIN, busy = 0;
    for (const auto& [number, stretches] : timeline)
        if (!stretches.empty()) {  // its first stretch: a new configuration (later ones: promotions)
            first = std::min(first, stretches.front().first);
            last = std::max(last, stretches.front().first);
        }
    for (const auto& [number, stretches] : timeline)
        for (const auto& [start, end] : stretches) busy += std::max(std::min(end, last) - start, 0);
    return last > first ? double(busy) / (at_once * (last - first)) : NAN;
}

void forget_workers(ArenaState& arena) {
    if (arena.pool) arena.pool->drop_queued();
    for (Racer& racer : arena.racers) {
        racer.out.clear();
        racer.batch = 0;
        racer.waits = false;
    }
    arena.last_failure.reset();
}

// One trial at a time, a trial comes back as the runner's running one, for the race loop of
// arena.cpp to step; several come back as work trained here in turns.
void recall_workers(ArenaState& arena) {
    if (arena.pool) arena.pool->drop_queued();
    for (Racer& racer : arena.racers) {
        for (Racer::OutTrial& o : racer.out) {
            if (o.ticket < 0 || o.ended) continue;
            if (arena.raced.at_once > 1) {
                o = Racer::OutTrial{.number = o.number, .work = racer.runner->rework(o.number)};
                o.tick = racer.tick + 1;
            } else {
                racer.runner->take_back(o.number);
                o.number = -1;
            }
        }
        std::erase_if(racer.out, [](const Racer::OutTrial& o) { return o.number < 0; });
    }
}

void offer_workers(ArenaState& arena, int cores, std::function<std::unique_ptr<tune::TrialPool>(int)> make_pool) {
    arena.cores = std::max(cores, 1);
    arena.workers = tune::default_pool_size(arena.cores);
    arena.make_pool = std::move(make_pool);
}

namespace {
// The pool's size; 0: none, the trials out with workers come back to the frames.
void set_workers(ArenaState& arena, int count) {
    if (count == 0) recall_workers(arena);
    arena.workers = count;
    if (arena.pool && count > 0) arena.pool->resize(count);
}
}  // namespace

void draw_workers(AppState& app) {
    ArenaState& arena = app.arena;
    const Translator& tr = app.tr;
    if (!is_network(arena.setup) && !is_network(arena.raced)) return;
    if (!arena.make_pool) {
        ImGui::TextDisabled("%s", tr("Trials train in the page's frames: this browser offers no background workers."));
        return;
    }
    // At least 2, so that a 2-core machine (default 1) can still try two at once; 0: none, the frames.
    const int most = std::clamp(arena.cores, 2, limits::kMaxJobs);
    int workers = arena.workers;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (slider_int(tr.label("Workers").c_str(), workers, 0, most, "arena.workers")) {
        set_workers(arena, workers);
    }
    char help[512];
    std::snprintf(help, sizeof help,
                  tr("Background workers train trials side by side while the page only draws. This machine has %d cores; the default "
                     "leaves one for the page: %d. At 0 the page trains them itself, in its frames."),
                  arena.cores, tune::default_pool_size(arena.cores));
    tooltip(help);
    if (arena.workers == 0) {  // switched off (the hook, or a lesson that plays the workers in the page)
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("Off: trials train in the page's frames."));
    }
    // One bar per worker on the slider's line, busy or idle, so that the views below never move
    // as trials come and go (a click aimed at a tab must land on it).
    std::vector<std::pair<const Racer*, const Racer::OutTrial*>> busy;
    for (const Racer& racer : arena.racers)
        for (const Racer::OutTrial& o : racer.out)
            if (o.ticket >= 0 && o.worker >= 0 && !o.ended) busy.emplace_back(&racer, &o);
    std::sort(busy.begin(), busy.end(), [](const auto& a, const auto& b) { return a.second->worker < b.second->worker; });
    const int slots = arena.workers;
    if (slots > 0) ImGui::SameLine();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = std::max((ImGui::GetContentRegionAvail().x - spacing * float(slots - 1)) / float(std::max(slots, 1)), 1.0f);
    for (int slot = 0; slot < slots; ++slot) {
        if (slot > 0) ImGui::SameLine();
        char overlay[160];
        float fraction = 0;
        if (size_t(slot) < busy.size()) {
            const Racer& racer = *busy[size_t(slot)].first;
            const Racer::OutTrial& w = *busy[size_t(slot)].second;
            const tune::Trial& trial = racer.runner->study().trial(w.number);
            const int epochs = trial.budget > 0 ? trial.budget : racer.runner->objective().trial_epochs(trial.params);
            std::snprintf(overlay, sizeof overlay, tr("worker %d: %s #%d, trial %d, epoch %d/%d"), w.worker + 1,
                          arena_strategy_label(racer.strategy, tr), racer.repeat + 1, w.number, w.epochs, epochs);
            fraction = float(w.epochs) / float(std::max(epochs, 1));
        } else {
            std::snprintf(overlay, sizeof overlay, "%s", tr("idle"));
        }
        progress_bar(fraction, ImVec2(width, 0), overlay);
        if (size_t(slot) < busy.size()) tooltip(overlay);  // the bar may be too narrow for all of it
    }
    if (arena.last_failure && size_t(arena.last_failure->first) < arena.racers.size()) {
        const Racer& racer = arena.racers[size_t(arena.last_failure->first)];
        char text[512];
        std::snprintf(text, sizeof text, tr("%s #%d, trial %d failed in a worker (%s); the race goes on."),
                      arena_strategy_label(racer.strategy, tr), racer.repeat + 1, arena.last_failure->second,
                      racer.failures.at(arena.last_failure->second).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.15f, 0.10f, 1));
        wrapped_text(text);
        ImGui::PopStyleColor();
    }
}

json::Value workers_json(const ArenaState& arena) {
    json::Array busy, failures;
    std::map<int, int> trainings;  // by worker, from the trials' timelines
    for (const Racer& racer : arena.racers)
        for (const tune::Trial& t : racer.runner->study().trials())
            for (const tune::TrialSpan& span : t.spans)
                if (span.end >= 0 && span.worker >= 0) trainings[span.worker]++;
    json::Value per_worker = json::Object{};
    for (const auto& [worker, count] : trainings) per_worker[std::to_string(worker)] = count;
    for (size_t i = 0; i < arena.racers.size(); ++i) {
        const Racer& racer = arena.racers[i];
        for (const auto& [number, reason] : racer.failures)
            failures.push_back(json::Object{{"racer", int(i)}, {"number", number}, {"reason", reason}});
        for (const Racer::OutTrial& o : racer.out)
            busy.push_back(json::Object{{"worker", o.worker},
                                        {"racer", int(i)},
                                        {"strategy", racer.strategy},
                                        {"repeat", racer.repeat},
                                        {"number", o.number},
                                        {"epochs", o.epochs},
                                        {"in_frames", o.ticket < 0}});
    }
    return json::Object{{"available", bool(arena.make_pool)},
                        {"cores", arena.cores},
                        {"count", arena.workers},
                        {"in_workers", race_in_workers(arena)},
                        {"in_flight", trials_in_workers(arena)},
                        {"busy", std::move(busy)},
                        {"failures", std::move(failures)},
                        {"trials_per_worker", std::move(per_worker)}};
}

json::Value arena_workers_command(AppState& app, const hook::Request& request) {
    ArenaState& arena = app.arena;
    const std::optional<int> count = request.integer("count", "\"count\" must be a number of workers from 0", 0, limits::kMaxJobs);
    constexpr const char* kFault = "\"fault\" must be none, trial_throws or worker_dies";
    const std::optional<tune::WorkerFault> fault = request.choice<tune::WorkerFault>("fault", kFault);
    if (request.has("fault") && !fault) throw hook::Refusal(kFault);
    if (count) {
        if (*count > 0 && !arena.make_pool) throw hook::Refusal("no background workers here (no Web Workers, or a test build)");
        set_workers(arena, *count);
    }
    if (fault) arena.next_fault = *fault == tune::WorkerFault::none ? std::nullopt : std::optional(*fault);
    return workers_json(arena);
}

}  // namespace tunelab::ui
