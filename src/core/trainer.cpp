#include "core/trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "core/kernels.h"
#include "core/regularization.h"
#include "core/schedule.h"
#include "core/stopwatch.h"
#include "core/validate.h"

namespace tunelab {

namespace {

// Weights beyond this magnitude mean the run has blown up even while the loss is still finite
// (e.g. a saturated sigmoid hides it): stop before they overflow to Inf.
constexpr float kExplodedWeight = 1e6f;

// Separate random streams for each use, so that e.g. switching dropout on does not change the
// order in which samples are shuffled.
enum Stream : uint64_t { init_stream = 11, shuffle_stream = 12, dropout_stream = 13 };

const TrainConfig& checked(const TrainConfig& config, const DataInfo& info) {
    std::vector<Issue> issues = validate(config, info);
    if (!issues.empty()) throw ConfigError(std::move(issues));
    return config;
}

int largest_batch(const TrainConfig& config, int train_size) {
    int largest = 1;
    for (int e = 0; e < config.epochs; ++e) largest = std::max(largest, batch_size(config.batch, e, train_size));
    return largest;
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

Histogram histogram(std::span<const float> values, int bins) {
    Histogram h;
    h.counts.assign(std::max(bins, 1), 0);
    bool any = false;  // NaN and ±Inf (a diverged model) are left out of the bins
    for (float v : values)
        if (std::isfinite(v)) {
            h.min = any ? std::min(h.min, v) : v;
            h.max = any ? std::max(h.max, v) : v;
            any = true;
        }
    if (!any) return h;
    if (h.max == h.min) {  // one value: centre it in a bin of width 1
        h.min -= 0.5f;
        h.max += 0.5f;
    }
    const double width = (double(h.max) - h.min) / h.counts.size();
    for (float v : values) {
        if (!std::isfinite(v)) continue;
        auto bin = static_cast<size_t>((double(v) - h.min) / width);
        ++h.counts[std::min(bin, h.counts.size() - 1)];
    }
    return h;
}

Trainer::Trainer(const TrainConfig& config, PreparedData data)
    : config_(checked(config, data.info)),
      data_(std::move(data)),
      model_(config_.model, data_.info.inputs, output_units(config_.model, data_.info)),
      optimizer_(config_.optimizer, model_.parameters().size(), config_.lr.lr),
      shuffle_rng_(config_.seed, shuffle_stream),
      dropout_rng_(config_.seed, dropout_stream),
      work_(model_, largest_batch(config_, data_.info.train_size)),
      batch_x_(data_.info.inputs, work_.capacity),
      batch_y_(work_.capacity) {
    Rng init_rng(config_.seed, init_stream);
    model_.initialize(config_.model.init, config_.model.init_scale, init_rng);
    order_.resize(data_.info.train_size);
    weight_ranges_ = model_.weight_ranges();
    for (int l = 0; l < model_.layer_count(); ++l)
        bias_ranges_.emplace_back(model_.layer(l).bias_offset, model_.layer(l).bias_offset + model_.layer(l).units);
    flops_per_sample_ = model_.forward_flops_per_sample();
    // Room for every record and first-epoch loss up front: steps then allocate nothing.
    history_.reserve(config_.epochs);
    const int first_batch = batch_size(config_.batch, 0, data_.info.train_size);
    first_epoch_losses_.reserve((data_.info.train_size + first_batch - 1) / first_batch);
    for (int l = 0; l < model_.layer_count(); ++l) has_dropout_ = has_dropout_ || model_.layer(l).dropout > 0;
}

bool Trainer::finished() const {
    return status_ == Status::finished || status_ == Status::diverged || status_ == Status::stopped_early;
}

int Trainer::batches_in_epoch() const {
    const int size = batch_size_ > 0 ? batch_size_ : batch_size(config_.batch, epoch_, data_.info.train_size);
    return (data_.info.train_size + size - 1) / size;
}

void Trainer::start_epoch() {
    batch_size_ = batch_size(config_.batch, epoch_, data_.info.train_size);
    std::iota(order_.begin(), order_.end(), 0);
    shuffle_rng_.shuffle(std::span<int>(order_));
    loss_sum_ = gradient_norm_sum_ = 0;
    layer_gradient_norm_sums_.assign(weight_ranges_.size(), 0.0);
    train_metric_ = {};
}

void Trainer::step() {
    if (finished()) return;
    const size_t records = history_.size();
    const Stopwatch watch;
    advance();
    add_time(watch.elapsed_seconds(), records);
}

void Trainer::add_time(double seconds, size_t records_before) {
    seconds_ += seconds;
    if (history_.size() > records_before) history_.back().seconds = seconds_;  // includes the validation pass
}

void Trainer::advance() {
    if (batch_ == 0) start_epoch();
    status_ = Status::running;

    // Gather the mini-batch into contiguous columns.
    const int first = batch_ * batch_size_;
    const int n = std::min(batch_size_, data_.info.train_size - first);
    const int inputs = data_.info.inputs;
    const float* x = data_.train.x.data();
    float* batch_x = batch_x_.data();
    for (int j = 0; j < n; ++j) {
        const int sample = order_[first + j];
        for (int i = 0; i < inputs; ++i) batch_x[size_t(j) * inputs + i] = x[size_t(sample) * inputs + i];
        batch_y_(j) = data_.train.y(sample);
    }
    // The schedule is read in the middle of the step's slice of the epoch: never exactly 0 during
    // a warm-up, and the same for a preview curve sampled at the same points.
    const double t = epoch_ + (batch_ + 0.5) / batches_in_epoch();
    const auto scheduled = static_cast<float>(learning_rate(config_.lr, t, config_.epochs));

    forward(model_, batch_x_.data(), n, work_, has_dropout_ ? &dropout_rng_ : nullptr);
    const double loss = batch_loss(model_, work_, batch_y_.data(), n);
    flops_ += flops_per_sample_ * n;
    if (epoch_ == 0) first_epoch_losses_.push_back(loss);
    if (!std::isfinite(loss)) {
        loss_diverged(loss);
        return;
    }
    backward(model_, batch_x_.data(), batch_y_.data(), n, work_);
    flops_ += 2 * flops_per_sample_ * n;  // backward: the weight and the input gradients

    std::span<float> params = model_.parameters();
    std::vector<float>& grads = work_.gradients;
    if (config_.l2 > 0) add_l2_gradient(params, grads, weight_ranges_, static_cast<float>(config_.l2));
    // ‖∂loss/∂θ‖² layer by layer, weights then biases, in one pass over the gradients. Per layer
    // too: vanishing or exploding gradients show up layer by layer, deepest first.
    double squared_norm = 0;
    for (size_t l = 0; l < weight_ranges_.size(); ++l) {
        const auto [begin, end] = weight_ranges_[l];
        const auto [bias_begin, bias_end] = bias_ranges_[l];
        const float* g = grads.data() + begin;
        const float* g_bias = grads.data() + bias_begin;
        const double weights = kernels::dot(g, g, static_cast<int>(end - begin));
        squared_norm += weights + kernels::dot(g_bias, g_bias, static_cast<int>(bias_end - bias_begin));
        layer_gradient_norm_sums_[l] += std::sqrt(weights);
    }
    const float lr = optimizer_.step(params, grads, scheduled);
    learning_rate_ = lr;
    if (config_.l1 > 0) l1_proximal_step(params, weight_ranges_, static_cast<float>(lr * config_.l1));

    loss_sum_ += loss * n;
    gradient_norm_sum_ += std::sqrt(squared_norm);
    train_metric_.add(data_.info.task, work_.activations.back().data(), batch_y_.data(), model_.outputs(), n);
    ++batch_;
    if (batch_ == batches_in_epoch()) finish_epoch();
}

double Trainer::next_step_flops() const {
    if (finished()) return 0;
    // At an epoch's start the batch schedule may be about to change the size.
    const int size = batch_ == 0 ? batch_size(config_.batch, epoch_, data_.info.train_size) : batch_size_;
    const int n = std::min(size, data_.info.train_size - batch_ * size);
    const bool ends_epoch = (batch_ + 1) * size >= data_.info.train_size;
    return flops_per_sample_ * (3.0 * n + (ends_epoch ? data_.info.validation_size : 0));
}

void Trainer::run_epoch() {
    if (finished()) return;
    const size_t records = history_.size();
    const Stopwatch watch;  // one clock reading per epoch, not per step
    const int current = epoch_;
    while (!finished() && epoch_ == current) advance();
    add_time(watch.elapsed_seconds(), records);
}

void Trainer::run() {
    while (!finished()) run_epoch();
}

void Trainer::evaluate(const Dataset& part, double& loss, double& metric) {
    MetricSums sums;
    double loss_sum = 0;
    for (int first = 0; first < part.samples(); first += work_.capacity) {
        const int n = std::min(work_.capacity, part.samples() - first);
        const float* y = part.y.data() + first;
        forward(model_, part.x.col(first).data(), n, work_);
        loss_sum += batch_loss(model_, work_, y, n) * n;
        sums.add(data_.info.task, work_.activations.back().data(), y, model_.outputs(), n);
        flops_ += flops_per_sample_ * n;
    }
    loss = part.samples() > 0 ? loss_sum / part.samples() : std::nan("");
    metric = sums.value(data_.info.task);
}

void Trainer::finish_epoch() {
    EpochRecord record;
    record.epoch = epoch_ + 1;
    record.train_loss = loss_sum_ / data_.info.train_size;
    record.train_metric = train_metric_.value(data_.info.task);
    evaluate(data_.validation, record.validation_loss, record.validation_metric);
    record.learning_rate = learning_rate_;
    record.batch_size = batch_size_;
    record.gradient_norm = gradient_norm_sum_ / batch_;
    record.layer_gradient_norms.reserve(layer_gradient_norm_sums_.size());
    record.weight_norms.reserve(layer_gradient_norm_sums_.size());
    for (double sum : layer_gradient_norm_sums_) record.layer_gradient_norms.push_back(sum / batch_);
    float largest = 0;
    for (int l = 0; l < model_.layer_count(); ++l) {
        auto w = model_.weights(l);
        double squares = 0;  // summed in order (not Eigen's SIMD-dependent norm()): same bits everywhere
        for (Eigen::Index i = 0; i < w.size(); ++i) squares += double(w.data()[i]) * w.data()[i];
        record.weight_norms.push_back(std::sqrt(squares));
        largest = std::max(largest, w.cwiseAbs().maxCoeff());
    }
    record.flops = flops_;
    const EpochRecord& done = history_.emplace_back(std::move(record));
    batch_ = 0;
    ++epoch_;

    if (!(largest < kExplodedWeight)) {  // also catches NaN
        diverge(Divergence::weights_exploded, "weights exploded (largest |w| = " + number(largest) + ")", done.epoch);
        return;
    }
    if (data_.info.validation_size > 0 && !std::isfinite(done.validation_loss)) {
        diverge(std::isnan(done.validation_loss) ? Divergence::loss_nan : Divergence::loss_infinite,
                "validation loss became " + number(done.validation_loss), done.epoch);
        return;
    }
    if (config_.patience > 0 && data_.info.validation_size > 0) {
        if (done.epoch == 1 || done.validation_loss < best_validation_loss_) {
            best_validation_loss_ = done.validation_loss;
            best_epoch_ = done.epoch;
        } else if (done.epoch - best_epoch_ >= config_.patience) {
            status_ = Status::stopped_early;
            message_ = "validation loss did not improve for " + std::to_string(config_.patience) +
                       " epochs (best " + number(best_validation_loss_) + " at epoch " +
                       std::to_string(best_epoch_) + ")";
            return;
        }
    }
    if (epoch_ == config_.epochs) status_ = Status::finished;
}

void Trainer::loss_diverged(double loss) {
    diverge(std::isnan(loss) ? Divergence::loss_nan : Divergence::loss_infinite,
            "loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite"), epoch_ + 1);
}

void Trainer::diverge(Divergence cause, const std::string& why, int epoch) {
    status_ = Status::diverged;
    divergence_ = cause;
    diverged_epoch_ = epoch;
    message_ = why + " at epoch " + std::to_string(diverged_epoch_);
}

// ------------------------------------------------------------------------------------- for plots

Eigen::MatrixXf Trainer::layer_values(int layer, const Eigen::MatrixXf& inputs) const {
    const auto n = static_cast<int>(inputs.cols());
    Workspace work(model_, std::min(std::max(n, 1), 1024));
    Eigen::MatrixXf values(model_.layer(layer).units, n);
    for (int first = 0; first < n; first += work.capacity) {
        const int count = std::min(work.capacity, n - first);
        forward(model_, inputs.col(first).data(), count, work);
        values.middleCols(first, count) = work.activations[layer].leftCols(count);
    }
    return values;
}

Eigen::MatrixXf Trainer::predict(const Eigen::MatrixXf& inputs) const {
    return layer_values(model_.layer_count() - 1, inputs);
}

Eigen::MatrixXf grid_points(const Grid& grid) {
    const int r = grid.resolution;
    Eigen::MatrixXf points(2, r * r);
    for (int j = 0; j < r; ++j)
        for (int i = 0; i < r; ++i) {
            points(0, j * r + i) = grid.x_min + (grid.x_max - grid.x_min) * i / (r - 1);
            points(1, j * r + i) = grid.y_min + (grid.y_max - grid.y_min) * j / (r - 1);
        }
    return points;
}

Eigen::MatrixXf Trainer::grid_activations(int layer, const Grid& grid) const {
    if (!data_.info.planar || grid.resolution < 2) return {};
    return layer_values(layer, data_.model_inputs(grid_points(grid)));
}

Eigen::MatrixXf Trainer::predict_grid(const Grid& grid) const {
    return grid_activations(model_.layer_count() - 1, grid);
}

Histogram Trainer::weight_histogram(int layer, int bins) const {
    auto w = model_.weights(layer);
    return histogram({w.data(), static_cast<size_t>(w.size())}, bins);
}

Histogram Trainer::activation_histogram(int layer, int bins) const {
    const Dataset& part = data_.info.validation_size > 0 ? data_.validation : data_.train;
    Eigen::MatrixXf values = layer_values(layer, part.x);
    return histogram({values.data(), static_cast<size_t>(values.size())}, bins);
}

Eigen::MatrixXi Trainer::confusion_matrix(bool validation) const {
    if (data_.info.task != Task::classification) return {};
    const Dataset& part = validation ? data_.validation : data_.train;
    Eigen::MatrixXf outputs = predict(part.x);
    Eigen::MatrixXi counts = Eigen::MatrixXi::Zero(data_.info.classes, data_.info.classes);
    for (int j = 0; j < part.samples(); ++j)
        ++counts(static_cast<int>(part.y(j)), predicted_class(outputs.col(j).data(), model_.outputs()));
    return counts;
}

}  // namespace tunelab
