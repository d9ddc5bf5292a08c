#include "ui/lab/lab_view_math.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tunelab::ui {

int overfitting_epoch(std::span<const EpochRecord> history) {
    // The finite prefix: where a run diverged, its losses stop meaning anything.
    int n = 0;
    while (n < static_cast<int>(history.size()) && std::isfinite(history[n].train_loss) &&
           std::isfinite(history[n].validation_loss))
        ++n;
    const int sustain = std::max(5, n / 10);
    if (n < sustain + 3) return 0;

    // Centred moving average over 5 epochs (fewer at the ends) against single noisy dips.
    constexpr int kHalf = 2;
    std::vector<double> smooth(n);
    for (int i = 0; i < n; ++i) {
        const int a = std::max(0, i - kHalf), b = std::min(n - 1, i + kHalf);
        double sum = 0.0;
        for (int j = a; j <= b; ++j) sum += history[j].validation_loss;
        smooth[i] = sum / (b - a + 1);
    }
    const int best = static_cast<int>(std::min_element(smooth.begin(), smooth.end()) - smooth.begin());
    if (n - 1 - best < sustain) return 0;

    // The noise: how far single validation losses stray from the smoothed curve.
    double noise = 0.0;
    for (int i = 0; i < n; ++i) noise += (history[i].validation_loss - smooth[i]) * (history[i].validation_loss - smooth[i]);
    noise = std::sqrt(noise / n);

    double validation_tail = 0.0, train_tail = 0.0;
    for (int i = n - sustain; i < n; ++i) {
        validation_tail += history[i].validation_loss / sustain;
        train_tail += history[i].train_loss / sustain;
    }
    // Risen clearly: by 5% of the lowest value and by three standard errors of the tail's mean
    // (a noisy minimum of a small loss is 5% below any later average by chance alone), and a
    // trend after the turn, not a drift inside the noise: a least-squares line through the
    // validation losses from the lowest epoch on climbs by more than three of its standard errors.
    const bool risen = validation_tail >= smooth[best] * 1.05 && validation_tail - smooth[best] >= 3.0 * noise / std::sqrt(sustain);
    const int m = n - best;
    double mean_t = 0.0, mean_v = 0.0;
    for (int i = best; i < n; ++i) {
        mean_t += double(i) / m;
        mean_v += history[i].validation_loss / m;
    }
    double stt = 0.0, stv = 0.0;
    for (int i = best; i < n; ++i) {
        stt += (i - mean_t) * (i - mean_t);
        stv += (i - mean_t) * (history[i].validation_loss - mean_v);
    }
    const double slope = stv / stt;
    double residuals = 0.0;
    for (int i = best; i < n; ++i) {
        const double r = history[i].validation_loss - (mean_v + slope * (i - mean_t));
        residuals += r * r;
    }
    const double slope_error = std::sqrt(residuals / std::max(m - 2, 1) / stt);
    const bool trend = slope > 3.0 * slope_error;
    const bool train_fell = train_tail < history[best].train_loss;
    return risen && trend && train_fell ? history[best].epoch : 0;
}

Grid boundary_grid(const Eigen::MatrixXf& train_points, const Eigen::MatrixXf& validation_points,
                   int resolution) {
    float lo[2] = {-1.0f, -1.0f}, hi[2] = {1.0f, 1.0f};
    const bool any = train_points.cols() + validation_points.cols() > 0 && train_points.rows() >= 2;
    for (int axis = 0; any && axis < 2; ++axis) {
        lo[axis] = std::min(train_points.cols() ? train_points.row(axis).minCoeff() : INFINITY,
                            validation_points.cols() ? validation_points.row(axis).minCoeff() : INFINITY);
        hi[axis] = std::max(train_points.cols() ? train_points.row(axis).maxCoeff() : -INFINITY,
                            validation_points.cols() ? validation_points.row(axis).maxCoeff() : -INFINITY);
    }
    // Square: the larger span on both axes, each centred on its data, plus the 10% margin.
    const float span = std::max({hi[0] - lo[0], hi[1] - lo[1], 1e-3f}) * 1.2f;
    Grid grid;
    grid.resolution = resolution;
    grid.x_min = 0.5f * (lo[0] + hi[0] - span);
    grid.x_max = grid.x_min + span;
    grid.y_min = 0.5f * (lo[1] + hi[1] - span);
    grid.y_max = grid.y_min + span;
    return grid;
}

int grid_resolution(double flops_per_sample, double budget_flops, int lo, int hi) {
    const double side = std::sqrt(budget_flops / std::max(flops_per_sample, 1.0));
    return static_cast<int>(std::clamp(side, static_cast<double>(lo), static_cast<double>(hi)));
}

int shown_units(int units, int room) { return units <= room ? units : std::max(room, 1); }

int view_columns(float width, float font) { return width >= 46.0f * font ? 2 : 1; }

double parameter_checksum(std::span<const float> parameters) {
    // Position-weighted, so two weights trading values still change it.
    double sum = 0.0;
    for (size_t i = 0; i < parameters.size(); ++i) sum += parameters[i] * static_cast<double>(1 + i % 13);
    return sum;
}

double path_learning_rate(Surface surface, OptimizerKind kind, double scale) {
    // By surface, then optimizer: SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW.
    static constexpr double kRates[3][7] = {
        {0.05, 0.02, 0.02, 0.5, 0.05, 0.1, 0.1},          // long bowl
        {0.002, 0.0002, 0.0002, 0.3, 0.02, 0.1, 0.1},     // Rosenbrock
        {0.05, 0.01, 0.01, 0.3, 0.05, 0.05, 0.05},        // saddle
    };
    return kRates[std::clamp(static_cast<int>(surface), 0, 2)][std::clamp(static_cast<int>(kind), 0, 6)] * scale;
}

}  // namespace tunelab::ui
