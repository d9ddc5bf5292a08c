#pragma once
// Objectives for the tuning tests: a synthetic learning curve that trains "epoch by epoch".
#include <cmath>

#include "tune/objective.h"

namespace tunelab::tune::testing {

// loss(epoch e) = f(x) + 1/e: every configuration improves with training, and the ranking at any
// epoch is the final ranking, so successive halving must keep exactly the best.
class CurveObjective : public Objective {
public:
    explicit CurveObjective(int epochs) : epochs_(epochs) {}
    std::string name() const override { return "curve"; }
    Space space() const override { return Space({Param::real("x", 0, 1), Param::real("y", 0, 1)}); }
    int max_epochs() const override { return epochs_; }
    std::unique_ptr<Evaluation> start(const Values& params, uint64_t) const override {
        struct Run : Evaluation {
            double final_loss;
            int epoch = 0;
            explicit Run(double f) : final_loss(f) {}
            StepResult step() override { return {final_loss + 1.0 / ++epoch, {0.01, 1e6}, false, false}; }
        };
        return std::make_unique<Run>((params[0] - 0.3) * (params[0] - 0.3) + (params[1] - 0.6) * (params[1] - 0.6));
    }

private:
    int epochs_;
};

// Two objectives in conflict, like a network's error and its training cost: x buys a lower error
// with more FLOPs (10³ at x = 0 to 10⁶ at x = 1), y only matters for the error (best at 0.3). The
// Pareto front is y = 0.3 for every x.
class TradeOffObjective : public Objective {
public:
    std::string name() const override { return "trade-off"; }
    Space space() const override { return Space({Param::real("x", 0, 1), Param::real("y", 0, 1)}); }
    std::unique_ptr<Evaluation> start(const Values& params, uint64_t) const override {
        struct Run : Evaluation {
            double error, flops;
            Run(double e, double f) : error(e), flops(f) {}
            StepResult step() override { return {error, {0.001, flops}, false, false}; }
        };
        const double x = params[0], y = params[1];
        return std::make_unique<Run>(0.05 + 0.6 * (1 - x) * (1 - x) + 0.35 * (y - 0.3) * (y - 0.3), std::pow(10.0, 3 + 3 * x));
    }
    std::optional<std::array<double, 2>> value_range() const override { return std::array<double, 2>{0, 1}; }
    std::optional<std::array<double, 2>> flops_range() const override { return std::array<double, 2>{1e3, 1e6}; }
};

}  // namespace tunelab::tune::testing
