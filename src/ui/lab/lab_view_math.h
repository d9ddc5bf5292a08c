#pragma once
// The decisions behind the lab's live views that need no ImGui: when a run starts over-fitting,
// which grid a decision boundary is sampled on, which units of a wide layer are drawn, how many
// columns the views get. Kept pure so doctest checks them (tests/ui/lab_views_test.cpp).
#include <Eigen/Core>
#include <span>

#include "core/surfaces.h"
#include "core/trainer.h"

namespace tunelab::ui {

// The epoch (1-based, as in EpochRecord::epoch) after which the run over-fits, or 0 if it does not.
// Noise in the validation loss must not raise the alarm, so the rule works on a smoothed curve:
// the epoch of the lowest smoothed validation loss counts when, after it,
//  - at least `sustain` = max(5, n/10) epochs followed,
//  - the last `sustain` validation losses average at least 5% above that lowest value, and by
//    more than the validation loss's own noise could explain,
//  - the validation losses from that epoch on rise as a trend (a fitted line's slope exceeds
//    three of its standard errors), and
//  - the training loss kept falling (its average over those epochs is below its value then).
// Only the finite prefix of the history is read: a diverged run is not an over-fitting one.
int overfitting_epoch(std::span<const EpochRecord> history);

// A square grid around the raw 2-D points (both parts), 10% wider than they reach, so the
// decision boundary shows a margin around the data and circles stay round.
Grid boundary_grid(const Eigen::MatrixXf& train_points, const Eigen::MatrixXf& validation_points,
                   int resolution);

// The resolution of a square grid whose forward passes cost at most about `budget_flops` when one
// sample costs `flops_per_sample`, within [lo, hi]: big networks get coarser pictures, not
// slower frames.
int grid_resolution(double flops_per_sample, double budget_flops, int lo, int hi);

// How many of a layer's `units` the network view draws when it has room for `room`: all of them
// when they fit, else `room` (the first ones; the view says "showing k of n").
int shown_units(int units, int room);

// Columns for the lab's views in an area `width` pixels wide when text is `font` pixels high:
// two side by side when each still gets a readable plot, else one (phones).
int view_columns(float width, float font);

// A number that changes whenever the parameters do: caches of grid predictions compare it to
// decide whether the picture is stale.
double parameter_checksum(std::span<const float> parameters);

// The optimizer-paths view's own learning rate for each optimizer on each surface, times the
// learner's `scale`: one rate cannot suit both plain SGD and Adam (on Rosenbrock's steep walls SGD
// needs 0.002, Adam 0.1), and the lab's rate is a network's, not a toy surface's. Chosen so none
// diverges in the view's 500 steps at scale 1, and each makes visible progress in 60.
double path_learning_rate(Surface surface, OptimizerKind kind, double scale = 1.0);

}  // namespace tunelab::ui
