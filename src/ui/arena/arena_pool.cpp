// The race with background workers: hearing the pool, handing out trials, the pool's controls.
#include "ui/arena/arena_pool.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "core/limits.h"
#include "ui/app.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

int racer_with_ticket(const ArenaState& arena, int ticket) {
    for (size_t i = 0; i < arena.racers.size(); ++i)
        if (arena.racers[i].in_worker && arena.racers[i].in_worker->ticket == ticket) return int(i);
    return -1;  // a trial of a race since replaced: it ends unheard
}

void hear_pool(ArenaState& arena) {
    for (tune::PoolUpdate& update : arena.pool->poll()) {
        const int index = racer_with_ticket(arena, update.ticket);
        if (index < 0) continue;
        Racer& racer = arena.racers[size_t(index)];
        racer.in_worker->worker = update.worker;
        racer.in_worker->epochs = update.epochs;
        if (!update.finished) continue;
        const int number = update.finished->number;
        update.finished->worker = update.worker;  // for the timeline
        if (!update.finished->error.empty()) {
            racer.failures[number] = update.finished->error;
            arena.last_failure = {index, number};
        }
        racer.runner->finish_trial(std::move(*update.finished));
        racer.in_worker.reset();
        count_told(racer);
    }
}

// Whether `racer` may be handed its next trial now: in rounds (or paced, to be watched round by
// round) only once the round it is in is over; as workers come free, whenever it has none running.
bool may_hand_out(const ArenaState& arena, const Racer& racer, bool in_rounds) {
    if (racer.runner->finished() || racer.in_worker) return false;
    return !in_rounds || racer.told <= arena.round;
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

}  // namespace

bool race_in_workers(const ArenaState& arena) {
    return arena.make_pool && arena.workers > 0 && !arena.racers.empty() && is_network(arena.raced);
}

int trials_in_workers(const ArenaState& arena) {
    return int(std::count_if(arena.racers.begin(), arena.racers.end(), [](const Racer& r) { return r.in_worker.has_value(); }));
}

void advance_in_workers(ArenaState& arena, double budget_ms) {
    if (!arena.pool) arena.pool = arena.make_pool(arena.workers);
    hear_pool(arena);
    count_rounds(arena);
    const bool paced = arena.setup.pace > 0;
    const bool in_rounds = paced || arena.raced.parallel == tune::ParallelMode::batch_synchronous;
    tune::FrameSlice slice(budget_ms);
    while (arena.racing) {
        if (paced && !arena.round_begun && !arena.round_credit.take_one()) break;
        arena.round_begun = true;
        // The racers with the fewest evaluations first, so none falls behind while workers are few.
        std::vector<Racer*> ready;
        for (Racer& racer : arena.racers)
            if (may_hand_out(arena, racer, in_rounds)) ready.push_back(&racer);
        std::stable_sort(ready.begin(), ready.end(), [](const Racer* a, const Racer* b) { return a->told < b->told; });
        bool out_of_time = false, handed = false;
        for (Racer* racer : ready) {
            // A sampler's proposal is prepared in parts (a BO fit, then its maximization), each
            // within the frame's budget, as in the race in the frames.
            tune::PeakCost& cost = racer->step_cost[0];
            if (!slice.fits(cost.expected_ms())) {
                out_of_time = true;
                break;
            }
            cost.record(slice.run([&] {
                if (racer->runner->prepare_next()) return;
                std::optional<tune::TrialWork> work = racer->runner->start_trial();
                if (!work) return;  // its budget is spent: finished
                const int number = work->number;
                const int ticket = arena.pool->submit(std::move(*work), arena.next_fault.value_or(tune::WorkerFault::none));
                racer->in_worker = Racer::InWorker{ticket, number};
                arena.next_fault.reset();
                handed = true;
            }));
        }
        count_rounds(arena);
        if (out_of_time || (!handed && ready.empty())) break;
    }
    arena.last_slice_ms = slice.elapsed_ms();
    if (race_finished(arena)) arena.racing = false;
}

void forget_workers(ArenaState& arena) {
    if (arena.pool) arena.pool->drop_queued();
    for (Racer& racer : arena.racers) racer.in_worker.reset();
    arena.last_failure.reset();
}

void recall_workers(ArenaState& arena) {
    if (arena.pool) arena.pool->drop_queued();
    for (Racer& racer : arena.racers) {
        if (!racer.in_worker) continue;
        racer.runner->take_back(racer.in_worker->number);
        racer.in_worker.reset();
    }
}

void offer_workers(ArenaState& arena, int cores, std::function<std::unique_ptr<tune::TrialPool>(int)> make_pool) {
    arena.cores = std::max(cores, 1);
    arena.workers = tune::default_pool_size(arena.cores);
    arena.make_pool = std::move(make_pool);
}

void draw_workers(AppState& app) {
    ArenaState& arena = app.arena;
    const Translator& tr = app.tr;
    if (!is_network(arena.setup) && !is_network(arena.raced)) return;
    if (!arena.make_pool) {
        ImGui::TextDisabled("%s", tr("Trials train in the page's frames: this browser offers no background workers."));
        return;
    }
    // At least 2, so that a 2-core machine (default 1) can still try two at once.
    const int most = std::clamp(arena.cores, 2, limits::kMaxJobs);
    int workers = std::max(arena.workers, 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (slider_int(tr.label("Workers").c_str(), workers, 1, most, "arena.workers")) {
        arena.workers = workers;
        if (arena.pool) arena.pool->resize(workers);
    }
    char help[512];
    std::snprintf(help, sizeof help,
                  tr("Background workers train trials side by side while the page only draws. This machine has %d cores; the default "
                     "leaves one for the page: %d."),
                  arena.cores, tune::default_pool_size(arena.cores));
    tooltip(help);
    // One bar per worker on the slider's line, busy or idle, so that the views below never move
    // as trials come and go (a click aimed at a tab must land on it).
    std::vector<const Racer*> busy;
    for (const Racer& racer : arena.racers)
        if (racer.in_worker && racer.in_worker->worker >= 0) busy.push_back(&racer);
    std::sort(busy.begin(), busy.end(), [](const Racer* a, const Racer* b) { return a->in_worker->worker < b->in_worker->worker; });
    const int slots = std::max(arena.workers, 1);
    ImGui::SameLine();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = std::max((ImGui::GetContentRegionAvail().x - spacing * float(slots - 1)) / float(slots), 1.0f);
    for (int slot = 0; slot < slots; ++slot) {
        if (slot > 0) ImGui::SameLine();
        char overlay[160];
        float fraction = 0;
        if (size_t(slot) < busy.size()) {
            const Racer& racer = *busy[size_t(slot)];
            const Racer::InWorker& w = *racer.in_worker;
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
        if (!racer.in_worker) continue;
        busy.push_back(json::Object{{"worker", racer.in_worker->worker},
                                    {"racer", int(i)},
                                    {"strategy", racer.strategy},
                                    {"repeat", racer.repeat},
                                    {"number", racer.in_worker->number},
                                    {"epochs", racer.in_worker->epochs}});
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
        if (*count == 0) recall_workers(arena);
        arena.workers = *count;
        if (arena.pool && *count > 0) arena.pool->resize(*count);
    }
    if (fault) arena.next_fault = *fault == tune::WorkerFault::none ? std::nullopt : std::optional(*fault);
    return workers_json(arena);
}

}  // namespace tunelab::ui
