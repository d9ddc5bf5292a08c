#pragma once
// Data sets: the 2-D generators, the real sets in assets/data, the learner's CSV; the train /
// validation split and the preprocessing fitted on the training part.
//
// Layout: one column per sample (features × samples), so that a mini-batch is a contiguous block of
// columns and the network computes Z = W·X with the batch along the columns.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "core/random.h"
#include "core/settings.h"

namespace tunelab {

struct Dataset {
    Eigen::MatrixXf x;  // features × samples
    Eigen::VectorXf y;  // class index (0 … classes−1) or regression target, one per sample
    int samples() const { return static_cast<int>(x.cols()); }
    int features() const { return static_cast<int>(x.rows()); }
};

// What the model needs to know about the data to be shaped and checked.
struct DataInfo {
    Task task = Task::classification;
    int classes = 0;     // classification: number of classes (≥ 2); regression: 0
    int inputs = 0;      // features after extra 2-D features
    int train_size = 0;
    int validation_size = 0;
    bool planar = false;  // the raw inputs are 2-D points (decision-boundary plots make sense)
    std::vector<std::string> feature_names;
    std::vector<std::string> class_names;
    std::vector<std::string> notes;  // what the CSV loader recognized and did (CsvDialect::notes())
};

// The per-feature affine map x' = (x − offset) · scale, fitted on the training part.
struct Scaler {
    Eigen::VectorXf offset, scale;
    void apply(Eigen::MatrixXf& x) const;
};

struct PreparedData {
    DataInfo info;
    Dataset train, validation;
    Scaler scaler;
    // Raw 2-D points (before extra features and scaling) of each part, for scatter plots.
    Eigen::MatrixXf train_points, validation_points;
    ExtraFeatures extra;
    // Maps raw 2-D points (2 × n) to model inputs: extra features, then the fitted scaler. This is
    // what decision-boundary grids go through.
    Eigen::MatrixXf model_inputs(const Eigen::MatrixXf& points) const;
};

struct DataResult {
    std::optional<PreparedData> data;
    std::vector<Issue> issues;  // empty iff data is set
};

// Generates or loads, splits, adds extra features, fits and applies the preprocessing.
DataResult prepare_data(const DataConfig& config);

// Raw set before splitting (exposed for tests and for plotting the generator's output).
struct RawData {
    Dataset all;
    DataInfo info;  // task, classes, names, planar (sizes not yet filled)
};
std::optional<RawData> generate_2d(DatasetKind kind, int size, double noise, Rng& rng);

// Indices of the validation part: a `ratio` share of each class (classification) or of all
// samples (regression), chosen with `rng`. Sorted ascending.
std::vector<int> validation_indices(const Eigen::VectorXf& y, Task task, int classes, double ratio,
                                    Rng& rng);

Scaler fit_scaler(const Eigen::MatrixXf& x, Preprocessing preprocessing);

}  // namespace tunelab
