#pragma once
// Optimizers over a flat span of parameters, so the same code steps a network (all its weights and
// biases live in one buffer) and a point on a 2-D toy loss surface (surfaces.h).
#include <span>
#include <vector>

#include "core/settings.h"

namespace tunelab {

class Optimizer {
public:
    Optimizer(const OptimizerConfig& config, size_t parameters);

    // One update θ ← θ − (rule's step) from gradient g at learning rate lr.
    void step(std::span<float> params, std::span<const float> grads, float lr);

    int steps_taken() const { return steps_; }
    const OptimizerConfig& config() const { return config_; }

private:
    OptimizerConfig config_;
    // First and second moment state: velocity (momentum, nesterov), squared-gradient sum or average
    // (adagrad, rmsprop), m and v (adam, adamw). Unused ones stay empty.
    std::vector<float> first_, second_;
    int steps_ = 0;
    double beta1_power_ = 1, beta2_power_ = 1;  // β1ᵗ, β2ᵗ for Adam's bias correction
};

}  // namespace tunelab
