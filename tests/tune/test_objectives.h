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

}  // namespace tunelab::tune::testing
