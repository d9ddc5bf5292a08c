#pragma once
// Everything a learner can set, as plain structs the UI edits directly and the CLI fills from its
// arguments. Nothing here computes; `validate()` (in validate.cpp) checks a setting against its
// allowed range and says which field is wrong, so the UI can show each message next to its control.
#include <cstdint>
#include <string>
#include <vector>

#include "core/enums.h"

namespace tunelab {

// ------------------------------------------------------------------------------------------ data
enum class DatasetKind {
    circle, xor_, blobs, spiral, moons,              // 2-D classification
    plane, curve,                                     // regression: 2-D plane, 1-D noisy curve
    iris, wine, breast_cancer, digits, diabetes,      // real data shipped in assets/data
    csv                                               // the learner's own CSV text
};
template <>
inline constexpr std::array<std::string_view, 13> enum_names<DatasetKind> = {
    "circle", "xor", "blobs", "spiral", "moons", "plane", "curve",
    "iris", "wine", "breast_cancer", "digits", "diabetes", "csv"};

enum class Task { classification, regression };
template <>
inline constexpr std::array<std::string_view, 2> enum_names<Task> = {"classification", "regression"};

enum class Preprocessing { none, standardize, min_max };
template <>
inline constexpr std::array<std::string_view, 3> enum_names<Preprocessing> = {"none", "standardize",
                                                                              "min_max"};

// Extra inputs computed from (x, y) for the 2-D sets: the "feature engineering" lesson, where a
// linear model separates a circle once it sees x² and y².
struct ExtraFeatures {
    bool x_squared = false, y_squared = false, x_times_y = false, sin_x = false, sin_y = false;
    bool any() const { return x_squared || y_squared || x_times_y || sin_x || sin_y; }
};

struct DataConfig {
    DatasetKind kind = DatasetKind::spiral;
    int size = 500;                 // points generated (2-D and curve sets); real sets have their own
    double noise = 0.05;            // generators only: σ of the jitter, in units of the ±1 layout
    uint64_t seed = 1;              // data generation and the train/validation split
    double validation_ratio = 0.5;  // fraction held out; stratified by class for classification
    Preprocessing preprocessing = Preprocessing::none;  // fitted on the training part only
    ExtraFeatures extra;            // 2-D sets only
    // Real data sets are read from `data_dir`/<name>.csv (the browser build preloads assets/data).
    std::string data_dir = "assets/data";
    // kind == csv: the file's bytes (the browser file picker hands bytes, not a path).
    std::string csv_text;
    std::string target_column;      // csv: header name of the target column
    Task csv_task = Task::classification;
    bool drop_missing = false;      // csv: leave out rows with a missing value (else they are refused)
    // csv: read "3,14" as 3.14, as spreadsheets in many languages save numbers. Off: such a cell is
    // refused saying so, since "1,234" may also be a thousands separator that must not be guessed.
    bool decimal_comma = false;
};

// ----------------------------------------------------------------------------------------- model
enum class Activation { relu, leaky_relu, tanh, sigmoid, linear, elu };
template <>
inline constexpr std::array<std::string_view, 6> enum_names<Activation> = {
    "relu", "leaky_relu", "tanh", "sigmoid", "linear", "elu"};

enum class Output { linear, sigmoid, softmax };
template <>
inline constexpr std::array<std::string_view, 3> enum_names<Output> = {"linear", "sigmoid", "softmax"};

enum class Loss { mse, binary_cross_entropy, categorical_cross_entropy };
template <>
inline constexpr std::array<std::string_view, 3> enum_names<Loss> = {
    "mse", "binary_cross_entropy", "categorical_cross_entropy"};

enum class Init { zeros, constant, uniform, gaussian, xavier, he };
template <>
inline constexpr std::array<std::string_view, 6> enum_names<Init> = {"zeros",    "constant", "uniform",
                                                                     "gaussian", "xavier",   "he"};

struct LayerConfig {
    int units = 8;
    Activation activation = Activation::tanh;
    double dropout = 0.0;  // probability of dropping a unit while training, in [0, 1)
};

struct ModelConfig {
    std::vector<LayerConfig> hidden = {{8, Activation::tanh, 0.0}, {8, Activation::tanh, 0.0}};
    Output output = Output::sigmoid;
    Loss loss = Loss::binary_cross_entropy;
    Init init = Init::xavier;
    double init_scale = 0.1;  // constant: the value; uniform: a in U(-a, a); gaussian: sigma
};

// ------------------------------------------------------------------------------------- optimizer
enum class OptimizerKind { sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw };
template <>
inline constexpr std::array<std::string_view, 7> enum_names<OptimizerKind> = {
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"};

// β = 0.001: the paper's value for SGD-HD and SGDN-HD (Baydin et al. 2018, section 5.1); on TuneLab's
// small networks it takes a rate 100× too small to a working one within a few epochs.
inline constexpr double kDefaultHypergradientBeta = 0.001;
// β = 1e-7: the paper's value for Adam-HD (same section). Adam's direction m̂/(√v̂+ε) is about ±1 per
// weight whatever the gradient's size, so g·u is far larger than SGD's g·g: β = 0.001 drives Adam's
// rate to 0 within ten epochs on the lab's spiral. Adagrad, RMSprop and AdamW normalize their steps
// the same way and take Adam's value.
inline constexpr double kDefaultHypergradientBetaNormalized = 1e-7;

struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::sgd;
    double momentum = 0.9;       // momentum, nesterov
    double rho = 0.9;            // rmsprop: decay of the squared-gradient average
    double beta1 = 0.9;          // adam, adamw
    double beta2 = 0.999;        // adam, adamw
    double epsilon = 1e-8;       // adagrad, rmsprop, adam, adamw
    double weight_decay = 0.01;  // adamw (decoupled from the gradient)
    // Hypergradient descent (Baydin et al., "Online Learning Rate Adaptation with Hypergradient
    // Descent", ICLR 2018), for every kind above: the learning rate follows the gradient of the
    // loss with respect to itself, α ← α + β·∇f(θₜ₋₁)·uₜ₋₂ (u: the previous step's direction).
    // The schedule multiplies the adapted rate: the rate used is schedule(t)·α/lr.
    bool hypergradient = false;
    double hypergradient_beta = kDefaultHypergradientBeta;  // β, the hyper-learning-rate
};

// The paper's β for the optimizer: SGD-HD's for SGD, momentum and Nesterov, Adam-HD's for the rest.
constexpr double default_hypergradient_beta(OptimizerKind kind) {
    return kind == OptimizerKind::sgd || kind == OptimizerKind::momentum || kind == OptimizerKind::nesterov
               ? kDefaultHypergradientBeta
               : kDefaultHypergradientBetaNormalized;
}
// While the rate adapts, a β the learner has not set (one of the defaults) becomes the default of the
// optimizer now chosen; one they set stays. The lab calls it when the optimizer or the box changes,
// a search when a trial's optimizer is tuned.
constexpr void follow_default_hypergradient_beta(OptimizerConfig& o) {
    if (!o.hypergradient) return;
    if (o.hypergradient_beta == kDefaultHypergradientBeta || o.hypergradient_beta == kDefaultHypergradientBetaNormalized)
        o.hypergradient_beta = default_hypergradient_beta(o.kind);
}

// ------------------------------------------------------------------------------------- schedules
enum class ScheduleKind { constant, linear, polynomial, step, exponential, cosine };
template <>
inline constexpr std::array<std::string_view, 6> enum_names<ScheduleKind> = {
    "constant", "linear", "polynomial", "step", "exponential", "cosine"};

// Learning rate as a function of training time t, measured in epochs (fractional within an epoch).
struct LrSchedule {
    ScheduleKind kind = ScheduleKind::constant;
    double lr = 0.03;
    double power = 2.0;          // polynomial: lr·(1 − t/T)^power
    double step_epochs = 10.0;   // step: multiply by gamma every step_epochs
    double gamma = 0.5;          // step: factor per step; exponential: factor per epoch
    double warmup_epochs = 0.0;  // linear ramp from 0 in front of the schedule
};

// Batch size per epoch: size·growth^epoch, rounded and clamped to [1, training size].
// growth 1 keeps it constant, > 1 grows ("don't decay the learning rate, grow the batch"), < 1 decays.
struct BatchSchedule {
    int size = 10;
    double growth = 1.0;
};

// -------------------------------------------------------------------------------------- training
struct TrainConfig {
    ModelConfig model;
    OptimizerConfig optimizer;
    LrSchedule lr;
    BatchSchedule batch;
    int epochs = 100;
    double l1 = 0.0;   // penalty l1·Σ|w| on weights (not biases)
    double l2 = 0.0;   // penalty (l2/2)·Σw² on weights (not biases)
    int patience = 0;  // early stopping: stop after this many epochs without a better validation
                       // loss; 0 = never stop early
    uint64_t seed = 1; // initialization, shuffling, dropout
};

// One refused setting: `field` names the setting as the CLI spells it ("batch", "layers[1].units",
// "lr"), `message` says what is wrong and the allowed range.
struct Issue {
    std::string field;
    std::string message;
};

}  // namespace tunelab
