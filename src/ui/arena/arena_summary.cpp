// The race's generated summary: a few sentences a learner can read instead of decoding the plots.
// Pure functions of plain numbers, so tests/ui/arena_summary_test.cpp checks them without a race.
#include "ui/arena/arena_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace tunelab::ui {

namespace {
bool reaches(double value, double target, tune::Direction direction) {
    return std::isfinite(value) && (direction == tune::Direction::minimize ? value <= target : value >= target);
}
double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return values.empty() ? NAN : sum / double(values.size());
}

// Adds a paragraph of the summary (one finding each, on its own line): the space that joins a
// sentence to the one before it is dropped where it opens a paragraph.
void add_paragraph(std::string& out, std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.empty()) return;
    if (!out.empty()) out += '\n';
    out += text;
}

// Student's t: the two-sided 95% critical value for `df` degrees of freedom. Races repeat over at
// most 10 seeds (arena_setup.cpp), so df ≤ 9; a larger df would take df 9's value, which only errs
// on the side of caution.
double t_critical_95(int df) {
    static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};
    return kTable[std::clamp(df, 1, 9) - 1];
}

// The best strategy (by its mean final value) against each of the others, seed by seed, and if it
// is told apart from one and is model-based, why it won.
std::string verdict_text(const std::vector<StrategyResult>& results, tune::Direction direction, const Translator& tr) {
    const double sign = direction == tune::Direction::minimize ? 1 : -1;
    const StrategyResult* winner = nullptr;
    for (const StrategyResult& r : results) {
        const double m = mean_of(r.finals);
        if (std::isfinite(m) && (!winner || sign * m < sign * mean_of(winner->finals))) winner = &r;
    }
    if (!winner || results.size() < 2) return {};
    char text[512];
    if (winner->finals.size() < 2) {
        return tr(" With one seed this race cannot tell luck from a better strategy: repeat over more seeds.");
    }
    // The differences the seeds support first, followed by why; then those they do not.
    std::string out, unclear;
    bool apart = false;
    for (const StrategyResult& r : results) {
        if (&r == winner) continue;
        const Comparison c = compare(*winner, r, direction);
        if (!std::isfinite(c.gap)) continue;
        if (c.separated) {
            std::snprintf(text, sizeof text,
                          tr(" Seed by seed, %s ended better than %s on %d of %d seeds, by %.3g on average: a real difference (95%% sure "
                             "it lies between %.3g and %.3g)."),
                          winner->label.c_str(), r.label.c_str(), c.wins, c.seeds, c.gap, c.gap - c.margin, c.gap + c.margin);
            apart = true;
            out += text;
        } else {
            std::snprintf(text, sizeof text,
                          tr(" Seed by seed, %s ended better than %s on %d of %d seeds, by %.3g on average, but over %d seeds that gap is "
                             "only known to ±%.3g: this race cannot tell them apart; repeat over more seeds."),
                          winner->label.c_str(), r.label.c_str(), c.wins, c.seeds, c.gap, c.seeds, c.margin);
            add_paragraph(unclear, text);
        }
    }
    // Why a model-based strategy wins: it spends its later trials where the good ones are.
    if (apart && winner->model_start > 0 && std::isfinite(winner->good_share)) {
        const StrategyResult* other = nullptr;
        for (const StrategyResult& r : results)
            if (&r != winner && r.model_start == 0 && std::isfinite(r.good_share) && (!other || r.good_share > other->good_share))
                other = &r;
        std::snprintf(text, sizeof text,
                      tr(" Why: after %d spread-out first trials, %s models the score from the trials so far and tries where that model "
                         "expects improvement, so %.0f%% of its later trials landed among the best quarter of all trials"),
                      winner->model_start, winner->label.c_str(), 100 * winner->good_share);
        out += text;
        if (other) {
            std::snprintf(text, sizeof text, tr(", against %.0f%% for %s."), 100 * other->good_share, other->label.c_str());
            out += text;
        } else {
            out += tr(".");
        }
    }
    add_paragraph(out, unclear);
    return out;
}

}  // namespace

Comparison compare(const StrategyResult& a, const StrategyResult& b, tune::Direction direction) {
    const double sign = direction == tune::Direction::minimize ? 1 : -1;
    std::vector<double> differences;  // how much better a ended than b, seed by seed
    for (size_t i = 0; i < a.finals.size() && i < b.finals.size(); ++i)
        if (std::isfinite(a.finals[i]) && std::isfinite(b.finals[i])) differences.push_back(sign * (b.finals[i] - a.finals[i]));
    Comparison c;
    if (differences.size() < 2) return c;
    const double n = double(differences.size());
    c.seeds = int(differences.size());
    c.wins = int(std::count_if(differences.begin(), differences.end(), [](double d) { return d > 0; }));
    c.gap = mean_of(differences);
    double squares = 0;
    for (double d : differences) squares += (d - c.gap) * (d - c.gap);
    c.margin = t_critical_95(c.seeds - 1) * std::sqrt(squares / (n - 1) / n);
    c.separated = c.gap > c.margin;
    return c;
}

int trials_to_reach(const std::vector<double>& best_so_far, double target, tune::Direction direction) {
    for (size_t i = 0; i < best_so_far.size(); ++i)
        if (reaches(best_so_far[i], target, direction)) return int(i) + 1;
    return -1;
}

double summary_target(const std::vector<StrategyResult>& results, tune::Direction direction) {
    const double sign = direction == tune::Direction::minimize ? 1 : -1;
    double best = INFINITY;  // in the minimizing view
    std::vector<double> firsts;
    for (const StrategyResult& r : results) {
        for (double v : r.best_so_far)
            if (std::isfinite(v)) best = std::min(best, sign * v);
        auto first = std::find_if(r.best_so_far.begin(), r.best_so_far.end(), [](double v) { return std::isfinite(v); });
        if (first != r.best_so_far.end()) firsts.push_back(sign * *first);
    }
    if (firsts.empty()) return NAN;
    std::nth_element(firsts.begin(), firsts.begin() + long(firsts.size() / 2), firsts.end());
    const double median_first = std::max(firsts[firsts.size() / 2], best);
    return sign * (best + std::min(0.1 * std::abs(best), 0.05 * (median_first - best)));
}

std::string summary_text(const std::vector<StrategyResult>& results, tune::Direction direction,
                         const std::string& first_param, const Translator& tr) {
    const double target = summary_target(results, direction);
    if (!std::isfinite(target)) return tr("No trial has finished yet.");
    char text[256];
    std::snprintf(text, sizeof text, tr("Target: close to the best value found (%.4g)."), target);
    std::string out = text;
    // Fastest first, those that never got there last.
    std::vector<std::pair<int, const StrategyResult*>> order;
    for (const StrategyResult& r : results) {
        const int n = trials_to_reach(r.best_so_far, target, direction);
        order.emplace_back(n < 0 ? 1 << 30 : n, &r);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [n, r] : order) {
        if (n == 1 << 30)
            std::snprintf(text, sizeof text, tr(" %s did not reach it in %d trials."), r->label.c_str(), int(r->best_so_far.size()));
        else std::snprintf(text, sizeof text, tr(" %s reached it in %d trials."), r->label.c_str(), n);
        out += text;
    }
    // Bergstra & Bengio's point, in numbers: how many distinct values of one parameter each tried.
    std::string tried;
    for (const StrategyResult& r : results) {
        if (r.distinct_values < 0 || first_param.empty()) continue;
        std::snprintf(text, sizeof text, tr(" %s tried %d different values of %s in %d trials."), r.label.c_str(),
                      r.distinct_values, first_param.c_str(), int(r.best_so_far.size()));
        tried += text;
    }
    add_paragraph(out, tried);
    add_paragraph(out, verdict_text(results, direction, tr));
    return out;
}

}  // namespace tunelab::ui
