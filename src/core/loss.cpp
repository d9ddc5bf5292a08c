#include "core/loss.h"

#include <algorithm>
#include <cmath>

#include "core/activation.h"
#include "core/fastmath.h"

namespace tunelab {

namespace {

// Target of unit k for a sample whose target is t: t itself for a single unit, else one-hot.
float unit_target(float t, int k, int units) {
    return units == 1 ? t : (static_cast<int>(t) == k ? 1.0f : 0.0f);
}

}  // namespace

void apply_output(Output output, const float* logits, float* outputs, int units, int n) {
    const size_t size = size_t(units) * n;
    switch (output) {
        case Output::linear:
            std::copy(logits, logits + size, outputs);
            break;
        case Output::sigmoid:
            for (size_t i = 0; i < size; ++i) outputs[i] = sigmoid_approx(logits[i]);
            break;
        case Output::softmax:
            for (int j = 0; j < n; ++j) {
                const float* z = logits + size_t(j) * units;
                float* p = outputs + size_t(j) * units;
                float largest = *std::max_element(z, z + units);
                float sum = 0;
                for (int k = 0; k < units; ++k) sum += p[k] = exp_approx(z[k] - largest);
                for (int k = 0; k < units; ++k) p[k] /= sum;
            }
            break;
    }
}

double mean_loss(Loss loss, const float* logits, const float* outputs, const float* targets,
                 int units, int n) {
    // Each sample's loss in float (as the network computes), summed in double.
    double total = 0;
    for (int j = 0; j < n; ++j) {
        const float* z = logits + size_t(j) * units;
        const float* o = outputs + size_t(j) * units;
        switch (loss) {
            case Loss::mse:
                for (int k = 0; k < units; ++k) {
                    const float e = o[k] - unit_target(targets[j], k, units);
                    total += double(e * e) / units;
                }
                break;
            case Loss::binary_cross_entropy:
                // −[t·log σ(z) + (1−t)·log(1−σ(z))] = max(z, 0) − z·t + log(1 + e^−|z|)
                for (int k = 0; k < units; ++k) {
                    const float t = unit_target(targets[j], k, units);
                    const float softplus = log1p_approx(exp_approx(-std::fabs(z[k])));
                    total += double((z[k] > 0 ? z[k] : 0.0f) - z[k] * t + softplus) / units;
                }
                break;
            case Loss::categorical_cross_entropy: {
                // −log softmax(z)_y = log Σ e^z − z_y, with the max shifted out
                const float largest = *std::max_element(z, z + units);
                float sum = 0;
                for (int k = 0; k < units; ++k) sum += exp_approx(z[k] - largest);
                total += double(largest + log_approx(sum) - z[static_cast<int>(targets[j])]);
                break;
            }
        }
    }
    return total / n;
}

void loss_gradient(Loss loss, Output output, const float* outputs, const float* targets, int units,
                   int n, float* delta) {
    for (int j = 0; j < n; ++j) {
        const float* o = outputs + size_t(j) * units;
        float* d = delta + size_t(j) * units;
        if (loss != Loss::mse) {  // cross-entropy paired with its output function (validate.cpp)
            const float scale = loss == Loss::binary_cross_entropy ? 1.0f / (float(n) * units) : 1.0f / n;
            for (int k = 0; k < units; ++k) d[k] = (o[k] - unit_target(targets[j], k, units)) * scale;
            continue;
        }
        // MSE: ∂/∂o = 2(o − t)/(n·units), then through the output function.
        for (int k = 0; k < units; ++k)
            d[k] = 2.0f * (o[k] - unit_target(targets[j], k, units)) / (float(n) * units);
        if (output == Output::sigmoid) {
            multiply_by_derivative(Activation::sigmoid, o, d, units);
        } else if (output == Output::softmax) {
            // Jacobian of softmax: ∂p_k/∂z_i = p_k(δ_ki − p_i), so ∂L/∂z_i = p_i(g_i − Σ_k g_k p_k).
            float weighted = 0;
            for (int k = 0; k < units; ++k) weighted += d[k] * o[k];
            for (int k = 0; k < units; ++k) d[k] = o[k] * (d[k] - weighted);
        }
    }
}

int predicted_class(const float* outputs, int units) {
    if (units == 1) return outputs[0] > 0.5f ? 1 : 0;
    return static_cast<int>(std::max_element(outputs, outputs + units) - outputs);
}

void MetricSums::add(Task task, const float* outputs, const float* targets, int units, int n) {
    for (int j = 0; j < n; ++j) {
        const float* o = outputs + size_t(j) * units;
        if (task == Task::classification) {
            correct += predicted_class(o, units) == static_cast<int>(targets[j]);
        } else {
            double y = targets[j], e = y - o[0];
            squared_error += e * e;
            sum_y += y;
            sum_y2 += y * y;
        }
    }
    count += n;
}

double MetricSums::value(Task task) const {
    if (count == 0) return std::nan("");
    if (task == Task::classification) return correct / count;
    double total = sum_y2 - sum_y * sum_y / count;  // Σ(y − ȳ)²
    return total > 0 ? 1.0 - squared_error / total : std::nan("");
}

}  // namespace tunelab
