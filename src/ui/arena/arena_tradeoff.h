#pragma once
// The trade-offs view: each strategy's Pareto front of score against training cost (FLOPs), drawn
// live, and its hypervolume trial by trial, so a multi-objective strategy (ParEGO) and the
// single-objective ones are compared on the same axes (arena_tradeoff.cpp).
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "tune/pareto.h"
#include "ui/arena/arena.h"
#include "ui/i18n.h"

namespace tunelab::ui {

// One raced strategy's trade-offs, seed by seed (its racers in repeat order).
struct StrategyTradeOff {
    std::string strategy;
    std::vector<const Racer*> racers;
    std::vector<std::vector<int>> fronts;     // per seed: its front's trial numbers, cheapest first
    std::vector<std::vector<double>> curves;  // per seed: the hypervolume after each finished trial (empty without a box)

    double mean_hypervolume() const;  // over the seeds, at their latest finished trial; NaN without a box
    double mean_front_size() const;   // trials on the front, over the seeds
    // How many times its costliest front trial's FLOPs its cheapest one's, over the seeds (geometric
    // mean): a front that spans the cost range has a large span, one corner a small one.
    double mean_cost_span() const;
};

// The box hypervolumes are measured in: the race's score from 0 to 1 (validation error) against the
// FLOPs of the cheapest and costliest network the ranges allow. Nothing for a test function, a
// validation loss (unbounded) or ranges that give every trial the same cost.
std::optional<tune::TradeOffBox> race_box(const ArenaState& arena);
std::vector<StrategyTradeOff> trade_offs(const ArenaState& arena);

void draw_tradeoff_view(const ArenaState& arena, const Translator& tr);
// The hook's arena.tradeoffs: {box: bool, strategies: [{strategy, hypervolume, front_size, cost_span,
// fronts: [[{number, flops, value}…] per seed], curves: [[…] per seed]}]}.
json::Value tradeoff_json(const ArenaState& arena);

}  // namespace tunelab::ui
