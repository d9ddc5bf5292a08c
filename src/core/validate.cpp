#include "core/validate.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/limits.h"

namespace tunelab {

namespace {

std::string format(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// Collects issues; each check names the field and the allowed range in the same words.
struct Checker {
    std::vector<Issue> issues;
    void range(const std::string& field, double value, double low, double high, bool low_open = false,
               bool high_open = false) {
        bool ok = std::isfinite(value) && (low_open ? value > low : value >= low) &&
                  (high_open ? value < high : value <= high);
        if (!ok)
            issues.push_back({field, "is " + format(value) + "; allowed: " + (low_open ? "(" : "[") +
                                         format(low) + ", " + format(high) + (high_open ? ")" : "]")});
    }
    void require(bool ok, const std::string& field, const std::string& message) {
        if (!ok) issues.push_back({field, message});
    }
};

bool is_generated(DatasetKind kind) { return kind <= DatasetKind::curve; }
bool is_planar_generator(DatasetKind kind) { return kind < DatasetKind::curve; }

}  // namespace

ConfigError::ConfigError(std::vector<Issue> found)
    : std::invalid_argument(describe(found)), issues(std::move(found)) {}

std::string describe(const std::vector<Issue>& issues) {
    std::string out;
    for (const Issue& issue : issues) out += (out.empty() ? "" : "\n") + issue.field + ": " + issue.message;
    return out;
}

void add_issues(std::vector<Issue>& into, std::string_view prefix, const std::vector<Issue>& issues) {
    for (const Issue& issue : issues) into.push_back({std::string(prefix) + issue.field, issue.message});
}

std::vector<Issue> validate(const DataConfig& c) {
    Checker check;
    if (is_generated(c.kind)) {
        check.range("size", c.size, 10, 5000);
        check.range("noise", c.noise, 0, 1);
    }
    check.range("val-split", c.validation_ratio, 0, 0.9);
    check.require(!c.extra.any() || is_planar_generator(c.kind), "features",
                  "extra features (x², y², xy, sin x, sin y) need a 2-D data set: circle, xor, blobs, "
                  "spiral, moons or plane");
    if (c.kind == DatasetKind::csv) {
        check.require(!c.csv_text.empty(), "csv", "no CSV data: choose a file with a header line and rows");
        check.require(!c.target_column.empty(), "target", "name the target column (one of the header's names)");
    }
    return check.issues;
}

int output_units(const ModelConfig& model, const DataInfo& data) {
    if (data.task == Task::regression) return 1;
    return model.output == Output::softmax || data.classes > 2 ? data.classes : 1;
}

void fit_output_to_task(ModelConfig& model, const DataInfo& data) {
    if (data.task == Task::regression) {
        model.output = Output::linear;
        model.loss = Loss::mse;
    } else if (data.classes == 2) {
        model.output = Output::sigmoid;
        model.loss = Loss::binary_cross_entropy;
    } else {
        model.output = Output::softmax;
        model.loss = Loss::categorical_cross_entropy;
    }
}

std::vector<Issue> validate(const TrainConfig& c, const DataInfo& data) {
    Checker check;
    const ModelConfig& m = c.model;
    check.require(m.hidden.size() <= size_t(limits::kMaxHiddenLayers), "layers",
                  "has " + std::to_string(m.hidden.size()) + " hidden layers; allowed: 0 to " +
                      std::to_string(limits::kMaxHiddenLayers));
    for (size_t i = 0; i < m.hidden.size(); ++i) {
        const std::string at = "layers[" + std::to_string(i) + "]";
        check.range(at + ".units", m.hidden[i].units, 1, limits::kMaxUnits);
        check.range(at + ".dropout", m.hidden[i].dropout, 0, 0.9);
    }
    // Wide inputs (a CSV of thousands of columns) can make even allowed layers too big to allocate.
    double weights = 0, fan_in = data.inputs;
    for (const LayerConfig& layer : m.hidden) {
        weights += (fan_in + 1) * std::max(layer.units, 0);
        fan_in = std::max(layer.units, 0);
    }
    weights += (fan_in + 1) * output_units(m, data);
    check.require(weights <= limits::kMaxWeights, "layers",
                  "a network of " + limits::describe_count(weights) + " weights needs " +
                      limits::describe_bytes(weights * 4 * sizeof(float)) + " to train; the limit is " +
                      limits::describe_count(limits::kMaxWeights) + " weights");
    if (data.task == Task::regression) {
        check.require(m.output != Output::softmax, "output", "softmax is for classes; regression allows: linear, sigmoid");
        check.require(m.loss == Loss::mse, "loss", "regression allows: mse");
    } else {
        check.require(data.classes >= 2, "target",
                      "has " + std::to_string(data.classes) + " classes; classification needs at least 2");
    }
    check.require(m.loss != Loss::binary_cross_entropy || m.output == Output::sigmoid, "loss",
                  "binary_cross_entropy needs output sigmoid (it is computed from the logits)");
    check.require(m.loss != Loss::categorical_cross_entropy || m.output == Output::softmax, "loss",
                  "categorical_cross_entropy needs output softmax (it is computed from the logits)");
    check.require(m.output != Output::softmax || m.loss != Loss::binary_cross_entropy, "output",
                  "softmax pairs with categorical_cross_entropy or mse");
    if (m.init == Init::uniform || m.init == Init::gaussian) check.range("init-scale", m.init_scale, 0, 10, true);
    if (m.init == Init::constant) check.range("init-scale", m.init_scale, -10, 10);

    const OptimizerConfig& o = c.optimizer;
    check.range("lr", c.lr.lr, 0, 10, true);
    if (o.kind == OptimizerKind::momentum || o.kind == OptimizerKind::nesterov)
        check.range("momentum", o.momentum, 0, 1, false, true);
    if (o.kind == OptimizerKind::rmsprop) check.range("rho", o.rho, 0, 1, false, true);
    if (o.kind == OptimizerKind::adam || o.kind == OptimizerKind::adamw) {
        check.range("beta1", o.beta1, 0, 1, false, true);
        check.range("beta2", o.beta2, 0, 1, false, true);
    }
    if (o.kind >= OptimizerKind::adagrad) check.range("epsilon", o.epsilon, 0, 1, true);
    if (o.kind == OptimizerKind::adamw) check.range("weight-decay", o.weight_decay, 0, 1);
    if (o.hypergradient) check.range("hypergradient", o.hypergradient_beta, 0, 1, true);

    check.range("epochs", c.epochs, 1, limits::kMaxEpochs);
    const double samples = double(c.epochs) * data.train_size;
    check.require(samples <= limits::kMaxSamplesTrained, "epochs",
                  std::to_string(c.epochs) + " epochs × " + std::to_string(data.train_size) + " training samples are " +
                      limits::describe_count(samples) + " samples to train on; the limit is " +
                      limits::describe_count(limits::kMaxSamplesTrained));
    const LrSchedule& s = c.lr;
    if (s.kind == ScheduleKind::polynomial) check.range("power", s.power, 0, 10, true);
    if (s.kind == ScheduleKind::step) check.range("step-epochs", s.step_epochs, 0, limits::kMaxEpochs, true);
    if (s.kind == ScheduleKind::step || s.kind == ScheduleKind::exponential) check.range("gamma", s.gamma, 0, 1, true);
    if (c.epochs >= 1) check.range("warmup", s.warmup_epochs, 0, c.epochs, false, true);

    check.range("batch", c.batch.size, 1, std::max(data.train_size, 1));
    check.range("batch-growth", c.batch.growth, 0.1, 10);
    check.range("l1", c.l1, 0, 10);
    check.range("l2", c.l2, 0, 10);
    check.range("patience", c.patience, 0, std::max(c.epochs, 0));
    return check.issues;
}

}  // namespace tunelab
