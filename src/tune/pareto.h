#pragma once
// Trade-offs between objectives: error against cost. A trial is on the Pareto front when no other
// trial is at least as good on every objective and strictly better on one — the trade-offs worth
// showing a learner. The hypervolume measures a whole front by one number: the share of a box of
// objective values that its trials dominate, so fronts (and the strategies that found them) compare.
#include <vector>

#include "tune/objective.h"
#include "tune/study.h"

namespace tunelab::tune {

// Points to minimize, one coordinate per objective.
using ObjectivePoint = std::vector<double>;

// Non-dominated sorting (Deb et al., "A fast and elitist multiobjective genetic algorithm: NSGA-II",
// 2002): rank 0 is the front, rank 1 the front of the rest, and so on. Equal points share a rank.
std::vector<int> nondominated_ranks(const std::vector<ObjectivePoint>& points);

// The exact volume of the region that the points dominate and that dominates `reference`, by
// slicing along the last coordinate (While et al., "A faster algorithm for calculating
// hypervolume", 2006): O(n^(d−1) log n), meant for 2 and 3 objectives. Points not better than the
// reference in every coordinate add nothing. Throws std::invalid_argument on mismatched dimensions.
double hypervolume(std::vector<ObjectivePoint> points, const ObjectivePoint& reference);

// The objectives a study's front is drawn over: its own, or for a single-objective study its value
// against its training cost (FLOPs), the trade-off every trained trial has.
std::vector<Measure> trade_off_measures(const Study& study);
// A finished trial's point over those objectives, each to minimize: the value as the study's loss,
// FLOPs as log10 (costs span orders of magnitude; the arena draws them on a log axis too).
ObjectivePoint trade_off_point(const Study& study, const Trial& trial);
// Numbers of the complete trials on the front, ordered by increasing cost (the last objective).
std::vector<int> pareto_front(const Study& study);

// Where a front is measured: each objective's best and worst possible value, in trade_off_point's
// units (an error from 0 to 1; log10 FLOPs of the cheapest and the costliest trial the space allows).
struct TradeOffBox {
    ObjectivePoint ideal, nadir;
};
// The box of an objective's trade-offs over `measures`, or nothing when a measure is unbounded (a
// validation loss) or all trials cost the same (the space tunes neither epochs nor the network's size).
std::optional<TradeOffBox> trade_off_box(const Objective& objective, const std::vector<Measure>& measures);

// The reference point of the hypervolume lies this far beyond the box's worst corner, as a share of
// each side, so that the front's extreme trials (the costliest network, the worst error) still count:
// the common "nadir plus 10 %" choice (Ishibuchi et al., "How to specify a reference point in
// hypervolume calculation", 2018, discuss it).
inline constexpr double kReferenceMargin = 0.1;

// The hypervolume of a study's first `trials` trials (all: -1), each objective scaled to [0, 1] over
// `box`, as a share of the reference point's box [0, 1 + kReferenceMargin]^d: 0 for no finished trial,
// 1 for a trial at the ideal corner.
double hypervolume_share(const Study& study, const TradeOffBox& box, int trials = -1);
// hypervolume_share after each trial: [k] counts trials 0..k.
std::vector<double> hypervolume_curve(const Study& study, const TradeOffBox& box);

}  // namespace tunelab::tune
