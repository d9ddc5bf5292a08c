#pragma once
// The training loop as a step-able state machine: step() runs one mini-batch, so the UI can spend a
// slice of each frame training and draw in between. There is one loop; everything a plot or the
// tuning core needs is read from the trainer, without copying the model.
#include <Eigen/Core>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/loss.h"
#include "core/model.h"
#include "core/optimizer.h"
#include "core/random.h"
#include "core/regularization.h"
#include "core/settings.h"

namespace tunelab {

enum class Status { ready, running, finished, diverged, stopped_early };
template <>
inline constexpr std::array<std::string_view, 5> enum_names<Status> = {
    "ready", "running", "finished", "diverged", "stopped_early"};

// Why a run diverged, for a message in the learner's language (message() is core's English).
enum class Divergence { none, loss_nan, loss_infinite, weights_exploded };
template <>
inline constexpr std::array<std::string_view, 4> enum_names<Divergence> = {"none", "loss_nan", "loss_infinite",
                                                                           "weights_exploded"};

struct EpochRecord {
    int epoch = 0;                  // 1-based
    double train_loss = 0;          // mean of the epoch's mini-batch losses (dropout on), no penalty
    double validation_loss = 0;     // full pass over the validation part (dropout off); NaN if none
    double train_metric = 0;        // accuracy (classification) or R² (regression) over the epoch's
    double validation_metric = 0;   // batches, and over the validation part
    double learning_rate = 0;       // at the epoch's last step
    int batch_size = 0;
    double gradient_norm = 0;       // mean over the epoch's steps of ‖∂loss/∂θ‖₂
    std::vector<double> weight_norms;  // per layer, ‖W‖ (Frobenius)
    std::vector<double> layer_gradient_norms;  // per layer, mean over the epoch's steps of ‖∂loss/∂W‖
    double seconds = 0;             // wall time spent in step() so far (not deterministic)
    double flops = 0;               // floating-point operations spent so far, training and validation
};

struct Histogram {
    float min = 0, max = 0;  // range covered by the bins (finite values only)
    std::vector<int> counts;
};
// `bins` equal bins from the smallest to the largest finite value.
Histogram histogram(std::span<const float> values, int bins);

// A square grid over raw 2-D points, row by row from (x_min, y_min): point (i, j) is at
// x = x_min + (x_max−x_min)·i/(resolution−1), y likewise with j; index j·resolution + i.
struct Grid {
    float x_min = -1, x_max = 1, y_min = -1, y_max = 1;
    int resolution = 50;
};

// The grid's raw 2-D points (2 × resolution²), in the order described above.
Eigen::MatrixXf grid_points(const Grid& grid);

class Trainer {
public:
    // Throws ConfigError when validate(config, data.info) is not empty.
    Trainer(const TrainConfig& config, PreparedData data);

    void step();        // one mini-batch (and, at an epoch's end, its record); no-op once finished
    void run_epoch();   // steps to the end of the current epoch
    void run();         // steps until finished

    bool finished() const;
    Status status() const { return status_; }
    const std::string& message() const { return message_; }  // why it diverged or stopped early
    int epoch() const { return epoch_; }                        // completed epochs
    int batch_in_epoch() const { return batch_; }               // batches done in the current epoch
    int batches_in_epoch() const;
    int diverged_epoch() const { return diverged_epoch_; }       // 1-based; 0 if it did not
    Divergence divergence() const { return divergence_; }         // none unless it diverged
    const std::vector<EpochRecord>& history() const { return history_; }
    // Each mini-batch loss of the first epoch, the last one non-finite if the loss blew up there:
    // a run that diverges before its first epoch record still shows how its loss climbed.
    const std::vector<double>& first_epoch_losses() const { return first_epoch_losses_; }
    double flops() const { return flops_; }
    // What the next step() will cost, in the same units: its mini-batch forward and backward, plus
    // the validation pass when it ends an epoch (several times a plain step for small batches), so
    // a caller slicing training into frames can tell whether that step still fits.
    double next_step_flops() const;

    const TrainConfig& config() const { return config_; }
    const PreparedData& data() const { return data_; }
    const Model& model() const { return model_; }

    // ---- for plots; each runs the model in prediction mode (no dropout)
    // Outputs (outputs × n) for model inputs (inputs × n, already preprocessed).
    Eigen::MatrixXf predict(const Eigen::MatrixXf& inputs) const;
    // Layer l's activations (units × resolution²) over a grid of raw 2-D points; l = layer_count()−1
    // gives the outputs (the decision boundary). Empty when the data is not 2-D.
    Eigen::MatrixXf grid_activations(int layer, const Grid& grid) const;
    Eigen::MatrixXf predict_grid(const Grid& grid) const;
    // Layer l's weights, or its activations over the validation part (training part if empty).
    Histogram weight_histogram(int layer, int bins) const;
    Histogram activation_histogram(int layer, int bins) const;
    // classes × classes counts, row = true class, column = predicted; on the validation part (or
    // the training part with `validation` false). Empty for regression.
    Eigen::MatrixXi confusion_matrix(bool validation = true) const;

private:
    // One mini-batch, untimed: step() times each, run_epoch() and run() a whole epoch at once.
    void advance();
    void add_time(double seconds, size_t records_before);
    // Kept out of advance() (never inlined into it): what builds strings and records lives apart
    // from the per-step path, which then has no exception clean-ups (in the web build each call
    // under one would go through JavaScript).
    [[gnu::noinline]] void start_epoch();
    [[gnu::noinline]] void finish_epoch();
    [[gnu::noinline]] void loss_diverged(double loss);
    void diverge(Divergence cause, const std::string& why, int epoch);
    void evaluate(const Dataset& part, double& loss, double& metric);
    Eigen::MatrixXf layer_values(int layer, const Eigen::MatrixXf& inputs) const;

    TrainConfig config_;
    PreparedData data_;
    Model model_;
    Optimizer optimizer_;
    Rng shuffle_rng_, dropout_rng_;
    Workspace work_;           // sized for the largest batch
    Eigen::MatrixXf batch_x_;  // the current mini-batch, gathered contiguously
    Eigen::VectorXf batch_y_;
    std::vector<int> order_;   // this epoch's sample order
    WeightRanges weight_ranges_;
    std::vector<std::pair<size_t, size_t>> bias_ranges_;  // per layer, where its biases are
    bool has_dropout_ = false;

    Status status_ = Status::ready;
    std::string message_;
    int epoch_ = 0, batch_ = 0, batch_size_ = 0, diverged_epoch_ = 0;
    Divergence divergence_ = Divergence::none;
    int best_epoch_ = 0;
    double best_validation_loss_ = 0;
    double flops_ = 0, seconds_ = 0, flops_per_sample_ = 0;  // the last: of one forward pass
    // Running sums over the current epoch.
    double loss_sum_ = 0, gradient_norm_sum_ = 0, learning_rate_ = 0;
    std::vector<double> layer_gradient_norm_sums_;  // per layer, like gradient_norm_sum_
    MetricSums train_metric_;
    std::vector<EpochRecord> history_;
    std::vector<double> first_epoch_losses_;
};

}  // namespace tunelab
