#pragma once
// L1 and L2 penalties on the weights (never the biases: a bias shifts a unit, it does not make the
// model more complex).
#include <span>
#include <utility>
#include <vector>

namespace tunelab {

// [begin, end) index ranges of the weights inside the flat parameter buffer.
using WeightRanges = std::vector<std::pair<size_t, size_t>>;

// l1·Σ|w| + (l2/2)·Σw²
double penalty(std::span<const float> params, const WeightRanges& weights, double l1, double l2);

// ∂/∂w of (l2/2)·Σw² is l2·w: added to the data gradient before the optimizer step.
void add_l2_gradient(std::span<const float> params, std::span<float> grads, const WeightRanges& weights,
                     float l2);

// L1 as a proximal step after the optimizer's update: w ← sign(w)·max(|w| − threshold, 0) with
// threshold = lr·l1, the minimizer of ½(w − w_updated)² + lr·l1·|w|.
//
// Why not the subgradient l1·sign(w) in the gradient? It pushes a small weight across zero and back
// forever: the weight jitters around 0 and never lands on it. Soft thresholding sets it to exactly 0
// as soon as the data's pull is weaker than l1, which is what "L1 makes networks sparse" means;
// L2's pull l2·w shrinks with w and never reaches 0. (For SGD this is exact proximal gradient
// descent; after an adaptive optimizer's step, which rescales each weight's step, the threshold
// lr·l1 is the usual simplification.)
void l1_proximal_step(std::span<float> params, const WeightRanges& weights, float threshold);

}  // namespace tunelab
