#include "core/regularization.h"

#include <algorithm>
#include <cmath>

namespace tunelab {

double penalty(std::span<const float> params, const WeightRanges& weights, double l1, double l2) {
    double absolute = 0, squares = 0;
    for (auto [begin, end] : weights)
        for (size_t i = begin; i < end; ++i) {
            absolute += std::abs(params[i]);
            squares += double(params[i]) * params[i];
        }
    return l1 * absolute + 0.5 * l2 * squares;
}

void add_l2_gradient(std::span<const float> params, std::span<float> grads, const WeightRanges& weights,
                     float l2) {
    for (auto [begin, end] : weights)
        for (size_t i = begin; i < end; ++i) grads[i] += l2 * params[i];
}

void l1_proximal_step(std::span<float> params, const WeightRanges& weights, float threshold) {
    for (auto [begin, end] : weights)
        for (size_t i = begin; i < end; ++i)
            params[i] = std::copysign(std::max(std::abs(params[i]) - threshold, 0.0f), params[i]);
}

}  // namespace tunelab
