#include "core/model.h"

#include <algorithm>
#include <cmath>

#include "core/activation.h"
#include "core/kernels.h"
#include "core/loss.h"

namespace tunelab {

Model::Model(const ModelConfig& config, int inputs, int outputs)
    : output_(config.output), loss_(config.loss) {
    size_t offset = 0;
    auto add_layer = [&](int units, Activation activation, double dropout) {
        LayerShape shape;
        shape.inputs = layers_.empty() ? inputs : layers_.back().units;
        shape.units = units;
        shape.activation = activation;
        shape.dropout = static_cast<float>(dropout);
        shape.weight_offset = offset;
        offset += size_t(shape.units) * shape.inputs;
        shape.bias_offset = offset;
        offset += size_t(shape.units);
        layers_.push_back(shape);
    };
    for (const LayerConfig& hidden : config.hidden) add_layer(hidden.units, hidden.activation, hidden.dropout);
    add_layer(outputs, Activation::linear, 0.0);
    parameters_.assign(offset, 0.0f);
}

void Model::initialize(Init init, double scale, Rng& rng) {
    for (const LayerShape& layer : layers_) {
        // Xavier/Glorot keeps the variance of activations and gradients equal across tanh layers:
        // U(±√(6/(fan_in + fan_out))). He doubles the variance for ReLU, which zeroes half its
        // inputs: N(0, 2/fan_in).
        const double xavier_limit = std::sqrt(6.0 / (layer.inputs + layer.units));
        const double he_sigma = std::sqrt(2.0 / layer.inputs);
        float* w = parameters_.data() + layer.weight_offset;
        for (size_t i = 0; i < size_t(layer.units) * layer.inputs; ++i) {
            double value = 0;
            switch (init) {
                case Init::zeros: value = 0; break;
                case Init::constant: value = scale; break;
                case Init::uniform: value = rng.uniform(-scale, scale); break;
                case Init::gaussian: value = rng.normal(0.0, scale); break;
                case Init::xavier: value = rng.uniform(-xavier_limit, xavier_limit); break;
                case Init::he: value = rng.normal(0.0, he_sigma); break;
            }
            w[i] = static_cast<float>(value);
        }
        // Biases start at zero: the weights alone break the symmetry between units (unless they
        // are all equal, which is the zero/constant initialization's lesson).
        std::fill_n(parameters_.data() + layer.bias_offset, layer.units, 0.0f);
    }
}

Eigen::Map<const Eigen::MatrixXf> Model::weights(int l) const {
    const LayerShape& s = layers_[l];
    return {parameters_.data() + s.weight_offset, s.units, s.inputs};
}
Eigen::Map<Eigen::MatrixXf> Model::weights(int l) {
    const LayerShape& s = layers_[l];
    return {parameters_.data() + s.weight_offset, s.units, s.inputs};
}
Eigen::Map<const Eigen::VectorXf> Model::bias(int l) const {
    return {parameters_.data() + layers_[l].bias_offset, layers_[l].units};
}
Eigen::Map<Eigen::VectorXf> Model::bias(int l) {
    return {parameters_.data() + layers_[l].bias_offset, layers_[l].units};
}

WeightRanges Model::weight_ranges() const {
    WeightRanges ranges;
    for (const LayerShape& l : layers_) ranges.push_back({l.weight_offset, l.weight_offset + size_t(l.units) * l.inputs});
    return ranges;
}

double Model::forward_flops_per_sample() const {
    double flops = 0;
    for (const LayerShape& layer : layers_) flops += 2.0 * layer.inputs * layer.units;
    return flops;
}

Workspace::Workspace(const Model& model, int capacity_) : capacity(capacity_) {
    for (int l = 0; l < model.layer_count(); ++l) {
        const LayerShape& layer = model.layer(l);
        activations.emplace_back(layer.units, capacity);
        deltas.emplace_back(layer.units, capacity);
        const bool drops = layer.dropout > 0;
        masks.emplace_back(drops ? layer.units : 0, drops ? capacity : 0);
        dropped.emplace_back(drops ? layer.units : 0, drops ? capacity : 0);
    }
    logits.resize(model.outputs(), capacity);
    size_t largest_weights = 0;
    for (int l = 0; l < model.layer_count(); ++l)
        largest_weights = std::max(largest_weights, size_t(model.layer(l).units) * model.layer(l).inputs);
    transposed_weights.resize(largest_weights);
    gradients.assign(model.parameters().size(), 0.0f);
}

const float* Workspace::layer_output(int l) const {
    return dropout_applied && dropped[l].size() > 0 ? dropped[l].data() : activations[l].data();
}

void forward(const Model& model, const float* x, int n, Workspace& work, Rng* dropout) {
    const float* params = model.parameters().data();
    const int last = model.layer_count() - 1;
    const float* input = x;
    work.dropout_applied = dropout != nullptr;
    for (int l = 0; l <= last; ++l) {
        const LayerShape& layer = model.layer(l);
        float* z = l == last ? work.logits.data() : work.activations[l].data();
        // z = W·input + b: every column starts at b, then the products are added.
        kernels::multiply(z, params + layer.weight_offset, layer.units, layer.inputs, input, 1,
                          layer.inputs, n, params + layer.bias_offset);
        const size_t size = size_t(layer.units) * n;
        if (l == last) {
            apply_output(model.output(), z, work.activations[l].data(), layer.units, n);
            break;
        }
        activate(layer.activation, z, size);
        if (dropout && layer.dropout > 0) {
            // Inverted dropout: keep a unit with probability 1−p and scale it by 1/(1−p) while
            // training, so that prediction (no dropout) needs no rescaling.
            const float keep_scale = 1.0f / (1.0f - layer.dropout);
            float* mask = work.masks[l].data();
            float* out = work.dropped[l].data();
            for (size_t i = 0; i < size; ++i) {
                mask[i] = dropout->bernoulli(layer.dropout) ? 0.0f : keep_scale;
                out[i] = z[i] * mask[i];
            }
        }
        input = work.layer_output(l);
    }
}

double batch_loss(const Model& model, const Workspace& work, const float* y, int n) {
    return mean_loss(model.loss(), work.logits.data(), work.activations.back().data(), y, model.outputs(), n);
}

void backward(const Model& model, const float* x, const float* y, int n, Workspace& work) {
    float* grads = work.gradients.data();
    const int last = model.layer_count() - 1;
    loss_gradient(model.loss(), model.output(), work.activations[last].data(), y, model.outputs(), n,
                  work.deltas[last].data());
    for (int l = last; l >= 0; --l) {
        const LayerShape& layer = model.layer(l);
        const float* delta = work.deltas[l].data();
        const float* input = l == 0 ? x : work.layer_output(l - 1);
        // ∂L/∂W = δ · inputᵀ, ∂L/∂b = Σ_samples δ
        kernels::multiply(grads + layer.weight_offset, delta, layer.units, n, input, layer.inputs, 1,
                          layer.inputs);
        float* grad_b = grads + layer.bias_offset;
        std::fill_n(grad_b, layer.units, 0.0f);
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < layer.units; ++i) grad_b[i] += delta[size_t(j) * layer.units + i];
        if (l == 0) break;
        // δ of the layer below: (Wᵀ·δ) ⊙ mask ⊙ f′(z)
        const LayerShape& below = model.layer(l - 1);
        float* below_delta = work.deltas[l - 1].data();
        // Wᵀ is copied out so the product runs on the forward pass's kernel, whose inner loop
        // walks contiguous columns (Wᵀ's columns are W's rows, strided in place).
        Eigen::Map<Eigen::MatrixXf>(work.transposed_weights.data(), layer.inputs, layer.units) =
            model.weights(l).transpose();
        kernels::multiply(below_delta, work.transposed_weights.data(), layer.inputs, layer.units, delta, 1,
                          layer.units, n);
        const size_t size = size_t(below.units) * n;
        if (work.dropout_applied && below.dropout > 0) {
            const float* mask = work.masks[l - 1].data();
            for (size_t i = 0; i < size; ++i) below_delta[i] *= mask[i];
        }
        multiply_by_derivative(below.activation, work.activations[l - 1].data(), below_delta, size);
    }
}

}  // namespace tunelab
