#pragma once
// Optimizers over a flat span of parameters, so the same code steps a network (all its weights and
// biases live in one buffer) and a point on a 2-D toy loss surface (surfaces.h).
#include <span>
#include <vector>

#include "core/settings.h"

namespace tunelab {

class Optimizer {
public:
    // base_lr: the rate the learner set (the schedule's lr), where hypergradient descent starts.
    Optimizer(const OptimizerConfig& config, size_t parameters, double base_lr);

    // One update θ ← θ − (rule's step) from gradient g at the schedule's learning rate lr. Returns
    // the rate used: lr, or with hypergradient descent lr scaled by adapted_rate()/base_lr.
    float step(std::span<float> params, std::span<const float> grads, float lr);

    int steps_taken() const { return steps_; }
    const OptimizerConfig& config() const { return config_; }
    // The base rate as hypergradient descent has adapted it so far (base_lr when it is off).
    double adapted_rate() const { return rate_; }

private:
    OptimizerConfig config_;
    // First and second moment state: velocity (momentum, nesterov), squared-gradient sum or average
    // (adagrad, rmsprop), m and v (adam, adamw). Unused ones stay empty.
    std::vector<float> first_, second_;
    // Hypergradient descent: the previous step's direction times its schedule scale (∂θ/∂α up to
    // sign), and the adapted base rate α. Empty and unused when it is off.
    std::vector<float> direction_;
    double base_lr_, rate_;
    int steps_ = 0;
    double beta1_power_ = 1, beta2_power_ = 1;  // β1ᵗ, β2ᵗ for Adam's bias correction
};

}  // namespace tunelab
