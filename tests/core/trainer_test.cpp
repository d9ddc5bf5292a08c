// The trainer against known answers and lessons: linear regression, XOR, the symmetry problem,
// L1 sparsity, divergence, early stopping, determinism; and what plots read from it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/trainer.h"
#include "core/validate.h"

using namespace tunelab;

namespace {

PreparedData csv_data(const char* text, const char* target, Task task) {
    DataConfig c;
    c.kind = DatasetKind::csv;
    c.csv_text = text;
    c.target_column = target;
    c.csv_task = task;
    c.validation_ratio = 0;
    DataResult r = prepare_data(c);
    REQUIRE(r.data);
    return *r.data;
}

PreparedData generated(DatasetKind kind, int size = 200, double noise = 0.05) {
    DataConfig c;
    c.kind = kind;
    c.size = size;
    c.noise = noise;
    DataResult r = prepare_data(c);
    REQUIRE(r.data);
    return *r.data;
}

TrainConfig config_for(const DataInfo& info, std::vector<LayerConfig> hidden) {
    TrainConfig t;
    t.model.hidden = std::move(hidden);
    fit_output_to_task(t.model, info);
    return t;
}

int exact_zero_weights(const Model& model) {
    int zeros = 0;
    for (auto [begin, end] : model.weight_ranges())
        for (size_t i = begin; i < end; ++i) zeros += model.parameters()[i] == 0.0f;
    return zeros;
}

bool rows_identical(const Eigen::MatrixXf& w) {
    for (Eigen::Index r = 1; r < w.rows(); ++r)
        if (w.row(r) != w.row(0)) return false;
    return true;
}

}  // namespace

TEST_CASE("known answer: gradient descent on x = 1..4, y = 2x converges to w = 2, b = 0") {
    PreparedData data = csv_data("x,y\n1,2\n2,4\n3,6\n4,8\n", "y", Task::regression);
    TrainConfig t = config_for(data.info, {});
    t.model.init = Init::zeros;
    t.lr.lr = 0.05;
    t.batch.size = 4;  // full batch: plain gradient descent
    t.epochs = 2000;
    Trainer trainer(t, data);
    trainer.run();
    CHECK(trainer.status() == Status::finished);
    CHECK(trainer.model().weights(0)(0, 0) == doctest::Approx(2.0).epsilon(1e-3));
    CHECK(std::abs(trainer.model().bias(0)(0)) < 1e-2);
    CHECK(trainer.history().back().train_metric > 0.9999);  // R²
    CHECK(trainer.history().front().train_loss > 100 * trainer.history().back().train_loss);
}

TEST_CASE("known answer: a 2-4-1 network learns XOR") {
    PreparedData data = csv_data("x,y,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", "t", Task::classification);
    TrainConfig t = config_for(data.info, {{4, Activation::tanh, 0.0}});
    t.lr.lr = 0.5;
    t.batch.size = 4;
    t.epochs = 2000;
    Trainer trainer(t, data);
    trainer.run();
    CHECK(trainer.history().back().train_metric == 1.0);
    CHECK(trainer.history().back().train_loss < 0.05);
    Eigen::MatrixXf out = trainer.predict(data.train.x);
    for (int j = 0; j < 4; ++j) CHECK((out(0, j) > 0.5f) == (data.train.y(j) == 1.0f));
    // A network with no hidden layer cannot: XOR is not linearly separable.
    TrainConfig linear = config_for(data.info, {});
    linear.lr.lr = 0.5;
    linear.batch.size = 4;
    linear.epochs = 2000;
    Trainer logistic(linear, data);
    logistic.run();
    CHECK(logistic.history().back().train_metric < 1.0);
}

TEST_CASE("lesson: zero or constant initialization leaves hidden units identical (symmetry)") {
    PreparedData data = generated(DatasetKind::circle);
    for (Init init : {Init::zeros, Init::constant, Init::xavier}) {
        INFO(name(init));
        TrainConfig t = config_for(data.info, {{5, Activation::tanh, 0.0}, {4, Activation::tanh, 0.0}});
        t.model.init = init;
        t.model.init_scale = 0.3;
        t.epochs = 20;
        Trainer trainer(t, data);
        trainer.run();
        const bool symmetric = rows_identical(trainer.model().weights(0)) && rows_identical(trainer.model().weights(1));
        CHECK(symmetric == (init != Init::xavier));
    }
}

TEST_CASE("lesson: L1 drives weights to exact zeros, L2 at the same strength does not") {
    DataConfig c;
    c.kind = DatasetKind::circle;
    c.extra = {true, true, true, true, true};
    c.preprocessing = Preprocessing::standardize;
    PreparedData data = *prepare_data(c).data;
    auto zeros_with = [&](double l1, double l2) {
        TrainConfig t = config_for(data.info, {{16, Activation::relu, 0.0}});
        t.lr.lr = 0.05;
        t.epochs = 60;
        t.l1 = l1;
        t.l2 = l2;
        Trainer trainer(t, data);
        trainer.run();
        return exact_zero_weights(trainer.model());
    };
    const int l1_zeros = zeros_with(0.01, 0), l2_zeros = zeros_with(0, 0.01), plain = zeros_with(0, 0);
    CHECK(l1_zeros > 20);
    CHECK(l1_zeros > l2_zeros);
    CHECK(l2_zeros == plain);
}

TEST_CASE("divergence: a too-large learning rate ends the run as diverged, not a crash") {
    DataConfig c;
    c.kind = DatasetKind::diabetes;
    c.data_dir = TUNELAB_ASSETS_DIR "/data";
    PreparedData data = *prepare_data(c).data;  // raw targets around 150: big gradients
    TrainConfig t = config_for(data.info, {{8, Activation::relu, 0.0}});
    t.lr.lr = 0.5;
    t.epochs = 50;
    Trainer trainer(t, data);
    trainer.run();
    CHECK(trainer.status() == Status::diverged);
    CHECK(trainer.diverged_epoch() >= 1);
    CHECK(trainer.diverged_epoch() < 50);
    CHECK(trainer.message().find("at epoch " + std::to_string(trainer.diverged_epoch())) != std::string::npos);
    // The reason is typed, and agrees with core's English message (which the UI no longer parses).
    const std::map<Divergence, std::string> words = {{Divergence::loss_nan, "nan"},
                                                     {Divergence::loss_infinite, "inf"},
                                                     {Divergence::weights_exploded, "weights exploded"}};
    REQUIRE(words.count(trainer.divergence()) == 1);
    std::string message = trainer.message();
    std::transform(message.begin(), message.end(), message.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    CHECK(message.find(words.at(trainer.divergence())) != std::string::npos);
    const auto records = trainer.history().size();
    trainer.step();  // a finished run ignores further steps
    CHECK(trainer.history().size() == records);

    t.lr.lr = 1e-4;  // the same run with a small rate trains
    Trainer careful(t, data);
    careful.run();
    CHECK(careful.status() == Status::finished);
    CHECK(careful.divergence() == Divergence::none);
}

TEST_CASE("early stopping: stops once validation loss has not improved for `patience` epochs") {
    PreparedData data = generated(DatasetKind::curve, 30, 0.3);  // few noisy points: over-fits
    TrainConfig t = config_for(data.info, {{64, Activation::tanh, 0.0}, {64, Activation::tanh, 0.0}});
    t.optimizer.kind = OptimizerKind::adam;
    t.lr.lr = 0.01;
    t.batch.size = 5;
    t.epochs = 1000;
    t.patience = 15;
    Trainer trainer(t, data);
    trainer.run();
    REQUIRE(trainer.status() == Status::stopped_early);
    const auto& h = trainer.history();
    auto best = std::min_element(h.begin(), h.end(), [](const EpochRecord& a, const EpochRecord& b) {
        return a.validation_loss < b.validation_loss;
    });
    CHECK(h.back().epoch - best->epoch == 15);
    CHECK(trainer.epoch() < 1000);
}

TEST_CASE("trainer: step() advances batch by batch, epoch by epoch, with the batch schedule") {
    PreparedData data = generated(DatasetKind::moons, 100);  // 50 training samples
    TrainConfig t = config_for(data.info, {{4, Activation::relu, 0.0}});
    t.batch = {10, 2.0};  // 10, 20, 40, 50 (all), …
    t.epochs = 4;
    Trainer trainer(t, data);
    CHECK(trainer.status() == Status::ready);
    CHECK(trainer.batches_in_epoch() == 5);
    for (int i = 0; i < 3; ++i) trainer.step();
    CHECK(trainer.status() == Status::running);
    CHECK(trainer.batch_in_epoch() == 3);
    CHECK(trainer.epoch() == 0);
    trainer.step();
    trainer.step();
    CHECK(trainer.epoch() == 1);
    CHECK(trainer.batch_in_epoch() == 0);
    trainer.run_epoch();
    CHECK(trainer.epoch() == 2);
    trainer.run();
    CHECK(trainer.finished());
    CHECK(trainer.status() == Status::finished);
    REQUIRE(trainer.history().size() == 4);
    std::vector<int> sizes;
    for (const EpochRecord& r : trainer.history()) sizes.push_back(r.batch_size);
    CHECK(sizes == std::vector<int>{10, 20, 40, 50});
    // FLOPs: forward + backward (×3) per trained sample, plus a forward pass per validation sample.
    const double per_sample = trainer.model().forward_flops_per_sample();
    CHECK(trainer.flops() == doctest::Approx(4 * (3 * 50 + 50) * per_sample));
    CHECK(trainer.history().back().flops == trainer.flops());
}

TEST_CASE("trainer: next_step_flops() foretells each step's cost, the epoch's validation pass included") {
    PreparedData data = generated(DatasetKind::moons, 100);  // 50 training, 50 validation samples
    TrainConfig t = config_for(data.info, {{4, Activation::relu, 0.0}});
    t.batch = {15, 2.0};  // 15 (a short last batch), 30, 50, …: the size changes at epoch starts
    t.epochs = 4;
    Trainer trainer(t, data);
    int steps = 0, epoch_ends = 0;
    while (!trainer.finished()) {
        const double foretold = trainer.next_step_flops();
        const double before = trainer.flops();
        const int epoch = trainer.epoch();
        trainer.step();
        CHECK(trainer.flops() - before == doctest::Approx(foretold));
        steps++;
        epoch_ends += trainer.epoch() != epoch;
    }
    CHECK(steps == 4 + 2 + 1 + 1);
    CHECK(epoch_ends == 4);
    CHECK(trainer.next_step_flops() == 0);
}

TEST_CASE("determinism: the same seed gives the same run, another seed another") {
    PreparedData data = generated(DatasetKind::spiral);
    auto run = [&](uint64_t seed) {
        TrainConfig t = config_for(data.info, {{8, Activation::tanh, 0.2}, {8, Activation::tanh, 0.0}});
        t.seed = seed;
        t.epochs = 5;
        Trainer trainer(t, data);
        trainer.run();
        std::vector<double> trace;
        for (const EpochRecord& r : trainer.history())
            trace.insert(trace.end(), {r.train_loss, r.validation_loss, r.gradient_norm, r.weight_norms[0]});
        return trace;
    };
    CHECK(run(7) == run(7));
    CHECK(run(7) != run(8));
}

TEST_CASE("plots: grids, activations, histograms and the confusion matrix come from the trainer") {
    PreparedData data = generated(DatasetKind::blobs, 150);
    TrainConfig t = config_for(data.info, {{6, Activation::relu, 0.0}});
    t.epochs = 30;
    Trainer trainer(t, data);
    trainer.run();
    Grid grid{-5, 5, -5, 5, 12};
    Eigen::MatrixXf outputs = trainer.predict_grid(grid);
    CHECK(outputs.rows() == 3);
    CHECK(outputs.cols() == 144);
    CHECK((outputs.colwise().sum().array() - 1.0f).abs().maxCoeff() < 1e-5f);  // softmax columns
    Eigen::MatrixXf hidden = trainer.grid_activations(0, grid);
    CHECK(hidden.rows() == 6);
    CHECK(hidden.minCoeff() >= 0.0f);  // ReLU
    // The grid goes through the same preprocessing as the data: a grid point placed on a
    // training point predicts what that point predicts.
    Grid at_point{data.train_points(0, 0), data.train_points(0, 0) + 1, data.train_points(1, 0),
                  data.train_points(1, 0) + 1, 2};
    Eigen::MatrixXf direct = trainer.predict(data.train.x.leftCols(1));
    CHECK((trainer.predict_grid(at_point).col(0) - direct.col(0)).cwiseAbs().maxCoeff() < 1e-6f);

    Eigen::MatrixXi confusion = trainer.confusion_matrix();
    CHECK(confusion.sum() == data.info.validation_size);
    CHECK(double(confusion.trace()) / confusion.sum() == doctest::Approx(trainer.history().back().validation_metric));
    Histogram weights = trainer.weight_histogram(0, 10);
    int counted = 0;
    for (int c : weights.counts) counted += c;
    CHECK(counted == 6 * 2);
    Histogram activations = trainer.activation_histogram(0, 7);
    counted = 0;
    for (int c : activations.counts) counted += c;
    CHECK(counted == 6 * data.info.validation_size);
}

TEST_CASE("histogram: equal bins over the finite values") {
    const float values[] = {0.0f, 1.0f, 2.0f, 3.0f, 4.0f, NAN, INFINITY};
    Histogram h = histogram(values, 4);
    CHECK(h.min == 0.0f);
    CHECK(h.max == 4.0f);
    CHECK(h.counts == std::vector<int>{1, 1, 1, 2});  // the maximum belongs to the last bin
    Histogram same = histogram(std::vector<float>{2.0f, 2.0f}, 3);
    CHECK(same.counts == std::vector<int>{0, 2, 0});
}

TEST_CASE("trainer: grids need 2-D data; regression has no confusion matrix") {
    PreparedData data = generated(DatasetKind::curve, 40);
    TrainConfig t = config_for(data.info, {{4, Activation::tanh, 0.0}});
    Trainer trainer(t, data);
    CHECK(trainer.predict_grid({}).size() == 0);
    CHECK(trainer.confusion_matrix().size() == 0);
}

TEST_CASE("validation: impossible training settings are refused field by field") {
    PreparedData data = generated(DatasetKind::spiral, 100);  // 50 training samples
    auto fields_of = [&](auto change) {
        TrainConfig t = config_for(data.info, {{8, Activation::tanh, 0.0}});
        change(t);
        std::vector<std::string> fields;
        for (const Issue& i : validate(t, data.info)) fields.push_back(i.field);
        return fields;
    };
    using F = std::vector<std::string>;
    CHECK(fields_of([](TrainConfig&) {}) == F{});
    CHECK(fields_of([](TrainConfig& t) { t.batch.size = 0; }) == F{"batch"});
    CHECK(fields_of([](TrainConfig& t) { t.batch.size = 51; }) == F{"batch"});
    CHECK(fields_of([](TrainConfig& t) { t.lr.lr = 0; }) == F{"lr"});
    CHECK(fields_of([](TrainConfig& t) { t.lr.lr = -1; }) == F{"lr"});
    CHECK(fields_of([](TrainConfig& t) { t.epochs = 0; }) == F{"epochs"});
    CHECK(fields_of([](TrainConfig& t) { t.model.hidden[0].units = 0; }) == F{"layers[0].units"});
    CHECK(fields_of([](TrainConfig& t) { t.model.hidden[0].units = 257; }) == F{"layers[0].units"});
    CHECK(fields_of([](TrainConfig& t) { t.model.hidden[0].dropout = 1; }) == F{"layers[0].dropout"});
    CHECK(fields_of([](TrainConfig& t) { t.model.hidden.assign(9, {4, Activation::relu, 0}); }) == F{"layers"});
    CHECK(fields_of([](TrainConfig& t) { t.model.output = Output::softmax; }) == F{"loss", "output"});
    CHECK(fields_of([](TrainConfig& t) { t.optimizer.kind = OptimizerKind::adam; t.optimizer.beta1 = 1; }) == F{"beta1"});
    CHECK(fields_of([](TrainConfig& t) { t.optimizer.kind = OptimizerKind::momentum; t.optimizer.momentum = -0.1; }) == F{"momentum"});
    CHECK(fields_of([](TrainConfig& t) { t.l1 = -1; t.l2 = -1; }) == F{"l1", "l2"});
    CHECK(fields_of([](TrainConfig& t) { t.lr.kind = ScheduleKind::step; t.lr.gamma = 0; }) == F{"gamma"});

    TrainConfig bad = config_for(data.info, {{8, Activation::tanh, 0.0}});
    bad.batch.size = 500;
    try {
        Trainer trainer(bad, data);
        FAIL("a batch larger than the training part was accepted");
    } catch (const ConfigError& e) {
        REQUIRE(e.issues.size() == 1);
        CHECK(e.issues[0].field == "batch");
        CHECK(e.issues[0].message == "is 500; allowed: [1, 50]");
    }
    DataInfo regression = data.info;
    regression.task = Task::regression;
    regression.classes = 0;
    TrainConfig softmax_regression = config_for(regression, {});
    softmax_regression.model.output = Output::softmax;
    std::vector<Issue> issues = validate(softmax_regression, regression);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "output");
}

TEST_CASE("Trainer: per-layer gradient norms are recorded and add up to at most the whole gradient") {
    DataConfig data;
    data.kind = DatasetKind::circle;
    data.size = 200;
    auto prepared = prepare_data(data);
    REQUIRE(prepared.data);
    TrainConfig config;
    config.model.hidden = {{6, Activation::tanh, 0}, {4, Activation::relu, 0}};
    config.epochs = 3;
    Trainer trainer(config, *prepared.data);
    trainer.run();
    REQUIRE(trainer.history().size() == 3);
    for (const EpochRecord& r : trainer.history()) {
        REQUIRE(r.layer_gradient_norms.size() == 3);  // two hidden layers and the output layer
        double squares = 0;
        for (double n : r.layer_gradient_norms) {
            CHECK(n > 0);
            squares += n * n;
        }
        // Per step ‖g_W1‖² + ‖g_W2‖² + ‖g_W3‖² ≤ ‖g‖² (biases count in the whole only), and by
        // Minkowski's inequality the order survives averaging the norms over the epoch's steps.
        CHECK(std::sqrt(squares) <= r.gradient_norm * (1 + 1e-6));
    }
}

TEST_CASE("hypergradient descent: Adam adapts with Adam-HD's β; SGD-HD's would take its rate to 0") {
    // The lab's spiral and a tanh network, Adam at 0.01 (as the CLI prints it: `train --dataset spiral
    // --layers 8,8 --activation tanh --optimizer adam --lr 0.01 --hypergradient 0.001`).
    PreparedData data = generated(DatasetKind::spiral, 500, 0.1);
    const auto last_rate = [&](double beta) {
        TrainConfig t = config_for(data.info, {{8, Activation::tanh, 0.0}, {8, Activation::tanh, 0.0}});
        t.optimizer.kind = OptimizerKind::adam;
        t.lr.lr = 0.01;
        t.epochs = 10;
        t.optimizer.hypergradient = true;
        t.optimizer.hypergradient_beta = beta;
        Trainer trainer(t, data);
        trainer.run();
        return trainer.history().back().learning_rate;
    };
    CHECK(last_rate(kDefaultHypergradientBeta) < 0.001);                  // collapsed: the network stops learning
    CHECK(last_rate(default_hypergradient_beta(OptimizerKind::adam)) > 0.009);  // adapts gently from where it was

    // The default follows the optimizer while the rate adapts; a β the learner set stays.
    OptimizerConfig o;
    o.kind = OptimizerKind::adam;
    follow_default_hypergradient_beta(o);
    CHECK(o.hypergradient_beta == kDefaultHypergradientBeta);  // not adapting: β untouched
    o.hypergradient = true;
    follow_default_hypergradient_beta(o);
    CHECK(o.hypergradient_beta == kDefaultHypergradientBetaNormalized);
    o.kind = OptimizerKind::nesterov;
    follow_default_hypergradient_beta(o);
    CHECK(o.hypergradient_beta == kDefaultHypergradientBeta);
    o.hypergradient_beta = 0.002;
    o.kind = OptimizerKind::rmsprop;
    follow_default_hypergradient_beta(o);
    CHECK(o.hypergradient_beta == 0.002);
}
