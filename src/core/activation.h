#pragma once
// Hidden-layer activations f(z), applied in place over a buffer, and their derivatives. Each
// derivative is written through the output a = f(z), which the forward pass keeps anyway, so the
// backward pass needs no copy of z.
#include <cmath>
#include <cstddef>

#include "core/fastmath.h"
#include "core/kernels.h"
#include "core/settings.h"

namespace tunelab {

inline constexpr float leaky_relu_slope = 0.01f;  // f(z) = 0.01·z for z < 0
inline constexpr float elu_alpha = 1.0f;          // f(z) = α(eᶻ − 1) for z < 0

inline void activate(Activation activation, float* z, size_t n) {
    kernels::with_widest_simd([=] {  // vectorized at the widest width (by value: no aliasing)
        switch (activation) {
            case Activation::relu:
                for (size_t i = 0; i < n; ++i) z[i] = z[i] > 0 ? z[i] : 0.0f;
                break;
            case Activation::leaky_relu:
                for (size_t i = 0; i < n; ++i) z[i] = z[i] > 0 ? z[i] : leaky_relu_slope * z[i];
                break;
            case Activation::tanh:
                for (size_t i = 0; i < n; ++i) z[i] = tanh_approx(z[i]);
                break;
            case Activation::sigmoid:
                for (size_t i = 0; i < n; ++i) z[i] = sigmoid_approx(z[i]);
                break;
            case Activation::linear:
                break;
            case Activation::elu:
                for (size_t i = 0; i < n; ++i) z[i] = z[i] > 0 ? z[i] : elu_alpha * std::expm1(z[i]);
                break;
        }
    });
}

// delta ← delta · f′(z), with f′ written through a = f(z).
inline void multiply_by_derivative(Activation activation, const float* a, float* delta, size_t n) {
    kernels::with_widest_simd([=] {  // vectorized at the widest width (by value: no aliasing)
        switch (activation) {
            case Activation::relu:  // f′ = 1 for z > 0 (a > 0), else 0
                for (size_t i = 0; i < n; ++i) delta[i] = a[i] > 0 ? delta[i] : 0.0f;
                break;
            case Activation::leaky_relu:
                for (size_t i = 0; i < n; ++i) delta[i] *= a[i] > 0 ? 1.0f : leaky_relu_slope;
                break;
            case Activation::tanh:  // f′ = 1 − tanh²
                for (size_t i = 0; i < n; ++i) delta[i] *= 1.0f - a[i] * a[i];
                break;
            case Activation::sigmoid:  // f′ = σ(1 − σ)
                for (size_t i = 0; i < n; ++i) delta[i] *= a[i] * (1.0f - a[i]);
                break;
            case Activation::linear:
                break;
            case Activation::elu:  // f′ = α·eᶻ = a + α for z < 0
                for (size_t i = 0; i < n; ++i) delta[i] *= a[i] > 0 ? 1.0f : a[i] + elu_alpha;
                break;
        }
    });
}

}  // namespace tunelab
