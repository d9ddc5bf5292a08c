#include "core/dataset.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/csv.h"
#include "core/files.h"
#include "core/limits.h"
#include "core/validate.h"

namespace tunelab {

namespace {

constexpr double kPi = std::numbers::pi;

// The 2-D sets span about [−5, 5]² (as in the TensorFlow Playground): with inputs of that size the
// default Xavier-initialized tanh units start with useful slopes, and unscaled inputs stay a
// visible lesson next to the normalize option.
constexpr double kExtent = 5.0;

struct Generated {
    std::vector<float> x, y, target;
    void add(double px, double py, double t) {
        x.push_back(static_cast<float>(kExtent * px));
        y.push_back(static_cast<float>(kExtent * py));
        target.push_back(static_cast<float>(t));
    }
};

// Each generator places `size` points in about [−1, 1]² (then scaled by `kExtent`), labels them by
// construction, and moves each by Gaussian noise of standard deviation `noise` (before scaling).
Generated generate(DatasetKind kind, int size, double noise, Rng& rng) {
    Generated g;
    auto jitter = [&] { return noise * rng.normal(); };
    // Draws x's jitter, then y's, in statements of their own: the order in which a function's
    // arguments are evaluated differs between GCC and clang, and so would the data.
    auto add_jittered = [&](double x, double y, double label) {
        const double jx = jitter();
        const double jy = jitter();
        g.add(x + jx, y + jy, label);
    };
    for (int i = 0; i < size; ++i) {
        const int label = i % 2;
        switch (kind) {
            case DatasetKind::circle: {  // class 1 inside radius 0.5, class 0 on a ring 0.7 … 1
                double r = label ? rng.uniform(0.0, 0.5) : rng.uniform(0.7, 1.0);
                double angle = rng.uniform(0.0, 2 * kPi);
                add_jittered(r * std::cos(angle), r * std::sin(angle), label);
                break;
            }
            case DatasetKind::xor_: {  // class 1 where x and y have the same sign
                double sign_x = rng.bernoulli(0.5) ? 1 : -1, sign_y = label ? sign_x : -sign_x;
                double x = sign_x * rng.uniform(0.0, 1.0), y = sign_y * rng.uniform(0.0, 1.0);
                add_jittered(x, y, label);
                break;
            }
            case DatasetKind::blobs: {  // three round clusters at 120° from each other
                const int cluster = i % 3;
                double angle = 2 * kPi * cluster / 3 + kPi / 2;
                const double spread_x = (0.1 + noise) * rng.normal();
                const double spread_y = (0.1 + noise) * rng.normal();
                g.add(0.6 * std::cos(angle) + spread_x, 0.6 * std::sin(angle) + spread_y, cluster);
                break;
            }
            case DatasetKind::spiral: {  // two arms turning 1.75 times, the second rotated by π
                double t = double(i / 2) / std::max(1, size / 2);
                double angle = 1.75 * 2 * kPi * t + label * kPi;
                add_jittered(t * std::sin(angle), t * std::cos(angle), label);
                break;
            }
            case DatasetKind::moons: {  // two interleaved half circles, scaled into [−1, 1]
                double angle = rng.uniform(0.0, kPi);
                double x = label ? 1 - std::cos(angle) : std::cos(angle);
                double y = label ? 0.5 - std::sin(angle) : std::sin(angle);
                add_jittered((x - 0.5) * 0.66, (y - 0.25) * 0.66, label);
                break;
            }
            case DatasetKind::plane: {  // target = 0.6·x − 0.4·y + noise
                double x = rng.uniform(-1.0, 1.0), y = rng.uniform(-1.0, 1.0);
                g.add(x, y, 0.6 * x - 0.4 * y + jitter());
                break;
            }
            case DatasetKind::curve: {  // target = sin(πx) + noise on one input: few points and a
                                        // big network show over-fitting as a wiggly line
                double x = rng.uniform(-1.0, 1.0);
                g.add(x, 0, std::sin(kPi * x) + jitter());  // x spans ±kExtent: sin(π·x/kExtent)
                break;
            }
            default: break;
        }
    }
    return g;
}

bool is_real(DatasetKind kind) {
    return kind == DatasetKind::iris || kind == DatasetKind::wine || kind == DatasetKind::breast_cancer ||
           kind == DatasetKind::digits || kind == DatasetKind::diabetes;
}

std::vector<std::string> extra_feature_names(const ExtraFeatures& extra);

// Appends the chosen extra features, computed from the first two rows (x, y).
Eigen::MatrixXf with_extra_features(const Eigen::MatrixXf& points, const ExtraFeatures& extra) {
    // An empty part (no validation samples) has no rows to take: row(1) of an empty matrix would
    // offset a null pointer.
    if (points.cols() == 0) return Eigen::MatrixXf(points.rows() + Eigen::Index(extra_feature_names(extra).size()), 0);
    std::vector<Eigen::ArrayXf> rows;
    Eigen::ArrayXf x = points.row(0).array().transpose(), y = points.row(1).array().transpose();
    if (extra.x_squared) rows.push_back(x * x);
    if (extra.y_squared) rows.push_back(y * y);
    if (extra.x_times_y) rows.push_back(x * y);
    // std::sin per element in double, rounded to float: Eigen's vectorized sin depends on where in
    // the array a value sits and on the build's SIMD, and the C libraries' float sinf differ in the
    // last bit, which the rounding from double hides. Data must be the same everywhere.
    auto sine = [](float v) { return static_cast<float>(std::sin(double(v))); };
    if (extra.sin_x) rows.push_back(x.unaryExpr(sine));
    if (extra.sin_y) rows.push_back(y.unaryExpr(sine));
    Eigen::MatrixXf out(points.rows() + static_cast<Eigen::Index>(rows.size()), points.cols());
    out.topRows(points.rows()) = points;
    for (size_t r = 0; r < rows.size(); ++r) out.row(points.rows() + r) = rows[r].matrix().transpose();
    return out;
}

std::vector<std::string> extra_feature_names(const ExtraFeatures& extra) {
    std::vector<std::string> names;
    if (extra.x_squared) names.push_back("x^2");
    if (extra.y_squared) names.push_back("y^2");
    if (extra.x_times_y) names.push_back("x*y");
    if (extra.sin_x) names.push_back("sin(x)");
    if (extra.sin_y) names.push_back("sin(y)");
    return names;
}

Dataset select(const Dataset& all, const std::vector<int>& indices) {
    Dataset part;
    part.x.resize(all.features(), static_cast<Eigen::Index>(indices.size()));
    part.y.resize(static_cast<Eigen::Index>(indices.size()));
    for (size_t i = 0; i < indices.size(); ++i) {
        part.x.col(i) = all.x.col(indices[i]);
        part.y(i) = all.y(indices[i]);
    }
    return part;
}

}  // namespace

void Scaler::apply(Eigen::MatrixXf& x) const {
    x = ((x.colwise() - offset).array().colwise() * scale.array()).matrix();
}

Scaler fit_scaler(const Eigen::MatrixXf& x, Preprocessing preprocessing) {
    Scaler s;
    const auto features = x.rows();
    s.offset = Eigen::VectorXf::Zero(features);
    s.scale = Eigen::VectorXf::Ones(features);
    if (preprocessing == Preprocessing::none || x.cols() == 0) return s;
    const auto n = static_cast<double>(x.cols());
    for (Eigen::Index f = 0; f < features; ++f) {
        double spread;
        if (preprocessing == Preprocessing::standardize) {  // (x − mean) / std
            // Plain sums in sample order rather than Eigen's reductions, whose order (and so last
            // bits) depends on the build's SIMD: the web and native data must match.
            double sum = 0, squares = 0;
            for (Eigen::Index j = 0; j < x.cols(); ++j) sum += x(f, j);
            const double mean = sum / n;
            for (Eigen::Index j = 0; j < x.cols(); ++j) squares += (x(f, j) - mean) * (x(f, j) - mean);
            s.offset(f) = static_cast<float>(mean);
            spread = std::sqrt(squares / n);
        } else {  // min-max: (x − min) / (max − min), into [0, 1]
            s.offset(f) = x.row(f).minCoeff();
            spread = x.row(f).maxCoeff() - x.row(f).minCoeff();
        }
        // A constant feature carries no information; leave it at offset 0 instead of dividing by 0.
        s.scale(f) = spread > 0 ? static_cast<float>(1.0 / spread) : 1.0f;
    }
    return s;
}

std::optional<RawData> generate_2d(DatasetKind kind, int size, double noise, Rng& rng) {
    if (is_real(kind) || kind == DatasetKind::csv) return std::nullopt;
    Generated g = generate(kind, size, noise, rng);
    RawData raw;
    const bool one_input = kind == DatasetKind::curve;
    raw.all.x.resize(one_input ? 1 : 2, size);
    raw.all.y = Eigen::Map<Eigen::VectorXf>(g.target.data(), size);
    raw.all.x.row(0) = Eigen::Map<Eigen::RowVectorXf>(g.x.data(), size);
    if (!one_input) raw.all.x.row(1) = Eigen::Map<Eigen::RowVectorXf>(g.y.data(), size);
    const bool regression = kind == DatasetKind::plane || kind == DatasetKind::curve;
    raw.info.task = regression ? Task::regression : Task::classification;
    raw.info.classes = regression ? 0 : kind == DatasetKind::blobs ? 3 : 2;
    raw.info.planar = !one_input;
    raw.info.feature_names = one_input ? std::vector<std::string>{"x"} : std::vector<std::string>{"x", "y"};
    for (int c = 0; c < raw.info.classes; ++c) raw.info.class_names.push_back(std::to_string(c));
    return raw;
}

std::vector<int> validation_indices(const Eigen::VectorXf& y, Task task, int classes, double ratio,
                                    Rng& rng) {
    // Stratified: each class gives the same share, so a rare class is not left out of either part.
    const int groups = task == Task::classification ? classes : 1;
    std::vector<std::vector<int>> members(std::max(groups, 1));
    for (int i = 0; i < y.size(); ++i) members[groups > 1 ? static_cast<int>(y(i)) : 0].push_back(i);
    std::vector<int> chosen;
    for (auto& group : members) {
        rng.shuffle(std::span<int>(group));
        const auto take = static_cast<size_t>(std::lround(ratio * group.size()));
        chosen.insert(chosen.end(), group.begin(), group.begin() + std::min(take, group.size()));
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

Eigen::MatrixXf PreparedData::model_inputs(const Eigen::MatrixXf& points) const {
    Eigen::MatrixXf inputs = extra.any() ? with_extra_features(points, extra) : points;
    scaler.apply(inputs);
    return inputs;
}

DataResult prepare_data(const DataConfig& config) {
    DataResult result;
    result.issues = validate(config);
    if (!result.issues.empty()) return result;

    // Separate streams, so that changing the split ratio does not change the generated points.
    Rng data_rng(config.seed, 1), split_rng(config.seed, 2);
    std::optional<RawData> raw;
    if (config.kind == DatasetKind::csv || is_real(config.kind)) {
        std::string text = config.csv_text, target = config.target_column;
        Task task = config.csv_task;
        if (config.kind != DatasetKind::csv) {
            const std::string path = config.data_dir + "/" + std::string(name(config.kind)) + ".csv";
            FileText file = read_file(path, limits::kMaxCsvBytes, "a CSV file");
            if (!file.text) {
                result.issues.push_back({"dataset", file.error + " (set the data directory to assets/data)"});
                return result;
            }
            text = std::move(*file.text);
            target = "target";
            task = config.kind == DatasetKind::diabetes ? Task::regression : Task::classification;
        }
        CsvLoad load = load_csv(text, target, task, config.drop_missing, config.decimal_comma);
        if (!load.data) {
            result.issues.push_back({load.error->field, load.error->describe()});
            return result;
        }
        raw = std::move(load.data);
        raw->info.notes = load.dialect.notes();
    } else {
        raw = generate_2d(config.kind, config.size, config.noise, data_rng);
    }

    PreparedData data;
    data.info = raw->info;
    std::vector<int> held_out = validation_indices(raw->all.y, data.info.task, data.info.classes,
                                                   config.validation_ratio, split_rng);
    std::vector<int> kept;
    for (int i = 0, h = 0; i < raw->all.samples(); ++i) {
        if (h < static_cast<int>(held_out.size()) && held_out[h] == i) ++h;
        else kept.push_back(i);
    }
    data.train = select(raw->all, kept);
    data.validation = select(raw->all, held_out);
    if (data.info.planar) {
        data.train_points = data.train.x;
        data.validation_points = data.validation.x;
        data.extra = config.extra;
        data.train.x = with_extra_features(data.train.x, config.extra);
        data.validation.x = with_extra_features(data.validation.x, config.extra);
        for (const auto& n : extra_feature_names(config.extra)) data.info.feature_names.push_back(n);
    }
    data.scaler = fit_scaler(data.train.x, config.preprocessing);  // training part only: the
    data.scaler.apply(data.train.x);                                 // validation part must not leak
    data.scaler.apply(data.validation.x);                            // into the preprocessing
    data.info.inputs = data.train.features();
    data.info.train_size = data.train.samples();
    data.info.validation_size = data.validation.samples();
    if (data.info.train_size == 0) {
        result.issues.push_back({"val-split", "leaves no training samples; use a ratio in [0, 0.9] on more data"});
        return result;
    }
    result.data = std::move(data);
    return result;
}

}  // namespace tunelab
