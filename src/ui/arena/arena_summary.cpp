// The race's generated summary: a few sentences a learner can read instead of decoding the plots.
// Pure functions of plain numbers, so tests/ui/arena_summary_test.cpp checks them without a race.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/arena/arena.h"

namespace tunelab::ui {

namespace {
bool reaches(double value, double target, tune::Direction direction) {
    return std::isfinite(value) && (direction == tune::Direction::Minimize ? value <= target : value >= target);
}
}  // namespace

int trials_to_reach(const std::vector<double>& best_so_far, double target, tune::Direction direction) {
    for (size_t i = 0; i < best_so_far.size(); ++i)
        if (reaches(best_so_far[i], target, direction)) return int(i) + 1;
    return -1;
}

double summary_target(const std::vector<StrategyResult>& results, tune::Direction direction) {
    const double sign = direction == tune::Direction::Minimize ? 1 : -1;
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
        if (n == 1 << 30) std::snprintf(text, sizeof text, tr(" %s did not reach it in %d trials."), r->label.c_str(), int(r->best_so_far.size()));
        else std::snprintf(text, sizeof text, tr(" %s reached it in %d trials."), r->label.c_str(), n);
        out += text;
    }
    // Bergstra & Bengio's point, in numbers: how many distinct values of one parameter each tried.
    for (const StrategyResult& r : results) {
        if (r.distinct_values < 0 || first_param.empty()) continue;
        std::snprintf(text, sizeof text, tr(" %s tried %d different values of %s in %d trials."), r.label.c_str(),
                      r.distinct_values, first_param.c_str(), int(r.best_so_far.size()));
        out += text;
    }
    return out;
}

}  // namespace tunelab::ui
