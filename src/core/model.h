#pragma once
// A multilayer perceptron whose weights and biases all live in one flat float buffer: optimizers,
// penalties, norms and histograms then see the whole model as one span, and layers are Eigen maps
// into it (for drawing the network) rather than copies.
#include <Eigen/Core>
#include <span>
#include <vector>

#include "core/random.h"
#include "core/regularization.h"
#include "core/settings.h"

namespace tunelab {

struct LayerShape {
    int inputs = 0, units = 0;
    Activation activation = Activation::linear;  // the output layer's is linear: Output applies after
    float dropout = 0.0f;                        // hidden layers only
    size_t weight_offset = 0;                    // units × inputs, column-major
    size_t bias_offset = 0;                      // units
};

class Model {
public:
    // Hidden layers from config, then an output layer of `outputs` units. Parameters start at zero:
    // call initialize().
    Model(const ModelConfig& config, int inputs, int outputs);

    void initialize(Init init, double scale, Rng& rng);

    int layer_count() const { return static_cast<int>(layers_.size()); }  // hidden + output
    const LayerShape& layer(int l) const { return layers_[l]; }
    int inputs() const { return layers_.front().inputs; }
    int outputs() const { return layers_.back().units; }
    Output output() const { return output_; }
    Loss loss() const { return loss_; }

    Eigen::Map<const Eigen::MatrixXf> weights(int l) const;
    Eigen::Map<Eigen::MatrixXf> weights(int l);
    Eigen::Map<const Eigen::VectorXf> bias(int l) const;
    Eigen::Map<Eigen::VectorXf> bias(int l);

    WeightRanges weight_ranges() const;  // where the weights (not biases) are in parameters()
    std::span<float> parameters() { return parameters_; }
    std::span<const float> parameters() const { return parameters_; }

    // Multiply-adds ×2 of one sample's forward pass (a backward pass costs twice that).
    double forward_flops_per_sample() const;

private:
    std::vector<LayerShape> layers_;
    std::vector<float> parameters_;
    Output output_;
    Loss loss_;
};

// Buffers for passes over up to `capacity` samples, allocated once so a training step allocates
// nothing. Column j of each matrix belongs to sample j of the batch.
struct Workspace {
    Workspace(const Model& model, int capacity);
    int capacity;
    std::vector<Eigen::MatrixXf> activations;  // per layer, units × capacity: f(z) before dropout;
                                               // the last holds the outputs (probabilities)
    std::vector<Eigen::MatrixXf> masks;        // per layer: dropout mask (0 or 1/(1−p)); empty if
                                               // the layer has no dropout
    std::vector<Eigen::MatrixXf> dropped;      // per layer: activations·mask, the next layer's input
    std::vector<Eigen::MatrixXf> deltas;       // per layer: ∂loss/∂z
    Eigen::MatrixXf logits;                    // outputs before the output function
    std::vector<float> transposed_weights;     // scratch: Wᵀ of the layer being backpropagated
    std::vector<float> gradients;              // ∂loss/∂parameters, same layout as the model's
    bool dropout_applied = false;              // the last forward pass trained with dropout
    // The matrix layer l + 1 read in the last forward pass: layer l's dropped activations if
    // dropout was applied, else its activations.
    const float* layer_output(int l) const;
};

// Forward pass over n samples (columns of x, inputs × n). With a dropout generator it trains
// (dropout on); without one it predicts.
void forward(const Model& model, const float* x, int n, Workspace& work, Rng* dropout = nullptr);

// Mean loss of the last forward pass against targets y (class index or value per sample).
double batch_loss(const Model& model, const Workspace& work, const float* y, int n);

// Backward pass after forward(): fills work.gradients with ∂(mean loss)/∂θ (no penalties).
void backward(const Model& model, const float* x, const float* y, int n, Workspace& work);

}  // namespace tunelab
