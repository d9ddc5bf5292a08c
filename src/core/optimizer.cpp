#include "core/optimizer.h"

#include <algorithm>
#include <cmath>

#include "core/kernels.h"

namespace tunelab {

Optimizer::Optimizer(const OptimizerConfig& config, size_t parameters, double base_lr)
    : config_(config), base_lr_(base_lr), rate_(base_lr) {
    switch (config.kind) {
        case OptimizerKind::sgd: break;
        case OptimizerKind::momentum:
        case OptimizerKind::nesterov:
        case OptimizerKind::adagrad:
        case OptimizerKind::rmsprop: first_.assign(parameters, 0.0f); break;
        case OptimizerKind::adam:
        case OptimizerKind::adamw:
            first_.assign(parameters, 0.0f);
            second_.assign(parameters, 0.0f);
            break;
    }
    if (config.hypergradient) direction_.assign(parameters, 0.0f);
}

float Optimizer::step(std::span<float> params, std::span<const float> grads, float lr) {
    ++steps_;
    const size_t n = params.size();
    float* p = params.data();
    const float* g = grads.data();
    float* v = first_.data();
    float* u = direction_.empty() ? nullptr : direction_.data();
    const auto mu = static_cast<float>(config_.momentum);
    const auto eps = static_cast<float>(config_.epsilon);
    // Every rule below is θ ← θ − η·d with a direction d of its own. With hypergradient descent the
    // rate the schedule gives is scaled by the adapted rate over the set one, α/α₀ (the schedule
    // shapes, the hypergradient scales), and before the step α follows ∂f(θ)/∂α = g·∂θ/∂α, where
    // ∂θ/∂α = −u is the previous step's direction times its scale (Baydin et al. 2018):
    //   α ← α − β·g·(−u)  =  α + β·g·u
    // It stays ≥ 0: a negative rate would climb the loss.
    float scale = 1;
    if (u) {
        if (steps_ > 1) rate_ = std::max(0.0, rate_ + config_.hypergradient_beta * kernels::dot(g, u, static_cast<int>(n)));
        scale = base_lr_ > 0 ? static_cast<float>(lr / base_lr_) : 1.0f;
        lr = static_cast<float>(rate_) * scale;
    }
    // u ← scale·d for the next step's hypergradient, and θ ← θ − η·d. The adaptive rules below step
    // by η·g/q rather than η·(g/q): the rounding they always had, so saved runs keep their results.
    const auto remember = [=](size_t i, float d) {
        if (u) u[i] = scale * d;
    };
    const auto descend = [=](size_t i, float d) {
        remember(i, d);
        p[i] -= lr * d;
    };
    // By value: a float written through p must not be able to alias lr, mu or eps.
    kernels::with_widest_simd([=, this] {
        switch (config_.kind) {
            case OptimizerKind::sgd:  // d = g
                for (size_t i = 0; i < n; ++i) descend(i, g[i]);
                break;
            case OptimizerKind::momentum:  // v ← μ·v + g;  d = v   (Polyak's heavy ball, as PyTorch writes it)
                for (size_t i = 0; i < n; ++i) {
                    v[i] = mu * v[i] + g[i];
                    descend(i, v[i]);
                }
                break;
            case OptimizerKind::nesterov:
                // Nesterov's look-ahead (Sutskever et al. 2013) tracking θ' = θ − η·μ·v, so that the
                // gradient is taken where the parameters are: v ← μ·v + g;  d = g + μ·v.
                for (size_t i = 0; i < n; ++i) {
                    v[i] = mu * v[i] + g[i];
                    descend(i, g[i] + mu * v[i]);
                }
                break;
            case OptimizerKind::adagrad:  // G ← G + g²;  d = g/(√G + ε)
                for (size_t i = 0; i < n; ++i) {
                    v[i] += g[i] * g[i];
                    const float q = std::sqrt(v[i]) + eps;
                    remember(i, g[i] / q);
                    p[i] -= lr * g[i] / q;
                }
                break;
            case OptimizerKind::rmsprop: {  // E ← ρ·E + (1−ρ)·g²;  d = g/(√E + ε)
                const auto rho = static_cast<float>(config_.rho);
                for (size_t i = 0; i < n; ++i) {
                    v[i] = rho * v[i] + (1.0f - rho) * g[i] * g[i];
                    const float q = std::sqrt(v[i]) + eps;
                    remember(i, g[i] / q);
                    p[i] -= lr * g[i] / q;
                }
                break;
            }
            case OptimizerKind::adam:
            case OptimizerKind::adamw: {
                // m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  m̂ = m/(1−β1ᵗ);  ŝ = s/(1−β2ᵗ)
                // d = m̂/(√ŝ + ε)   (Kingma & Ba 2015)
                // AdamW also decays the weights directly, outside the adaptive scaling:
                // d += λ·θ  (Loshchilov & Hutter 2019), unlike an L2 term added to g.
                const auto b1 = static_cast<float>(config_.beta1), b2 = static_cast<float>(config_.beta2);
                // β1ᵗ and β2ᵗ by repeated multiplication: exact IEEE steps, unlike pow, whose last bit
                // differs between C libraries.
                beta1_power_ *= config_.beta1;
                beta2_power_ *= config_.beta2;
                const auto m_correction = static_cast<float>(1.0 / (1.0 - beta1_power_));
                const auto s_correction = static_cast<float>(1.0 / (1.0 - beta2_power_));
                const float decay = config_.kind == OptimizerKind::adamw ? static_cast<float>(config_.weight_decay) : 0.0f;
                const float lr_decay = lr * decay;
                float* s = second_.data();
                for (size_t i = 0; i < n; ++i) {
                    v[i] = b1 * v[i] + (1.0f - b1) * g[i];
                    s[i] = b2 * s[i] + (1.0f - b2) * g[i] * g[i];
                    float m_hat = v[i] * m_correction, s_hat = s[i] * s_correction;
                    const float q = std::sqrt(s_hat) + eps;
                    remember(i, m_hat / q + decay * p[i]);
                    p[i] -= lr * m_hat / q + lr_decay * p[i];
                }
                break;
            }
        }
    });
    return lr;
}

}  // namespace tunelab
