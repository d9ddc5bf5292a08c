#include "core/optimizer.h"

#include <cmath>

#include "core/kernels.h"

namespace tunelab {

Optimizer::Optimizer(const OptimizerConfig& config, size_t parameters) : config_(config) {
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
}

void Optimizer::step(std::span<float> params, std::span<const float> grads, float lr) {
    ++steps_;
    const size_t n = params.size();
    float* p = params.data();
    const float* g = grads.data();
    float* v = first_.data();
    const auto mu = static_cast<float>(config_.momentum);
    const auto eps = static_cast<float>(config_.epsilon);
    // By value: a float written through p must not be able to alias lr, mu or eps.
    kernels::with_widest_simd([=, this] {
        switch (config_.kind) {
            case OptimizerKind::sgd:  // θ ← θ − η·g
                for (size_t i = 0; i < n; ++i) p[i] -= lr * g[i];
                break;
            case OptimizerKind::momentum:  // v ← μ·v − η·g;  θ ← θ + v   (Polyak's heavy ball)
                for (size_t i = 0; i < n; ++i) {
                    v[i] = mu * v[i] - lr * g[i];
                    p[i] += v[i];
                }
                break;
            case OptimizerKind::nesterov:
                // Nesterov's look-ahead (Sutskever et al. 2013): v ← μ·v − η·∇f(θ + μ·v); θ ← θ + v.
                // Tracking θ' = θ + μ·v instead, the gradient is taken where the parameters are:
                // v_new = μ·v − η·g(θ');  θ' ← θ' − μ·v + (1 + μ)·v_new.
                for (size_t i = 0; i < n; ++i) {
                    float previous = v[i];
                    v[i] = mu * v[i] - lr * g[i];
                    p[i] += -mu * previous + (1.0f + mu) * v[i];
                }
                break;
            case OptimizerKind::adagrad:  // G ← G + g²;  θ ← θ − η·g/(√G + ε)
                for (size_t i = 0; i < n; ++i) {
                    v[i] += g[i] * g[i];
                    p[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
                }
                break;
            case OptimizerKind::rmsprop: {  // E ← ρ·E + (1−ρ)·g²;  θ ← θ − η·g/(√E + ε)
                const auto rho = static_cast<float>(config_.rho);
                for (size_t i = 0; i < n; ++i) {
                    v[i] = rho * v[i] + (1.0f - rho) * g[i] * g[i];
                    p[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
                }
                break;
            }
            case OptimizerKind::adam:
            case OptimizerKind::adamw: {
                // m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  m̂ = m/(1−β1ᵗ);  ŝ = s/(1−β2ᵗ)
                // θ ← θ − η·m̂/(√ŝ + ε)   (Kingma & Ba 2015)
                // AdamW also decays the weights directly, outside the adaptive scaling:
                // θ ← θ − η·λ·θ  (Loshchilov & Hutter 2019), unlike an L2 term added to g.
                const auto b1 = static_cast<float>(config_.beta1), b2 = static_cast<float>(config_.beta2);
                // β1ᵗ and β2ᵗ by repeated multiplication: exact IEEE steps, unlike pow, whose last bit
                // differs between C libraries.
                beta1_power_ *= config_.beta1;
                beta2_power_ *= config_.beta2;
                const auto m_correction = static_cast<float>(1.0 / (1.0 - beta1_power_));
                const auto s_correction = static_cast<float>(1.0 / (1.0 - beta2_power_));
                const float decay = config_.kind == OptimizerKind::adamw
                                        ? lr * static_cast<float>(config_.weight_decay) : 0.0f;
                float* s = second_.data();
                for (size_t i = 0; i < n; ++i) {
                    v[i] = b1 * v[i] + (1.0f - b1) * g[i];
                    s[i] = b2 * s[i] + (1.0f - b2) * g[i] * g[i];
                    float m_hat = v[i] * m_correction, s_hat = s[i] * s_correction;
                    p[i] -= lr * m_hat / (std::sqrt(s_hat) + eps) + decay * p[i];
                }
                break;
            }
        }
    });
}

}  // namespace tunelab
