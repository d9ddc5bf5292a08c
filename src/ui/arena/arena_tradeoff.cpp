// The trade-offs view: every strategy's Pareto front of score against training cost on the race's
// first seed, its hypervolume trial by trial over all seeds, and a table of what each front covers.
// A single-objective strategy shows where it looked on the same axes: usually one corner.
#include "ui/arena/arena_tradeoff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "tune/parego.h"
#include "tune/tpe.h"
#include "ui/arena/arena_analysis.h"
#include "ui/arena/arena_views.h"
#include "ui/widgets/plot.h"
#include "ui/widgets/widgets.h"

namespace tunelab::ui {

namespace {

// A study's hypervolume curve without the trial still running at its end: it counts finished trials.
std::vector<double> finished_curve(const tune::Study& study, const tune::TradeOffBox& box) {
    std::vector<double> curve = tune::hypervolume_curve(study, box);
    while (!curve.empty() && study.trial(int(curve.size()) - 1).status == tune::TrialStatus::running) curve.pop_back();
    return curve;
}

double cost_span(const tune::Study& study, const std::vector<int>& front) {
    if (front.empty()) return NAN;
    return study.trial(front.back()).cost.flops / std::max(study.trial(front.front()).cost.flops, 1.0);
}

}  // namespace

double StrategyTradeOff::mean_hypervolume() const {
    double sum = 0;
    int n = 0;
    for (const std::vector<double>& c : curves)
        if (!c.empty()) sum += c.back(), ++n;
    return n ? sum / n : NAN;
}

double StrategyTradeOff::mean_front_size() const {
    double sum = 0;
    for (const std::vector<int>& f : fronts) sum += double(f.size());
    return fronts.empty() ? NAN : sum / double(fronts.size());
}

double StrategyTradeOff::mean_cost_span() const {
    double logs = 0;
    int n = 0;
    for (size_t k = 0; k < fronts.size(); ++k)
        if (const double span = cost_span(racers[k]->runner->study(), fronts[k]); std::isfinite(span)) logs += std::log(span), ++n;
    return n ? std::exp(logs / n) : NAN;
}

std::optional<tune::TradeOffBox> race_box(const ArenaState& arena) {
    if (!arena.objective || !is_network(arena.raced)) return std::nullopt;
    return tune::trade_off_box(*arena.objective, {tune::Measure::value, tune::Measure::flops});
}

std::vector<StrategyTradeOff> trade_offs(const ArenaState& arena) {
    std::vector<StrategyTradeOff> out;
    if (arena.racers.empty()) return out;
    const std::optional<tune::TradeOffBox> box = race_box(arena);
    for (const std::string& strategy : arena.raced.strategies) {
        StrategyTradeOff s;
        s.strategy = strategy;
        s.racers = racers_of(arena, strategy);
        for (const Racer* r : s.racers) {
            s.fronts.push_back(tune::pareto_front(r->runner->study()));
            s.curves.push_back(box ? finished_curve(r->runner->study(), *box) : std::vector<double>{});
        }
        out.push_back(std::move(s));
    }
    return out;
}

void draw_tradeoff_view(const ArenaState& arena, const Translator& tr) {
    ImGui::Text(tr("Each strategy's Pareto front: %s against training cost"), score_label(arena, tr));
    const char* help = tr(
        "A strategy's Pareto front: its trials that no other of its trials beats on both score and training cost. A strategy that "
        "optimizes the score alone crowds into one corner, the best score at whatever cost; ParEGO, which weighs both, spreads along the "
        "whole front: from cheap networks that are nearly as good to costly ones that are best.");
    tooltip(help);
    if (!is_network(arena.raced)) {
        wrapped_text(
            tr("The Pareto view needs the lab objective: a test function costs nothing to evaluate, so there is no trade-off."), 0, true);
        return;
    }
    const std::vector<StrategyTradeOff> all = trade_offs(arena);
    const int seed = arena.raced.seed;
    plot::Options opt;
    opt.x.label = tr("training cost (FLOPs)");
    opt.x.log = true;
    opt.y.label = score_label(arena, tr);
    opt.y.log = log_scores(arena);
    if (plot::begin("##fronts", ImVec2(-1, 300), opt)) {
        for (size_t i = 0; i < all.size(); ++i) {
            if (all[i].racers.empty()) continue;
            const tune::Study& study = all[i].racers.front()->runner->study();
            const ImU32 color = plot::series_color(int(i));
            std::vector<double> xs, ys, fx, fy;
            std::vector<std::string> texts;
            for (const tune::Trial& t : study.trials())
                if (t.status == tune::TrialStatus::complete) xs.push_back(t.cost.flops), ys.push_back(*t.value);
            for (const int n : all[i].fronts.front()) {
                const tune::Trial& t = study.trial(n);
                fx.push_back(t.cost.flops);
                fy.push_back(*t.value);
                char head[64];
                std::snprintf(head, sizeof head, "#%d %.4g, %.3g FLOPs: ", n, *t.value, t.cost.flops);
                texts.push_back(head + describe_params(study.space(), t.params));
            }
            plot::scatter("##trials", xs, ys, plot::faded(color, 0.35f), {.size = ImGui::GetFontSize() * 0.2f});
            plot::line("##front", fx, fy, color, {.thickness = 2.0f, .step = true});
            plot::scatter(arena_strategy_label(all[i].strategy, tr), fx, fy, color, {.hover_texts = texts});
        }
        plot::end();
    }
    tooltip(help);
    char caption[512];
    std::snprintf(caption, sizeof caption,
                  tr("Seed %d: lines join each strategy's front, faint dots are its other trials. Down and to the left is better."), seed);
    wrapped_text(caption, 0, true);
    // Strategies that start like another from the same seed share their first trials: say so before the
    // learner takes the coinciding curves for a bug.
    auto raced = [&](const char* name) { return std::any_of(all.begin(), all.end(), [&](const auto& s) { return s.strategy == name; }); };
    const bool bo = raced("bo_ei") || raced("bo_pi") || raced("bo_ucb");
    for (const Racer& r : arena.racers)
        if (const auto* parego = dynamic_cast<const tune::ParEgoSampler*>(&r.runner->sampler()); parego && bo) {
            std::snprintf(caption, sizeof caption,
                          tr("ParEGO's first %d trials are BO's own quasi-random start, from the same seed: their curves agree until "
                             "ParEGO's model takes over."),
                          parego->initial_points(r.runner->study().space()));
            wrapped_text(caption, 0, true);
            break;
        }
    if (raced("motpe") && raced("random")) {
        std::snprintf(caption, sizeof caption,
                      tr("MOTPE's first %d trials are random ones, from the same seed as Random's: their curves agree until MOTPE's "
                         "model takes over."),
                      tune::TpeOptions::kDefaultInitialPoints);
        wrapped_text(caption, 0, true);
    }

    const std::optional<tune::TradeOffBox> box = race_box(arena);
    if (!box) {
        const bool bounded = arena.objective && arena.objective->value_range();
        wrapped_text(bounded ? tr("All trials cost about the same: tune epochs, units or layers to give them different costs.")
                             : tr("The hypervolume needs a bounded score: choose validation accuracy as the score in the set-up."));
        return;
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Hypervolume after each trial (mean over seeds; band: lowest to highest)"));
    const char* hv_help = tr(
        "The hypervolume measures a whole front by one number: the share of the box from a perfect score to an error of 1, and from "
        "the cheapest to the costliest network the ranges allow (log scale), that the front's trials dominate, measured from a corner "
        "a tenth beyond the worst. Higher is better; only a front that reaches both the cheap and the accurate end gets near 1.");
    tooltip(hv_help);
    plot::Options hv;
    hv.x.label = tr("trial");
    hv.x.integer = true;
    hv.y.label = tr("hypervolume");
    hv.y.min = 0;  // the whole scale: a share of the box, comparable from race to race
    hv.y.max = 1;
    if (plot::begin("##hypervolume", ImVec2(-1, 240), hv)) {
        for (size_t i = 0; i < all.size(); ++i) {
            size_t n = SIZE_MAX;
            for (const std::vector<double>& c : all[i].curves) n = std::min(n, c.size());
            if (all[i].curves.empty() || n == 0 || n == SIZE_MAX) continue;
            std::vector<double> trial(n), mean(n), lo(n, INFINITY), hi(n, -INFINITY);
            for (size_t k = 0; k < n; ++k) {
                trial[k] = double(k + 1);
                for (const std::vector<double>& c : all[i].curves)
                    mean[k] += c[k] / double(all[i].curves.size()), lo[k] = std::min(lo[k], c[k]), hi[k] = std::max(hi[k], c[k]);
            }
            const ImU32 color = plot::series_color(int(i));
            if (all[i].curves.size() > 1) plot::band("##spread", trial, lo, hi, plot::faded(color, 0.2f));
            plot::line(arena_strategy_label(all[i].strategy, tr), trial, mean, color, {.step = true});
        }
        plot::end();
    }
    tooltip(hv_help);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##fronts_table", 4, flags)) return;
    ImGui::TableSetupColumn(tr("Strategy"));
    ImGui::TableSetupColumn(tr("Front points"));
    ImGui::TableSetupColumn(tr("Hypervolume"));
    ImGui::TableSetupColumn(tr("Cost span of the front"));
    ImGui::TableHeadersRow();
    for (const StrategyTradeOff& s : all) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(arena_strategy_label(s.strategy, tr));
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", s.mean_front_size());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", s.mean_hypervolume());
        ImGui::TableNextColumn();
        ImGui::Text("%.3g×", s.mean_cost_span());
    }
    ImGui::EndTable();
    wrapped_text(tr("Means over the seeds. Cost span: the costliest front trial's FLOPs over the cheapest's."), 0, true);
}

json::Value tradeoff_json(const ArenaState& arena) {
    json::Array strategies;
    auto number_or_null = [](double x) { return std::isfinite(x) ? json::Value(x) : json::Value(nullptr); };
    for (const StrategyTradeOff& s : trade_offs(arena)) {
        json::Array fronts, curves;
        for (size_t k = 0; k < s.racers.size(); ++k) {
            const tune::Study& study = s.racers[k]->runner->study();
            json::Array front;
            for (const int n : s.fronts[k])
                front.push_back(json::Object{{"number", n}, {"flops", study.trial(n).cost.flops}, {"value", *study.trial(n).value}});
            fronts.push_back(std::move(front));
            curves.push_back(json::Array(s.curves[k].begin(), s.curves[k].end()));
        }
        strategies.push_back(json::Object{{"strategy", s.strategy},
                                          {"hypervolume", number_or_null(s.mean_hypervolume())},
                                          {"front_size", number_or_null(s.mean_front_size())},
                                          {"cost_span", number_or_null(s.mean_cost_span())},
                                          {"fronts", std::move(fronts)},
                                          {"curves", std::move(curves)}});
    }
    return json::Object{{"box", race_box(arena).has_value()}, {"strategies", std::move(strategies)}};
}

}  // namespace tunelab::ui
