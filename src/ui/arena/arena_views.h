#pragma once
// The live views of a race (progress, landscape, BO model, trial table) and the pieces the analysis
// views share with them (arena_views.cpp).
#include <imgui.h>

#include <string>
#include <vector>

#include "tune/space.h"
#include "tune/study.h"
#include "ui/arena/arena.h"
#include "ui/arena/arena_summary.h"
#include "ui/i18n.h"
#include "ui/widgets/plot.h"

namespace tunelab::ui {

struct AppState;

// `own_scroll`: the tall views scroll inside their tab (beside the set-up); on a phone they are part
// of the one scrolling column (a scroll area inside another traps a finger's swipe).
void draw_arena_views(AppState& app, ImVec2 size, bool own_scroll = true);
std::string race_summary(const ArenaState& arena, const Translator& tr);  // summary_text of the race

// Pieces the analysis views (arena_analysis.cpp) share.
std::vector<const Racer*> racers_of(const ArenaState& arena, const std::string& strategy);
// A parameter's extent and axis as the views show it: log axis for log parameters, a categorical's
// choices at 0, 1, … (`names` keeps the choice names alive while the plot is drawn).
plot::Range param_range(const tune::Space& space, int dim);
void set_param_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names);
// The same for a 2-D map of points, with a margin so points on the range's edge are drawn whole.
void set_map_axis(plot::Axis& axis, const tune::Space& space, int dim, std::vector<const char*>& names);
// The colour scale of scores (the low 70% of the values, so the best region is not washed out).
plot::Range score_scale(std::vector<double> values);
std::vector<ImU32> score_colors(const std::vector<double>& values, plot::Range scale);
// Boxes for small multiples: as many per row as fit at `min_width`.
float tile_width(int count, float min_width);
void next_tile(int index, float width);
const char* status_label(tune::TrialStatus status, const Translator& tr);  // "pruned" → 剪枝（提前停止）
// What the race's values are: "validation loss", "validation error (1 − accuracy)" or "objective".
const char* score_label(const ArenaState& arena, const Translator& tr);
// The race's values stay positive and span decades (the network's losses, Branin's): a log axis reads best.
bool log_scores(const ArenaState& arena);
// Each raced strategy's best-so-far (mean over seeds), the numbers behind the summary.
std::vector<StrategyResult> strategy_results(const ArenaState& arena, const Translator& tr);

}  // namespace tunelab::ui
