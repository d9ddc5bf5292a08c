// The arena's live views, all drawn with the plotting module from the racers' studies: progress
// (best so far), where each strategy looked (over the true landscape, with per-dimension
// histograms), the BO model (mean, σ, acquisition, next point; the 1-D teaching curve) and the
// trial table. Nothing here runs trials.
#include "ui/arena/arena_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "tune/cmaes.h"
#include "tune/insight.h"
#include "tune/tpe.h"
#include "ui/app.h"
#include "ui/arena/arena_analysis.h"
#include "ui/arena/arena_tradeoff.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/plot.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

// ------------------------------------------------------------------------- shared by the views

std::vector<const Racer*> racers_of(const ArenaState& arena, const std::string& strategy) {
    std::vector<const Racer*> out;
    for (const Racer& r : arena.racers)
        if (r.strategy == strategy) out.push_back(&r);
    return out;
}

plot::Range param_range(const tune::Space& space, int dim) {
    const tune::Param& p = space.params()[size_t(dim)];
    if (p.kind == tune::ParamKind::categorical) return {-0.5, double(p.choices.size()) - 0.5};
    return {p.low, p.high};
}
void set_param_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names) {
    const tune::Param& p = space.params()[size_t(dim)];
    axis.label = p.name.c_str();
    axis.log = p.log;
    axis.integer = p.kind == tune::ParamKind::integer;  // layers, units, batch: no ticks between whole numbers
    const plot::Range r = param_range(space, dim);
    axis.min = r.min;
    axis.max = r.max;
    if (p.kind == tune::ParamKind::categorical) {
        names.clear();
        for (const std::string& c : p.choices) names.push_back(c.c_str());
        axis.categories = names.data();
        axis.category_count = int(names.size());
    }
}

// A 2-D map's axis with room beyond the range for the markers of points on its edge (a grid's
// corners, a BO proposal at a bound): without it they were cut in half by the plot's frame.
void set_map_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names) {
    set_param_axis(axis, space, dim, names);
    if (space.params()[size_t(dim)].kind == tune::ParamKind::categorical) return;  // points sit mid-cell
    constexpr double kMargin = 0.03;  // of the axis's length: a marker's radius on a 300-px plot
    auto to_axis = [&](double v) { return axis.log ? std::log(v) : v; };
    auto from_axis = [&](double a) { return axis.log ? std::exp(a) : a; };
    const double lo = to_axis(axis.min), hi = to_axis(axis.max), pad = kMargin * (hi - lo);
    axis.min = from_axis(lo - pad);
    axis.max = from_axis(hi + pad);
}

// Branin reaches 300: the colour scale keeps the low 70% of the values so its minima stay visible.
plot::Range score_scale(std::vector<double> values) {
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty()) return {0, 1};
    std::sort(values.begin(), values.end());
    return {values.front(), std::max(values[size_t(0.7 * double(values.size() - 1))], values.front() + 1e-9)};
}

std::vector<ImU32> score_colors(const std::vector<double>& values, plot::Range scale) {
    std::vector<ImU32> colors;
    for (double v : values)
        colors.push_back(plot::to_u32(plot::viridis(float((v - scale.min) / (scale.max - scale.min)))));
    return colors;
}

float tile_width(int count, float min_width) {
    const float available = ImGui::GetContentRegionAvail().x;
    const int per_row = std::clamp(int(available / min_width), 1, std::max(count, 1));
    return (available - ImGui::GetStyle().ItemSpacing.x * float(per_row - 1)) / float(per_row) - 1;
}
void next_tile(int index, float width) {
    if (index > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <=
                         ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
}

const char* score_label(const ArenaState& arena, const Translator& tr) {
    if (!is_network(arena.raced)) return tr("objective");
    return arena.raced.metric == "val_accuracy" ? tr("validation error (1 − accuracy)") : tr("validation loss");
}

bool log_scores(const ArenaState& arena) {
    // A validation error can be 0, which a log axis cannot show.
    if (is_network(arena.raced)) return arena.raced.metric != "val_accuracy";
    return arena.objective->known_optimum().value_or(-1) > 0;
}

const char* status_label(tune::TrialStatus status, const Translator& tr) {
    switch (status) {
        case tune::TrialStatus::running: return tr("running");
        case tune::TrialStatus::complete: return tr("complete");
        case tune::TrialStatus::pruned: return tr("pruned (stopped early)");
        case tune::TrialStatus::failed: return tr("failed");
        case tune::TrialStatus::diverged: return tr("diverged");
    }
    return "";
}

namespace {

constexpr int kSliceResolution = 40;  // 1600 GP predictions: redrawn in a few ms when ξ/κ move
// Running trials: orange, apart from the scores' viridis colours and the red "next" star.
constexpr ImU32 kRunningColor = IM_COL32(255, 128, 0, 255);
constexpr int kCurveResolution = 200;

const tune::Space& race_space(const ArenaState& arena) { return arena.racers.front().runner->study().space(); }

// Best so far per trial, without the trial still running at the end: the summary's "in 14 trials"
// counts what the bars count.
std::vector<double> finished_best_so_far(const tune::Study& study) {
    std::vector<double> curve = study.best_so_far();
    while (!curve.empty() && study.trial(int(curve.size()) - 1).status == tune::TrialStatus::running) curve.pop_back();
    return curve;
}

// Mean, lowest and highest best-so-far over a strategy's repeats, trial by trial (one repeat: all three
// are its own curve). NaN until every repeat has a finished trial.
struct Spread {
    std::vector<double> trial, mean, lo, hi;
};
Spread best_so_far_spread(const std::vector<const Racer*>& racers) {
    Spread s;
    size_t n = SIZE_MAX;
    std::vector<std::vector<double>> curves;
    for (const Racer* r : racers) {
        curves.push_back(finished_best_so_far(r->runner->study()));
        n = std::min(n, curves.back().size());
    }
    if (curves.empty()) return s;
    for (size_t k = 0; k < n; ++k) {
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        for (const auto& c : curves) sum += c[k], lo = std::min(lo, c[k]), hi = std::max(hi, c[k]);
        s.trial.push_back(double(k + 1));
        s.mean.push_back(sum / double(curves.size()));
        s.lo.push_back(lo);
        s.hi.push_back(hi);
    }
    return s;
}

// Where the 2-D slices cut through the other dimensions: at the best trial so far (or mid-space).
tune::Values slice_anchor(const tune::Study& study) {
    if (const tune::Trial* best = study.best()) return best->params;
    return study.space().decode(std::vector<double>(study.space().size(), 0.5));
}

// Sampled points of one study on (dim_x, dim_y): values, and the trials' scores.
struct Points {
    std::vector<double> x, y, score;
};
// Scored trials (and a warm start's earlier ones) with their scores, or with `running` the trials
// still training (several at once): where the strategy is looking right now, without a score.
Points sampled_points(const std::vector<tune::Trial>& trials, int dim_x, int dim_y, bool running = false) {
    Points p;
    for (const tune::Trial& t : trials) {
        const bool shown = tune::is_active(t.params[size_t(dim_x)]) && tune::is_active(t.params[size_t(dim_y)]);
        if (!shown || (running ? t.status != tune::TrialStatus::running : !t.value)) continue;
        p.x.push_back(t.params[size_t(dim_x)]);
        p.y.push_back(t.params[size_t(dim_y)]);
        if (!running) p.score.push_back(*t.value);
    }
    return p;
}
Points sampled_points(const tune::Study& study, int dim_x, int dim_y) { return sampled_points(study.trials(), dim_x, dim_y); }
Points running_points(const tune::Study& study, int dim_x, int dim_y) { return sampled_points(study.trials(), dim_x, dim_y, true); }

// Running trials as hollow rings that pulse (about once a second), unlike the filled markers of
// finished trials: they have no score yet, and with several at once their spread is the point.
void draw_running(const Points& running, const Translator& tr) {
    if (running.x.empty()) return;
    const float pulse = 0.5f + 0.5f * std::sin(float(ImGui::GetTime()) * 6.0f);
    plot::scatter(tr("running trials"), running.x, running.y, kRunningColor,
                  {.shape = plot::Marker::ring, .size = ImGui::GetFontSize() * (0.45f + 0.2f * pulse), .outline = IM_COL32_WHITE});
}

constexpr const char* kRunningHelp = tr_key(
    "Hollow pulsing rings: trials still training, not scored yet. With several trials at once, BO and TPE propose each new one while "
    "the others run, counting them in (BO guesses their scores, TPE counts them at the worst), so they spread out instead of piling "
    "onto one point.");

// Two parameter pickers for the 2-D views.
void draw_dimension_pickers(ArenaState& arena, const Translator& tr) {
    const tune::Space& space = race_space(arena);
    if (space.size() < 2) return;
    std::vector<std::string> names;
    std::vector<const char*> labels;
    for (const tune::Param& p : space.params()) names.push_back(p.name);
    for (const std::string& n : names) labels.push_back(n.c_str());
    auto picker = [&](const char* label, int& dim, const char* control) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        named_combo(label, dim, labels, names, control);  // arena.x.lr, arena.y.batch
    };
    picker(tr.label("x axis").c_str(), arena.dim_x, "arena.x");
    ImGui::SameLine();
    picker(tr.label("y axis").c_str(), arena.dim_y, "arena.y");
}

// ------------------------------------------------------------------------------------ progress

// How many trials each strategy needed to get close to the best value anyone found (the summary's
// target), seed by seed: the mean over the seeds that got there, "never" when none did.
void draw_target_table(const ArenaState& arena, const std::vector<StrategyResult>& results, const Translator& tr) {
    const tune::Direction direction = arena.racers.front().runner->study().direction();
    const double target = summary_target(results, direction);
    if (!std::isfinite(target)) return;
    ImGui::Text(tr("Trials needed to get close to the best value found (%.4g):"), target);
    tooltip(tr(
        "The target is the best value any strategy found, give or take a little. Fewer trials to reach it means a more efficient search."));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##target", 3, flags)) return;
    // Weights given, not fitted to the first frame's content: a table first drawn below a phone's
    // fold (clipped, so of no measured width) kept columns one letter wide.
    ImGui::TableSetupColumn(tr("Strategy"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Trials needed"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr("Best value"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < arena.raced.strategies.size() && i < results.size(); ++i) {
        const auto racers = racers_of(arena, arena.raced.strategies[i]);
        double sum = 0;
        int reached = 0;
        for (const Racer* r : racers)
            if (const int n = trials_to_reach(r->runner->study().best_so_far(), target, direction); n > 0) sum += n, ++reached;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot::series_color(int(i))), "%s", results[i].label.c_str());
        ImGui::TableNextColumn();
        if (reached == 0) ImGui::TextUnformatted(tr("never"));
        else if (racers.size() == 1) ImGui::Text("%.0f", sum);
        else if (reached == int(racers.size())) ImGui::Text(tr("%.1f (mean of %d seeds)"), sum / reached, reached);
        else ImGui::Text(tr("%.1f (only %d of %d seeds got there)"), sum / reached, reached, int(racers.size()));
        ImGui::TableNextColumn();
        if (!results[i].best_so_far.empty() && std::isfinite(results[i].best_so_far.back()))
            ImGui::Text("%.4g", results[i].best_so_far.back());
    }
    ImGui::EndTable();
}

// Best so far against epochs trained (mean, lowest and highest over the repeats), at every point
// where one of them finished an evaluation; each repeat holds its last value between its own points.
// Mean, lowest and highest of step curves (x ascending, best so far at each x) at every x where all
// of them have begun: a strategy's repeats on a shared axis of epochs or seconds.
Spread step_spread(const std::vector<std::pair<std::vector<double>, std::vector<double>>>& curves) {
    std::vector<double> xs;
    for (const auto& [x, y] : curves) xs.insert(xs.end(), x.begin(), x.end());
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    Spread s;
    for (const double x : xs) {
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        bool all = true;
        for (const auto& [cx, cy] : curves) {
            const auto at = std::upper_bound(cx.begin(), cx.end(), x);
            const double v = at == cx.begin() ? NAN : cy[size_t(at - cx.begin() - 1)];
            if (!std::isfinite(v)) all = false;
            sum += v, lo = std::min(lo, v), hi = std::max(hi, v);
        }
        if (!all) continue;
        s.trial.push_back(x);
        s.mean.push_back(sum / double(curves.size()));
        s.lo.push_back(lo);
        s.hi.push_back(hi);
    }
    return s;
}

Spread cost_spread(const std::vector<const Racer*>& racers) {
    std::vector<std::pair<std::vector<double>, std::vector<double>>> curves;
    for (const Racer* r : racers) curves.emplace_back(r->epochs_log, r->best_log);
    return step_spread(curves);
}

// Best so far against the wall-clock seconds at which each complete trial ended (its runner's clock,
// which starts with the race).
Spread seconds_spread(const std::vector<const Racer*>& racers) {
    std::vector<std::pair<std::vector<double>, std::vector<double>>> curves;
    for (const Racer* r : racers) {
        const tune::Study& study = r->runner->study();
        std::vector<std::pair<double, double>> ends;  // (seconds, value)
        for (const tune::Trial& t : study.trials())
            if (t.status == tune::TrialStatus::complete && !t.spans.empty()) ends.emplace_back(t.spans.back().end, *t.value);
        std::sort(ends.begin(), ends.end());
        auto& [xs, ys] = curves.emplace_back();
        for (const auto& [seconds, value] : ends) {
            xs.push_back(seconds);
            ys.push_back(ys.empty() || study.better(value, ys.back()) ? value : ys.back());
        }
    }
    return step_spread(curves);
}

void draw_progress_view(ArenaState& arena, const Translator& tr, ImVec2 size) {
    const tune::Objective& objective = *arena.objective;
    const std::vector<StrategyResult> results = strategy_results(arena, tr);
    const bool network = objective.max_epochs() > 1;  // else an epoch is a trial
    if (network) {
        const char* axes[] = {tr("trials"), tr("epochs trained (training cost)"), tr("wall-clock seconds")};
        static const std::string kAxisNames[] = {std::string(name(ProgressAxis::trials)), std::string(name(ProgressAxis::epochs)),
                                                 std::string(name(ProgressAxis::seconds))};
        int axis = int(arena.progress_x);
        ImGui::SetNextItemWidth(ImGui::CalcTextSize(axes[1]).x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x);
        if (named_combo(tr.label("x axis").c_str(), axis, axes, kAxisNames, "arena.progress_x")) arena.progress_x = ProgressAxis(axis);
        tooltip(
            tr("Trials count every trial alike; epochs count what the trials cost to train; seconds count the time since the race "
               "began. Hyperband stops weak trials after a few epochs, so it is judged fairly only at equal epochs; trials trained "
               "side by side by several workers show their gain in seconds."));
    } else {
        arena.progress_x = ProgressAxis::trials;
    }
    const int bracket = hyperband_bracket_size(arena.raced);
    if (bracket > arena.raced.trials) {
        char warning[512];
        std::snprintf(
            warning, sizeof warning,
            tr("Hyperband's first bracket starts %d configurations, more than the %d trials per strategy: it never finishes a bracket, so "
               "at equal trials it is judged before it has promoted anything. Give it at least %d trials, or compare at equal epochs."),
            bracket, arena.raced.trials, bracket);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.40f, 0.0f, 1));
        wrapped_text(warning);
        ImGui::PopStyleColor();
    }
    // Room under the plot for the target table: a header, a line per strategy and the notes.
    const float line = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    const float table_height = line * float(results.size() + 1) + ImGui::GetTextLineHeightWithSpacing() * 3;
    plot::Options opt;
    opt.title = tr("Best value so far (lower is better)");
    const char* x_labels[] = {tr("trial"), tr("epochs trained"), tr("seconds since the race began")};
    opt.x.label = x_labels[int(arena.progress_x)];
    opt.x.integer = arena.progress_x != ProgressAxis::seconds;  // trials and epochs are counts
    opt.y.label = score_label(arena, tr);
    // Early trials are often 100× worse than late ones: a log axis keeps the end of the race readable
    // (only for objectives that stay positive).
    opt.y.log = log_scores(arena);
    const float height = std::max(220.0f, ImGui::GetContentRegionAvail().y - table_height);
    if (plot::begin("##best", ImVec2(size.x, height), opt)) {
        for (size_t i = 0; i < arena.raced.strategies.size(); ++i) {
            const std::string& strategy = arena.raced.strategies[i];
            const auto racers = racers_of(arena, strategy);
            const Spread s = arena.progress_x == ProgressAxis::epochs    ? cost_spread(racers)
                             : arena.progress_x == ProgressAxis::seconds ? seconds_spread(racers)
                                                                         : best_so_far_spread(racers);
            const ImU32 color = plot::series_color(int(i));
            if (racers.size() > 1) plot::band("##spread", s.trial, s.lo, s.hi, plot::faded(color, 0.2f));
            plot::line(arena_strategy_label(strategy, tr), s.trial, s.mean, color, {.step = true});
        }
        if (auto optimum = objective.known_optimum()) plot::hline(*optimum, IM_COL32(90, 90, 90, 255), tr("true minimum"));
        plot::end();
    }
    tooltip(tr("Each line is the best value a strategy has found so far. Steeper and lower is better."));
    if (arena.raced.repeats > 1) ImGui::TextDisabled(tr("Lines: mean over %d seeds; bands: best to worst seed."), arena.raced.repeats);
    draw_target_table(arena, results, tr);
}

// ----------------------------------------------------------------------------------- landscape

// The extent of `points` grid points along a dimension, endpoints included (as the grid sampler
// places them): half a step beyond each end, in axis coordinates, so each cell is centred on its point.
plot::Range grid_range(const tune::Space& space, int dim, int points) {
    const tune::Param& p = space.params()[size_t(dim)];
    if (p.kind == tune::ParamKind::categorical || points < 2) return param_range(space, dim);
    auto axis = [&](double v) { return p.log ? std::log(v) : v; };
    auto back = [&](double a) { return p.log ? std::exp(a) : a; };
    const double half = (axis(p.high) - axis(p.low)) / (points - 1) / 2;
    return {back(axis(p.low) - half), back(axis(p.high) + half)};
}

// The lab objective's landscape is unknown until the learner pays for it: a button that trains
// the network on a grid over the two shown parameters, then its progress and a cancel.
void draw_landscape_request(ArenaState& arena, const Translator& tr) {
    const tune::Space& space = race_space(arena);
    const char* x = space.params()[size_t(arena.dim_x)].name.c_str();
    const char* y = space.params()[size_t(arena.dim_y)].name.c_str();
    if (arena.landscape && !arena.landscape->racer.runner->finished()) {
        const LandscapeGrid& grid = *arena.landscape;
        const int done = landscape_done(grid), total = grid.cols * grid.rows;
        char overlay[128];
        std::snprintf(overlay, sizeof overlay, tr("True landscape: %d / %d trainings (grey: not trained yet)"), done, total);
        if (controls::named("arena.landscape.cancel", ImGui::Button(tr.label("Cancel").c_str()))) arena.landscape.reset();
        ImGui::SameLine();
        progress_bar(float(done) / float(total), ImVec2(-1, 0), overlay);
        return;
    }
    if (arena.landscape) {
        ImGui::TextDisabled(tr("Background: the true landscape, %d×%d trainings of the network over %s and %s (every other setting at the "
                               "lab's value; grey: diverged)."),
                            arena.landscape->cols, arena.landscape->rows, x, y);
        tooltip(
            tr("Every training starts from the race's first seed, as that seed's trials did (same initial weights, same batch order): "
               "neighbouring cells differ only by their settings. Other seeds give other landscapes; the race's repeats show how much."));
        return;
    }
    wrapped_text(tr("The true landscape of a network is not known in advance: only the sampled points are shown, unless you compute it on "
                    "a grid (each cell is one training)."),
                 0, true);
    // The grid's size first: the button after it says how many trainings that is, and its label's
    // width changes with it, so the slider keeps its place under a dragging hand.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    slider_int(tr.label("Grid points per axis").c_str(), arena.landscape_k, 3, 12, "arena.landscape.points");
    tooltip(tr("More points show the landscape finer, but each point is one more training of the network."));
    const int k = arena.landscape_k;
    const int cols = landscape_points(space, arena.dim_x, k), rows = landscape_points(space, arena.dim_y, k);
    char label[128];
    std::snprintf(label, sizeof label, tr("Compute the true landscape (%d×%d trainings)"), cols, rows);
    same_line_if_fits(button_width(label));
    ImGui::BeginDisabled(arena.dim_x == arena.dim_y);
    if (controls::named("arena.landscape.compute", ImGui::Button(label))) {
        const std::string refused = start_landscape(arena, k);
        if (!refused.empty()) arena.error = tr(refused.c_str());
    }
    ImGui::EndDisabled();
    const int epochs = arena.objective->max_epochs();
    char why[512];
    std::snprintf(why, sizeof why,
                  tr("Trains the network at every point of a %d×%d grid over %s and %s: %d trainings of up to %d epochs each, %d epochs in "
                     "all. Every other setting keeps the lab's value. It runs alongside the race, sharing its time per frame."),
                  cols, rows, x, y, cols * rows, epochs, cols * rows * epochs);
    tooltip(why);
}

// CMA-ES's search distribution over the two shown hyperparameters: its 2σ ellipse and its mean,
// in unit coordinates mapped to the parameters' values (clipped to the box, as its samples are).
void draw_search_distribution(const tune::CmaEsState& s, const tune::Space& space, int dx, int dy, const Translator& tr) {
    std::vector<double> xs, ys;
    for (const auto& u : s.ellipse(dx, dy, 2.0, 65)) {
        xs.push_back(space.decode(size_t(dx), std::clamp(u[0], 0.0, 1.0)));
        ys.push_back(space.decode(size_t(dy), std::clamp(u[1], 0.0, 1.0)));
    }
    const ImU32 color = IM_COL32(255, 140, 0, 255);
    plot::line(tr("CMA-ES search distribution (2σ)"), xs, ys, color, {.thickness = 2.5f});
    plot::point(tr("distribution mean"), space.decode(size_t(dx), s.mean(dx)), space.decode(size_t(dy), s.mean(dy)), color,
                {.shape = plot::Marker::cross});
}

// Strategies that sample like Random at first draw the very same points, from the same seed: say
// why before the learner takes it for a bug.
void draw_same_points_note(const ArenaState& arena, const Translator& tr) {
    const auto& raced = arena.raced.strategies;
    auto racing = [&](const char* name) { return std::find(raced.begin(), raced.end(), name) != raced.end(); };
    if (!racing("random")) return;
    char note[512];
    if (racing("tpe")) {
        std::snprintf(note, sizeof note,
                      tr("TPE's first %d trials are random ones, drawn from the same seed as Random's, so both start at the same points; "
                         "after them TPE samples where its good trials are dense."),
                      tune::TpeOptions::kDefaultInitialPoints);
        wrapped_text(note, 0, true);
    }
    if (racing("hyperband") && arena.objective->max_epochs() <= 1)
        wrapped_text(tr("On a test function every trial is one evaluation, so Hyperband has nothing to stop early: it draws its "
                        "configurations like Random, from the same seed, and tries the same points."),
                     0, true);
}

// Each strategy's sampled points coloured by score, over the true landscape where it is known (a
// test function) or computed (the lab's network, on request).
void draw_landscape_view(ArenaState& arena, const Translator& tr) {
    const tune::Space& space = race_space(arena);
    auto* test = dynamic_cast<const tune::TestObjective*>(arena.objective.get());
    std::vector<const char*> x_names, y_names;
    const int count = int(arena.raced.strategies.size());
    draw_same_points_note(arena, tr);
    if (space.size() >= 2) {
        draw_dimension_pickers(arena, tr);
        const int dx = arena.dim_x, dy = arena.dim_y;
        forget_stale_landscape(arena);
        // The background: cols × rows values over (x range, y range), row-major from y's low end.
        std::vector<double> truth;
        int cols = kSliceResolution, rows = kSliceResolution;
        plot::Range x_range = param_range(space, dx), y_range = param_range(space, dy);
        if (test) {
            truth = test->true_slice(dx, dy, test->function().argmin, kSliceResolution);
        } else {
            draw_landscape_request(arena, tr);
            if (arena.landscape && landscape_done(*arena.landscape) > 0) {
                truth = landscape_values(*arena.landscape);
                cols = arena.landscape->cols;
                rows = arena.landscape->rows;
                x_range = grid_range(space, dx, cols);
                y_range = grid_range(space, dy, rows);
            }
        }
        std::vector<double> all_scores = truth;
        for (const Racer& r : arena.racers)
            for (double v : sampled_points(r.runner->study(), dx, dy).score) all_scores.push_back(v);
        const plot::Range scale = score_scale(all_scores);
        const float width = tile_width(count, 300);
        for (int i = 0; i < count; ++i) {
            const Racer& racer = *racers_of(arena, arena.raced.strategies[size_t(i)]).front();
            const Points p = sampled_points(racer.runner->study(), dx, dy), running = running_points(racer.runner->study(), dx, dy);
            plot::Options opt;
            opt.title = arena_strategy_label(racer.strategy, tr);
            set_map_axis(opt.x, space, dx, x_names);
            set_map_axis(opt.y, space, dy, y_names);
            opt.colorbar = i == count - 1;
            opt.legend = false;
            next_tile(i, width);
            ImGui::PushID(i);
            if (plot::begin("##landscape", ImVec2(width, width * 0.85f), opt)) {
                if (!truth.empty()) {
                    plot::HeatmapStyle hs;
                    hs.min = scale.min;
                    hs.max = scale.max;
                    plot::heatmap(tr("true value"), truth, rows, cols, x_range, y_range, hs);
                }
                // A warm-started strategy's earlier trials, faint: where its model was told to look first.
                if (const tune::Study& study = racer.runner->study(); !study.warm_start().empty()) {
                    const Points earlier = sampled_points(study.warm_start(), dx, dy);
                    plot::scatter(tr("earlier trials"), earlier.x, earlier.y, IM_COL32(120, 120, 120, 110), {.shape = plot::Marker::cross});
                }
                const std::vector<ImU32> colors = score_colors(p.score, scale);
                plot::MarkerStyle ms;
                ms.colors = colors;
                ms.outline = IM_COL32_WHITE;
                plot::scatter(tr("trials"), p.x, p.y, IM_COL32_WHITE, ms);
                draw_running(running, tr);
                if (test && space.size() == test->function().argmin.size())
                    plot::point(tr("a global minimum"), test->function().argmin[size_t(dx)], test->function().argmin[size_t(dy)],
                                IM_COL32(220, 40, 40, 255), {.shape = plot::Marker::star});
                if (auto* cmaes = dynamic_cast<tune::CmaEsSampler*>(&racer.runner->sampler()))
                    draw_search_distribution(cmaes->state(racer.runner->study()), space, dx, dy, tr);
                plot::end();
            }
            if (!running.x.empty()) tooltip(tr(kRunningHelp));
            else if (dynamic_cast<tune::CmaEsSampler*>(&racer.runner->sampler()))
                tooltip(
                    tr("The ellipse holds about six in seven of the next generation's points: the Gaussian CMA-ES samples from, projected "
                       "on these two hyperparameters. It moves towards good trials and narrows as the search settles."));
            ImGui::PopID();
        }
    }
    // Grid vs random, Bergstra & Bengio's point: per dimension, which values each strategy tried.
    ImGui::TextUnformatted(tr("Values tried per hyperparameter"));
    tooltip(
        tr("A 3×3 grid tries only 3 values of each hyperparameter; 9 random trials try 9. When only one hyperparameter matters, the grid "
           "wasted two thirds of its trials."));
    const int dims = int(std::min<size_t>(space.size(), 3));
    const float width = tile_width(count, 220);
    for (int d = 0; d < dims; ++d) {
        for (int i = 0; i < count; ++i) {
            const Racer& racer = *racers_of(arena, arena.raced.strategies[size_t(i)]).front();
            const tune::Histogram h = tune::histogram(racer.runner->study(), d, 20);
            std::vector<double> heights(h.counts.begin(), h.counts.end());
            char title[160];
            std::snprintf(title, sizeof title, tr("%s: %d values of %s"), arena_strategy_label(racer.strategy, tr), h.distinct,
                          space.params()[size_t(d)].name.c_str());
            plot::Options opt;
            opt.title = title;
            set_param_axis(opt.x, space, d, x_names);
            opt.y.integer = true;  // counts of trials
            opt.legend = false;
            next_tile(i, width);
            ImGui::PushID(d * 100 + i);
            if (plot::begin("##hist", ImVec2(width, 150), opt)) {
                if (h.edges.size() >= 2) plot::bars(tr("trials"), heights, {h.edges.front(), h.edges.back()}, plot::series_color(i));
                plot::end();
            }
            ImGui::PopID();
        }
    }
}

// ------------------------------------------------------------------------------------------ BO

// The BO racers' indices (first seed only: the views explain one study).
std::vector<int> bayes_racers(const ArenaState& arena) {
    std::vector<int> out;
    for (size_t i = 0; i < arena.racers.size(); ++i)
        if (arena.racers[i].repeat == 0 && dynamic_cast<tune::BayesSampler*>(&arena.racers[i].runner->sampler())) out.push_back(int(i));
    return out;
}

// Recomputes the model's slice or curve when the study, the dimensions or ξ/κ changed.
void refresh_bayes_cache(ArenaState& arena, int racer_index) {
    BayesViewCache& c = arena.bayes_cache;
    Racer& racer = arena.racers[size_t(racer_index)];
    const tune::Study& study = racer.runner->study();
    const int trials = int(study.trials().size()) * 2 + (racer.runner->running() >= 0 ? 1 : 0);
    if (c.racer == racer_index && c.trials == trials && c.dim_x == arena.dim_x && c.dim_y == arena.dim_y &&
        c.xi == arena.setup.xi && c.kappa == arena.setup.kappa)
        return;
    c = {racer_index, trials, arena.dim_x, arena.dim_y, arena.setup.xi, arena.setup.kappa, std::nullopt, std::nullopt};
    auto& bayes = dynamic_cast<tune::BayesSampler&>(racer.runner->sampler());
    if (!bayes.model(study)) return;
    if (study.space().size() == 1) c.curve = bayes.curve(study, 0, kCurveResolution);
    else c.slice = bayes.slice(study, arena.dim_x, arena.dim_y, slice_anchor(study), kSliceResolution);
}

// The classic 1-D picture: posterior mean with a ±2σ band over the true function, the trials, and
// below it the acquisition with its maximum — the next point — marked.
void draw_bayes_curve(const ArenaState& arena, const tune::Study& study, const tune::CurveView& curve, const Translator& tr, float width) {
    auto* test = dynamic_cast<const tune::TestObjective*>(arena.objective.get());
    plot::Options opt;
    opt.title = tr("Gaussian-process model of the objective");
    opt.x.label = study.space().params()[0].name.c_str();
    if (plot::begin("##curve", ImVec2(width, 260), opt)) {
        if (arena.bayes_with_noise)
            plot::band(tr("mean ± 2σ, noise included"), curve.xs, curve.lower_with_noise, curve.upper_with_noise,
                       plot::faded(plot::series_color(0), 0.2f));
        else
            plot::band(tr("mean ± 2σ"), curve.xs, curve.lower, curve.upper, plot::faded(plot::series_color(0), 0.2f));
        plot::line(tr("posterior mean"), curve.xs, curve.mean, plot::series_color(0));
        if (test) {
            std::vector<double> truth;
            for (double x : curve.xs) truth.push_back(test->function().f({x}));
            plot::line(tr("true function"), curve.xs, truth, IM_COL32(90, 90, 90, 255), {.thickness = 1.5f});
        }
        const Points p = sampled_points(study, 0, 0);
        plot::scatter(tr("trials"), p.x, p.score, IM_COL32(20, 20, 20, 255));
        plot::vline(curve.next[0], IM_COL32(220, 40, 40, 255), tr("next"));
        plot::end();
    }
    plot::Options acq;
    acq.title = tr("Acquisition: how much each point is worth trying next");
    acq.x.label = opt.x.label;
    if (plot::begin("##acq", ImVec2(width, 180), acq)) {
        plot::line(tr("acquisition"), curve.xs, curve.acquisition, plot::series_color(2));
        plot::vline(curve.next[0], IM_COL32(220, 40, 40, 255), tr("next"));
        plot::end();
    }
}

// Mean, σ and acquisition heatmaps over two parameters, trials and the next point on each.
void draw_bayes_slice(const tune::Study& study, const tune::SliceView& slice, bool with_noise, const Translator& tr) {
    const tune::Space& space = study.space();
    const Points p = sampled_points(study, slice.dim_x, slice.dim_y), running = running_points(study, slice.dim_x, slice.dim_y);
    struct Map {
        const char* title;
        const char* help;
        const std::vector<double>* values;
    };
    const Map maps[] = {
        {tr("Posterior mean"), tr("What the model predicts the objective to be. It is sure only near the trials."), &slice.mean},
        with_noise ? Map{tr("σ of a new evaluation (function + noise)"),
                         tr("How far a new evaluation there may land from the mean: the model's uncertainty about the function and the "
                            "noise it fitted to the evaluations. Near trials only the noise is left."),
                         &slice.stddev_with_noise}
                   : Map{tr("σ of the function (noise excluded)"),
                         tr("How unsure the model is: small near trials, large far from them. Exploring means going where this is large."),
                         &slice.stddev},
        {tr("Acquisition"), tr("The value of trying each point next, from mean and σ. The star, its maximum, is evaluated next."),
         &slice.acquisition},
    };
    std::vector<const char*> x_names, y_names;
    const float width = tile_width(3, 260);
    for (int i = 0; i < 3; ++i) {
        plot::Options opt;
        opt.title = maps[i].title;
        set_map_axis(opt.x, space, slice.dim_x, x_names);
        set_map_axis(opt.y, space, slice.dim_y, y_names);
        opt.colorbar = true;
        opt.legend = false;
        next_tile(i, width);
        ImGui::PushID(i);
        if (plot::begin("##bo", ImVec2(width, width * 0.85f), opt)) {
            plot::heatmap(maps[i].title, *maps[i].values, slice.resolution, slice.resolution, param_range(space, slice.dim_x),
                          param_range(space, slice.dim_y));
            plot::scatter(tr("trials"), p.x, p.y, IM_COL32_WHITE, {.shape = plot::Marker::ring});
            draw_running(running, tr);
            plot::point(tr("next"), slice.next[size_t(slice.dim_x)], slice.next[size_t(slice.dim_y)], IM_COL32(220, 40, 40, 255),
                        {.shape = plot::Marker::star, .outline = IM_COL32_WHITE});
            plot::end();
        }
        tooltip(running.x.empty() ? maps[i].help : (std::string(maps[i].help) + "\n\n" + tr(kRunningHelp)).c_str());
        ImGui::PopID();
    }
}

void draw_bayes_view(ArenaState& arena, const Translator& tr) {
    const std::vector<int> candidates = bayes_racers(arena);
    if (candidates.empty()) {
        wrapped_text(tr("Add a Bayesian-optimization strategy (BO) to the race to see its model."));
        return;
    }
    if (std::find(candidates.begin(), candidates.end(), arena.bayes_racer) == candidates.end()) arena.bayes_racer = candidates.front();
    for (int index : candidates) {
        if (ImGui::RadioButton(arena_strategy_label(arena.racers[size_t(index)].strategy, tr), arena.bayes_racer == index))
            arena.bayes_racer = index;
        ImGui::SameLine();
    }
    // ξ/κ here too: moving them redraws the acquisition at once, before anything is evaluated.
    draw_acquisition_sliders(arena.setup, tr, "arena.bayes.", ImGui::GetFontSize() * 7);
    ImGui::SameLine();
    controls::named("arena.bayes.with_noise", ImGui::Checkbox(tr.label("σ with the evaluations' noise").c_str(), &arena.bayes_with_noise));
    tooltip(tr("Off: σ is the model's uncertainty about the function itself, which more trials shrink. On: the spread of a new "
               "evaluation, that uncertainty plus the noise the model fitted to the evaluations (a training seed's luck), which "
               "no number of trials removes."));
    if (race_space(arena).size() >= 2) draw_dimension_pickers(arena, tr);

    refresh_bayes_cache(arena, arena.bayes_racer);
    Racer& racer = arena.racers[size_t(arena.bayes_racer)];
    const tune::Study& study = racer.runner->study();
    const BayesViewCache& c = arena.bayes_cache;
    if (!c.slice && !c.curve) {
        auto& bayes = dynamic_cast<tune::BayesSampler&>(racer.runner->sampler());
        ImGui::TextWrapped(
            tr("The first %d trials are spread evenly to give the model something to learn from; its picture appears after them."),
            bayes.initial_points(study.space()));
        return;
    }
    if (c.curve) draw_bayes_curve(arena, study, *c.curve, tr, ImGui::GetContentRegionAvail().x);
    if (c.slice) draw_bayes_slice(study, *c.slice, arena.bayes_with_noise, tr);
    // Whether σ includes the evaluations' own noise (the GP fits that separately).
    const double noise = c.slice ? c.slice->noise_stddev : c.curve->noise_stddev;
    if (noise > 0 && study.best() && std::abs(noise) > 1e-6 * (1 + std::abs(*study.best()->value)))
        ImGui::TextDisabled(arena.bayes_with_noise
                                ? tr("σ above includes the fitted noise of each evaluation (±%.3g) on top of the function's uncertainty.")
                                : tr("σ above is the function's uncertainty; the fitted noise of each evaluation (±%.3g) comes on top "
                                     "of it."),
                            noise);
    else
        ImGui::TextDisabled("%s", tr("σ above is the function's uncertainty; the model found no noise in the evaluations."));
    if (study.space().size() > 2) ImGui::TextDisabled("%s", tr("Other hyperparameters are held at the best trial's values."));
}

// -------------------------------------------------------------------------------------- trials

void draw_trials_view(AppState& app, const Translator& tr) {
    ArenaState& arena = app.arena;
    arena.table_racer = std::clamp(arena.table_racer, 0, int(arena.racers.size()) - 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    std::vector<std::string> texts, names;  // "BO (EI) #2"; arena.table.bo_ei.1
    for (const Racer& r : arena.racers) {
        texts.push_back(std::string(arena_strategy_label(r.strategy, tr)) + " #" + std::to_string(r.repeat + 1));
        names.push_back(r.strategy + "." + std::to_string(r.repeat));
    }
    std::vector<const char*> labels;
    for (const std::string& t : texts) labels.push_back(t.c_str());
    named_combo(tr.label("Strategy").c_str(), arena.table_racer, labels, names, "arena.table");
    const bool loadable = is_network(arena.raced);
    if (loadable) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("Click a trial to train it in the lab."));
    }
    const Racer& racer = arena.racers[size_t(arena.table_racer)];
    const tune::Study& study = racer.runner->study();
    const tune::Space& space = study.space();
    const int columns = 3 + int(space.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("##trials", columns, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn(tr("value"));
    ImGui::TableSetupColumn(tr("status"));
    for (const tune::Param& p : space.params()) ImGui::TableSetupColumn(p.name.c_str());
    ImGui::TableHeadersRow();

    std::vector<int> order(study.trials().size());
    std::iota(order.begin(), order.end(), 0);
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const int column = specs->Specs[0].ColumnIndex;
        const bool ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        auto key = [&](int n) {
            const tune::Trial& t = study.trial(n);
            if (column == 0) return double(n);
            if (column == 1) return t.value ? *t.value : INFINITY;
            if (column == 2) return double(t.status);
            return t.params[size_t(column - 3)];
        };
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ascending ? key(a) < key(b) : key(a) > key(b); });
    }
    for (int n : order) {
        const tune::Trial& t = study.trial(n);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        char label[16];
        std::snprintf(label, sizeof label, "%d", n);
        if (ImGui::Selectable(label, false, ImGuiSelectableFlags_SpanAllColumns) && loadable)
            load_trial(app, arena.table_racer, n);
        ImGui::TableNextColumn();
        if (t.value) ImGui::Text("%.4g", *t.value);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(status_label(t.status, tr));
        // Why it failed, as its worker said.
        if (auto failure = racer.failures.find(n); failure != racer.failures.end()) tooltip(failure->second.c_str());
        for (size_t i = 0; i < space.size(); ++i) {
            ImGui::TableNextColumn();
            if (tune::is_active(t.params[i])) ImGui::TextUnformatted(space.format(i, t.params[i]).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

std::vector<StrategyResult> strategy_results(const ArenaState& arena, const Translator& tr) {
    std::vector<StrategyResult> results;
    const tune::Space& space = race_space(arena);
    // Each seed's best quarter: the 25th percentile of every finished trial of that seed, all
    // strategies pooled (in the minimizing view).
    std::vector<double> good_below(size_t(arena.raced.repeats), NAN);
    for (int seed = 0; seed < arena.raced.repeats; ++seed) {
        std::vector<double> losses;
        for (const Racer& r : arena.racers)
            if (r.repeat == seed)
                for (const tune::Trial& t : r.runner->study().trials())
                    if (t.status == tune::TrialStatus::complete && t.value) losses.push_back(r.runner->study().loss(*t.value));
        if (losses.size() < 4) continue;
        std::nth_element(losses.begin(), losses.begin() + long(losses.size() / 4), losses.end());
        good_below[size_t(seed)] = losses[losses.size() / 4];
    }
    int model_start = 0;  // trials before the first model of any model-based racer: shares count after them
    for (const Racer& r : arena.racers)
        if (auto* bayes = dynamic_cast<tune::BayesSampler*>(&r.runner->sampler()))
            model_start = std::max(model_start, bayes->initial_points(space));
        else if (r.strategy == "tpe") model_start = std::max(model_start, tune::TpeOptions::kDefaultInitialPoints);  // the race's TPE
    for (const std::string& strategy : arena.raced.strategies) {
        const auto racers = racers_of(arena, strategy);
        StrategyResult r;
        r.label = arena_strategy_label(strategy, tr);
        r.best_so_far = best_so_far_spread(racers).mean;
        // Only where the contrast teaches something: grid's few values against random's many.
        if (space.size() >= 2 && (strategy == "grid" || strategy == "random"))
            r.distinct_values = tune::histogram(racers.front()->runner->study(), 0, 10).distinct;
        int later = 0, good = 0;
        for (const Racer* racer : racers) {
            const tune::Study& study = racer->runner->study();
            const std::vector<double> curve = finished_best_so_far(study);
            r.finals.push_back(curve.empty() ? NAN : curve.back());
            for (const tune::Trial& t : study.trials()) {
                if (t.number < model_start || t.status != tune::TrialStatus::complete || !t.value) continue;
                ++later;
                good += study.loss(*t.value) <= good_below[size_t(racer->repeat)];
            }
        }
        if (later > 0) r.good_share = double(good) / later;
        if (strategy.rfind("bo_", 0) == 0 || strategy == "tpe") r.model_start = model_start;
        results.push_back(std::move(r));
    }
    return results;
}

std::string race_summary(const ArenaState& arena, const Translator& tr) {
    if (arena.racers.empty()) return {};
    return summary_text(strategy_results(arena, tr), arena.racers.front().runner->study().direction(),
                        race_space(arena).params()[0].name, tr);
}

void draw_arena_views(AppState& app, ImVec2 size, bool own_scroll) {
    ArenaState& arena = app.arena;
    const Translator& tr = app.tr;
    if (arena.racers.empty()) {
        wrapped_text(
            tr("Choose an objective, the hyperparameters to tune and the strategies on the left, then start the race. Each strategy gets "
               "the same number of trials; watch where each one looks."));
        return;
    }
    wrapped_text(race_summary(arena, tr));
    // Eight tabs do not fit a phone: scroll them rather than cut their names short.
    if (!ImGui::BeginTabBar("##arena_views", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    auto tab = [&](const char* english, ArenaView view) {
        const ImGuiTabItemFlags flags = arena.view_requested && arena.view == view ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(tr.label(english).c_str(), nullptr, flags);
        controls::name_item("arena.view." + std::string(name(view)));  // arena.view.progress
        if (open && !arena.view_requested) arena.view = view;
        return open;
    };
    if (tab(tr_key("Progress"), ArenaView::progress)) {
        draw_progress_view(arena, tr, ImVec2(size.x, std::max(ImGui::GetContentRegionAvail().y, 300.0f)));
        ImGui::EndTabItem();
    }
    // The tall views scroll inside their tab (on a phone, with the column).
    auto scrolled_tab = [&](const char* english, ArenaView view, auto draw) {
        if (!tab(english, view)) return;
        if (own_scroll) ImGui::BeginChild("##scroll");
        draw();
        if (own_scroll) ImGui::EndChild();
        ImGui::EndTabItem();
    };
    scrolled_tab(tr_key("Where they looked"), ArenaView::landscape, [&] { draw_landscape_view(arena, tr); });
    scrolled_tab(tr_key("Bayesian optimization"), ArenaView::bayes, [&] { draw_bayes_view(arena, tr); });
    if (tab(tr_key("Trials"), ArenaView::trials)) {
        draw_trials_view(app, tr);
        ImGui::EndTabItem();
    }
    scrolled_tab(tr_key("Hyperband brackets"), ArenaView::hyperband, [&] { draw_hyperband_view(arena, tr); });
    scrolled_tab(tr_key("Timeline"), ArenaView::timeline, [&] { draw_timeline_view(arena, tr); });
    scrolled_tab(tr_key("Analysis"), ArenaView::analysis, [&] { draw_analysis_view(arena, tr); });
    scrolled_tab(tr_key("Trade-offs"), ArenaView::tradeoffs, [&] { draw_tradeoff_view(arena, tr); });
    arena.view_requested = false;
    ImGui::EndTabBar();
}

}  // namespace tunelab::ui
