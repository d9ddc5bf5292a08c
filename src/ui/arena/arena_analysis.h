#pragma once
// The views that explain a race: Hyperband's brackets, the workers' timeline, parameter importance,
// parallel coordinates and the Pareto front (arena_analysis.cpp).
#include <string>
#include <vector>

#include "core/json.h"
#include "tune/study.h"
#include "ui/arena/arena.h"
#include "ui/i18n.h"

namespace tunelab::ui {

// "lr=0.0123 batch=32": a trial's parameters as a learner reads them (hover texts).
std::string describe_params(const tune::Space& space, const tune::Values& params);
void draw_hyperband_view(const ArenaState& arena, const Translator& tr);
void draw_timeline_view(const ArenaState& arena, const Translator& tr);
void draw_analysis_view(ArenaState& arena, const Translator& tr);
// Importance of each parameter from a GP fitted to the studies' complete trials (pooled), or empty
// when there are fewer than `importance_min_trials`.
std::vector<double> pooled_importance(const std::vector<const tune::Study*>& studies);
int importance_min_trials(const tune::Space& space);
// Every complete trial of every racer on cost (FLOPs) and value; `front` marks the Pareto front.
struct CostPoint {
    int racer = 0, number = 0;
    double flops = 0, value = 0;
    bool front = false;
};
std::vector<CostPoint> cost_points(const ArenaState& arena);
// The hook's arena.analysis: {importance: [{strategy, trials, shares: {param: share}}], pareto: […]}.
json::Value analysis_json(ArenaState& arena);

}  // namespace tunelab::ui
