#pragma once
// Output functions, losses and metrics over a batch of outputs (units × n, column-major).
//
// Targets are one number per sample: a class index or a regression value. A layer of one unit
// compares its output with that number (0/1 for two classes); a layer of several units compares
// with the class's one-hot vector.
#include "core/settings.h"

namespace tunelab {

// outputs = output function(logits): identity, σ per unit, or softmax per sample (max-shifted so
// exp cannot overflow).
void apply_output(Output output, const float* logits, float* outputs, int units, int n);

// Mean over samples (and over units, for MSE and binary cross-entropy) of the loss. Cross-entropies
// are computed from the logits (log-sum-exp, softplus), never as log(probability): a saturated
// output would give log(0) = −∞.
double mean_loss(Loss loss, const float* logits, const float* outputs, const float* targets,
                 int units, int n);

// ∂(mean loss)/∂logits. For σ with binary cross-entropy and softmax with categorical cross-entropy
// this is the famous (output − target)/n; MSE goes through the output function's derivative.
void loss_gradient(Loss loss, Output output, const float* outputs, const float* targets, int units,
                   int n, float* delta);

// Predicted class of one sample: output > 0.5 for a single unit, else the arg-max.
int predicted_class(const float* outputs, int units);

// Sums from which accuracy or R² = 1 − Σ(y−ŷ)²/Σ(y−ȳ)² follow, accumulated batch by batch.
struct MetricSums {
    double correct = 0, count = 0, squared_error = 0, sum_y = 0, sum_y2 = 0;
    void add(Task task, const float* outputs, const float* targets, int units, int n);
    double value(Task task) const;
};

}  // namespace tunelab
