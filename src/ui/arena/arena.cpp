// The arena's page layout, its one race loop and its hook commands.
#include "ui/arena/arena.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "core/validate.h"
#include "tune/hyperband.h"
#include "tune/mlp_objective.h"
#include "tune/scheduler.h"
#include "tune/strategy.h"
#include "tune/tunable.h"
#include "ui/app.h"
#include "ui/arena/arena_analysis.h"
#include "ui/arena/arena_pool.h"
#include "ui/arena/arena_tradeoff.h"
#include "ui/arena/arena_resume.h"
#include "ui/arena/arena_views.h"
#include "ui/arena/arena_warm.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

bool behind(const Racer& racer, int round) { return !racer.runner->finished() && racer.told <= round; }

// ξ/κ apply to the running BO samplers at once: the next proposal and the views use them.
void apply_acquisition_settings(ArenaState& arena) {
    for (Racer& racer : arena.racers) {
        auto* bayes = dynamic_cast<tune::BayesSampler*>(&racer.runner->sampler());
        if (!bayes) continue;
        tune::Acquisition acq = bayes->options().acquisition;
        if (acq.xi == arena.setup.xi && acq.kappa == arena.setup.kappa) continue;
        acq.xi = arena.setup.xi;
        acq.kappa = arena.setup.kappa;
        bayes->set_acquisition(acq);
    }
}

}  // namespace

std::unique_ptr<tune::Sampler> make_race_sampler(const std::string& strategy, const ArenaSetup& s, int max_epochs) {
    tune::SamplerOptions options;
    options.budget = s.trials;
    options.max_epochs = max_epochs;
    options.acquisition.xi = s.xi;
    options.acquisition.kappa = s.kappa;
    options.constant_liar = s.at_once > 1;  // as `study --jobs`: simultaneous proposals spread out
    return tune::make_strategy_sampler(strategy, options);
}

void count_told(Racer& racer) {
    racer.told++;
    const tune::Study& study = racer.runner->study();
    const tune::Trial* best = study.best();
    racer.epochs_log.push_back(epochs_trained(study));
    racer.best_log.push_back(best ? *best->value : NAN);
}

double expected_step_ms(const std::vector<Racer>& peers, const Racer& racer, int kind) {
    if (racer.step_cost[kind].expected_ms() > 0) return racer.step_cost[kind].expected_ms();
    double dearest = 0;
    for (const Racer& other : peers) dearest = std::max(dearest, other.step_cost[kind].expected_ms());
    return dearest;
}

namespace {

// One step of `racer` if its expected cost for that kind of step (a sampler's or a training step)
// still fits in the slice; false when out of time.
bool step_in_budget(const std::vector<Racer>& peers, Racer& racer, tune::FrameSlice& slice) {
    const int kind = racer.runner->running() < 0 ? 0 : 1;
    tune::PeakCost& cost = racer.step_cost[kind];
    if (!slice.fits(expected_step_ms(peers, racer, kind))) return false;
    const double spent = slice.run([&] {
        if (racer.runner->step() == tune::RunEvent::told) count_told(racer);
    });
    cost.record(spent);
    return true;
}

// The one race loop. Racers advance round-robin by single steps (one epoch, one test-function
// evaluation, or a part of a sampler's proposal) so that a slow strategy cannot starve the others; a
// round ends when every racer has finished one more evaluation. Steps run while they fit in
// `budget_ms`; after one round, if asked, it stops anyway. A paced race (setup.pace > 0) begins a
// round only when a round's worth of time has accrued; a round once begun runs to its end at full
// speed. Stepping one round ignores the pace.
void advance(ArenaState& arena, double budget_ms, bool one_round) {
    apply_acquisition_settings(arena);  // a ξ/κ changed through the hook counts from the next trial too
    const bool paced = !one_round && arena.setup.pace > 0;
    tune::FrameSlice slice(budget_ms);
    bool out_of_time = false;
    while (!out_of_time) {
        if (paced && !arena.round_begun && !arena.round_credit.take_one()) break;
        arena.round_begun = true;
        bool stepped = false;
        for (Racer& racer : arena.racers) {
            if (!behind(racer, arena.round)) continue;
            out_of_time = !step_in_budget(arena.racers, racer, slice);
            if (out_of_time) break;
            stepped = true;
        }
        if (!stepped && !out_of_time) {  // nobody behind: the round is complete
            if (race_finished(arena)) break;
            arena.round++;
            arena.round_begun = false;
            if (one_round) break;
        }
    }
    arena.last_slice_ms = slice.elapsed_ms();
    if (race_finished(arena)) arena.racing = false;
}

// The true landscape's trainings get what the race leaves of the frame (half of it while both run).
void advance_landscape(ArenaState& arena, double budget_ms) {
    if (!arena.landscape) return;
    Racer& grid = arena.landscape->racer;
    tune::FrameSlice slice(budget_ms);
    while (!grid.runner->finished() && step_in_budget({}, grid, slice)) {}  // on its own costs
}

// ------------------------------------------------------------------------------------ controls

void draw_racer_progress(const ArenaState& arena, const Racer& racer, const Translator& tr, float label_width) {
    const tune::Study& study = racer.runner->study();
    const int done = int(std::count_if(study.trials().begin(), study.trials().end(),
                                       [](const tune::Trial& t) { return t.status != tune::TrialStatus::running; }));
    const int budget = racer.runner->budget();
    const float fraction = racer.runner->finished() ? 1.0f : std::min(1.0f, float(done) / float(std::max(budget, 1)));
    // The bar's text in parts, most important first; a part goes in only while the text still fits the
    // bar (ImGui would cut a longer text off at its start): a phone's bar says the trials and the best.
    const auto part = [](const char* format, auto... values) {
        char text[128];
        std::snprintf(text, sizeof text, format, values...);
        return std::string(text);
    };
    std::vector<std::string> parts{part(tr("%d / %d trials"), done, budget)};
    const tune::Trial* best = study.best();
    if (best && is_network(arena.raced) && arena.raced.metric == "val_accuracy")
        parts.push_back(part(tr(" · best accuracy %.1f%%"), 100 * (1 - *best->value)));
    else if (best)
        parts.push_back(part(tr(" · best %.4g"), *best->value));
    // Training cost in epochs: what Hyperband saves by stopping weak trials early.
    if (is_network(arena.raced)) parts.push_back(part(tr(" · %d epochs"), epochs_trained(study)));
    // From the wall time spent racing (frames share it with drawing; a paced race waits between
    // rounds), and only while racing: a paused race has no time left to estimate.
    if (!racer.runner->finished() && done > 0 && arena.racing)
        parts.push_back(part(tr(" · ETA %.0f s"), std::ceil(arena.racing_seconds / done * (budget - done))));
    ImGui::TextUnformatted(arena_strategy_label(racer.strategy, tr));
    if (arena.raced.repeats > 1) {
        ImGui::SameLine(0, 4);
        ImGui::TextDisabled("#%d", racer.repeat + 1);
    }
    ImGui::SameLine(label_width);
    const float room = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemInnerSpacing.x;
    std::string overlay = parts.front();
    for (size_t i = 1; i < parts.size() && ImGui::CalcTextSize((overlay + parts[i]).c_str()).x <= room; ++i) overlay += parts[i];
    progress_bar(fraction, ImVec2(-1, 0), overlay.c_str());
}

std::string pace_text(double pace, const Translator& tr) {
    if (pace <= 0) return tr("fastest");
    char text[64];
    std::snprintf(text, sizeof text, tr("%g rounds per second"), pace);
    return text;
}

// The pace applies at once, racing or not: it decides when trials happen, never which.
void draw_pace_combo(ArenaState& arena, const Translator& tr) {
    const std::vector<double>& paces = arena_paces();
    std::vector<std::string> texts, names;
    for (const double pace : paces) {
        texts.push_back(pace_text(pace, tr));
        names.push_back(pace > 0 ? json::format_number(pace) : "fastest");  // arena.pace.4, arena.pace.fastest
    }
    std::vector<const char*> labels;
    for (const std::string& t : texts) labels.push_back(t.c_str());
    int current = int(std::find(paces.begin(), paces.end(), arena.setup.pace) - paces.begin());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (named_combo(tr.label("Pace").c_str(), current, labels, names, "arena.pace")) arena.setup.pace = paces[size_t(current)];
    tooltip(
        tr("How many rounds the race runs per second, so you can watch where each strategy looks. At the fastest pace it runs as many as "
           "the frames allow; the trials are the same at any pace."));
}

void draw_race_controls(AppState& app) {
    ArenaState& arena = app.arena;
    const Translator& tr = app.tr;
    draw_resume_banner(app);
    ImGui::BeginDisabled(!arena.issues.empty());
    if (controls::named("arena.start", ImGui::Button(tr.label("▶ Start race").c_str()))) start_race(app);
    ImGui::EndDisabled();
    tooltip(tr("Builds one study per strategy (and seed) and runs them in lock-step: one trial each per round."));
    const bool has_race = !arena.racers.empty() && !race_finished(arena);
    ImGui::BeginDisabled(!has_race);
    same_line_if_fits(button_width(tr("Resume")));
    if (arena.racing ? controls::named("arena.pause", ImGui::Button(tr.label("Pause").c_str()))
                     : controls::named("arena.resume", ImGui::Button(tr.label("Resume").c_str()))) {
        if (arena.racing) arena.racing = false;
        else resume_race(arena);
    }
    same_line_if_fits(button_width(tr("Step one round")));
    if (controls::named("arena.step", ImGui::Button(tr.label("Step one round").c_str()))) {
        arena.racing = false;
        advance_round(arena);
    }
    tooltip(tr("Every strategy evaluates one more trial (with several trials at once, one more batch of them), then the race "
               "pauses: look at where each one chose to go."));
    ImGui::EndDisabled();
    draw_reuse_button(app);  // once the race has finished
    same_line_if_fits(ImGui::GetFontSize() * 16);
    draw_pace_combo(arena, tr);
    if (!arena.racers.empty()) {
        ImGui::SameLine();
        // Rounds completed, like the bars' trials: "Round 12" used to show while the 13th ran.
        ImGui::TextDisabled(tr("Rounds done: %d"), arena.round);
        tooltip(
            tr("In a round every strategy finishes one more evaluation: a trial, or for Hyperband a trial or a promotion to a longer "
               "training."));
    }
    if (!arena.error.empty()) ImGui::TextColored(ImVec4(0.80f, 0.15f, 0.10f, 1), "%s", arena.error.c_str());
    if (!arena.issues.empty())
        ImGui::TextColored(ImVec4(0.80f, 0.15f, 0.10f, 1), "%s", tr("A set-up field is refused (marked in red): fix it to race."));

    float label_width = 0;
    for (const Racer& racer : arena.racers)
        label_width = std::max(label_width, ImGui::CalcTextSize(arena_strategy_label(racer.strategy, tr)).x);
    label_width += ImGui::GetFontSize() * (arena.raced.repeats > 1 ? 3.0f : 1.0f);
    for (const Racer& racer : arena.racers) {
        if (racer.repeat > 0) continue;  // one bar per strategy; repeats follow the same schedule
        draw_racer_progress(arena, racer, tr, label_width);
    }
    draw_workers(app);
}

// --------------------------------------------------------------------------------------- hook

json::Value number_or_null(std::optional<double> value) {
    json::Value out;
    if (value && std::isfinite(*value)) out = *value;
    return out;
}

json::Value racer_json(const Racer& racer) {
    const tune::Study& study = racer.runner->study();
    json::Array trials;
    for (const tune::Trial& t : study.trials())
        trials.push_back(json::Object{{"number", t.number},
                                      {"params", tune::params_to_json(study.space(), t.params)},
                                      {"value", number_or_null(t.value)},
                                      {"status", name(t.status)}});
    json::Array best_so_far;
    for (double v : study.best_so_far()) best_so_far.push_back(number_or_null(v));
    const tune::Trial* best = study.best();
    return json::Object{{"strategy", racer.strategy},
                        {"repeat", racer.repeat},
                        {"finished", racer.runner->finished()},
                        {"trials", std::move(trials)},
                        {"best_value", number_or_null(best ? best->value : std::nullopt)},
                        {"best_so_far", std::move(best_so_far)},
                        {"epochs", epochs_trained(study)}};
}

// {x, y, cols, rows, done, total, values: row-major, null where not trained} or null.
json::Value landscape_json(const ArenaState& arena) {
    if (!arena.landscape) return json::Value();
    const LandscapeGrid& grid = *arena.landscape;
    const tune::Space& space = grid.racer.runner->study().space();
    json::Array values;
    for (double v : landscape_values(grid)) values.push_back(number_or_null(v));
    return json::Object{{"x", space.params()[0].name},
                        {"y", space.params()[1].name},
                        {"cols", grid.cols},
                        {"rows", grid.rows},
                        {"done", landscape_done(grid)},
                        {"total", grid.cols * grid.rows},
                        {"values", std::move(values)}};
}

json::Value status_json(const AppState& app) {
    const ArenaState& arena = app.arena;
    json::Array racers;
    for (const Racer& racer : arena.racers) racers.push_back(racer_json(racer));
    return json::Object{{"racing", arena.racing},
                        {"round", arena.round},
                        {"finished", !arena.racers.empty() && race_finished(arena)},
                        {"setup", arena_setup_to_json(arena.setup)},
                        {"last_slice_ms", arena.last_slice_ms},
                        {"racers", std::move(racers)},
                        {"interrupted", interruption_json(arena)},
                        {"landscape", landscape_json(arena)},
                        {"view", json::Object{{"tab", std::string(name(arena.view))},
                                              {"x", arena.dim_x},
                                              {"y", arena.dim_y},
                                              {"progress_x", std::string(name(arena.progress_x))},
                                              {"table", arena.table_racer},
                                              {"bayes_with_noise", arena.bayes_with_noise}}},
                        {"workers", workers_json(arena)},
                        {"summary", race_summary(arena, app.tr)}};
}

}  // namespace

int epochs_trained(const tune::Study& study) {
    int epochs = 0;
    for (const tune::Trial& t : study.trials()) epochs += int(t.intermediate.size());
    return epochs;
}

bool race_finished(const ArenaState& arena) {
    return std::all_of(arena.racers.begin(), arena.racers.end(), [](const Racer& r) { return r.runner->finished(); });
}

std::vector<std::shared_ptr<const tune::Objective>> make_race_objectives(const ArenaSetup& s,
                                                                         const std::optional<PreparedData>& lab_data,
                                                                         const TrainConfig& lab_run) {
    if (!is_network(s)) return std::vector(size_t(s.repeats), tune::make_objective(s.objective, s.noise));
    if (!lab_data) throw std::invalid_argument(tr_key("the lab's data set could not be prepared"));
    const bool accuracy = s.metric == "val_accuracy";
    if (accuracy && lab_data->info.task != Task::classification)
        throw std::invalid_argument(tr_key("Validation accuracy needs a classification data set: score by the validation loss."));
    // Accuracy is scored as the validation error, 1 − accuracy, so every study still minimizes.
    const tune::MlpObjective network(*lab_data, lab_run, "lab",
                                     accuracy ? tune::MlpScore::validation_error : tune::MlpScore::validation_loss, s.epochs,
                                     setup_space(s));
    std::vector<std::shared_ptr<const tune::Objective>> out;
    for (int r = 0; r < s.repeats; ++r) out.push_back(std::make_shared<tune::MlpObjective>(network.with_common_seed(uint64_t(s.seed + r))));
    return out;
}

Racer make_racer(const ArenaSetup& s, const std::string& strategy, int repeat, tune::Study study,
                 std::shared_ptr<const tune::Objective> objective) {
    Racer racer;
    racer.strategy = strategy;
    racer.repeat = repeat;
    // The gradient-based strategy trains the same network with its learning rate adapting.
    if (const auto* mlp = dynamic_cast<const tune::MlpObjective*>(objective.get()); mlp && tune::find_strategy(strategy)->hypergradient)
        objective = std::make_shared<const tune::MlpObjective>(mlp->with_hypergradient());
    std::unique_ptr<tune::Sampler> sampler = make_race_sampler(strategy, s, objective->max_epochs());
    racer.runner = std::make_unique<tune::StudyRunner>(std::move(study), std::move(sampler), std::move(objective), s.trials);
    racer.told = tune::StudyRunner::evaluations_told(racer.runner->study());
    // A restored study's log, replayed in trial order (exact but for Hyperband's promotions, whose
    // epochs count at their trial's place).
    const tune::Study& restored = racer.runner->study();
    double epochs = 0, best = NAN;
    for (const tune::Trial& t : restored.trials()) {
        if (t.status == tune::TrialStatus::running) continue;
        epochs += double(t.intermediate.size());
        if (t.status == tune::TrialStatus::complete && t.value && (std::isnan(best) || restored.better(*t.value, best))) best = *t.value;
        racer.epochs_log.push_back(epochs);
        racer.best_log.push_back(best);
    }
    return racer;
}

int hyperband_bracket_size(const ArenaSetup& s) {
    const bool hyperband = std::find(s.strategies.begin(), s.strategies.end(), "hyperband") != s.strategies.end();
    if (!hyperband || !is_network(s)) return 0;
    const tune::HyperbandOptions options{s.epochs, tune::SamplerOptions{}.eta};  // as make_race_sampler builds it
    return tune::bracket_rungs(tune::max_bracket(options), options).front().configs;
}

void show_race(ArenaState& arena, const ArenaSetup& raced, std::shared_ptr<const tune::Objective> objective,
               std::vector<Racer> racers) {
    forget_workers(arena);
    arena.raced = raced;
    arena.objective = std::move(objective);
    arena.racers = std::move(racers);
    arena.round = 0;
    arena.racing = false;
    arena.interrupted.reset();
    arena.bayes_cache = {};
    arena.importance.clear();
    arena.dim_x = 0;
    arena.dim_y = arena.objective->space().size() > 1 ? 1 : 0;
    arena.table_racer = 0;
    arena.bayes_racer = -1;
    arena.round_begun = false;
    arena.racing_seconds = 0;
}

void resume_race(ArenaState& arena) {
    arena.racing = !arena.racers.empty() && !race_finished(arena);
    if (arena.racing) arena.interrupted.reset();
    arena.round_credit = {1};  // the next round begins at once
}

bool start_race(AppState& app) {
    ArenaState& arena = app.arena;
    arena.error.clear();
    arena.issues = validate(arena.setup);
    if (!arena.issues.empty()) {
        arena.error = app.tr("A set-up field is refused (marked in red): fix it to race.");
        return false;
    }
    std::vector<std::shared_ptr<const tune::Objective>> objectives;
    std::vector<Racer> racers;
    try {
        objectives = make_race_objectives(arena.setup, app.lab.data, app.lab.runs[0].config);
        for (const std::string& strategy : arena.setup.strategies)
            for (int r = 0; r < arena.setup.repeats; ++r) {
                const auto& objective = objectives[size_t(r)];
                tune::Study study(objective->space(), objective->direction(), uint64_t(arena.setup.seed + r),
                                  tune::strategy_objectives(strategy));
                if (tune::find_strategy(strategy)->cold) study.warm_start_from(warm_study(arena.setup.warm, objective->space()));
                racers.push_back(make_racer(arena.setup, strategy, r, std::move(study), objective));
            }
    } catch (const std::exception& e) {
        arena.error = app.tr(e.what());  // the reasons the learner can cause are translated
        return false;
    }
    show_race(arena, arena.setup, objectives.front(), std::move(racers));
    arena.raced_data = app.lab.data_config;
    arena.raced_run = app.lab.runs[0].config;
    resume_race(arena);
    return true;
}

// The trial's hyperparameters applied to the lab's settings, exactly as the race trained them.
std::string load_trial(AppState& app, int racer_index, int number) {
    ArenaState& arena = app.arena;
    if (racer_index < 0 || racer_index >= int(arena.racers.size())) return "no such racer";
    const tune::StudyRunner& runner = *arena.racers[size_t(racer_index)].runner;
    auto* mlp = dynamic_cast<const tune::MlpObjective*>(&runner.objective());
    if (!mlp || !app.lab.data) return "only trials of the lab objective can be loaded into the lab";
    if (number < 0 || number >= int(runner.study().trials().size())) return "no such trial";
    LabRun& run = app.lab.runs[0];
    run.config = mlp->config_for(runner.study().trial(number).params, mlp->common_seed().value_or(run.config.seed));
    run.issues = validate(run.config, app.lab.data->info);
    reset_runs(app.lab);
    app.page_requested = Page::lab;
    return {};
}

bool advance_round(ArenaState& arena) {
    if (arena.racers.empty() || race_finished(arena)) return false;
    recall_workers(arena);  // the round runs here, in the frames
    if (arena.raced.at_once > 1) advance_at_once(arena, 1e300, true);
    else advance(arena, 1e300, true);
    return true;
}

void advance_race(ArenaState& arena) {
    const double elapsed = arena.frame_clock.tick();
    if (arena.racing) {
        arena.racing_seconds += elapsed;
        // At most one round banked: after a slow frame or a pause the race does not rush ahead.
        if (arena.setup.pace > 0) arena.round_credit.accrue(arena.setup.pace, elapsed, 1);
    }
    arena.last_slice_ms = 0;
    forget_stale_landscape(arena);
    const bool computing = arena.landscape && !arena.landscape->racer.runner->finished();
    const double race_budget_ms = computing ? arena.frame_budget_ms / 2 : arena.frame_budget_ms;
    if (race_at_once(arena)) {
        if (arena.racing || trials_in_workers(arena) > 0) advance_at_once(arena, race_budget_ms);
    } else if (arena.racing) {
        advance(arena, race_budget_ms, false);
    }
    advance_landscape(arena, arena.frame_budget_ms - arena.last_slice_ms);
}

int landscape_points(const tune::Space& space, int dim, int k) {
    const tune::Param& p = space.params()[size_t(dim)];
    if (p.kind == tune::ParamKind::categorical) return int(p.choices.size());
    if (p.kind == tune::ParamKind::integer) return int(std::min<double>(k, p.high - p.low + 1));
    return k;
}

std::string start_landscape(ArenaState& arena, int k) {
    auto* mlp = dynamic_cast<const tune::MlpObjective*>(arena.objective.get());
    if (!mlp) return tr_key("The true landscape can be computed only for the lab objective (a test function's is known).");
    if (arena.dim_x == arena.dim_y) return tr_key("Pick two different hyperparameters for the axes.");
    if (k < 2 || k > 20) return tr_key("The grid needs 2 to 20 points per axis.");
    const tune::Space race = mlp->space();
    LandscapeGrid grid;
    grid.race = arena.objective;
    grid.dim_x = arena.dim_x;
    grid.dim_y = arena.dim_y;
    grid.racer.strategy = "grid";
    auto objective = std::make_shared<const tune::MlpObjective>(
        mlp->with_space(tune::Space({race.params()[size_t(arena.dim_x)], race.params()[size_t(arena.dim_y)]})));
    const int total = landscape_points(race, arena.dim_x, k) * landscape_points(race, arena.dim_y, k);
    // The sampler's own layout of that budget; in order (no shuffle) it walks x fastest: trial n is
    // column n % cols, row n / cols.
    const std::vector<int> points = tune::GridSampler::points_per_dimension(objective->space(), total);
    grid.cols = points[0];
    grid.rows = points[1];
    tune::Study study(objective->space(), objective->direction(), uint64_t(arena.raced.seed));
    grid.racer.runner = std::make_unique<tune::StudyRunner>(std::move(study), std::make_unique<tune::GridSampler>(total, false),
                                                            std::move(objective), grid.cols * grid.rows);
    arena.landscape = std::move(grid);
    return {};
}

void forget_stale_landscape(ArenaState& arena) {
    const std::optional<LandscapeGrid>& l = arena.landscape;
    if (l && (l->race != arena.objective || l->dim_x != arena.dim_x || l->dim_y != arena.dim_y)) arena.landscape.reset();
}

std::vector<double> landscape_values(const LandscapeGrid& grid) {
    std::vector<double> values(size_t(grid.cols * grid.rows), NAN);
    for (const tune::Trial& t : grid.racer.runner->study().trials())
        if (t.status == tune::TrialStatus::complete && t.value && t.number < int(values.size())) values[size_t(t.number)] = *t.value;
    return values;
}

int landscape_done(const LandscapeGrid& grid) {
    const auto& trials = grid.racer.runner->study().trials();
    return int(std::count_if(trials.begin(), trials.end(), [](const tune::Trial& t) { return t.status != tune::TrialStatus::running; }));
}

void draw_arena(AppState& app) {
    ArenaState& arena = app.arena;
    apply_acquisition_settings(arena);  // the views show the new ξ/κ even while paused

    const ImVec2 available = ImGui::GetContentRegionAvail();
    const bool wide = available.x >= 900;
    if (wide) {
        // Set-up on the left (collapsible), race controls and views filling the rest.
        const float setup_width = arena.setup_open ? std::clamp(available.x * 0.3f, 320.0f, 420.0f) : ImGui::GetFrameHeight() + 16;
        ImGui::BeginChild("##setup", ImVec2(setup_width, 0), false);
        if (controls::named("arena.setup_toggle", ImGui::ArrowButton("##collapse", arena.setup_open ? ImGuiDir_Left : ImGuiDir_Right)))
            arena.setup_open = !arena.setup_open;
        tooltip(app.tr("Hide or show the set-up to give the views more room."));
        if (arena.setup_open) {
            ImGui::SameLine();
            ImGui::TextUnformatted(app.tr("Set-up"));
            draw_setup_panel(app);
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##race", ImVec2(0, 0), false);
        draw_race_controls(app);
        ImGui::Separator();
        draw_arena_views(app, ImGui::GetContentRegionAvail());
        ImGui::EndChild();
    } else {
        // Phones: one scrolling column, the race first so it is visible without scrolling.
        ImGui::BeginChild("##column", ImVec2(0, 0), false);
        draw_race_controls(app);
        draw_arena_views(app, ImVec2(ImGui::GetContentRegionAvail().x, std::max(available.y * 0.7f, 420.0f)), false);
        draw_setup_panel(app);
        ImGui::EndChild();
    }
}

// ---------------------------------------------------------------------------------------- hook

namespace {

void require_race(const ArenaState& arena) {
    if (arena.racers.empty()) throw hook::Refusal("no race yet (arena.start)");
}

json::Value arena_status(AppState& app, const hook::Request&) { return status_json(app); }

json::Value arena_set(AppState& app, const hook::Request& request) {
    json::Value fields = request.body();
    std::erase_if(fields.as_object(), [](const auto& member) { return member.first == "cmd"; });
    std::vector<Issue> issues = arena_setup_from_json(app.arena.setup, fields);
    if (!issues.empty()) throw hook::Refusal("refused set-up", std::move(issues));
    app.arena.issues.clear();
    app.arena.racing = false;
    return json::Object{{"ok", true}, {"setup", arena_setup_to_json(app.arena.setup)}};
}

json::Value arena_start(AppState& app, const hook::Request&) {
    if (!start_race(app)) throw hook::Refusal(app.arena.error, app.arena.issues);
    return json::Object{{"ok", true}, {"racers", int(app.arena.racers.size())}};
}

json::Value arena_pause(AppState& app, const hook::Request&) {
    require_race(app.arena);
    app.arena.racing = false;
    return json::Object{{"ok", true}, {"racing", false}};
}

json::Value arena_resume(AppState& app, const hook::Request&) {
    require_race(app.arena);
    resume_race(app.arena);
    return json::Object{{"ok", true}, {"racing", app.arena.racing}};
}

json::Value arena_round(AppState& app, const hook::Request&) {
    require_race(app.arena);
    app.arena.racing = false;
    if (!advance_round(app.arena)) throw hook::Refusal("the race is finished");
    return status_json(app);
}

// The race to its end, in the frames' way (a lesson's set-up races the earlier study it reuses).
json::Value arena_finish(AppState& app, const hook::Request&) {
    require_race(app.arena);
    app.arena.racing = false;
    while (advance_round(app.arena)) {}
    return status_json(app);
}

json::Value arena_landscape(AppState& app, const hook::Request& request) {
    ArenaState& arena = app.arena;
    if (request.has("cancel")) {
        arena.landscape.reset();
        return hook::ok();
    }
    const std::optional<double> k = request.number("k", "\"k\" must be a number of grid points per axis");
    require_race(arena);
    const std::string refused = start_landscape(arena, k ? int(*k) : arena.landscape_k);
    if (!refused.empty()) throw hook::Refusal(refused);
    return landscape_json(arena);
}

json::Value arena_load_trial(AppState& app, const hook::Request& request) {
    constexpr const char* kMust = "needs numbers \"racer\" and \"number\"";
    const std::optional<double> racer = request.number("racer", kMust), number = request.number("number", kMust);
    if (!racer || !number) throw hook::Refusal(kMust);
    const std::string refused = load_trial(app, int(*racer), int(*number));
    if (!refused.empty()) throw hook::Refusal(refused);
    const tune::Study& study = app.arena.racers[size_t(*racer)].runner->study();
    return json::Object{{"ok", true}, {"params", tune::params_to_json(study.space(), study.trial(int(*number)).params)}};
}

json::Value arena_view(AppState& app, const hook::Request& request) {
    ArenaState& arena = app.arena;
    constexpr const char* kMust = "\"tab\" must be progress, landscape, bayes, trials, hyperband, timeline, analysis or tradeoffs";
    const std::optional<ArenaView> tab = request.choice<ArenaView>("tab", kMust);
    if (!tab) throw hook::Refusal(kMust);
    const int dims = arena.objective ? int(arena.objective->space().size()) : 0;
    const auto dim = [&](const char* key, int current) {
        const std::string must = std::string("\"") + key + "\" must be a parameter index of the race's space";
        return request.integer(key, must, 0, dims - 1).value_or(current);
    };
    const int x = dim("x", arena.dim_x), y = dim("y", arena.dim_y);
    arena.view = *tab;
    arena.view_requested = true;
    arena.dim_x = x;
    arena.dim_y = y;
    return hook::ok();
}

// Commands (all answer {"error": …, "issues"?: […]} and change nothing when refused):
//   arena.status                      {racing, round, finished, setup, racers:[{strategy, repeat, finished,
//                                     trials:[{number, params, value, status}], best_value, best_so_far, epochs}],
//                                     interrupted: {round, restored_trials} or null, landscape (see
//                                     arena.landscape_status), view: {tab, x, y, progress_x: trials |
//                                     epochs | seconds, table: the trial table's racer, bayes_with_noise: the
//                                     BO views' σ includes the fitted noise}, summary}
//   arena.set {setup fields…}         partial set-up update (see arena_setup_from_json); stops the race
//   arena.start                       a new race from the set-up
//   arena.pause / arena.resume
//   arena.discard                     drops the race (what the interrupted race's banner offers)
//   arena.round                       exactly one more round (pauses first), then the status
//   arena.finish                      every round left, at once (pauses first), then the status
//   arena.load_trial {racer, number}  that trial's settings into the lab (lab objective), shows the lab
//   arena.view {tab, x?, y?}          progress | landscape | bayes | trials | hyperband | timeline | analysis |
//                                     tradeoffs;
//                                     x, y: the 2-D views' parameters
//   arena.landscape {k?} | {cancel}   (lab objective) starts computing the true landscape over the
//                                     shown x, y (k points per continuous axis, default 8), or drops it
//   arena.landscape_status            {x, y, cols, rows, done, total, values: row-major, null where not
//                                     trained yet} or null
//   arena.workers {count?, fault?}   the background workers (arena_pool.h): pool size, a fault for the
//                                     next trial handed out; answers as status's "workers"
//   arena.analysis                    {importance: [{strategy, trials, shares: {param: share}}],
//                                     points: [{racer, number, flops, value, front}]} (complete trials)
//   arena.tradeoffs                   each strategy's fronts and hypervolume (arena_tradeoff.h)
constexpr hook::Command kCommands[] = {
    {"arena.status", arena_status},
    {"arena.set", arena_set},
    {"arena.start", arena_start},
    {"arena.pause", arena_pause},
    {"arena.resume", arena_resume},
    {"arena.discard", [](AppState& app, const hook::Request&) { discard_race(app.arena); return hook::ok(); }},
    {"arena.round", arena_round},
    {"arena.finish", arena_finish},
    {"arena.load_trial", arena_load_trial},
    {"arena.view", arena_view},
    {"arena.landscape", arena_landscape},
    {"arena.landscape_status", [](AppState& app, const hook::Request&) { return landscape_json(app.arena); }},
    {"arena.analysis", [](AppState& app, const hook::Request&) { return analysis_json(app.arena); }},
    {"arena.tradeoffs", [](AppState& app, const hook::Request&) { return tradeoff_json(app.arena); }},
    {"arena.workers", arena_workers_command},
};

}  // namespace

std::span<const hook::Command> arena_commands() { return kCommands; }

}  // namespace tunelab::ui
