// The views that explain a race rather than follow it: Hyperband's brackets (which configurations
// were stopped at which rung), parameter importance from a GP fitted to the trials, parallel
// coordinates of every finished trial, and the Pareto front of accuracy against training cost.
// All drawn with the plotting module from the racers' studies; nothing here runs trials.
#include "ui/arena/arena_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include "core/random.h"
#include "tune/hyperband.h"
#include "tune/insight.h"
#include "tune/mlp_objective.h"
#include "tune/pareto.h"
#include "ui/arena/arena_pool.h"
#include "ui/arena/arena_views.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {
namespace {

constexpr uint64_t kImportanceSeed = 0x1a2b3c;  // the importance estimate's Monte-Carlo samples
const ImU32 kStopped = IM_COL32(150, 150, 150, 200);
const ImU32 kStoppedMark = IM_COL32(90, 90, 90, 255);
const ImU32 kFront = IM_COL32(220, 40, 40, 255);

// ------------------------------------------------------------------------------------ Hyperband

// One bracket: every trial's learning curve; those stopped at a rung end there, grey, with a cross;
// those promoted to the full length stay in colour. Rungs are the vertical lines.
void draw_bracket(const ArenaState& arena, const tune::Study& study, const tune::BracketView& v, const Translator& tr, float width) {
    char caption[256];
    int length = std::snprintf(caption, sizeof caption, tr("Bracket %d: %d configurations × %d epochs"), v.bracket + 1,
                               v.rungs[0].configs, v.rungs[0].epochs);
    for (size_t i = 1; i < v.rungs.size() && length < int(sizeof caption); ++i)
        length += std::snprintf(caption + length, sizeof caption - size_t(length), " → %d × %d", v.rungs[i].configs, v.rungs[i].epochs);
    // Epochs are whole: named positions 0…R give integer ticks only.
    std::vector<std::string> numbers;
    for (int e = 0; e <= v.rungs.back().epochs; ++e) numbers.push_back(std::to_string(e));
    std::vector<const char*> names;
    for (const std::string& n : numbers) names.push_back(n.c_str());
    plot::Options opt;
    opt.title = caption;
    opt.x.label = tr("epoch");
    opt.x.min = 0.5;
    opt.x.max = v.rungs.back().epochs + 0.5;
    opt.x.categories = names.data();
    opt.x.category_count = int(names.size());
    opt.y.label = score_label(arena, tr);
    opt.y.log = log_scores(arena);
    opt.legend = false;
    if (!plot::begin("##bracket", ImVec2(width, 250), opt)) return;
    for (size_t i = 0; i < v.rungs.size(); ++i) {
        char text[32];
        std::snprintf(text, sizeof text, tr("rung %d"), int(i) + 1);
        plot::vline(v.rungs[i].epochs, IM_COL32(120, 120, 120, 160), text, {1.0f, true});
    }
    // Stopped ones first, so the promoted curves are drawn over them.
    for (const bool promoted : {false, true}) {
        int color = 0;
        for (const int number : v.trials[0]) {
            const tune::Trial& t = study.trial(number);
            const bool full = t.status == tune::TrialStatus::complete || t.status == tune::TrialStatus::running;
            if (t.intermediate.empty()) continue;
            if (full) ++color;
            if (full != promoted) continue;
            std::vector<double> epochs(t.intermediate.size());
            std::iota(epochs.begin(), epochs.end(), 1.0);
            char label[16];
            std::snprintf(label, sizeof label, "#%d", number);
            plot::line(label, epochs, t.intermediate, full ? plot::series_color(color - 1) : kStopped,
                       {.thickness = full ? 2.0f : 1.5f, .dashed = t.status == tune::TrialStatus::running});
            // Where each trial ended: a cross where it was stopped, a dot where it finished (a trial
            // of one epoch is only this dot).
            if (full) plot::point("##end", epochs.back(), t.intermediate.back(), plot::series_color(color - 1));
            else plot::point("##stopped", epochs.back(), t.intermediate.back(), kStoppedMark, {.shape = plot::Marker::cross});
        }
    }
    plot::end();
}

// ---------------------------------------------------------------------------------- importance

void refresh_importance(ArenaState& arena, int max_fits) {
    arena.importance.resize(arena.raced.strategies.size());
    for (size_t i = 0; i < arena.raced.strategies.size() && max_fits > 0; ++i) {
        ImportanceCache& c = arena.importance[i];
        std::vector<const tune::Study*> studies;
        int complete = 0;
        for (const Racer* r : racers_of(arena, arena.raced.strategies[i])) {
            studies.push_back(&r->runner->study());
            for (const tune::Trial& t : r->runner->study().trials())  // what pooled_importance fits on
                complete += t.status == tune::TrialStatus::complete || t.status == tune::TrialStatus::diverged;
        }
        if (c.strategy == arena.raced.strategies[i] && c.trials == complete) continue;
        c.strategy = arena.raced.strategies[i];
        c.trials = complete;
        c.shares = pooled_importance(studies);
        if (!c.shares.empty()) --max_fits;  // a GP fit: a few milliseconds, so at most `max_fits` per frame
    }
}

void draw_importance(ArenaState& arena, const Translator& tr) {
    const tune::Space& space = arena.racers.front().runner->study().space();
    ImGui::TextUnformatted(tr("Hyperparameter importance"));
    const char* help =
        tr("Each hyperparameter's share of the score's variation that single hyperparameters explain (the shares sum to 100 %), estimated "
           "from a Gaussian-process model fitted to the finished trials. Tune the important ones first; a short bar means that setting "
           "hardly mattered here.");
    tooltip(help);
    if (space.size() < 2) {
        ImGui::TextDisabled("%s", tr("With one hyperparameter there is nothing to compare: tune two or more."));
        return;
    }
    refresh_importance(arena, 1);
    std::vector<const char*> names;
    for (const tune::Param& p : space.params()) names.push_back(p.name.c_str());
    const int count = int(arena.importance.size());
    const float width = tile_width(count, 260);
    for (int i = 0; i < count; ++i) {
        const ImportanceCache& c = arena.importance[size_t(i)];
        next_tile(i, width);
        ImGui::PushID(i);
        if (c.shares.empty()) {
            char text[160];
            std::snprintf(text, sizeof text, tr("%s: needs %d finished trials, has %d."), arena_strategy_label(c.strategy, tr),
                          importance_min_trials(space), std::max(c.trials, 0));
            ImGui::BeginChild("##few", ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 2), false);
            wrapped_text(text);
            ImGui::EndChild();
        } else {
            plot::Options opt;
            opt.title = arena_strategy_label(c.strategy, tr);
            opt.x.label = tr("share of the importance");
            opt.x.min = 0;
            opt.x.max = 1;
            opt.y.min = -0.5;
            opt.y.max = double(space.size()) - 0.5;
            opt.y.inverted = true;  // the first parameter on top, as the set-up lists them
            opt.y.categories = names.data();
            opt.y.category_count = int(names.size());
            opt.legend = false;
            const float height = std::max(150.0f, ImGui::GetFontSize() * (4.5f + 1.6f * float(space.size())));
            if (plot::begin("##importance", ImVec2(width, height), opt)) {
                plot::bars(tr("importance"), c.shares, {-0.5, double(space.size()) - 0.5}, plot::series_color(i), true);
                plot::end();
            }
            tooltip(help);
        }
        ImGui::PopID();
    }
}

// ---------------------------------------------------------------------------- parallel coordinates

void draw_parallel_coordinates(const ArenaState& arena, const Translator& tr) {
    const tune::Space& space = arena.racers.front().runner->study().space();
    const tune::Study& first = arena.racers.front().runner->study();
    std::vector<const tune::Trial*> trials;
    for (const Racer& r : arena.racers)
        for (const tune::Trial& t : r.runner->study().trials())
            if (t.status == tune::TrialStatus::complete) trials.push_back(&t);
    ImGui::TextUnformatted(tr("Parallel coordinates"));
    const char* help =
        tr("Each line is one finished trial, through its value of every hyperparameter (bottom: the low end of its range) to its score. "
           "Follow the darkest lines, the best trials: where they bunch together on an axis, that setting matters.");
    tooltip(help);
    if (trials.size() < 2) {
        ImGui::TextDisabled("%s", tr("Appears when two trials have finished."));
        return;
    }
    // Worst first, so the best trials are drawn on top.
    std::sort(trials.begin(), trials.end(), [&](const tune::Trial* a, const tune::Trial* b) { return first.better(*b->value, *a->value); });
    std::vector<double> values;
    for (const tune::Trial* t : trials) values.push_back(*t->value);
    const std::vector<ImU32> colors = score_colors(values, score_scale(values));
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const plot::Scale value_scale = log_scores(arena) && *lowest > 0 ? plot::Scale::log : plot::Scale::linear;
    const plot::AxisMap value_axis({*lowest, *highest > *lowest ? *highest : *lowest + 1}, value_scale, 0, 1);
    std::vector<plot::AxisMap> param_axes;
    for (size_t j = 0; j < space.size(); ++j)
        param_axes.emplace_back(param_range(space, int(j)), space.params()[j].log ? plot::Scale::log : plot::Scale::linear, 0, 1);

    const int axes = int(space.size()) + 1;
    std::vector<const char*> names;
    for (const tune::Param& p : space.params()) names.push_back(p.name.c_str());
    names.push_back(tr("score"));
    const char* ends[] = {tr("low"), tr("high")};
    plot::Options opt;
    opt.x.categories = names.data();
    opt.x.category_count = axes;
    opt.x.min = -0.15;
    opt.x.max = axes - 0.4;  // room for the last axis's labels
    opt.y.categories = ends;
    opt.y.category_count = 2;
    opt.y.min = -0.06;
    opt.y.max = 1.06;
    opt.hover = false;  // a hundred crossing lines: the colours and the best trial's line tell the story
    opt.legend = false;  // it would cover the score axis's labels: the caption below says what is red
    if (!plot::begin("##parallel", ImVec2(-1, 300), opt)) return;
    for (int j = 0; j < axes; ++j) plot::vline(j, IM_COL32(110, 110, 110, 200), nullptr, {1.0f});
    std::vector<double> xs(static_cast<size_t>(axes)), ys(static_cast<size_t>(axes));
    std::iota(xs.begin(), xs.end(), 0.0);
    for (size_t k = 0; k < trials.size(); ++k) {
        for (size_t j = 0; j < space.size(); ++j) ys[j] = param_axes[j].to_pixel(trials[k]->params[j]);
        ys.back() = value_axis.to_pixel(*trials[k]->value);
        const bool best = k + 1 == trials.size();
        plot::line("##trial", xs, ys, best ? kFront : plot::faded(colors[k], 0.8f), {.thickness = best ? 3.0f : 1.5f});
    }
    // Each axis's own range at its ends (a categorical's choices along it).
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t j = 0; j < space.size(); ++j) {
        const tune::Param& p = space.params()[j];
        if (p.kind == tune::ParamKind::categorical) {
            for (size_t c = 0; c < p.choices.size(); ++c)
                plot::text(double(j) + 0.03, param_axes[j].to_pixel(double(c)), p.choices[c].c_str(), ink);
            continue;
        }
        plot::text(double(j) + 0.03, 0, space.format(j, p.low).c_str(), ink);
        plot::text(double(j) + 0.03, 1, space.format(j, p.high).c_str(), ink);
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", *lowest);
    plot::text(axes - 1 + 0.03, 0, text, ink);
    std::snprintf(text, sizeof text, "%.3g", *highest);
    plot::text(axes - 1 + 0.03, 1, text, ink);
    plot::end();
    tooltip(help);
    ImGui::TextDisabled("%s", tr("Colour: the trial's score, dark = low. Red: the best trial."));
}

// ------------------------------------------------------------------------------------- Pareto

void draw_pareto(const ArenaState& arena, const Translator& tr) {
    // The title names what is plotted: the race's score, not always accuracy.
    ImGui::Text(tr("Pareto front: %s against training cost"), score_label(arena, tr));
    const char* help =
        tr("Each point is a finished trial: how much computation its training took and how good it got. The red trials are the Pareto "
           "front: no other trial is both cheaper and better. Pick from them the trade-off you can afford.");
    tooltip(help);
    if (!is_network(arena.raced)) {
        ImGui::TextDisabled(
            "%s", tr("The Pareto view needs the lab objective: a test function costs nothing to evaluate, so there is no trade-off."));
        return;
    }
    const std::vector<CostPoint> points = cost_points(arena);
    if (points.empty()) {
        ImGui::TextDisabled("%s", tr("No trial has finished yet."));
        return;
    }
    const auto [cheapest, dearest] =
        std::minmax_element(points.begin(), points.end(), [](const CostPoint& a, const CostPoint& b) { return a.flops < b.flops; });
    if (dearest->flops < 1.5 * cheapest->flops)
        wrapped_text(tr("All trials cost about the same: tune epochs, units or layers to give them different costs."));
    plot::Options opt;
    opt.x.label = tr("training cost (FLOPs)");
    opt.x.log = true;
    opt.y.label = score_label(arena, tr);
    opt.y.log = log_scores(arena);
    if (!plot::begin("##pareto", ImVec2(-1, 320), opt)) return;
    std::vector<double> front_x, front_y;
    for (const CostPoint& p : points)
        if (p.front) front_x.push_back(p.flops), front_y.push_back(p.value);
    plot::line("##front", front_x, front_y, kFront, {.thickness = 1.5f, .step = true});
    for (size_t i = 0; i < arena.raced.strategies.size(); ++i) {
        std::vector<double> xs, ys;
        std::vector<std::string> texts;
        for (const CostPoint& p : points) {
            const Racer& racer = arena.racers[size_t(p.racer)];
            if (racer.strategy != arena.raced.strategies[i]) continue;
            xs.push_back(p.flops);
            ys.push_back(p.value);
            char head[48];
            std::snprintf(head, sizeof head, "#%d %.4g: ", p.number, p.value);
            texts.push_back(head + describe_params(racer.runner->study().space(), racer.runner->study().trial(p.number).params));
        }
        plot::scatter(arena_strategy_label(arena.raced.strategies[i], tr), xs, ys, plot::series_color(int(i)), {.hover_texts = texts});
    }
    plot::scatter(tr("Pareto front"), front_x, front_y, kFront, {.shape = plot::Marker::ring, .size = ImGui::GetFontSize() * 0.5f});
    plot::end();
    tooltip(help);
}

}  // namespace

std::string describe_params(const tune::Space& space, const tune::Values& params) {
    std::string out;
    for (size_t i = 0; i < space.size(); ++i)
        if (tune::is_active(params[i])) out += (out.empty() ? "" : " ") + space.params()[i].name + "=" + space.format(i, params[i]);
    return out;
}

int importance_min_trials(const tune::Space& space) { return std::max(5, 2 * int(space.size())); }

std::vector<double> pooled_importance(const std::vector<const tune::Study*>& studies) {
    if (studies.empty()) return {};
    std::vector<tune::Trial> pool;
    for (const tune::Study* study : studies)
        for (const tune::Trial& t : study->trials())
            if (t.status == tune::TrialStatus::complete || t.status == tune::TrialStatus::diverged) {
                // Full-length trials only: a Hyperband trial stopped after one epoch scores worse for
                // its short training, not for its settings.
                pool.push_back(t);
                pool.back().number = int(pool.size()) - 1;
            }
    const tune::Study merged = studies.front()->with_trials(std::move(pool));
    const tune::Observations observations = tune::observations(merged);
    if (int(observations.size()) < importance_min_trials(merged.space())) return {};
    Rng rng(kImportanceSeed);
    const tune::Surrogate model(merged.space(), observations, rng, {});
    // Each parameter's main effect as a share of all main effects, so the shares sum to 100 %. As
    // shares of the total variance (interactions left out) their estimates summed to 116 % on a race
    // of the lab's network: Monte-Carlo error, which a learner reads as a bug.
    std::vector<double> shares = tune::variance_importance(model, rng);
    double total = 0;
    for (double share : shares) total += share;
    if (total > 0)
        for (double& share : shares) share /= total;
    return shares;
}

std::vector<CostPoint> cost_points(const ArenaState& arena) {
    if (arena.racers.empty()) return {};
    std::vector<tune::Trial> pool;
    std::vector<CostPoint> points;
    for (size_t i = 0; i < arena.racers.size(); ++i)
        for (const tune::Trial& t : arena.racers[i].runner->study().trials())
            if (t.status == tune::TrialStatus::complete) {
                points.push_back({int(i), t.number, t.cost.flops, *t.value, false});
                pool.push_back(t);
                pool.back().number = int(pool.size()) - 1;  // index into `points`
            }
    const tune::Study merged = arena.racers.front().runner->study().with_trials(std::move(pool));
    for (const int n : tune::pareto_front(merged)) points[size_t(n)].front = true;
    return points;
}

json::Value analysis_json(ArenaState& arena) {
    json::Array importance, points;
    if (!arena.racers.empty()) {
        const tune::Space& space = arena.racers.front().runner->study().space();
        refresh_importance(arena, 1 << 30);
        for (const ImportanceCache& c : arena.importance) {
            json::Value shares = json::Object{};
            for (size_t j = 0; j < c.shares.size(); ++j) shares[space.params()[j].name] = c.shares[j];
            importance.push_back(json::Object{{"strategy", c.strategy}, {"trials", c.trials}, {"shares", std::move(shares)}});
        }
        for (const CostPoint& p : cost_points(arena))
            points.push_back(
                json::Object{{"racer", p.racer}, {"number", p.number}, {"flops", p.flops}, {"value", p.value}, {"front", p.front}});
    }
    return json::Object{{"importance", std::move(importance)}, {"points", std::move(points)}};
}

void draw_hyperband_view(const ArenaState& arena, const Translator& tr) {
    const Racer* racer = nullptr;
    const tune::HalvingSampler* hyperband = nullptr;  // or ASHA
    for (const Racer& r : arena.racers)
        if (auto* h = dynamic_cast<const tune::HalvingSampler*>(&r.runner->sampler()); h && r.repeat == 0 && !racer)
            racer = &r, hyperband = h;
    if (!hyperband) {
        wrapped_text(tr("Add Hyperband or ASHA to the strategies in the set-up to see which configurations it stops early and which it "
                        "trains longer."));
        return;
    }
    if (arena.objective->max_epochs() <= 1) {
        wrapped_text(
            tr("A test function is evaluated in one step, so Hyperband has nothing to stop early: race it on the lab's network to see its "
               "brackets."));
        return;
    }
    wrapped_text(
        tr("Hyperband starts many configurations for a few epochs, keeps the best third at each rung (dashed line) and stops the rest. "
           "Grey curves were stopped, the cross marks where; coloured ones were promoted and trained longer."));
    if (hyperband->name() == "asha")
        wrapped_text(tr("ASHA runs one bracket and moves a trial up as soon as it is in the best third of its rung so far, without waiting "
                        "for the rung to fill."));
    const tune::Study& study = racer->runner->study();
    const std::vector<tune::BracketView> views = tune::brackets(study, hyperband->options());
    if (views.empty()) ImGui::TextDisabled("%s", tr("No trial has finished yet."));
    const float width = tile_width(int(views.size()), 420);
    for (size_t i = 0; i < views.size(); ++i) {
        next_tile(int(i), width);
        ImGui::PushID(int(i));
        draw_bracket(arena, study, views[i], tr, width);
        ImGui::PopID();
    }
}

// Which worker trained which trial, and when, as Optuna's plot_timeline with a lane per worker: a bar
// per stretch of training (a Hyperband or ASHA trial has one per rung it reached), coloured by its
// strategy; stopped stretches fainter, failed and diverged ones red. A race run one trial at a time
// on the page's own thread gets a lane per racer instead: they take turns, frame by frame. Several
// at once in the frames: a lane per trial a racer kept running, on its epoch clock (arena_pool.h),
// where a gap is a worker left idle.
void draw_timeline_view(const ArenaState& arena, const Translator& tr) {
    int workers = 0;
    for (const Racer& r : arena.racers)
        for (const tune::Trial& t : r.runner->study().trials())
            for (const tune::TrialSpan& span : t.spans) workers = std::max(workers, span.worker + 1);
    const bool by_worker = workers > 0;
    // Each stretch of training as drawn: racer, trial, span, from and to (seconds, or ticks).
    struct Bar {
        size_t racer;
        const tune::Trial* trial;
        size_t span;
        double start, end;
    };
    std::vector<Bar> bars;
    std::vector<std::optional<EpochTimeline>> ticks;
    for (const Racer& r : arena.racers) ticks.push_back(by_worker || arena.raced.at_once < 2 ? std::nullopt : epoch_timeline(r));
    const bool on_ticks = !ticks.empty() && std::all_of(ticks.begin(), ticks.end(), [](const auto& t) { return t.has_value(); });
    for (size_t ri = 0; ri < arena.racers.size(); ++ri)
        for (const tune::Trial& t : arena.racers[ri].runner->study().trials())
            for (size_t k = 0; k < t.spans.size(); ++k) {
                const tune::TrialSpan& span = t.spans[k];
                if (on_ticks) {
                    const auto [start, end] = ticks[ri]->at(t.number)[k];
                    bars.push_back({ri, &t, k, double(start), double(end)});
                } else {
                    bars.push_back({ri, &t, k, span.start, span.end >= 0 ? span.end : arena.racers[ri].runner->seconds()});
                }
            }
    // In the frames, a racer's trials that trained at the same time (several at once) take lanes of
    // their own, each stretch the first lane free by its start.
    std::vector<int> sub_lane(bars.size(), 0), racer_lanes(arena.racers.size(), 1), first_lane;
    int at_once = 1;
    for (size_t ri = 0; ri < arena.racers.size() && !by_worker; ++ri) {
        std::vector<size_t> order;
        for (size_t b = 0; b < bars.size(); ++b)
            if (bars[b].racer == ri) order.push_back(b);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bars[a].start < bars[b].start; });
        std::vector<double> free_from;  // per lane: when its last stretch ended
        for (const size_t b : order) {
            const auto lane = std::find_if(free_from.begin(), free_from.end(), [&](double end) { return end <= bars[b].start; });
            sub_lane[b] = int(lane - free_from.begin());
            if (lane == free_from.end()) free_from.push_back(bars[b].end);
            else *lane = bars[b].end;
        }
        racer_lanes[ri] = std::max<int>(1, int(free_from.size()));
        at_once = std::max(at_once, racer_lanes[ri]);
    }
    std::vector<std::string> lanes;
    char text[256];
    if (by_worker) {
        for (int w = 0; w < workers; ++w) {
            std::snprintf(text, sizeof text, tr("worker %d"), w + 1);
            lanes.push_back(text);
        }
    } else {
        for (size_t ri = 0; ri < arena.racers.size(); ++ri) {
            const Racer& r = arena.racers[ri];
            first_lane.push_back(int(lanes.size()));
            for (int k = 0; k < racer_lanes[ri]; ++k) {
                std::snprintf(text, sizeof text, tr("%s · seed %d"), arena_strategy_label(r.strategy, tr), r.repeat + 1);
                lanes.push_back(text);
            }
        }
    }
    if (by_worker)
        wrapped_text(tr("Each lane is a background worker; each bar one trial's training on it. Gaps are time a worker waited."));
    else if (on_ticks)
        wrapped_text(tr("This race trained several trials of each strategy at once, in turns on the page's own thread, as workers of "
                        "equal speed: each strategy and seed has a lane per worker, and in each tick every running trial trained one "
                        "epoch. Gaps are ticks a worker waited."));
    else if (at_once > 1)
        wrapped_text(tr("This race trained several trials of each strategy at once, in turns on the page's own thread: each strategy "
                        "and seed has a lane per trial it kept running."));
    else
        wrapped_text(tr("This race trained one trial at a time on the page's own thread: each lane is one strategy and seed, and they "
                        "took turns. Race with background workers to see several trials train at once."));
    for (size_t ri = 0; ri < arena.racers.size() && on_ticks; ++ri) {
        const Racer& r = arena.racers[ri];
        const double busy = busy_share(*ticks[ri], arena.raced.at_once);
        if (std::isnan(busy)) continue;
        std::snprintf(text, sizeof text,
                      tr("• %s · seed %d: workers busy %.0f%% of the time while it still had new configurations to start"),
                      arena_strategy_label(r.strategy, tr), r.repeat + 1, 100 * busy);
        wrapped_text(text);
    }
    std::vector<const char*> names;
    for (const std::string& lane : lanes) names.push_back(lane.c_str());
    plot::Options opt;
    opt.title = tr("Which worker trained which trial, and when");
    opt.x.label = on_ticks ? tr("ticks: one epoch of each running trial") : tr("seconds since the race began");
    opt.x.min = 0;
    opt.y.categories = names.data();
    opt.y.category_count = int(names.size());
    opt.y.inverted = true;
    opt.y.min = -0.5;
    opt.y.max = double(names.size()) - 0.5;
    const float lane_height = 1.6f * ImGui::GetTextLineHeightWithSpacing();
    if (!plot::begin("##timeline", ImVec2(-1, std::max(180.0f, lane_height * float(names.size()) + 110)), opt)) return;
    const plot::LineStyle bar_style{.thickness = 0.6f * lane_height};
    std::vector<bool> labelled(arena.raced.strategies.size(), false);
    double last_end = 0;
    for (const Bar& bar : bars) last_end = std::max(last_end, bar.end);
    for (size_t b = 0; b < bars.size(); ++b) {
        const Bar& bar = bars[b];
        const Racer& r = arena.racers[bar.racer];
        const tune::Trial& t = *bar.trial;
        const auto strategy = std::find(arena.raced.strategies.begin(), arena.raced.strategies.end(), r.strategy);
        const size_t si = size_t(strategy - arena.raced.strategies.begin());
        const ImU32 color = plot::series_color(int(si));
        const int lane = by_worker ? t.spans[bar.span].worker : first_lane[bar.racer] + sub_lane[b];
        if (lane < 0) continue;  // trained on the page's thread before a reload
        const bool last = bar.span + 1 == t.spans.size();
        const bool broke = last && (t.status == tune::TrialStatus::failed || t.status == tune::TrialStatus::diverged);
        const bool stopped = last && t.status == tune::TrialStatus::pruned;
        const ImU32 c = broke ? IM_COL32(210, 50, 40, 255) : stopped ? plot::faded(color, 0.45f) : color;
        // On ticks, a hair's gap (a few pixels, at most a quarter of the bar) ends each bar, so that a
        // lane's trials one after another stay told apart.
        const double gap = on_ticks ? std::min(0.004 * last_end, 0.25 * (bar.end - bar.start)) : 0;
        const double xs[] = {bar.start, bar.end - gap};
        const double ys[] = {double(lane), double(lane)};
        const bool legend = si < labelled.size() && !labelled[si];
        if (legend) labelled[si] = true;
        plot::line(legend ? arena_strategy_label(r.strategy, tr) : "##bar", xs, ys, c, bar_style);
    }
    plot::end();
}

void draw_analysis_view(ArenaState& arena, const Translator& tr) {
    draw_importance(arena, tr);
    ImGui::Separator();
    draw_parallel_coordinates(arena, tr);
    ImGui::Separator();
    draw_pareto(arena, tr);
}

}  // namespace tunelab::ui
